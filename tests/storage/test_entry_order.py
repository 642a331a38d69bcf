"""The entries sorted by a column in SQL (EntryOrder): for every column, both directions and each
kind of filter, the rows and every window of them are those of a plain Python sort of the same
entries by the shown value, ties in the display order; over a whole period each window is read
walking that order's index, not sorting every row."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.projects import Project
from desktop.storage import entries as entries_module
from desktop.storage import text_index
from desktop.storage.entries import SORTS, EntryOrder
from desktop.storage.ledger import Ledger

PLACES = ["成都", "重庆", "", "北京", "上海", "深圳", "Xi'an"]
NOTES = ["", "洽谈电池项目", "考察", "签约", "=1+1", "a", "洽谈"]


def _low(value: Any) -> tuple[bool, Any]:
    """SQLite's order of a value that may be NULL: NULL first."""
    return (value is not None, value if value is not None else 0)


@pytest.fixture
def filled(ledger: Ledger) -> Ledger:
    """Three people (two of the same name in other units), two projects, 120 entries of
    every duration over two months, some sharing a day and a start."""
    rng = random.Random(7)
    people = [
        ledger.add_person(Person("张伟", "市长", "市人民政府")),
        ledger.add_person(Person("王强", "副市长", "市人民政府")),
        ledger.add_person(Person("张伟", "区长", "高新区")),
    ]
    projects = [
        ledger.add_project(Project("长安新能源电池项目")),
        ledger.add_project(Project("京东方柔性屏项目")),
    ]
    activities = [a.id for a in ledger.activities() if a.name != "外出招商"]
    taken: set[tuple[int | None, date, int]] = set()
    while len(taken) < 120:
        person = rng.choice(people).id
        day = date(2026, 9, 1) + timedelta(days=rng.randrange(61))
        slot = rng.randrange(8)
        if (person, day, slot) in taken:
            continue
        taken.add((person, day, slot))
        kind = rng.randrange(4)
        assert person is not None
        common: dict[str, Any] = {
            "project_id": rng.choice([None, None, *[p.id for p in projects]]),
            "location": rng.choice(PLACES),
            "counterpart": rng.choice(["", "宁德时代", "长安汽车"]),
            "note": rng.choice(NOTES),
            "recorded_by": rng.choice(["", "秘书甲", "秘书乙"]),
        }
        activity = rng.choice(activities)
        assert activity is not None
        if kind == 0:  # timed: two-hour slots through a 16-hour day
            start = 6 * 60 + slot * 120
            entry = Entry(person, day, activity, 60, start=start, end=start + 60, **common)
        elif kind == 1:  # hours only
            entry = Entry(person, day, activity, 30 + 15 * slot, **common)
        else:
            part = DayPart.FULL if kind == 2 else DayPart.HALF
            same_day = [
                t for t in taken if t[0] == person and t[1] == day and t != (person, day, slot)
            ]
            if same_day:
                taken.discard((person, day, slot))
                continue  # a day part is the day's only entry here, so the day stays valid
            entry = Entry(person, day, activity, day_part=part, **common)
            taken.update((person, day, s) for s in range(8))
        ledger.add_entry(entry)
    return ledger


def _key(ledger: Ledger, by: str) -> Callable[[Entry], tuple[Any, ...]]:
    persons = {p.id: p for p in ledger.persons()}
    activities = {a.id: a.name for a in ledger.activities()}
    projects: dict[int | None, str] = dict(ledger.project_names())

    def display(e: Entry) -> tuple[Any, ...]:
        return (e.day, e.person_id, _low(e.start), e.id)

    def key(e: Entry) -> tuple[Any, ...]:
        if by == "date":
            return display(e)
        if by == "person":
            p = persons[e.person_id]
            return (p.name, p.unit, e.day, _low(e.start), e.id)
        if by == "time":
            return (_low(e.start), _low(e.end), e.day, e.person_id, e.id)
        if by == "duration":
            rank = {None: 0, DayPart.HALF: 1, DayPart.FULL: 2}[e.day_part]
            return (rank, _low(e.minutes), *display(e))
        if by == "activity":
            return (activities[e.activity_id], *display(e))
        if by == "project":
            return (_low(projects.get(e.project_id)), *display(e))
        return (getattr(e, by), *display(e))

    return key


FILTERS: dict[str, Callable[[Ledger], dict[str, Any]]] = {
    "everything": lambda ledger: {},
    "a month": lambda ledger: {"period": Period.month(2026, 10)},
    "a person": lambda ledger: {"person_id": ledger.persons()[0].id},
    "an activity": lambda ledger: {"activity_id": ledger.find_activity("项目洽谈").id},
    "a project": lambda ledger: {"project_id": ledger.project_names()[0][0]},
    "a text": lambda ledger: {"text": "洽谈"},
}


