"""Statistical periods: month, quarter, year or a custom date range."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from desktop.domain.errors import RangeError, ValidationError

# the years the program counts: dates are refused outside them (DESIGN §3 starts at 2000)
FIRST_YEAR = 2000
LAST_YEAR = 2100


def day_within(period: Period, today: date) -> date:
    """The day a new record starts on: today when the period holds it, else its first day."""
    return today if period.start <= today <= period.end else period.start


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    RANGE = "range"


@dataclass(frozen=True, slots=True)
class Period:
    kind: PeriodKind
    start: date
    end: date  # inclusive

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(PeriodKind.MONTH, date(year, month, 1), _month_end(year, month))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        first = 3 * (quarter - 1) + 1
        return cls(PeriodKind.QUARTER, date(year, first, 1), _month_end(year, first + 2))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(PeriodKind.YEAR, date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def between(cls, start: date, end: date) -> Period:
        if end < start:
            raise ValidationError("end_date", "end_date_before_start", start=start, end=end)
        return cls(PeriodKind.RANGE, start, end)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read 2026-09, 2026Q3, 2026 or 2026-09-01..2026-09-15."""
        s = text.strip().upper()
        year = re.match(r"(\d{4})", s)
        if year and not FIRST_YEAR <= int(year[1]) <= LAST_YEAR:
            raise RangeError("period", "date_range", value=text, low=FIRST_YEAR, high=LAST_YEAR)
        try:
            if m := re.fullmatch(r"(\d{4})-(\d{1,2})", s):
                return cls.month(int(m[1]), int(m[2]))
            if m := re.fullmatch(r"(\d{4})-?Q([1-4])", s):
                return cls.quarter(int(m[1]), int(m[2]))
            if m := re.fullmatch(r"(\d{4})", s):
                return cls.year(int(m[1]))
            if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", s):
                return cls.between(date.fromisoformat(m[1]), date.fromisoformat(m[2]))
        except (ValueError, ValidationError):
            pass
        raise ValidationError("period", "bad_period", value=text)

    @property
    def label(self) -> str:
        """The period as people write it in Chinese: 2026年9月, 2026年第三季度, 2026年."""
        if self.kind is PeriodKind.MONTH:
            return f"{self.start.year}年{self.start.month}月"
        if self.kind is PeriodKind.QUARTER:
            q = "一二三四"[(self.start.month - 1) // 3]
            return f"{self.start.year}年第{q}季度"
        if self.kind is PeriodKind.YEAR:
            return f"{self.start.year}年"
        return f"{self.start.isoformat()}至{self.end.isoformat()}"

    def text(self, lang: str) -> str:
        """The period for a reader: label in Chinese; 2026-09, 2026 Q3, 2026 in English."""
        if lang == "zh":
            return self.label
        if self.kind is PeriodKind.QUARTER:
            return self.code.replace("Q", " Q")
        if self.kind is PeriodKind.RANGE:
            return f"{self.start.isoformat()} to {self.end.isoformat()}"
        return self.code

    @property
    def code(self) -> str:
        """The period as typed on the command line."""
        if self.kind is PeriodKind.MONTH:
            return f"{self.start.year}-{self.start.month:02d}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.start.year}Q{(self.start.month - 1) // 3 + 1}"
        if self.kind is PeriodKind.YEAR:
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def days(self) -> Iterator[date]:
        d = self.start
        while d <= self.end:
            yield d
            d += timedelta(days=1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def months(self) -> list[Period]:
        out = []
        y, m = self.start.year, self.start.month
        while date(y, m, 1) <= self.end:
            out.append(Period.month(y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


def _month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)
