"""Work entries: one piece of logged effort, and the checks a person's day must pass."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from itertools import pairwise

from desktop.domain.errors import RangeError, ValidationError
from desktop.domain.texts import LIST_MAX, ORG_MAX, clean_name, clean_note

EARLIEST = date(2000, 1, 1)
DAY_MINUTES = 24 * 60


class DayPart(StrEnum):
    FULL = "full"  # 全天
    HALF = "half"  # 半天

    @property
    def days(self) -> float:
        return 1.0 if self is DayPart.FULL else 0.5

    @property
    def label(self) -> str:
        return "全天" if self is DayPart.FULL else "半天"


def latest_allowed(today: date) -> date:
    try:
        return today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year + 1, day=28)


def check_date(day: date, today: date, field: str = "date", high: date | None = None) -> date:
    """2000-01-01 … today + 1 year; pass `high` (latest_allowed(today)) when checking many."""
    high = high or latest_allowed(today)
    if not EARLIEST <= day <= high:
        raise ValidationError(
            field,
            "date_range",
            value=day.isoformat(),
            low=EARLIEST.isoformat(),
            high=high.isoformat(),
        )
    return day


def parse_date(text: str, field: str = "date") -> date:
    s = text.strip()
    if not s:
        raise ValidationError(field, "required")
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise ValidationError(field, "bad_date", value=s) from None


_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


def parse_clock(text: str, field: str) -> int:
    """'09:30' -> minutes after midnight; '24:00' is allowed as an end."""
    s = text.strip()
    if len(s) == 5 and s.isascii() and s[2] == ":" and s[:2].isdigit() and s[3:].isdigit():
        hours, mins = int(s[:2]), int(s[3:])
        if mins < 60 and hours * 60 + mins <= DAY_MINUTES:
            return hours * 60 + mins
        raise ValidationError(field, "bad_time", value=s)
    m = _CLOCK.fullmatch(s)
    if not m or int(m[2]) >= 60 or int(m[1]) * 60 + int(m[2]) > DAY_MINUTES:
        raise ValidationError(field, "bad_time", value=s)
    return int(m[1]) * 60 + int(m[2])


def format_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_hours(text: str) -> tuple[int | None, DayPart | None]:
    """'2.5' -> (150, None); '全天' -> (None, FULL); '半天' -> (None, HALF)."""
    s = text.strip()
    if s in ("全天", "full", "FULL", "1天"):
        return None, DayPart.FULL
    if s in ("半天", "half", "HALF", "0.5天"):
        return None, DayPart.HALF
    try:
        hours = float(s)
    except ValueError:
        raise ValidationError("hours", "bad_hours", value=s) from None
    if not math.isfinite(hours):
        raise ValidationError("hours", "bad_hours", value=s)
    if hours <= 0:
        raise ValidationError("hours", "nonpositive_duration")
    if hours > DAY_MINUTES / 60:
        raise RangeError("hours", "date_range", value=s, low=0, high=DAY_MINUTES // 60)
    minutes = round(hours * 60)
    if minutes > DAY_MINUTES:
        raise ValidationError("hours", "bad_hours", value=s)
    return minutes, None


@dataclass(frozen=True, slots=True)
class Entry:
    person_id: int
    day: date
    activity_id: int
    minutes: int | None = None
    day_part: DayPart | None = None
    start: int | None = None  # minutes after midnight
    end: int | None = None
    project_id: int | None = None
    trip_id: int | None = None
    location: str = ""
    counterpart: str = ""
    note: str = ""
    recorded_by: str = ""
    id: int | None = None

    def day_equivalents(self, minutes_per_day: float) -> float:
        """全天 1, 半天 0.5, otherwise minutes ÷ minutes per day; `day_equivalents_sql` below is
        the same rule for the sums made in SQL."""
        if self.day_part is not None:
            return self.day_part.days
        return (self.minutes or 0) / minutes_per_day

    def load_minutes(self, minutes_per_day: float) -> float:
        """The minutes this entry takes of its day, for the 24-hour check."""
        if self.day_part is not None:
            return self.day_part.days * minutes_per_day
        return float(self.minutes or 0)

    @property
    def timed(self) -> bool:
        return self.start is not None and self.end is not None

    def validated(self, today: date) -> Entry:
        """Check the entry on its own; returns it with minutes filled in from start–end."""
        check_date(self.day, today)
        if (self.start is None) != (self.end is None):
            raise ValidationError("end" if self.end is None else "start", "required")
        minutes = self.minutes
        if self.start is not None and self.end is not None:
            if self.end <= self.start:
                raise ValidationError(
                    "end",
                    "end_before_start",
                    start=format_clock(self.start),
                    end=format_clock(self.end),
                )
            span = self.end - self.start
            if minutes is not None and minutes != span:
                raise ValidationError(
                    "hours", "hours_mismatch", hours=f"{minutes / 60:g}", minutes=span
                )
            if self.day_part is not None:
                raise ValidationError("hours", "bad_hours", value=self.day_part.label)
            minutes = span
        if self.day_part is None:
            if minutes is None:
                raise ValidationError("hours", "required")
            if minutes <= 0:
                raise ValidationError("hours", "nonpositive_duration")
            if minutes > DAY_MINUTES:
                raise ValidationError("hours", "bad_hours", value=f"{minutes / 60:g}")
        elif minutes is not None:
            raise ValidationError("hours", "bad_hours", value=self.day_part.label)
        return replace(
            self,
            minutes=minutes,
            location=clean_name(self.location, "location", LIST_MAX),
            counterpart=clean_name(self.counterpart, "counterpart", LIST_MAX),
            note=clean_note(self.note),
            recorded_by=clean_name(self.recorded_by, "recorded_by", ORG_MAX),
        )


def day_equivalents_sql(day_part: str, minutes: str, minutes_per_day: str) -> str:
    """`Entry.day_equivalents` as an SQL expression, for sums the database makes: day_part and
    minutes are the columns (`e.day_part`), minutes_per_day the name of the named parameter
    that holds it (`mpd` for `:mpd`)."""
    parts = " ".join(f"WHEN '{p.value}' THEN {p.days!r}" for p in DayPart)
    # `* 1.0`: minutes are integers, and an integer parameter would make SQL divide as integers
    return f"(CASE {day_part} {parts} ELSE coalesce({minutes}, 0) * 1.0 / :{minutes_per_day} END)"


def check_day(person: str, day: date, entries: Iterable[Entry], minutes_per_day: float) -> None:
    """One person's entries on one day: at most 24 hours, no two timed entries overlapping."""
    items = list(entries)
    total = sum(e.load_minutes(minutes_per_day) for e in items)
    if total > DAY_MINUTES + 1e-9:
        raise ValidationError(
            "hours", "day_over_24h", person=person, date=day.isoformat(), total=f"{total / 60:g}"
        )
    timed = sorted((e for e in items if e.timed), key=lambda e: (e.start, e.end))
    for before, after in pairwise(timed):
        assert before.end is not None and after.start is not None and after.end is not None
        assert before.start is not None
        if after.start < before.end:
            raise ValidationError(
                "start",
                "overlap",
                person=person,
                date=day.isoformat(),
                start=format_clock(after.start),
                end=format_clock(after.end),
                other_start=format_clock(before.start),
                other_end=format_clock(before.end),
            )
