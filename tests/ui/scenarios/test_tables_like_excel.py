"""The tables used as a spreadsheet is, by clicks and keys only: a click on a heading sorts the
rows by that column (in SQL for 工作记录), a second click the other way round, the arrow on that
heading; Shift and Ctrl clicks select several rows, Ctrl+C puts them on the clipboard as
tab-separated text with the headings first (read back and parsed as Excel reads it), F2 opens
the row last clicked; Delete deletes the selected rows as one step that Ctrl+Z takes back whole,
and a row of a submitted month among them deletes none; a note cut short shows whole in its
tooltip; a column dragged wider stays so in the next window; 导出当前列表 writes the table as
shown to XLSX or CSV. After each step the table shows, and the database holds, what is meant."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QPushButton,
    QTableView,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.projects import Funding, Project
from desktop.domain.trips import Trip
from desktop.storage.ledger import Ledger
from desktop.ui.dialogs.entry_dialog import EntryDialog
from desktop.ui.main_window import MainWindow
from tests.conftest import activity_id
from tests.storage.units import PDF
from tests.ui.scenarios.conftest import FileAnswers
from tests.ui.scenarios.drive import (
    CTRL,
    LEFT,
    NO_MODIFIER,
    SHIFT,
    cells,
    choose,
    click,
    click_item,
    column,
    find,
    in_dialog,
    key,
    shortcut,
)
from tests.ui.scenarios.test_undo_exact import dump

Rows = list[list[str]]
HEADINGS = ["日期", "人员", "时间", "时长", "活动类型", "项目", "地点", "客商/企业", "进展成效",
            "填报人"]  # fmt: skip
LONG_NOTE = (
    "陪同宁德时代考察团参观动力电池产业园区，就电池回收、储能电站和整车配套三个方向逐项座谈，"
    "议定下月由园区管委会牵头再次对接并形成书面合作意向"
)
QUOTED_NOTE = 'a\t"b"\nc'  # a tab, quotes and a line break: quoted on the clipboard
FORMULA_NOTE = "=SUM(A1:A9)"  # text that a spreadsheet must not run


# -- driving the table ---------------------------------------------------------------------


def headings(view: QAbstractItemView) -> list[str]:
    model = view.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def click_heading(view: QTableView, text: str) -> None:
    """Click the heading that reads text, in the middle of its section."""
    section = headings(view).index(text)
    view.scrollTo(view.model().index(0, section))
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    assert 0 <= x < header.viewport().width(), f"“{text}” is off the table"
    QTest.mouseClick(header.viewport(), LEFT, NO_MODIFIER, QPoint(x, header.height() // 2))


def arrow(view: QTableView) -> tuple[str, Qt.SortOrder]:
    """The heading that shows the sort arrow, and which way it points."""
    header = view.horizontalHeader()
    assert header.isSortIndicatorShown()
    section = header.sortIndicatorSection()
    return (headings(view)[section] if section >= 0 else "", header.sortIndicatorOrder())


def click_row(
    view: QAbstractItemView, row: int, modifiers: Qt.KeyboardModifier = NO_MODIFIER
) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), LEFT, modifiers, view.visualRect(index).center())


def selected(view: QAbstractItemView) -> list[int]:
    return sorted(i.row() for i in view.selectionModel().selectedRows())


def clipboard_rows() -> Rows:
    """What Ctrl+C left on the clipboard, parsed as tab-separated text with Excel's quoting."""
    text = QApplication.clipboard().text()
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter="\t")]


