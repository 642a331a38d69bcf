"""China's statutory work calendar: holidays and 调休 make-up days, never guessed silently.

A year is known from (in this order) an arrangement entered in the program (or received from the
supervision office), an arrangement file, or the `chinesecalendar` package. For any other year the
calendar falls back to Monday–Friday and says so: every count it returns carries the basis of
each year that did not come from the package, so screens and reports can name it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop.domain.holidays import (
    PackageHolidays,
    YearArrangement,
    YearSource,
    parse_arrangements,
)


@dataclass(frozen=True, slots=True)
class YearBasis:
    """What a year's working days rest on, where that is not simply the package."""

    year: int
    source: YearSource
    notice: str = ""
    received_from: str = ""


@dataclass(frozen=True, slots=True)
class WorkdayCount:
    days: int
    fallback_years: tuple[int, ...] = ()
    basis: tuple[YearBasis, ...] = ()

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


def basis_notice(basis: Iterable[YearBasis], lang: str = "zh") -> str:
    """The sentences naming where the working days of the years in a result come from: the
    Monday–Friday fallback, or an arrangement entered here, received, or read from a file."""
    items = sorted(set(basis), key=lambda b: b.year)
    parts = []
    fallback = [b.year for b in items if b.source is YearSource.FALLBACK]
    if fallback:
        parts.append(fallback_notice(fallback, lang))
    for b in items:
        if b.source is YearSource.FALLBACK:
            continue
        parts.append(_source_sentence(b, lang))
    return ("; " if lang == "en" else "；").join(parts)


def _source_sentence(b: YearBasis, lang: str) -> str:
    if lang == "en":
        where = {
            YearSource.ENTERED: "sent by " + b.received_from if b.received_from else "entered here",
            YearSource.FILE: "from the holiday arrangement file",
        }.get(b.source, "")
        notice = f" ({b.notice})" if b.notice else ""
        return f"Public holidays for {b.year}: State Council notice{notice}, {where}"
    where = {
        YearSource.ENTERED: f"由{b.received_from}下发" if b.received_from else "在本程序中录入",
        YearSource.FILE: "来自节假日安排文件",
    }.get(b.source, "")
    notice = f"（{b.notice}）" if b.notice else ""
    return f"{b.year}年节假日按国务院办公厅通知{notice}计算，{where}"


@dataclass
class WorkCalendar:
    """Working days by year. `entered` are the arrangements held in the database, `overrides`
    those read from arrangement files; `package` is the chinesecalendar package."""

    overrides: Mapping[int, YearArrangement] = field(default_factory=dict)
    package: PackageHolidays = field(default_factory=PackageHolidays)
    entered: Mapping[int, YearArrangement] = field(default_factory=dict)
    # Per-year caches: a year's working days are worked out once, then counted by bisection.
    _days: dict[int, list[date]] = field(default_factory=dict, repr=False)
    _sets: dict[int, frozenset[date]] = field(default_factory=dict, repr=False)

    def with_entered(self, entered: Mapping[int, YearArrangement]) -> WorkCalendar:
        """The same calendar with the database's arrangements (a fresh cache)."""
        return WorkCalendar(self.overrides, self.package, dict(entered))

    def with_overrides(self, overrides: Mapping[int, YearArrangement]) -> WorkCalendar:
        return WorkCalendar({**self.overrides, **overrides}, self.package, self.entered)

    def arrangement(self, year: int) -> YearArrangement | None:
        return self.entered.get(year) or self.overrides.get(year)

    def source(self, year: int) -> YearSource:
        if year in self.entered:
            return YearSource.ENTERED
        if year in self.overrides:
            return YearSource.FILE
        if self.package.knows(year):
            return YearSource.PACKAGE
        return YearSource.FALLBACK

    def knows(self, year: int) -> bool:
        return self.source(year) is not YearSource.FALLBACK

    def basis(self, year: int) -> YearBasis:
        held = self.arrangement(year)
        if held is None:
            return YearBasis(year, self.source(year))
        return YearBasis(year, self.source(year), held.notice, held.received_from)

    def holiday_name(self, day: date, lang: str = "zh") -> str:
        """The festival a day off belongs to, where the source names it."""
        held = self.arrangement(day.year)
        if held is not None:
            return held.holidays.get(day, "")
        if self.package.knows(day.year):
            return self.package.holiday_name(day, lang)
        return ""

    def is_makeup_workday(self, day: date) -> bool:
        """A Saturday or Sunday worked instead of a holiday (调休上班日)."""
        return day.weekday() >= 5 and self.is_workday(day)

    def _year(self, year: int) -> list[date]:
        cached = self._days.get(year)
        if cached is not None:
            return cached
        d, end = date(year, 1, 1), date(year, 12, 31)
        days: list[date] = []
        held = self.arrangement(year)
        known = held is None and self.package.knows(year)
        while d <= end:
            if held is not None:
                work = held.is_workday(d)
            elif known:
                work = self.package.is_workday(d)
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
        return WorkdayCount(days, self.fallback_years(start, end), self.noted(start, end))

    def fallback_years(self, start: date, end: date) -> tuple[int, ...]:
        return tuple(y for y in range(start.year, end.year + 1) if not self.knows(y))

    def noted(self, start: date, end: date) -> tuple[YearBasis, ...]:
        """The basis of each year in the span that screens and reports must name."""
        out = []
        for y in range(start.year, end.year + 1):
            if self.source(y) is not YearSource.PACKAGE:
                out.append(self.basis(y))
        return tuple(out)


def parse_overrides(text: str) -> dict[int, YearArrangement]:
    """Read a holiday arrangement file (docs/holidays.md)."""
    return parse_arrangements(text)