@pytest.mark.parametrize("by", list(SORTS))
@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("where", list(FILTERS))
def test_each_order_is_a_plain_sort_of_the_shown_values(
    filled: Ledger, by: str, descending: bool, where: str
) -> None:
    kwargs = FILTERS[where](filled)
    order = EntryOrder(by, descending)
    everything = filled.entries(**kwargs)
    assert everything, "the filter leaves entries to sort"
    expected = sorted(everything, key=_key(filled, by), reverse=descending)
    assert filled.entries(**kwargs, order=order) == expected
    assert list(filled.each_entry(**kwargs, order=order)) == expected
    windows: list[Entry] = []
    for offset in range(0, len(expected) + 7, 7):
        windows += filled.entries(**kwargs, order=order, limit=7, offset=offset)
    assert windows == expected
    ids = filled.ordered_entry_ids(**kwargs, order=order)
    if ids is not None:
        assert list(ids) == [e.id for e in expected]
    else:  # paged by windows only where an index holds the order
        assert "text" not in kwargs and (order.is_default or set(kwargs) <= {"period"}), (
            f"{where} is paged without ids"
        )


def test_a_text_search_always_gives_its_ids(filled: Ledger) -> None:
    ids = filled.ordered_entry_ids(text="洽谈")
    assert ids is not None and list(ids) == [e.id for e in filled.entries(text="洽谈")]


@pytest.mark.parametrize("by", [b for b in SORTS if b != "date"])
def test_a_whole_period_walks_the_index_of_its_order(filled: Ledger, by: str) -> None:
    """No sort of every row for each window: the plan reads an index in the order asked."""
    traced: list[str] = []
    filled.db.conn.set_trace_callback(traced.append)
    try:
        filled.entries(period=Period.year(2026), order=EntryOrder(by), limit=200, offset=40)
    finally:
        filled.db.conn.set_trace_callback(None)
    selects = [s for s in traced if s.lstrip().startswith("SELECT") and "ORDER BY" in s]
    assert selects
    for sql in selects:
        expanded = sql.replace("?", "'2026-01-01'", 1).replace("?", "'2026-12-31'", 1)
        expanded = expanded.replace("LIMIT ? OFFSET ?", "LIMIT 200 OFFSET 40")
        plan = " | ".join(
            str(r[-1]) for r in filled.db.execute("EXPLAIN QUERY PLAN " + expanded).fetchall()
        )
        assert "idx_entries_by_" in plan, plan
        assert "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize("by", [b for b, sort in SORTS.items() if sort.column])
@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
def test_a_text_column_over_part_of_the_entries_seeks_each_value(
    filled: Ledger, by: str, descending: bool
) -> None:
    """Over a month of two, a sort by a text column seeks each of its values' rows of that
    month in the index, instead of stepping over the other month's rows of the same value."""
    traced: list[str] = []
    filled.db.conn.set_trace_callback(traced.append)  # the statements with their values
    try:
        filled.entries(
            period=Period.month(2026, 10), order=EntryOrder(by, descending), limit=20, offset=3
        )
    finally:
        filled.db.conn.set_trace_callback(None)
    (sql,) = [s for s in traced if s.lstrip().startswith("SELECT") and "ORDER BY" in s]
    plan = " | ".join(str(r[-1]) for r in filled.db.execute("EXPLAIN QUERY PLAN " + sql))
    assert f"({by}=? AND date>? AND date<?)" in plan, plan
    assert "TEMP B-TREE" not in plan, plan


