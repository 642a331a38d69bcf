"""A three-day 外出招商 trip recorded on the trips page by mouse and keys only: the leader and a
companion, two destinations, two companies with their contact and the contact's title typed
into the company grid, one of two projects ticked, back at noon on the last day. Each traveller
gets one entry per day away, 2.5 days in all, seen on the trips and entries pages and held in
the database; Ctrl+Z takes the trip and all its entries away again, Ctrl+Shift+Z brings them
back."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QListWidget

from desktop.domain.people import Person
from desktop.domain.projects import Project
from desktop.storage.ledger import Ledger
from desktop.ui.company_grid import CompanyGridView
from desktop.ui.main_window import PAGES, MainWindow
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
    press,
    shortcut,
    type_into,
)

TICKED, OTHER = "长安新能源电池项目", "京东方第6代柔性屏项目"
PLACES = "福建宁德、广东深圳"
COMPANIES = (("宁德时代", "张总", "副总裁"), ("比亚迪", "李总", "投资总监"))
RESULTS = "达成电池项目合作意向"


def held(ledger: Ledger) -> tuple[object, ...]:
    """The trips with their travellers and projects, and every entry, as stored (by names, not
    ids)."""
    q = ledger.db.execute
    trips = q(
        "SELECT start_date, end_date, start_half, end_half, destinations, companies, results"
        " FROM trips ORDER BY id"
    ).fetchall()
    travellers = q(
        "SELECT p.name FROM trip_travellers t JOIN persons p ON p.id = t.person_id"
        " ORDER BY t.trip_id, t.position"
    ).fetchall()
    projects = q(
        "SELECT p.name FROM trip_projects t JOIN projects p ON p.id = t.project_id"
        " ORDER BY t.trip_id, p.name"
    ).fetchall()
    entries = q(
        "SELECT p.name, e.date, e.day_part, e.minutes, a.name, pr.name, e.location,"
        " e.counterpart, e.note, e.trip_id IS NOT NULL FROM entries e"
        " JOIN persons p ON p.id = e.person_id JOIN activities a ON a.id = e.activity_id"
        " LEFT JOIN projects pr ON pr.id = e.project_id ORDER BY p.name, e.date"
    ).fetchall()
    return (trips, travellers, projects, entries)


def days_held(ledger: Ledger) -> list[tuple[str, float]]:
    """Each person's days in the entries: 全天 1, 半天 0.5."""
    return ledger.db.execute(
        "SELECT p.name, SUM(CASE e.day_part WHEN 'full' THEN 1.0 WHEN 'half' THEN 0.5 END)"
        " FROM entries e JOIN persons p ON p.id = e.person_id GROUP BY p.id ORDER BY p.id"
    ).fetchall()


def _tick(view: QListWidget, text: str) -> None:
    """Click the list's item that reads text and tick it with the space bar."""
    (item,) = [view.item(i) for i in range(view.count()) if view.item(i).text() == text]
    view.scrollToItem(item)
    QTest.mouseClick(view.viewport(), LEFT, NO_MODIFIER, view.visualItemRect(item).center())
    key(view, Qt.Key.Key_Space)
    assert item.checkState() == Qt.CheckState.Checked, text


def _fits_the_screen(dialog: QDialog) -> None:
    """The dialog is wholly on the screen (at 150 % too), its buttons where they can be clicked."""
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert screen.contains(dialog.frameGeometry()), (dialog.frameGeometry(), screen)


def _type_companies(grid: CompanyGridView) -> None:
    """Company, contact and title of each visit, cell by cell: F2 edits a cell, Tab goes on."""
    click(grid.viewport())
    key(grid, Qt.Key.Key_Home, CTRL)
    for visit in COMPANIES:
        for text in visit:
            key(grid, Qt.Key.Key_F2)
            type_into(QApplication.focusWidget(), text)
            key(QApplication.focusWidget(), Qt.Key.Key_Tab)


def _go(qtbot, window: MainWindow, page: str) -> None:
    click_item(window.sidebar, window.sidebar.item(PAGES.index(page)).text())
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.page(page))


def test_a_three_day_trip_of_two_gives_each_two_and_a_half_days_and_undo_takes_it_away(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, zhang: Person
) -> None:
    ledger.add_person(Person("李娜", "副市长", "市人民政府"))
    ledger.add_project(Project(TICKED, leader_id=zhang.id))
    ledger.add_project(Project(OTHER, leader_id=zhang.id))
    window = start()
    _go(qtbot, window, "trips")
    trips = window.page("trips")
    counted: list[str] = []

    def record(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "新建外出招商"
        _fits_the_screen(dialog)
        choose(dialog.leader, "张伟")
        _tick(dialog.companions, "李娜（副市长）")
        type_into(dialog.start, "2026-11-16")
        type_into(dialog.end, "2026-11-18")
        counted.append(dialog.days.text())
        click(dialog.end_half)  # back at noon on the 18th
        counted.append(dialog.days.text())
        type_into(dialog.destinations, PLACES)
        _type_companies(find(dialog, CompanyGridView))
        _tick(dialog.projects, TICKED)
        type_into(dialog.results, RESULTS)
        press(dialog, "保存")

    in_dialog(qtbot, lambda: press(trips, "新建外出招商"), record)
    assert counted == ["共 3 天", "共 2.5 天"]
    trip_row = [
        "2026-11-16",
        "2026-11-18",
        "2.5",
        "张伟、李娜",
        PLACES,
        "宁德时代、比亚迪",
        RESULTS,
    ]
    assert cells(trips.table) == [trip_row]

    saved = held(ledger)
    companies = [{"company": c, "contact": n, "title": t} for c, n, t in COMPANIES]
    assert saved[:3] == (
        [("2026-11-16", "2026-11-18", 0, 1, json.dumps(PLACES.split("、"), ensure_ascii=False),
          json.dumps(companies, ensure_ascii=False), RESULTS)],
        [("张伟",), ("李娜",)],
        [(TICKED,)],
    )  # fmt: skip
    day = ("外出招商", TICKED, PLACES, "宁德时代、比亚迪", RESULTS, 1)
    assert saved[3] == [
        (name, date, part, None, *day)
        for name in ("张伟", "李娜")
        for date, part in (("2026-11-16", "full"), ("2026-11-17", "full"), ("2026-11-18", "half"))
    ]
    assert days_held(ledger) == [("张伟", 2.5), ("李娜", 2.5)]

    _go(qtbot, window, "entries")
    entries = window.page("entries").table
    dates, persons, days = (column(entries, h) for h in ("日期", "人员", "时长"))
    assert list(zip(dates, persons, days, strict=True)) == [
        ("2026-11-16", "张伟", "全天"),
        ("2026-11-16", "李娜", "全天"),
        ("2026-11-17", "张伟", "全天"),
        ("2026-11-17", "李娜", "全天"),
        ("2026-11-18", "张伟", "半天"),
        ("2026-11-18", "李娜", "半天"),
    ]
    assert set(column(entries, "活动类型")) == {"外出招商"}
    assert set(column(entries, "项目")) == {TICKED}
    assert set(column(entries, "客商/企业")) == {"宁德时代、比亚迪"}

    shortcut(window, Qt.Key.Key_Z, CTRL)  # undo the trip
    assert cells(entries) == []
    assert held(ledger) == ([], [], [], [])
    _go(qtbot, window, "trips")
    assert cells(trips.table) == []

    shortcut(window, Qt.Key.Key_Z, CTRL | SHIFT)  # and redo it
    assert cells(trips.table) == [trip_row]
    assert held(ledger) == saved
    assert days_held(ledger) == [("张伟", 2.5), ("李娜", 2.5)]
