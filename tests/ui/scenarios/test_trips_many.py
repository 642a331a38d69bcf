"""The 外出招商 page on thousands of trips: a person clicks it in the sidebar and sees every
trip of the month, its travellers in their order, places and companies joined with 、; the
list is read in the same few statements whether the month holds twenty trips or two thousand
(the page issued four statements a trip before)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from desktop.domain.people import Person
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import PAGES, MainWindow
from tests.ui.scenarios.drive import cells, click_item

FIRST = date(2026, 11, 1)


def write_trips(ledger: Ledger, count: int) -> None:
    """`count` trips of November 2026 written straight into the tables (arranging the data,
    not what the test checks): trip n goes to 深圳 and 东莞, visits 比亚迪, led by person n % 7
    with person (n + 3) % 7 along."""
    people = [ledger.add_person(Person(f"人员{i}")) for i in range(7)]
    pid = [p.id for p in people]
    trips, travellers = [], []
    for n in range(1, count + 1):
        day = (FIRST + timedelta(days=n % 28)).isoformat()
        visits = json.dumps([{"company": "比亚迪", "contact": "", "title": ""}], ensure_ascii=False)
        trips.append((n, day, day, json.dumps(["深圳", "东莞"], ensure_ascii=False), visits))
        travellers += [(n, pid[n % 7], 0), (n, pid[(n + 3) % 7], 1)]
    with ledger.db.atomic():
        ledger.db.conn.executemany(
            "INSERT INTO trips (id, start_date, end_date, destinations, companies)"
            " VALUES (?, ?, ?, ?, ?)",
            trips,
        )
        ledger.db.conn.executemany(
            "INSERT INTO trip_travellers (trip_id, person_id, position) VALUES (?, ?, ?)",
            travellers,
        )


@pytest.mark.parametrize("count", [20, 2000])
def test_the_trips_page_lists_every_trip_in_a_few_statements(
    qtbot, ledger: Ledger, start: Callable[[], MainWindow], count: int
) -> None:
    write_trips(ledger, count)
    window = start()
    statements: list[str] = []
    ledger.db.conn.set_trace_callback(statements.append)
    try:
        click_item(window.sidebar, window.sidebar.item(PAGES.index("trips")).text())
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.page("trips"))
    finally:
        ledger.db.conn.set_trace_callback(None)
    assert len(statements) <= 3, statements
    rows = cells(window.page("trips").table)  # type: ignore[attr-defined]
    assert len(rows) == count
    newest = max(range(1, count + 1), key=lambda n: ((n % 28), n))
    assert rows[0] == [
        (FIRST + timedelta(days=newest % 28)).isoformat(),
        (FIRST + timedelta(days=newest % 28)).isoformat(),
        "1",
        f"人员{newest % 7}、人员{(newest + 3) % 7}",
        "深圳、东莞",
        "比亚迪",
        "",
    ]
