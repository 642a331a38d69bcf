"""设置 › 单位排序 sets the order the circular lists its units in (undone with Ctrl+Z); the
报告 page exports the 外出招商情况上报表."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidget

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.reports_page import ReportsPage
from tests.conftest import activity_id
from tests.reports.conftest import pdf_text
from tests.ui.scenarios.conftest import FileAnswers
from tests.ui.scenarios.drive import (
    CTRL,
    choose,
    click_item,
    column,
    find,
    in_dialog,
    press,
    shortcut,
    wait_for_feedback,
)

UNITS = (
    "高新区",
    "经开区",
    "市商务局",
)  # none of them went out: 未外出 rows, in the official order


def _reports(main: MainWindow) -> ReportsPage:
    click_item(main.sidebar, "报告")
    page = main.page("reports")
    assert isinstance(page, ReportsPage)
    return page


def test_the_unit_order_set_in_settings_orders_the_circular(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, warnings: list[str]
) -> None:
    for name, unit in zip(("张伟", "李娜", "王强"), UNITS, strict=True):
        ledger.add_person(Person(name, "主任", unit))
    main = start()
    choose(main.period_bar.part, "10月")
    page = _reports(main)
    choose(page.kind, "汇总通报")
    choose(page.by, "按单位")
    assert [page.sheet.itemText(i) for i in range(page.sheet.count())][:2] == [
        "汇总通报",
        "占比及项目",
    ]
    unsorted = column(page.table, "单位")[:3]
    assert sorted(unsorted) == sorted(UNITS) and unsorted == ["市商务局", "经开区", "高新区"]

    click_item(main.sidebar, "设置")
    settings = main.page("settings")
    wanted = ["高新区", "市商务局", "经开区"]

    def put_in_order(dialog: QDialog) -> None:
        units = find(dialog, QListWidget)
        shown = [units.item(i).text() for i in range(units.count())]
        assert sorted(shown) == sorted(UNITS)
        # move each wanted name to its place with 上移, as a person does
        for place, name in enumerate(wanted):
            click_item(units, name)
            for _ in range(shown.index(name) - place):
                press(dialog, "上移")
            shown.remove(name)
            shown.insert(place, name)
        assert [units.item(i).text() for i in range(units.count())] == wanted
        press(dialog, "保存")

    in_dialog(qtbot, lambda: press(settings, "单位排序…"), put_in_order)
    assert list(ledger.official_order().units) == wanted
    page = _reports(main)
    assert column(page.table, "单位")[:3] == wanted

    shortcut(main, Qt.Key.Key_Z, CTRL)
    assert ledger.official_order().units == ()
    assert column(page.table, "单位")[:3] == unsorted
    assert not warnings


def test_the_trips_form_is_exported_from_the_reports_page(
    qtbot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    tmp_path: Path,
    files: FileAnswers,
    opened: list[str],
    warnings: list[str],
) -> None:
    zhang = ledger.add_person(Person("张伟", "市长", "市人民政府"))
    assert zhang.id is not None
    for day in (8, 9):
        ledger.add_entry(
            Entry(
                zhang.id,
                date(2026, 10, day),
                activity_id(ledger, "外出招商"),
                day_part=DayPart.FULL,
                location="重庆",
                counterpart="长安汽车",
            )
        )
    main = start()
    choose(main.period_bar.part, "10月")
    page = _reports(main)
    choose(page.kind, "外出招商情况上报表")
    assert column(page.table, "姓名") == ["张伟"]
    assert column(page.table, "拜访企业名称") == ["长安汽车"]
    out = tmp_path / "上报表.pdf"
    files.save.append(str(out))
    press(page, "导出…")
    wait_for_feedback(qtbot, main, "已生成")
    assert opened == [str(out)] and not warnings
    text = "".join(pdf_text(out.read_bytes(), tmp_path))
    for words in ("外出招商情况上报表", "市人民政府", "张伟", "市长", "重庆", "长安汽车"):
        assert words in text, words