def drag_edge(view: QTableView, text: str, by: int) -> None:
    """Drag the right edge of the heading that reads text by `by` pixels."""
    section = headings(view).index(text)
    view.scrollTo(view.model().index(0, section))
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) - 1
    y = header.height() // 2
    QTest.mousePress(header.viewport(), LEFT, NO_MODIFIER, QPoint(x, y))
    for step in range(1, 5):
        QTest.mouseMove(header.viewport(), QPoint(x + by * step // 4, y))
    QTest.mouseRelease(header.viewport(), LEFT, NO_MODIFIER, QPoint(x + by, y))


def export_button(page: QWidget) -> QPushButton:
    return find(page, QPushButton, "export_list")


def page_table(window: MainWindow, name: str) -> QTableView:
    table = getattr(window.page(name), "table", None)
    assert isinstance(table, QTableView)
    return table


def export(qtbot: QtBot, page: QWidget, files: FileAnswers, out: Path) -> None:
    """导出当前列表…: the file named in the save dialog; wait until it is written."""
    files.save.append(str(out))
    button = export_button(page)
    click(button)
    qtbot.waitUntil(lambda: out.exists() and button.isEnabled(), timeout=30_000)


def xlsx_rows(path: Path) -> Rows:
    book = openpyxl.load_workbook(path)
    out = []
    for row in book.active.iter_rows(values_only=True):
        out.append([_shown(v) for v in row])
    return out


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def csv_rows(path: Path) -> Rows:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [list(r) for r in csv.reader(f)]


# -- the entries ---------------------------------------------------------------------------


def _entries_arranged(ledger: Ledger) -> tuple[Person, Person]:
    zhang = ledger.add_person(Person("张伟", "市长", "市人民政府"))
    wang = ledger.add_person(Person("王强", "副市长", "市人民政府"))
    assert zhang.id is not None and wang.id is not None
    battery = ledger.add_project(Project("长安新能源电池项目"))
    screen = ledger.add_project(Project("京东方柔性屏项目"))
    talks, visit = activity_id(ledger, "项目洽谈"), activity_id(ledger, "接待客商考察")
    leave, meeting = activity_id(ledger, "请假"), activity_id(ledger, "招商专题会议")
    day = date(2026, 11, 2)
    for e in (
        Entry(zhang.id, day, talks, 90, start=540, end=630, location="重庆",
              project_id=battery.id, counterpart="长安汽车", note="洽谈电池项目"),
        Entry(wang.id, day, talks, 240, start=840, end=1080, location="北京",
              project_id=screen.id, note=QUOTED_NOTE, recorded_by="秘书乙"),
        Entry(zhang.id, date(2026, 11, 3), visit, day_part=DayPart.HALF, location="成都",
              counterpart="宁德时代", note=LONG_NOTE),
        Entry(zhang.id, date(2026, 11, 4), leave, day_part=DayPart.FULL),
        Entry(wang.id, date(2026, 11, 5), meeting, 30, counterpart="宁德时代",
              note=FORMULA_NOTE),
    ):  # fmt: skip
        ledger.add_entry(e)
    return zhang, wang


def _entries(window: MainWindow) -> QTableView:
    click_item(window.sidebar, "工作记录")
    return page_table(window, "entries")


DURATION = {"半天": 1, "全天": 2}


def _length(text: str) -> tuple[int, float]:
    """时长 by its length: the hours given (0.5 小时, 4 小时), then 半天, then 全天."""
    return (DURATION[text], 0.0) if text in DURATION else (0, float(text.split()[0]))


def _ascending(rows: Rows, heading: str) -> Rows:
    """The rows as a sort by that column gives them: by the text shown (its code points), 时长
    by its length; ties in the order the table had at first (by day, person, start)."""
    c = HEADINGS.index(heading)
    if heading == "时长":
        return sorted(rows, key=lambda r: _length(r[c]))
    return sorted(rows, key=lambda r: r[c])


def test_a_click_on_a_heading_sorts_the_entries_and_a_second_reverses(
    qtbot: QtBot, start: Callable[[], MainWindow], ledger: Ledger
) -> None:
    _entries_arranged(ledger)
    window = start()
    table = _entries(window)
    first = cells(table)
    assert len(first) == 5 and [r[0] for r in first] == sorted(r[0] for r in first)
    assert arrow(table) == ("日期", Qt.SortOrder.AscendingOrder)  # the display order, said
    for heading in ["地点", "人员", "时长", "活动类型", "项目", "进展成效", "客商/企业", "时间",
                    "填报人", "日期"]:  # fmt: skip
        expected = _ascending(first, heading)
        click_heading(table, heading)
        assert arrow(table) == (heading, Qt.SortOrder.AscendingOrder), heading
        assert cells(table) == expected, heading
        click_heading(table, heading)
        assert arrow(table) == (heading, Qt.SortOrder.DescendingOrder), heading
        assert cells(table) == expected[::-1], heading
    # the places as they read: 北京, 成都, 重庆 by their characters, the empty ones first
    click_heading(table, "地点")
    assert column(table, "地点") == ["", "", "北京", "成都", "重庆"]
    assert column(table, "时长") == ["全天", "0.5 小时", "4 小时", "半天", "1.5 小时"]
    # the order stays when the filter changes: one person's entries, still by place
    choose(window.period_bar.person, "张伟（市长）")
    assert column(table, "地点") == ["", "成都", "重庆"]
    assert column(table, "人员") == ["张伟"] * 3


def test_a_month_of_two_sorted_by_a_text_column_shows_that_month_only(
    qtbot: QtBot, start: Callable[[], MainWindow], ledger: Ledger
) -> None:
    # the same places, companies and secretaries in October and November: a sort of one month
    # by one of those columns seeks that month's rows of each value, and shows no other
    zhang = ledger.add_person(Person("张伟", "市长", "市人民政府"))
    assert zhang.id is not None
    talks = activity_id(ledger, "项目洽谈")
    places, companies = ["重庆", "北京", "", "成都"], ["宁德时代", "", "长安汽车"]
    secretaries, notes = ["秘书甲", "秘书乙", ""], ["洽谈", "", "考察电池项目", "签约"]
    for month in (10, 11):
        for n in range(12):
            start_min = 480 + 60 * (n % 6)
            ledger.add_entry(
                Entry(zhang.id, date(2026, month, 2 + n // 6), talks, 30, start=start_min,
                      end=start_min + 30, location=places[n % 4], counterpart=companies[n % 3],
                      note=notes[n % 4] + ("" if month == 11 else "（十月）"),
                      recorded_by=secretaries[n % 3])
            )  # fmt: skip
    window = start()
    table = _entries(window)
    for part in ("11月", "10月"):
        choose(window.period_bar.part, part)
        click_heading(table, "日期")
        if arrow(table)[1] == Qt.SortOrder.DescendingOrder:
            click_heading(table, "日期")
        shown = cells(table)
        assert len(shown) == 12
        assert {r[0][5:7] for r in shown} == {part.removesuffix("月")}
        for heading in ["地点", "客商/企业", "填报人", "进展成效"]:
            expected = _ascending(shown, heading)
            click_heading(table, heading)
            assert cells(table) == expected, (part, heading)
            click_heading(table, heading)
            assert cells(table) == expected[::-1], (part, heading)


def test_shift_and_ctrl_select_rows_that_ctrl_c_copies_as_cells_with_the_headings(
    qtbot: QtBot, start: Callable[[], MainWindow], ledger: Ledger
) -> None:
    _entries_arranged(ledger)
    window = start()
    table = _entries(window)
    shown = cells(table)
    click_row(table, 0)
    click_row(table, 2, SHIFT)
    click_row(table, 4, CTRL)
    assert selected(table) == [0, 1, 2, 4]
    key(table, Qt.Key.Key_C, CTRL)
    copied = clipboard_rows()
    assert copied == [HEADINGS, *(shown[r] for r in (0, 1, 2, 4))]
    assert QUOTED_NOTE in [row[8] for row in copied]  # its tab, quotes and line break kept
    assert '"a\t""b""\nc"' in QApplication.clipboard().text()  # quoted as Excel quotes
    # F2 opens the row clicked last, not the first selected
    seen: list[str] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        seen.append(dialog.note.toPlainText())
        dialog.reject()

    in_dialog(qtbot, lambda: key(table, Qt.Key.Key_F2), look)
    assert seen == [shown[4][8]]
    # the same on a list held in memory: 人员, sorted by name, two rows copied
    click_item(window.sidebar, "人员")
    people = page_table(window, "people")
    click_heading(people, "姓名")
    assert column(people, "姓名") == ["张伟", "王强"]  # 张 U+5F20 before 王 U+738B
    click_row(people, 0)
    click_row(people, 1, SHIFT)
    key(people, Qt.Key.Key_C, CTRL)
    assert clipboard_rows() == [headings(people), *cells(people)]


def test_delete_takes_the_selected_entries_away_as_one_step_that_undo_brings_back(
    qtbot: QtBot, start: Callable[[], MainWindow], ledger: Ledger, warnings: list[str]
) -> None:
    _entries_arranged(ledger)
    window = start()
    table = _entries(window)
    shown = cells(table)
    before = dump(ledger)
    steps = window.session.undo_stack.count()
    click_row(table, 0)
    click_row(table, 2, CTRL)
    click_row(table, 3, CTRL)
    key(table, Qt.Key.Key_Delete)
    assert cells(table) == [shown[1], shown[4]]
    assert sorted(n for (n,) in ledger.db.execute("SELECT note FROM entries")) == sorted(
        [shown[1][8], shown[4][8]]
    )
    assert len(ledger.trash_items()) == 3  # each waits in the 回收站
    assert window.session.undo_stack.count() == steps + 1  # one step, not three
    after = dump(ledger)
    shortcut(window, Qt.Key.Key_Z, CTRL)
    assert dump(ledger) == before and cells(table) == shown
    shortcut(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert dump(ledger) == after and cells(table) == [shown[1], shown[4]]
    shortcut(window, Qt.Key.Key_Z, CTRL)
    assert dump(ledger) == before
    assert not warnings, warnings


def test_a_row_of_a_submitted_month_among_those_selected_deletes_none(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    warnings: list[str],
    tmp_path: Path,
) -> None:
    zhang, _ = _entries_arranged(ledger)
    assert zhang.id is not None
    talks = activity_id(ledger, "项目洽谈")
    ledger.add_entry(Entry(zhang.id, date(2026, 10, 15), talks, 60, note="十月"))
    ledger.submit_month(zhang.id, Period.month(2026, 10), PDF, tmp_path / "zhang.otr")
    window = start()
    choose(window.period_bar.kind, "年度")
    table = _entries(window)
    click_heading(table, "日期")  # newest first: November's rows, then October's
    assert arrow(table) == ("日期", Qt.SortOrder.DescendingOrder)
    shown = cells(table)
    assert shown[-1][0] == "2026-10-15" and shown[0][0] == "2026-11-05"
    before = dump(ledger)
    steps = window.session.undo_stack.count()
    click_row(table, 0)  # deleted first, then taken back when October is refused
    click_row(table, len(shown) - 1, CTRL)
    key(table, Qt.Key.Key_Delete)
    assert dump(ledger) == before, "a refused row left the others deleted"
    assert cells(table) == shown
    assert window.session.undo_stack.count() == steps
    assert len(warnings) == 1 and "张伟 2026年10月的月报已于" in warnings[0], warnings


def test_a_note_cut_short_shows_whole_in_its_tooltip(
    qtbot: QtBot, start: Callable[[], MainWindow], ledger: Ledger
) -> None:
    _entries_arranged(ledger)
    window = start()
    table = _entries(window)
    notes = column(table, "进展成效")
    where = table.model().index(notes.index(LONG_NOTE), HEADINGS.index("进展成效"))
    table.scrollTo(where)
    QTest.mouseMove(table.viewport(), table.visualRect(where).center())
    qtbot.waitUntil(QToolTip.isVisible, timeout=5_000)
    assert QTextDocumentFragment.fromHtml(QToolTip.text()).toPlainText() == LONG_NOTE
    # a place that fits its column has no tooltip
    place = table.model().index(notes.index(LONG_NOTE), HEADINGS.index("地点"))
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    QTest.mouseMove(table.viewport(), table.visualRect(place).center())
    qtbot.wait(1_500)
    assert not QToolTip.isVisible(), QToolTip.text()


def test_a_column_dragged_wider_is_as_wide_in_the_next_window(
    qtbot: QtBot, start: Callable[[], MainWindow], ledger: Ledger
) -> None:
    zhang, _ = _entries_arranged(ledger)
    assert zhang.id is not None
    ledger.add_trip(
        Trip((zhang.id,), date(2026, 11, 9), date(2026, 11, 10), destinations=("成都",))
    )
    window = start()
    table = _entries(window)
    wide = table.columnWidth(HEADINGS.index("地点")) + 60
    drag_edge(table, "地点", 60)
    assert table.columnWidth(HEADINGS.index("地点")) == wide
    click_item(window.sidebar, "外出招商")
    trips = page_table(window, "trips")
    places = headings(trips).index("目的地")
    trip_wide = trips.columnWidth(places) + 80
    drag_edge(trips, "目的地", 80)
    assert trips.columnWidth(places) == trip_wide
    choose(window.period_bar.part, "10月")  # the list made anew: the width stays
    choose(window.period_bar.part, "11月")
    assert trips.columnWidth(places) == trip_wide
    window.close()
    again = start()
    assert _entries(again).columnWidth(HEADINGS.index("地点")) == wide
    click_item(again.sidebar, "外出招商")
    assert page_table(again, "trips").columnWidth(places) == trip_wide


def test_export_writes_the_entries_as_shown_sorted_to_xlsx_and_csv(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    files: FileAnswers,
    tmp_path: Path,
) -> None:
    _entries_arranged(ledger)
    window = start()
    table = _entries(window)
    page = window.page("entries")
    click_heading(table, "地点")
    shown = cells(table)
    export(qtbot, page, files, tmp_path / "工作记录.xlsx")
    assert xlsx_rows(tmp_path / "工作记录.xlsx") == [HEADINGS, *shown]
    sheet = openpyxl.load_workbook(tmp_path / "工作记录.xlsx").active
    notes = [c for c in sheet["I"] if c.value == FORMULA_NOTE]
    assert len(notes) == 1 and notes[0].data_type == "s"  # text, never a formula
    assert isinstance(sheet["A2"].value, datetime)  # the days as dates
    click_heading(table, "地点")  # the other way round, to CSV
    export(qtbot, page, files, tmp_path / "工作记录.csv")
    guarded = [[("'" + c if c == FORMULA_NOTE else c) for c in r] for r in cells(table)]
    assert csv_rows(tmp_path / "工作记录.csv") == [HEADINGS, *guarded]
    assert cells(table) == shown[::-1]


# -- the lists held in memory ---------------------------------------------------------------


def _trips_arranged(ledger: Ledger) -> Person:
    zhang = ledger.add_person(Person("张伟", "市长", "市人民政府"))
    assert zhang.id is not None
    for start, end, half, place in (
        (date(2026, 11, 2), date(2026, 11, 3), True, "成都"),  # 1.5 days
        (date(2026, 11, 5), date(2026, 11, 14), False, "深圳"),  # 10 days
        (date(2026, 11, 16), date(2026, 11, 17), False, "北京"),  # 2 days
    ):
        ledger.add_trip(Trip((zhang.id,), start, end, start_half=half, destinations=(place,)))
    return zhang


def test_trips_sort_by_days_as_numbers_delete_as_one_step_and_export(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    files: FileAnswers,
    warnings: list[str],
    tmp_path: Path,
) -> None:
    _trips_arranged(ledger)
    window = start()
    click_item(window.sidebar, "外出招商")
    page = window.page("trips")
    table = page_table(window, "trips")
    assert arrow(table)[0] == ""  # the page's own order until a heading is clicked
    click_heading(table, "天数")
    assert column(table, "天数") == ["1.5", "2", "10"]  # not 1.5, 10, 2 as text sorts
    assert arrow(table) == ("天数", Qt.SortOrder.AscendingOrder)
    click_heading(table, "天数")
    assert column(table, "天数") == ["10", "2", "1.5"]
    assert column(table, "目的地") == ["深圳", "北京", "成都"]
    export(qtbot, page, files, tmp_path / "外出招商.xlsx")
    book = openpyxl.load_workbook(tmp_path / "外出招商.xlsx").active
    assert xlsx_rows(tmp_path / "外出招商.xlsx") == [headings(table), *cells(table)]
    assert [book.cell(r, 3).value for r in (2, 3, 4)] == [10, 2, 1.5]  # numbers, as numbers
    # the two longest deleted together; Ctrl+Z brings both back
    before = dump(ledger)
    click_row(table, 0)
    click_row(table, 1, SHIFT)
    key(table, Qt.Key.Key_Delete)
    assert column(table, "目的地") == ["成都"]
    assert [t.destinations for t in ledger.trips()] == [("成都",)]
    shortcut(window, Qt.Key.Key_Z, CTRL)
    assert dump(ledger) == before
    assert column(table, "目的地") == ["深圳", "北京", "成都"]  # still sorted by 天数 ↓
    assert not warnings, warnings


def test_projects_sort_by_funds_as_numbers(
    qtbot: QtBot, start: Callable[[], MainWindow], ledger: Ledger
) -> None:
    for name, funds in (("甲项目", "900"), ("乙项目", "12000.5"), ("丙项目", "")):
        project = ledger.add_project(Project(name))
        assert project.id is not None
        if funds:
            ledger.add_funds(project.id, Funding(date(2026, 11, 2), Decimal(funds)))
    window = start()
    click_item(window.sidebar, "项目")
    table = page_table(window, "projects")
    click_heading(table, "到位资金")
    assert column(table, "项目") == ["丙项目", "甲项目", "乙项目"]  # none, 900, 12,000.5
    click_heading(table, "项目")
    assert column(table, "项目") == sorted(["甲项目", "乙项目", "丙项目"])
