"""Day-equivalents summed in SQL are those of `Entry.day_equivalents`, for every kind of entry."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.entries import DayPart, Entry, day_equivalents_sql
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.rules import Rules
from desktop.storage.ledger import Ledger

D = date(2026, 10, 12)


def in_sqlite(entries: list[Entry], minutes_per_day: float) -> list[float]:
    """Each entry's day-equivalents as the SQL expression gives them, over a table's columns."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE entries (day_part TEXT, minutes INTEGER)")
    conn.executemany(
        "INSERT INTO entries VALUES (?, ?)",
        [(e.day_part.value if e.day_part else None, e.minutes) for e in entries],
    )
    expression = day_equivalents_sql("e.day_part", "e.minutes", "per_day")
    rows = conn.execute(
        f"SELECT {expression} FROM entries e ORDER BY rowid", {"per_day": minutes_per_day}
    ).fetchall()
    conn.close()
    return [r[0] for r in rows]


KINDS = [
    pytest.param(Entry(1, D, 1, day_part=DayPart.FULL), id="全天"),
    pytest.param(Entry(1, D, 1, day_part=DayPart.HALF), id="半天"),
    pytest.param(Entry(1, D, 1, minutes=90), id="90 minutes"),
    pytest.param(Entry(1, D, 1, minutes=1), id="one minute"),
    pytest.param(Entry(1, D, 1, minutes=1440), id="24 hours"),
    pytest.param(Entry(1, D, 1, minutes=150, start=540, end=690), id="timed"),
    pytest.param(Entry(1, D, 1), id="no duration"),
]


@pytest.mark.parametrize("entry", KINDS)
@pytest.mark.parametrize("minutes_per_day", [480.0, 450.0, 480, 60.0, 1440.0])
def test_each_kind_of_entry(entry: Entry, minutes_per_day: float) -> None:
    # 480 as an int: the rules give floats, but the expression must not depend on it
    assert in_sqlite([entry], minutes_per_day) == [entry.day_equivalents(minutes_per_day)]


entry = st.builds(
    Entry,
    person_id=st.just(1),
    day=st.just(D),
    activity_id=st.just(1),
    minutes=st.none() | st.integers(1, 1440),
    day_part=st.none() | st.sampled_from(DayPart),
)


@settings(max_examples=200, deadline=None)
@given(
    entries=st.lists(entry, max_size=20),
    minutes_per_day=st.floats(60, 1440, allow_nan=False) | st.integers(60, 1440),
)
def test_the_expression_equals_the_domain_for_any_entries(
    entries: list[Entry], minutes_per_day: float
) -> None:
    assert in_sqlite(entries, minutes_per_day) == [
        e.day_equivalents(minutes_per_day) for e in entries
    ]


DAYS = [date(2026, 9, 25) + timedelta(days=i) for i in range(45)]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(
            st.integers(0, 2),
            st.sampled_from(DAYS),
            st.sampled_from(["外出招商", "项目洽谈", "其他工作", "请假"]),
            st.sampled_from([DayPart.FULL, DayPart.HALF, 30, 90, 240, 1]),
        ),
        max_size=60,
    ),
    hours_per_day=st.sampled_from([8.0, 7.5, 6.0]),
    period=st.sampled_from(["2026-10", "2026-09", "2026Q4", "2026-10-05..2026-10-20"]),
)
def test_activity_days_equal_the_domain_sums(
    ledger: Ledger, rows: list, hours_per_day: float, period: str
) -> None:
    """The days per activity (the dashboard's chart) for one person and for everyone."""
    ledger.db.execute("DELETE FROM entries")
    ledger.set_rules(Rules(hours_per_day=hours_per_day))
    people = ledger.persons() or [ledger.add_person(Person(f"人员{i}")) for i in range(3)]
    acts = {a.name: a.id for a in ledger.activities()}
    entries = [
        Entry(
            people[who].id,  # type: ignore[arg-type]
            day,
            acts[act],  # type: ignore[arg-type]
            day_part=amount if isinstance(amount, DayPart) else None,
            minutes=amount if isinstance(amount, int) else None,
        )
        for who, day, act, amount in rows
    ]
    ledger.db.conn.executemany(
        "INSERT INTO entries (person_id, date, activity_id, minutes, day_part)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (
                e.person_id,
                e.day.isoformat(),
                e.activity_id,
                e.minutes,
                e.day_part.value if e.day_part else None,
            )
            for e in entries
        ],
    )
    p = Period.parse(period)
    per_day = ledger.rules().minutes_per_day
    for person in [None, *people]:
        expected: dict[int, float] = defaultdict(float)
        for e in entries:
            if e.day in p and (person is None or e.person_id == person.id):
                expected[e.activity_id] += e.day_equivalents(per_day)
        got = ledger.activity_days(p, None if person is None else person.id)
        assert got == pytest.approx(dict(expected))