def test_a_text_column_of_many_values_is_still_sorted_right(
    filled: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(entries_module, "FEW_VALUES", 2)  # every text column has more
    october = Period.month(2026, 10)
    for by in ("location", "note"):
        order = EntryOrder(by, descending=True)
        expected = sorted(filled.entries(period=october), key=_key(filled, by), reverse=True)
        windows: list[Entry] = []
        for offset in range(0, len(expected) + 5, 5):
            windows += filled.entries(period=october, order=order, limit=5, offset=offset)
        assert windows == expected


def test_a_new_value_of_a_text_column_is_in_the_next_sort(filled: Ledger) -> None:
    october = Period.month(2026, 10)
    order = EntryOrder("location")
    before = filled.entries(period=october, order=order, limit=500)
    person = filled.persons()[0]
    activity = filled.find_activity("项目洽谈").id
    assert person.id is not None and activity is not None
    added = filled.add_entry(Entry(person.id, date(2026, 10, 9), activity, 30, location="合肥"))
    after = filled.entries(period=october, order=order, limit=500)
    assert after == sorted([*before, added], key=_key(filled, "location"))


def test_an_unknown_column_is_no_order() -> None:
    with pytest.raises(ValueError):
        EntryOrder("salary")


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("period", [None, Period.year(2026)], ids=["no period", "the year"])
def test_a_text_found_in_many_entries_is_paged_walking_the_display_order(
    filled: Ledger, monkeypatch: pytest.MonkeyPatch, descending: bool, period: Period | None
) -> None:
    """Over a period that holds every entry's day, no ids sorted up front: each window walks
    idx_entries_order, and holds the rows a sort of every match would give there; the count
    is the text index's own."""
    expected = filled.entries(text="洽谈", period=period)  # every match, sorted
    assert len(expected) > 3
    monkeypatch.setattr(entries_module, "MANY_MATCHES", 5)
    order = EntryOrder("date", descending)
    assert filled.ordered_entry_ids(text="洽谈", period=period, order=order) is None
    assert filled.count_entries(text="洽谈", period=period) == len(expected)
    traced: list[str] = []
    filled.db.conn.set_trace_callback(traced.append)
    windows: list[Entry] = []
    try:
        for offset in range(0, len(expected) + 7, 7):
            windows += filled.entries(
                text="洽谈", period=period, order=order, limit=7, offset=offset
            )
    finally:
        filled.db.conn.set_trace_callback(None)
    assert windows == (expected[::-1] if descending else expected)
    walks = [s for s in traced if "INDEXED BY idx_entries_order" in s]
    assert walks and not [s for s in traced if s.lstrip().startswith("SELECT e.id FROM")]
    for sql in walks:
        plan = " | ".join(str(r[-1]) for r in filled.db.execute("EXPLAIN QUERY PLAN " + sql))
        assert "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
def test_a_walked_window_starting_anywhere_holds_the_rows_of_the_sorted_matches_there(
    filled: Ledger, monkeypatch: pytest.MonkeyPatch, descending: bool
) -> None:
    """Each walked window, at every offset and running past the end, is the slice of every
    match sorted."""
    expected = filled.entries(text="洽谈")
    if descending:
        expected.reverse()
    monkeypatch.setattr(entries_module, "MANY_MATCHES", 5)
    order = EntryOrder("date", descending)
    assert len(expected) >= 6
    for limit in (1, 2, 4):
        for offset in range(len(expected) + 2):
            window = filled.entries(text="洽谈", order=order, limit=limit, offset=offset)
            assert window == expected[offset : offset + limit], (limit, offset)


def test_many_matches_in_a_part_of_the_entries_are_sorted_for_their_ids(
    filled: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A month of two: counting its matches looks each one up anyway, so the ids are sorted."""
    october = Period.month(2026, 10)
    expected = filled.entries(text="洽谈", period=october)
    monkeypatch.setattr(entries_module, "MANY_MATCHES", 5)
    assert filled.count_entries(text="洽谈") > 5
    ids = filled.ordered_entry_ids(text="洽谈", period=october)
    assert ids is not None and list(ids) == [e.id for e in expected]
    assert filled.count_entries(text="洽谈", period=october) == len(expected)


def test_the_count_of_many_matches_follows_every_write(
    filled: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(entries_module, "MANY_MATCHES", 5)
    before = filled.count_entries(text="洽谈")
    person = filled.persons()[0]
    assert person.id is not None
    activity = filled.find_activity("项目洽谈").id
    assert activity is not None
    added = filled.add_entry(Entry(person.id, date(2026, 11, 20), activity, 30, note="洽谈"))
    assert filled.count_entries(text="洽谈") == before + 1
    other = sqlite3.connect(filled.path)  # another program's write: the data version moves
    text_index.register(other)
    with other:
        other.execute("DELETE FROM entries WHERE id = ?", [added.id])
    other.close()
    assert filled.count_entries(text="洽谈") == before


def test_a_count_is_read_once_until_the_data_changes(filled: Ledger) -> None:
    # a sort of the same rows asks for their count again: it is not counted again
    october = Period.month(2026, 10)
    person = filled.persons()[0]
    assert person.id is not None
    expected = sum(1 for e in filled.entries(period=october))
    statements: list[str] = []
    filled.db.conn.set_trace_callback(statements.append)
    try:
        assert filled.count_entries(period=october) == expected
        assert filled.count_entries(period=october) == expected
    finally:
        filled.db.conn.set_trace_callback(None)
    assert sum("count(*)" in s for s in statements) == 1
    activity = filled.find_activity("项目洽谈").id
    assert activity is not None
    added = filled.add_entry(Entry(person.id, date(2026, 10, 30), activity, 30))
    assert filled.count_entries(period=october) == expected + 1
    assert filled.count_entries(period=october, person_id=person.id) == sum(
        1 for e in filled.entries(period=october) if e.person_id == person.id
    )
    other = sqlite3.connect(filled.path)  # another program's write: the data version moves
    text_index.register(other)
    with other:
        other.execute("DELETE FROM entries WHERE id = ?", [added.id])
    other.close()
    assert filled.count_entries(period=october) == expected
