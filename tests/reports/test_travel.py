"""Travel per person: storage's SQL and the domain's reference computation agree."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.travel import consecutive_runs, split_places, travel_from_entries
from desktop.domain.trips import Trip
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY

MONTH = Period.month(2026, 10)
PLACES = ("重庆", "河南", "深圳、东莞", "北京", "")


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("重庆、成都", ["重庆", "成都"]),
        (" 上海 ", ["上海"]),
        ("苏州，无锡;南通", ["苏州", "无锡", "南通"]),
        ("", []),
    ],
)
def test_split_places(text: str, places: list[str]) -> None:
    assert split_places(text) == places


def test_consecutive_runs() -> None:
    d = date(2026, 10, 30)
    days = [d, d + timedelta(1), d + timedelta(2), d + timedelta(5), d]
    assert consecutive_runs(days) == [(d, d + timedelta(2)), (d + timedelta(5), d + timedelta(5))]
    assert consecutive_runs([]) == []


loose_day = st.tuples(
    st.integers(0, 33),  # day offset from 29 September: runs cross the month's edges
    st.sampled_from([DayPart.FULL, DayPart.HALF, None]),
    st.sampled_from(PLACES),
)
trip_spec = st.tuples(st.integers(0, 30), st.integers(0, 3), st.sampled_from(PLACES[:4]))


@settings(max_examples=25, deadline=None)
@given(loose=st.lists(loose_day, max_size=12), trips=st.lists(trip_spec, max_size=3))
def test_sql_travel_equals_the_domain_reference(
    loose: list[tuple[int, DayPart | None, str]], trips: list[tuple[int, int, str]]
) -> None:
    # a fresh file per example: hypothesis may run an example twice
    with (
        tempfile.TemporaryDirectory() as tmp,
        Ledger.open(Path(tmp) / "t.db", WorkCalendar(), today=lambda: TODAY) as ledger,
    ):
        pid = ledger.add_person(Person("张伟")).id
        trip_id = ledger.find_activity("外出招商").id
        assert pid is not None and trip_id is not None
        taken: set[date] = set()
        for start, length, place in trips:
            first = date(2026, 9, 29) + timedelta(start)
            days = {first + timedelta(i) for i in range(length + 1)}
            if days & taken:
                continue
            taken |= days
            ledger.add_trip(Trip((pid,), first, max(days), destinations=tuple(split_places(place))))
        for offset, part, place in loose:
            day = date(2026, 9, 29) + timedelta(offset)
            if day in taken:
                continue
            taken.add(day)
            minutes = None if part else 150
            ledger.add_entry(Entry(pid, day, trip_id, minutes, part, location=place))
        entries = ledger.entries(person_id=pid, period=MONTH)
        expected = travel_from_entries(entries, trip_id, ledger.rules().minutes_per_day)
        got = ledger.travel(MONTH).get(pid)
        if expected.days_out == 0 and expected.trips == 0:
            assert got is None
        else:
            assert got is not None
            assert got.trips == expected.trips
            assert got.days_out == pytest.approx(expected.days_out)
            assert got.destinations == expected.destinations
        assert ledger.travel(MONTH, [pid]) == ledger.travel(MONTH)
