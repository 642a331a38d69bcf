"""China's statutory work calendar: holidays and 调休 make-up days, never guessed silently.

A year is known from (in this order) an override file, or the `chinesecalendar` package. For any
other year the calendar falls back to Monday–Friday and says so: every count it returns carries the
years that were computed that way, so screens and reports can print the notice.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import chinese_calendar

from desktop.domain.errors import ValidationError


@dataclass(frozen=True, slots=True)
class YearOverride:
    """A year's State Council arrangement: weekdays off, and make-up workdays on weekends."""

    holidays: frozenset[date]
    workdays: frozenset[date]

    def is_workday(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5


@dataclass(frozen=True, slots=True)
class WorkdayCount:
    days: int
    fallback_years: tuple[int, ...] = ()

    @property
    def flagged(self) -> bool:
        return bool(self.fallback_years)


def fallback_notice(years: Iterable[int], lang: str = "zh") -> str:
    """The sentence shown wherever a result rests on the Monday–Friday fallback."""
    ys = sorted(set(years))
    if not ys:
        return ""
    if lang == "en":
        joined = ", ".join(str(y) for y in ys)
        return f"Public holidays for {joined} are not known; counted as Monday to Friday"
    joined = "、".join(f"{y}年" for y in ys)
    return f"{joined}节假日安排未收录，按周一至周五计算"


@dataclass
class WorkCalendar:
    overrides: Mapping[int, YearOverride] = field(default_factory=dict)
    # Per-year caches: a year's working days are worked out once, then counted by bisection.
    _days: dict[int, list[date]] = field(default_factory=dict, repr=False)
    _sets: dict[int, frozenset[date]] = field(default_factory=dict, repr=False)
    _known: dict[int, bool] = field(default_factory=dict, repr=False)

    def knows(self, year: int) -> bool:
        known = self._known.get(year)
        if known is None:
            known = year in self.overrides
            if not known:
                try:
                    chinese_calendar.is_workday(date(year, 6, 1))
                    known = True
                except NotImplementedError:
                    known = False
            self._known[year] = known
        return known

    def _year(self, year: int) -> list[date]:
        cached = self._days.get(year)
        if cached is not None:
            return cached
        d, end = date(year, 1, 1), date(year, 12, 31)
        days: list[date] = []
        override = self.overrides.get(year)
        known = self.knows(year)
        while d <= end:
            if override is not None:
                work = override.is_workday(d)
            elif known:
                work = chinese_calendar.is_workday(d)
            else:
                work = d.weekday() < 5
            if work:
                days.append(d)
            d += timedelta(days=1)
        self._days[year] = days
        self._sets[year] = frozenset(days)
        return days

    def is_workday(self, day: date) -> bool:
        self._year(day.year)
        return day in self._sets[day.year]

    def workdays(self, start: date, end: date) -> list[date]:
        """Working days from start to end inclusive, in order."""
        out: list[date] = []
        for year in range(start.year, end.year + 1):
            days = self._year(year)
            out.extend(days[bisect_left(days, start) : bisect_right(days, end)])
        return out

    def count(self, start: date, end: date) -> WorkdayCount:
        days = 0
        for year in range(start.year, end.year + 1):
            year_days = self._year(year)
            days += max(0, bisect_right(year_days, end) - bisect_left(year_days, start))
        return WorkdayCount(days, self.fallback_years(start, end))

    def fallback_years(self, start: date, end: date) -> tuple[int, ...]:
        return tuple(y for y in range(start.year, end.year + 1) if not self.knows(y))


def parse_overrides(text: str) -> dict[int, YearOverride]:
    """Read an override file: {"2027": {"holidays": ["2027-01-01", …], "workdays": [...]}}."""
    try:
        raw: Any = json.loads(text)
        if not isinstance(raw, dict):
            raise ValueError("top level must be an object of years")
        out: dict[int, YearOverride] = {}
        for key, spec in raw.items():
            if key.startswith("_"):
                continue  # comments such as "_source"
            year = int(key)
            holidays = frozenset(date.fromisoformat(s) for s in spec.get("holidays", []))
            workdays = frozenset(date.fromisoformat(s) for s in spec.get("workdays", []))
            stray = [d for d in holidays | workdays if d.year != year]
            if stray:
                raise ValueError(f"{stray[0].isoformat()} is not in {year}")
            out[year] = YearOverride(holidays, workdays)
        return out
    except (ValueError, TypeError, AttributeError) as exc:
        raise ValidationError("calendar", "bad_override", value=str(exc)) from exc
