"""A file dialog opens where the person went last time for the same purpose: a report exported to
a folder once is offered in that folder the next time, and another purpose keeps its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop.domain.people import Person
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from tests.ui.scenarios.conftest import FileAnswers
from tests.ui.scenarios.drive import choose, click_item, press


def test_the_report_dialog_opens_in_the_folder_used_last_time(
    qtbot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    zhang: Person,
    tmp_path: Path,
    files: FileAnswers,
    opened: list[str],
) -> None:
    main = start()
    click_item(main.sidebar, "报告")
    reports = main.page("reports")
    choose(reports.kind, "汇总通报")
    folder = tmp_path / "通报"
    folder.mkdir()
    first = folder / "first.pdf"
    files.save.append(str(first))
    press(reports, "导出…")
    qtbot.waitUntil(lambda: reports.job is None and first.exists(), timeout=60_000)
    assert "/" not in files.suggested[0]  # nowhere yet: the name alone
    files.save.append("")  # the second time the person looks and cancels
    press(reports, "导出…")
    assert Path(files.suggested[1]).parent == folder, files.suggested
    # another purpose is not sent there: the list export starts from its own (none yet)
    click_item(main.sidebar, "人员")
    files.save.append("")
    press(main.page("people"), "导出当前列表…")
    assert Path(files.suggested[2]).parent == Path("."), files.suggested


def test_the_report_preview_sorts_by_a_heading_and_copies_as_a_list_does(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, zhang: Person
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.domain.entries import DayPart, Entry
    from tests.conftest import activity_id
    from tests.ui.scenarios.drive import cells, shortcut
    from tests.ui.scenarios.test_tables_like_excel import click_heading, headings

    li = ledger.add_person(Person("李娜", "副市长", "市人民政府"))
    trip = activity_id(ledger, "外出招商")
    for person, days in ((zhang, (3, 4, 5)), (li, (10,))):
        for d in days:
            ledger.add_entry(Entry(person.id or 0, date(2026, 11, d), trip, day_part=DayPart.FULL))
    main = start()
    click_item(main.sidebar, "报告")
    reports = main.page("reports")
    choose(reports.kind, "汇总通报")
    view = reports.table
    column = headings(view).index("姓名")
    click_heading(view, "外出天数")
    first = [row[column] for row in cells(view)]
    click_heading(view, "外出天数")
    again = [row[column] for row in cells(view)]
    assert again == list(reversed(first)) and set(first) >= {"张伟", "李娜"}, (first, again)
    view.selectAll()
    shortcut(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QApplication.clipboard().text().splitlines()
    assert copied[0].split("\t") == headings(view)
    assert len(copied) == 1 + len(cells(view))
