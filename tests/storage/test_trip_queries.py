"""Trips loaded many at a time: the same values as one by one, in a few statements however many."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.projects import Project
from desktop.domain.trips import CompanyVisit, Trip
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY, activity_id


def same(loaded: list[Trip], expected: list[Trip]) -> None:
    """Equal trips with equal entry ids (a Trip's equality leaves its entry ids out)."""
    assert loaded == expected
    assert [t.entry_ids for t in loaded] == [t.entry_ids for t in expected]


def newest_first(trips: list[Trip]) -> list[Trip]:
    return sorted(trips, key=lambda t: (t.start_date, t.id or 0), reverse=True)


@pytest.fixture
def varied(ledger: Ledger) -> tuple[list[Person], list[Trip]]:
    """Trips with one to three travellers (the leader not always the lowest id), projects in
    an order other than their ids, half days, companies, trips starting on the same day, one
    changed after it was made, one deleted and put back, one deleted."""
    people = [ledger.add_person(Person(f"人员{i}", unit=f"单位{i}")) for i in range(5)]
    pid = [p.id for p in people if p.id is not None]
    projects = [ledger.add_project(Project(f"项目{i}")) for i in range(4)]
    prj = [p.id for p in projects if p.id is not None]
    d = date(2026, 10, 5)
    made = [
        ledger.add_trip(
            Trip(
                (pid[2], pid[0], pid[4]),
                d,
                d + timedelta(days=2),
                start_half=True,
                destinations=("深圳", "东莞"),
                companies=(CompanyVisit("比亚迪", "王总", "副总裁"), CompanyVisit("华为")),
                project_ids=(prj[3], prj[1]),
                results="签约意向两项",
            )
        ),
        ledger.add_trip(Trip((pid[1],), d, d, destinations=("上海",))),
        ledger.add_trip(
            Trip((pid[0], pid[1]), d, d + timedelta(days=1), end_half=True, project_ids=(prj[0],))
        ),
        ledger.add_trip(
            Trip(
                (pid[3],),
                date(2026, 9, 28),
                date(2026, 10, 2),
                start_half=True,
                end_half=True,
                companies=(CompanyVisit("宁德时代", "李经理"),),
                recorded_by="另一位秘书",
            )
        ),
        ledger.add_trip(Trip((pid[4], pid[2]), date(2026, 11, 2), date(2026, 11, 2))),
        ledger.add_trip(Trip((pid[0],), date(2026, 8, 31), date(2026, 9, 1))),
        ledger.add_trip(Trip((pid[1], pid[3]), date(2026, 11, 10), date(2026, 11, 12))),
    ]
    changed = ledger.update_trip(
        Trip(
            (pid[3], pid[1], pid[0]),
            date(2026, 10, 12),
            date(2026, 10, 13),
            end_half=True,
            destinations=("苏州",),
            project_ids=(prj[2], prj[0], prj[1]),
            results="改过",
            recorded_by=made[2].recorded_by,
            id=made[2].id,
        )
    )
    made[2] = changed
    back = ledger.restore_trip(ledger.delete_trip(made[4].id or 0))
    made[4] = back
    ledger.delete_trip(made.pop(1).id or 0)
    return people, made


def test_trips_equal_the_trips_one_by_one_and_as_written(
    ledger: Ledger, varied: tuple[list[Person], list[Trip]]
) -> None:
    people, written = varied
    loaded = ledger.trips()
    same(loaded, newest_first(written))
    same(loaded, [ledger.trip(t.id or 0) for t in loaded])
    assert all(t.entry_ids for t in loaded)
    same(ledger.trips(limit=3), newest_first(written)[:3])
    for p in people:
        mine = [t for t in written if p.id in t.traveller_ids]
        same(ledger.trips(p.id), newest_first(mine))
        same(ledger.trips(p.id), [ledger.trip(t.id or 0) for t in ledger.trips(p.id)])


@pytest.mark.parametrize("period", ["2026-10", "2026-09", "2026-11", "2026Q4", "2026-08"])
def test_trips_in_a_period_equal_the_trips_one_by_one(
    ledger: Ledger, varied: tuple[list[Person], list[Trip]], period: str
) -> None:
    people, written = varied
    p = Period.parse(period)
    for person in people:
        assert person.id is not None
        touching = [
            t
            for t in written
            if person.id in t.traveller_ids and t.start_date <= p.end and t.end_date >= p.start
        ]
        expected = sorted(touching, key=lambda t: (t.start_date, t.id or 0))
        loaded = ledger.trips_in(p, person.id)
        same(loaded, expected)
        same(loaded, [ledger.trip(t.id or 0) for t in loaded])


@contextmanager
def counted(ledger: Ledger) -> Iterator[list[str]]:
    statements: list[str] = []
    ledger.db.conn.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        ledger.db.conn.set_trace_callback(None)


def ledger_with_trips(path: Path, count: int) -> Ledger:
    """`count` trips of one to three days, two travellers and a project each, written straight
    into the tables (add_trip for each would take most of the test's time)."""
    ledger = Ledger.open(path, WorkCalendar(), actor="测试秘书", today=lambda: TODAY)
    people = [ledger.add_person(Person(f"人员{i}")) for i in range(20)]
    pid = [p.id for p in people if p.id is not None]
    project = ledger.add_project(Project("项目")).id
    trip_activity = activity_id(ledger, "外出招商")
    trips, travellers, projects, entries = [], [], [], []
    for n in range(1, count + 1):
        start = date(2025, 1, 1) + timedelta(days=n % 600)
        days = 1 + n % 3
        pair = (pid[n % 20], pid[(n * 7 + 1) % 20])
        trips.append((n, start.isoformat(), (start + timedelta(days=days - 1)).isoformat()))
        travellers += [(n, p, i) for i, p in enumerate(pair)]
        projects.append((n, project))
        entries += [
            (p, (start + timedelta(days=k)).isoformat(), trip_activity, "full", n)
            for p in pair
            for k in range(days)
        ]
    with ledger.db.atomic():
        conn = ledger.db.conn
        conn.executemany(
            "INSERT INTO trips (id, start_date, end_date, destinations)"
            " VALUES (?, ?, ?, '[\"深圳\"]')",
            trips,
        )
        conn.executemany(
            "INSERT INTO trip_travellers (trip_id, person_id, position) VALUES (?, ?, ?)",
            travellers,
        )
        conn.executemany("INSERT INTO trip_projects (trip_id, project_id) VALUES (?, ?)", projects)
        conn.executemany(
            "INSERT INTO entries (person_id, date, activity_id, day_part, trip_id)"
            " VALUES (?, ?, ?, ?, ?)",
            entries,
        )
    return ledger


QUERIES: dict[str, Callable[[Ledger, int], list[Trip]]] = {
    "trips": lambda led, _: led.trips(),
    "trips of a person": lambda led, person: led.trips(person),
    "trips_in of a person": lambda led, person: led.trips_in(Period.year(2025), person),
}


@pytest.mark.parametrize("query", list(QUERIES))
def test_statements_do_not_grow_with_the_trips(tmp_path: Path, query: str) -> None:
    counts = {}
    for size in (50, 5000):
        with ledger_with_trips(tmp_path / f"{size}.db", size) as ledger:
            person = ledger.persons()[0].id or 0
            with counted(ledger) as statements:
                loaded = QUERIES[query](ledger, person)
            assert len(loaded) >= size // 20  # every trip, or a person's share of them
            assert all(t.traveller_ids and t.project_ids and t.entry_ids for t in loaded)
            counts[size] = len(statements)
    assert counts[5000] == counts[50] <= 4


def test_a_period_s_trips_are_chosen_before_the_limit(ledger: Ledger) -> None:
    """An old month shows its trips however many newer ones there are (the list's limit once
    applied before the period, and an old month came out empty)."""
    zhang = ledger.add_person(Person("张伟", "市长", "市人民政府"))
    assert zhang.id is not None
    days = [date(2026, 3, 2), date(2026, 9, 7), date(2026, 10, 12), date(2026, 11, 2)]
    for day in days:
        ledger.add_trip(Trip((zhang.id,), day, day, destinations=("重庆",)))
    march = ledger.trips(limit=2, period=Period.month(2026, 3))
    assert [t.start_date for t in march] == [date(2026, 3, 2)]
    mine = ledger.trips(zhang.id, limit=2, period=Period.year(2026))
    assert [t.start_date for t in mine] == [date(2026, 11, 2), date(2026, 10, 12)]
    listed = ledger.trips(period=Period.month(2026, 9), entry_ids=False)
    assert [t.entry_ids for t in listed] == [()]
    assert [t.entry_ids for t in ledger.trips(period=Period.month(2026, 9))] != [()]


@pytest.mark.parametrize("period", [None, "2026-10", "2026-09", "2026-11", "2026"])
def test_trip_lines_show_the_trips_as_loaded(
    ledger: Ledger, varied: tuple[list[Person], list[Trip]], period: str | None
) -> None:
    """A list's lines say what the trips say: travellers by name in their order (the leader
    first), places and companies joined with 、, the days away; the same trips, same order."""
    people, _ = varied
    names = {p.id: p.name for p in people}
    p = None if period is None else Period.parse(period)
    for person in [None, *[x.id for x in people]]:
        trips = ledger.trips(person, period=p)
        lines = ledger.trip_lines(person, p)
        assert [line.id for line in lines] == [t.id for t in trips]
        for line, t in zip(lines, trips, strict=True):
            assert (line.start_date, line.end_date, line.days_away) == (
                t.start_date,
                t.end_date,
                t.days_away,
            )
            assert line.travellers == "、".join(names[i] for i in t.traveller_ids)
            assert line.destinations == "、".join(t.destinations)
            assert line.companies == "、".join(c.company for c in t.companies)
            assert line.results == t.results


def test_trip_lines_take_one_statement_however_many(tmp_path: Path) -> None:
    for size in (50, 5000):
        with ledger_with_trips(tmp_path / f"{size}.db", size) as ledger:
            with counted(ledger) as statements:
                lines = ledger.trip_lines()
            assert len(lines) == size
            assert len(statements) == 1


def test_trip_lines_follow_a_renamed_traveller_and_a_trip_deleted_or_put_back(
    ledger: Ledger, varied: tuple[list[Person], list[Trip]]
) -> None:
    """The joined names are kept when written (schema m012): a renamed person, changed places
    and a trip deleted into the 回收站 and put back are each seen at once, and no text is kept
    for a trip that is gone."""
    people, written = varied
    renamed = ledger.update_person(replace(people[0], name="改名后"))
    trip = next(t for t in written if renamed.id in t.traveller_ids)
    moved = ledger.update_trip(replace(trip, destinations=("合肥", "芜湖")))
    line = next(x for x in ledger.trip_lines() if x.id == moved.id)
    assert "改名后" in line.travellers and people[0].name not in line.travellers
    assert line.destinations == "合肥、芜湖"
    gone = written[0]
    ledger.delete_trip(gone.id or 0)
    assert gone.id not in [x.id for x in ledger.trip_lines()]
    ledger.restore_from_trash(ledger.trash_items()[0].id)
    back = next(x for x in ledger.trip_lines() if x.id == gone.id)
    assert back.companies == "、".join(c.company for c in gone.companies)
    kept = ledger.db.execute("SELECT count(*) FROM trip_texts").fetchone()[0]
    assert kept == ledger.db.execute("SELECT count(*) FROM trips").fetchone()[0]
