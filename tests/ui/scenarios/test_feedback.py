"""How things end, as a person sees it: a message bar that stays until closed or replaced; a
record saved outside the period shown says so and shows its month at a click; a written report
offers to open the file and its folder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.domain.people import Person
from desktop.storage.ledger import Ledger
from desktop.ui.date_field import DateField
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.entries_page import EntriesPage
from tests.ui.scenarios.drive import (
    CTRL,
    button,
    choose,
    click,
    click_item,
    column,
    feedback,
    find,
    in_dialog,
    press,
    shortcut,
    type_into,
    wait_for_feedback,
)


def test_an_entry_saved_outside_the_month_shown_says_so_and_shows_that_month(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, zhang: Person
) -> None:
    window = start()
    click_item(window.sidebar, "工作记录")
    assert feedback(window) == ""

    def log(dialog: QDialog) -> None:
        type_into(find(dialog, DateField), "2026-10-15")
        press(dialog, "保存")

    in_dialog(qtbot, lambda: shortcut(window, Qt.Key.Key_N, CTRL), log)
    said = feedback(window)
    assert said.startswith("已保存：2026-10-15 的记录。它不在当前显示的时段"), said
    assert "2026年11月" in said
    page = window.page("entries")
    assert isinstance(page, EntriesPage)
    assert column(page.table, "日期") == []  # November, as shown, has none
    qtbot.wait(300)
    assert feedback(window) == said  # it stays
    click(button(window, "显示2026年10月"))
    assert window.period_bar.part.currentText() == "10月"
    assert [d[:10] for d in column(page.table, "日期")] == ["2026-10-15"]
    assert feedback(window) == ""  # done with: the button closed it
    (day,) = ledger.db.execute("SELECT date FROM entries").fetchone()
    assert date.fromisoformat(day) == date(2026, 10, 15)

    def log_inside(dialog: QDialog) -> None:
        type_into(find(dialog, DateField), "2026-10-16")
        press(dialog, "保存")

    in_dialog(qtbot, lambda: shortcut(window, Qt.Key.Key_N, CTRL), log_inside)
    assert feedback(window) == "已保存：2026-10-16 的记录。"
    click(button(window, "×"))
    assert feedback(window) == ""


def test_a_written_report_offers_its_file_and_folder(
    qtbot,
    start: Callable[[], MainWindow],
    zhang: Person,
    files,
    opened: list[str],
    tmp_path: Path,
) -> None:
    window = start()
    click_item(window.sidebar, "报告")
    page = window.stack.currentWidget()
    click(button(page, "生成后打开文件"))  # as a user who opens it when they choose
    choose(page.kind, "汇总通报")
    out = tmp_path / "通报.pdf"
    files.save.append(str(out))
    press(page, "导出…")
    said = wait_for_feedback(qtbot, window, "已生成")
    assert str(out) in said and out.exists() and opened == []
    click(button(window, "打开文件"))
    click(button(window, "打开所在文件夹"))
    assert opened == [str(out), str(tmp_path)]
    assert feedback(window) == said
    choose(page.kind, "个人月报")  # another report: the line about the last one goes
    assert feedback(window) == ""
