from datetime import date, timedelta

import pytest

from desktop.domain.entries import DayPart
from desktop.domain.errors import ValidationError
from desktop.domain.periods import Period, PeriodKind
from desktop.domain.trips import Trip

TODAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("start", "end", "start_half", "end_half", "days"),
    [
        ("2026-10-13", "2026-10-15", False, True, 2.5),
        ("2026-10-13", "2026-10-15", True, True, 2.0),
        ("2026-10-13", "2026-10-13", False, False, 1.0),
        ("2026-10-13", "2026-10-13", True, False, 0.5),
        ("2026-10-30", "2026-11-02", False, False, 4.0),
    ],
)
def test_trip_days(start: str, end: str, start_half: bool, end_half: bool, days: float) -> None:
    trip = Trip(
        (1, 2), date.fromisoformat(start), date.fromisoformat(end), start_half, end_half
    ).validated(TODAY)
    assert trip.days_away == days
    entries = trip.entries(trip_activity_id=7)
    assert len(entries) == 2 * len(trip.day_parts())
    assert sum(e.day_equivalents(480) for e in entries) == 2 * days
    assert {e.activity_id for e in entries} == {7}


@pytest.mark.parametrize("length", [1, 2, 3, 40, 366])
@pytest.mark.parametrize(
    ("start_half", "end_half"), [(False, False), (True, False), (False, True), (True, True)]
)
def test_days_away_is_the_sum_of_the_day_parts(
    length: int, start_half: bool, end_half: bool
) -> None:
    start = date(2026, 1, 1)
    trip = Trip((1,), start, start + timedelta(days=length - 1), start_half, end_half)
    assert trip.days_away == sum(part.days for _, part in trip.day_parts())


def test_trip_half_days_at_the_right_ends() -> None:
    trip = Trip((1,), date(2026, 10, 13), date(2026, 10, 15), end_half=True)
    assert [p for _, p in trip.day_parts()] == [DayPart.FULL, DayPart.FULL, DayPart.HALF]


@pytest.mark.parametrize(
    "trip",
    [
        Trip((), date(2026, 10, 13), date(2026, 10, 15)),
        Trip((1,), date(2026, 10, 15), date(2026, 10, 13)),
        Trip((1,), date(2026, 10, 13), date(2026, 10, 13), True, True),
        Trip((1,), date(1999, 10, 13), date(2026, 10, 13)),
    ],
)
def test_bad_trips_are_refused(trip: Trip) -> None:
    with pytest.raises(ValidationError):
        trip.validated(TODAY)


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "label"),
    [
        ("2026-09", PeriodKind.MONTH, "2026-09-01", "2026-09-30", "2026年9月"),
        ("2026-02", PeriodKind.MONTH, "2026-02-01", "2026-02-28", "2026年2月"),
        ("2024-02", PeriodKind.MONTH, "2024-02-01", "2024-02-29", "2024年2月"),
        ("2026Q3", PeriodKind.QUARTER, "2026-07-01", "2026-09-30", "2026年第三季度"),
        ("2026q4", PeriodKind.QUARTER, "2026-10-01", "2026-12-31", "2026年第四季度"),
        ("2026", PeriodKind.YEAR, "2026-01-01", "2026-12-31", "2026年"),
        (
            "2026-09-01..2026-09-15",
            PeriodKind.RANGE,
            "2026-09-01",
            "2026-09-15",
            "2026-09-01至2026-09-15",
        ),
    ],
)
def test_period_parse(text: str, kind: PeriodKind, start: str, end: str, label: str) -> None:
    p = Period.parse(text)
    assert (p.kind, p.start.isoformat(), p.end.isoformat(), p.label) == (kind, start, end, label)
    assert Period.parse(p.code) == p


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("2026-09", "2026-09"),
        ("2026Q3", "2026 Q3"),
        ("2026", "2026"),
        ("2026-09-01..2026-09-15", "2026-09-01 to 2026-09-15"),
    ],
)
def test_period_text_in_each_language(text: str, english: str) -> None:
    p = Period.parse(text)
    assert p.text("en") == english
    assert p.text("zh") == p.label


@pytest.mark.parametrize("text", ["2026-13", "2026Q5", "26", "2026-09-15..2026-09-01", "abc"])
def test_bad_periods(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        Period.parse(text)
    assert err.value.field == "period"
