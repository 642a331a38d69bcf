"""The pace of a period in progress, with "today" passed in: on its first working day(s), with no
promotion logged yet, a period has just started; it falls behind once a whole day is due."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import ActivityKind
from desktop.domain.periods import Period
from desktop.domain.rules import Rules
from desktop.domain.share import (
    EPSILON,
    JUST_STARTED_DAYS,
    Pace,
    PaceStatus,
    compute_share,
    totals_from_entries,
)
from desktop.domain.workcalendar import WorkCalendar

CAL = WorkCalendar()
PROMO, OTHER, LEAVE = 1, 2, 3
KINDS = {PROMO: ActivityKind.PROMOTION, OTHER: ActivityKind.OTHER, LEAVE: ActivityKind.LEAVE}
JUST_STARTED, ON_TRACK, BEHIND = PaceStatus.JUST_STARTED, PaceStatus.ON_TRACK, PaceStatus.BEHIND


def entry(day: str, activity: int = PROMO, part: DayPart = DayPart.FULL) -> Entry:
    return Entry(1, date.fromisoformat(day), activity, day_part=part)


def pace_of(
    period: str, today: str, entries: list[Entry], rules: Rules | None = None
) -> PaceStatus | None:
    p, day, rules = Period.parse(period), date.fromisoformat(today), rules or Rules()
    totals = totals_from_entries(entries, KINDS, p, CAL, rules, day)
    pace = compute_share(p, CAL, totals, rules, day).pace
    return None if pace is None else pace.status


@pytest.mark.parametrize(
    ("period", "today", "entries", "expected"),
    [
        # December 2026 starts on a Tuesday: 1/3 day due on the 1st, 2/3 on the 2nd, 1 on the 3rd
        ("2026-12", "2026-12-01", [], JUST_STARTED),
        ("2026-12", "2026-12-02", [], JUST_STARTED),
        ("2026-12", "2026-12-03", [], BEHIND),
        ("2026-12", "2026-12-01", [entry("2026-12-01")], ON_TRACK),
        ("2026-12", "2026-12-01", [entry("2026-12-01", part=DayPart.HALF)], ON_TRACK),
        # logged, but not enough: that is behind, not "just started"
        ("2026-12", "2026-12-02", [entry("2026-12-01", part=DayPart.HALF)], BEHIND),
        # other work and leave are not promotion: nothing of it logged yet
        ("2026-12", "2026-12-01", [entry("2026-12-01", OTHER)], JUST_STARTED),
        ("2026-12", "2026-12-03", [entry("2026-12-02", OTHER)], BEHIND),
        # a trip planned for later in the month does not count yet
        ("2026-12", "2026-12-01", [entry("2026-12-09")], JUST_STARTED),
        ("2026-12", "2026-12-03", [entry("2026-12-09")], BEHIND),
        # on leave on the first working days: less is due
        ("2026-12", "2026-12-03", [entry("2026-12-01", LEAVE)], JUST_STARTED),
        # November 2026 starts on a Sunday: the weekend's promotion counts
        ("2026-11", "2026-11-01", [], JUST_STARTED),
        ("2026-11", "2026-11-02", [entry("2026-11-01")], ON_TRACK),
        # October 2026: National Day and Mid-Autumn to the 7th, work again on the 8th, 9th and
        # on Saturday the 10th (a make-up working day)
        ("2026-10", "2026-10-03", [], JUST_STARTED),
        ("2026-10", "2026-10-08", [], JUST_STARTED),
        ("2026-10", "2026-10-09", [], JUST_STARTED),
        ("2026-10", "2026-10-10", [], BEHIND),
        ("2026-10", "2026-10-03", [entry("2026-10-02")], ON_TRACK),
        # a quarter and a year start the same way
        ("2026Q4", "2026-10-09", [], JUST_STARTED),
        ("2026Q4", "2026-10-12", [], BEHIND),
        # New Year's Day to the 3rd, then work from Sunday the 4th (a make-up working day)
        ("2026", "2026-01-04", [], JUST_STARTED),
        ("2026", "2026-01-05", [], JUST_STARTED),
        ("2026", "2026-01-06", [], BEHIND),
        # later in the month nothing logged is plainly behind
        ("2026-11", "2026-11-20", [], BEHIND),
        ("2026-11", "2026-11-20", [entry(f"2026-11-{d:02d}") for d in range(2, 7)], ON_TRACK),
    ],
)
def test_pace_at_the_start_of_a_period(
    period: str, today: str, entries: list[Entry], expected: PaceStatus
) -> None:
    assert pace_of(period, today, entries) is expected


def test_a_higher_target_is_due_a_whole_day_sooner() -> None:
    half = Rules(target=0.5)
    assert pace_of("2026-12", "2026-12-01", [], half) is JUST_STARTED  # half a day due
    assert pace_of("2026-12", "2026-12-02", [], half) is BEHIND  # a whole day due


def test_a_period_gone_by_or_not_begun_has_no_pace() -> None:
    assert pace_of("2026-11", "2026-12-01", []) is None
    assert pace_of("2027-01", "2026-12-01", []) is None


@given(
    base=st.floats(0, 260, allow_nan=False),
    done=st.floats(0, 260, allow_nan=False),
    target=st.floats(0.05, 1, allow_nan=False),
)
def test_just_started_only_with_nothing_logged_and_less_than_a_day_due(
    base: float, done: float, target: float
) -> None:
    pace = Pace(base, target * base, done)
    nothing_yet = done <= EPSILON
    if pace.status is JUST_STARTED:
        assert nothing_yet and pace.expected_days < JUST_STARTED_DAYS
    elif pace.status is ON_TRACK:
        assert pace.on_track
    else:
        assert not pace.on_track
        assert not nothing_yet or pace.expected_days >= JUST_STARTED_DAYS - EPSILON
