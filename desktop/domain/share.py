"""The one-third share (招商精力占比) of a person in a period, exactly as DESIGN §3 defines it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desktop.domain.entries import Entry
from desktop.domain.people import ActivityKind, Person
from desktop.domain.periods import Period
from desktop.domain.rules import Rules
from desktop.domain.workcalendar import WorkCalendar, YearBasis

EPSILON = 1e-9
# a day's promotion: until the pace calls for a whole one, a period with none logged yet has
# just started rather than fallen behind (on the 1st at one third, 0.33 days are "due")
JUST_STARTED_DAYS = 1.0


@dataclass(frozen=True, slots=True)
class Totals:
    """Day-equivalents of one person in a period, as summed from entries (in SQL or in Python)."""

    promotion_days: float = 0.0
    leave_days: float = 0.0  # leave on working days only
    promotion_days_to_date: float = 0.0  # up to and including "today"
    leave_days_to_date: float = 0.0


class PaceStatus(StrEnum):
    JUST_STARTED = "just_started"  # nothing logged yet, and less than a day's promotion due
    ON_TRACK = "on_track"
    BEHIND = "behind"


@dataclass(frozen=True, slots=True)
class Pace:
    """How a period still in progress is going: the share so far against the target."""

    base_days_to_date: float
    expected_days: float
    promotion_days_to_date: float

    @property
    def on_track(self) -> bool:
        """The arithmetic alone: as many promotion days so far as the target calls for."""
        return self.promotion_days_to_date + EPSILON >= self.expected_days

    @property
    def status(self) -> PaceStatus:
        """What to tell a person: on the first working day(s) of a period, with no promotion
        logged yet and less than JUST_STARTED_DAYS due, the period has just started."""
        if (
            self.promotion_days_to_date <= EPSILON
            and self.expected_days < JUST_STARTED_DAYS - EPSILON
        ):
            return PaceStatus.JUST_STARTED
        return PaceStatus.ON_TRACK if self.on_track else PaceStatus.BEHIND


@dataclass(frozen=True, slots=True)
class ShareResult:
    period: Period
    workdays: int
    leave_days: float
    base_days: float
    promotion_days: float
    target: float
    pace: Pace | None = None
    fallback_years: tuple[int, ...] = ()
    basis: tuple[YearBasis, ...] = ()  # years whose working days did not come from the package

    @property
    def share(self) -> float | None:
        return self.promotion_days / self.base_days if self.base_days > 0 else None

    @property
    def met(self) -> bool:
        return self.promotion_days + EPSILON >= self.target * self.base_days

    @property
    def days_needed(self) -> float:
        """Promotion day-equivalents still missing to reach the target over the whole period."""
        return max(0.0, self.target * self.base_days - self.promotion_days)

    @property
    def flagged(self) -> bool:
        return bool(self.fallback_years)


@dataclass(frozen=True, slots=True)
class PersonShare:
    person: Person
    result: ShareResult


def compute_share(
    period: Period, calendar: WorkCalendar, totals: Totals, rules: Rules, today: date
) -> ShareResult:
    count = calendar.count(period.start, period.end)
    base = max(0.0, count.days - totals.leave_days)
    pace = None
    if period.start <= today < period.end:
        elapsed = calendar.count(period.start, today).days
        base_to_date = max(0.0, elapsed - totals.leave_days_to_date)
        pace = Pace(base_to_date, rules.target * base_to_date, totals.promotion_days_to_date)
    return ShareResult(
        period,
        count.days,
        totals.leave_days,
        base,
        totals.promotion_days,
        rules.target,
        pace,
        count.fallback_years,
        count.basis,
    )


def totals_from_entries(
    entries: Iterable[Entry],
    kinds: Mapping[int, ActivityKind],
    period: Period,
    calendar: WorkCalendar,
    rules: Rules,
    today: date,
) -> Totals:
    """The reference computation in Python; storage does the same sums in SQL."""
    promo = leave = promo_to_date = leave_to_date = 0.0
    per_day = rules.minutes_per_day
    for e in entries:
        if e.day not in period:
            continue
        kind = kinds[e.activity_id]
        days = e.day_equivalents(per_day)
        if kind is ActivityKind.PROMOTION:
            if rules.count_weekend_promotion or calendar.is_workday(e.day):
                promo += days
                if e.day <= today:
                    promo_to_date += days
        elif kind is ActivityKind.LEAVE and calendar.is_workday(e.day):
            leave += days
            if e.day <= today:
                leave_to_date += days
    return Totals(promo, leave, promo_to_date, leave_to_date)


@dataclass(frozen=True, slots=True)
class GroupShare:
    """Persons of one unit or group taken together: Σ promotion days ÷ Σ base days."""

    name: str
    persons: int
    promotion_days: float
    base_days: float
    met_count: int
    target: float

    @property
    def share(self) -> float | None:
        return self.promotion_days / self.base_days if self.base_days > 0 else None

    @property
    def met(self) -> bool:
        return self.promotion_days + EPSILON >= self.target * self.base_days

    @property
    def days_needed(self) -> float:
        return max(0.0, self.target * self.base_days - self.promotion_days)


def group_shares(items: Iterable[tuple[str, ShareResult]]) -> list[GroupShare]:
    """Combine (group name, person result) pairs into one line per group, in first-seen order."""
    acc: dict[str, list[ShareResult]] = {}
    for name, result in items:
        acc.setdefault(name, []).append(result)
    return [
        GroupShare(
            name,
            len(rs),
            sum(r.promotion_days for r in rs),
            sum(r.base_days for r in rs),
            sum(1 for r in rs if r.met),
            rs[0].target,
        )
        for name, rs in acc.items()
    ]
