from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import ActivityKind
from desktop.domain.periods import Period
from desktop.domain.rules import Rules
from desktop.domain.share import ShareResult, compute_share, totals_from_entries
from desktop.domain.workcalendar import WorkCalendar
from tests.conftest import calendar_not_knowing

CAL = WorkCalendar()
PROMO, OTHER, LEAVE = 1, 2, 3
KINDS = {PROMO: ActivityKind.PROMOTION, OTHER: ActivityKind.OTHER, LEAVE: ActivityKind.LEAVE}
AFTER = date(2027, 6, 30)  # "today" after every period below: no pace


def full(day: str, activity: int = PROMO) -> Entry:
    return Entry(1, date.fromisoformat(day), activity, day_part=DayPart.FULL)


def half(day: str, activity: int = PROMO) -> Entry:
    return Entry(1, date.fromisoformat(day), activity, day_part=DayPart.HALF)


def hours(day: str, h: float, activity: int = PROMO) -> Entry:
    return Entry(1, date.fromisoformat(day), activity, minutes=round(h * 60))


DEFAULT_RULES = Rules()


def share_of(
    period: str, entries: list[Entry], rules: Rules = DEFAULT_RULES, today: date = AFTER
) -> ShareResult:
    p = Period.parse(period)
    totals = totals_from_entries(entries, KINDS, p, CAL, rules, today)
    return compute_share(p, CAL, totals, rules, today)


@pytest.mark.parametrize(
    ("case", "period", "entries", "base", "promo", "met"),
    [
        ("February 2026: 16 working days, nothing logged", "2026-02", [], 16, 0.0, False),
        (
            "October 2026: 18 working days, 6 full days is exactly one third",
            "2026-10",
            [full(f"2026-10-{d:02d}") for d in (8, 9, 12, 13, 14, 15)],
            18,
            6.0,
            True,
        ),
        (
            "October 2026: 5.5 days is below",
            "2026-10",
            [*(full(f"2026-10-{d:02d}") for d in (8, 9, 12, 13, 14)), half("2026-10-15")],
            18,
            5.5,
            False,
        ),
        (
            "make-up Saturday 10 October counts as promotion and as a working day",
            "2026-10",
            [full("2026-10-10")],
            18,
            1.0,
            False,
        ),
        (
            "two full leave days shrink the base",
            "2026-10",
            [full("2026-10-12", LEAVE), full("2026-10-13", LEAVE)],
            16,
            0.0,
            False,
        ),
        (
            "leave on a holiday does not shrink the base",
            "2026-10",
            [full("2026-10-02", LEAVE)],
            18,
            0.0,
            False,
        ),
        ("half-day leave", "2026-02", [half("2026-02-26", LEAVE)], 15.5, 0.0, False),
        (
            "weekend promotion counts (default)",
            "2026-11",
            [full("2026-11-07"), full("2026-11-08")],
            21,
            2.0,
            False,
        ),
        (
            "hours are day-equivalents of 8 h",
            "2026-11",
            [hours("2026-11-02", 4), hours("2026-11-03", 2)],
            21,
            0.75,
            False,
        ),
        ("other work does not count", "2026-11", [full("2026-11-02", OTHER)], 21, 0.0, False),
        (
            "holiday make-up Sunday 20 September is a working day",
            "2026-09",
            [full("2026-09-20")],
            22,
            1.0,
            False,
        ),
    ],
)
def test_share_cases(
    case: str, period: str, entries: list[Entry], base: float, promo: float, met: bool
) -> None:
    r = share_of(period, entries)
    assert r.base_days == pytest.approx(base), case
    assert r.promotion_days == pytest.approx(promo), case
    assert r.met is met, case
    assert r.share == pytest.approx(promo / base), case
    assert r.days_needed == pytest.approx(max(0.0, base / 3 - promo)), case
    assert not r.flagged


def test_weekend_promotion_can_be_switched_off() -> None:
    entries = [full("2026-11-07"), full("2026-11-09"), full("2026-10-10")]
    rules = Rules(count_weekend_promotion=False)
    assert share_of("2026-11", entries, rules).promotion_days == 1.0
    # a make-up Saturday is a working day, so it still counts
    assert share_of("2026-10", entries, rules).promotion_days == 1.0


def test_hours_per_day_setting() -> None:
    r = share_of("2026-11", [hours("2026-11-02", 3.5)], Rules(hours_per_day=7))
    assert r.promotion_days == pytest.approx(0.5)


def test_unknown_year_is_flagged() -> None:
    p, today = Period.parse("2027-03"), date(2027, 12, 31)
    cal = calendar_not_knowing(2027)
    totals = totals_from_entries([full("2027-03-01")], KINDS, p, cal, DEFAULT_RULES, today)
    r = compute_share(p, cal, totals, DEFAULT_RULES, today)
    assert r.fallback_years == (2027,)
    assert r.workdays == 23  # March 2027 Monday to Friday


def test_pace_of_the_period_in_progress() -> None:
    today = date(2026, 11, 13)  # 10 working days of November done
    entries = [full("2026-11-02"), full("2026-11-03"), full("2026-11-04"), full("2026-11-20")]
    r = share_of("2026-11", entries, today=today)
    assert r.pace is not None
    assert r.pace.base_days_to_date == 10
    assert r.pace.expected_days == pytest.approx(10 / 3)
    assert r.pace.promotion_days_to_date == 3.0
    assert not r.pace.on_track
    r = share_of("2026-11", [*entries, full("2026-11-05")], today=today)
    assert r.pace is not None and r.pace.on_track
    assert share_of("2026-10", entries, today=today).pace is None


def test_no_base_days_gives_no_share() -> None:
    entries = [full(f"2026-02-{d:02d}", LEAVE) for d in range(1, 29)]
    entries.append(full("2026-02-14", LEAVE))
    r = share_of("2026-02", entries)
    assert r.base_days == 0
    assert r.share is None


@given(
    st.lists(
        st.tuples(
            st.integers(1, 30),
            st.sampled_from([PROMO, OTHER, LEAVE]),
            st.one_of(st.sampled_from([DayPart.FULL, DayPart.HALF]), st.integers(1, 600)),
        ),
        max_size=40,
    ),
    st.booleans(),
)
def test_share_arithmetic_properties(rows: list, weekends: bool) -> None:
    entries = [
        Entry(
            1,
            date(2026, 11, d),
            a,
            day_part=x if isinstance(x, DayPart) else None,
            minutes=x if isinstance(x, int) else None,
        )
        for d, a, x in rows
    ]
    r = share_of("2026-11", entries, Rules(count_weekend_promotion=weekends))
    assert 0 <= r.base_days <= r.workdays
    assert r.promotion_days >= 0
    assert r.met == (r.days_needed == 0)
    if r.share is not None:
        assert r.share == pytest.approx(r.promotion_days / r.base_days)
        assert r.met == (r.share >= r.target - 1e-12)
