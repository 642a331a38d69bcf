"""Promotion trips (外出招商): a journey that owns one entry per traveller and day away."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from desktop.domain.entries import DayPart, Entry, check_date
from desktop.domain.errors import ValidationError
from desktop.domain.texts import NAME_MAX, ORG_MAX, clean_name, clean_note

_FULL, _HALF = DayPart.FULL.days, DayPart.HALF.days
MAX_TRIP_DAYS = 366  # a year away: longer is a typing mistake (0001-01-01 … 9999-12-31)


def check_span(start: date, end: date) -> None:
    """A trip ends on or after its start and lasts at most MAX_TRIP_DAYS days."""
    if end < start:
        raise ValidationError(
            "end_date", "end_date_before_start", start=start.isoformat(), end=end.isoformat()
        )
    days = (end - start).days + 1
    if days > MAX_TRIP_DAYS:
        raise ValidationError("end_date", "trip_too_long", days=days, limit=MAX_TRIP_DAYS)


@dataclass(frozen=True, slots=True)
class CompanyVisit:
    company: str
    contact: str = ""
    title: str = ""

    def validated(self) -> CompanyVisit:
        return CompanyVisit(
            clean_name(self.company, "company", ORG_MAX),
            clean_name(self.contact, "contact"),
            clean_name(self.title, "contact_title"),
        )


def days_away(start: date, end: date, start_half: bool, end_half: bool) -> float:
    """The days of a trip's day_parts() summed, without walking them: each day 1, a half day
    at either end 0.5 (a one-day trip with either half is half a day)."""
    days = (end - start).days + 1
    if days == 1:
        return _HALF if start_half or end_half else _FULL
    return days * _FULL - (int(start_half) + int(end_half)) * (_FULL - _HALF)


class TripLine(NamedTuple):
    """A trip as a list shows it: its names already joined with 、 (travellers in their order,
    the leader first), for a table of thousands that need not build each Trip."""

    id: int
    start_date: date
    end_date: date
    days_away: float
    travellers: str
    destinations: str
    companies: str
    results: str


@dataclass(frozen=True, slots=True)
class Trip:
    traveller_ids: tuple[int, ...]  # the leader first, then companions
    start_date: date
    end_date: date
    start_half: bool = False  # leaves at noon on the first day
    end_half: bool = False  # back at noon on the last day
    destinations: tuple[str, ...] = ()
    companies: tuple[CompanyVisit, ...] = ()
    project_ids: tuple[int, ...] = ()
    results: str = ""
    recorded_by: str = ""
    id: int | None = None
    entry_ids: tuple[int, ...] = field(default=(), compare=False)

    def validated(self, today: date) -> Trip:
        if not self.traveller_ids:
            raise ValidationError("travellers", "required")
        check_date(self.start_date, today, "start_date")
        check_date(self.end_date, today, "end_date")
        check_span(self.start_date, self.end_date)
        if self.start_date == self.end_date and self.start_half and self.end_half:
            raise ValidationError("end_date", "half_day_single")
        travellers = tuple(dict.fromkeys(self.traveller_ids))  # drop repeats, keep order
        places = (clean_name(d, "destinations", NAME_MAX) for d in self.destinations)
        return Trip(
            travellers,
            self.start_date,
            self.end_date,
            self.start_half,
            self.end_half,
            tuple(d for d in places if d),
            tuple(c.validated() for c in self.companies),
            tuple(dict.fromkeys(self.project_ids)),
            clean_note(self.results, "results"),
            clean_name(self.recorded_by, "recorded_by", ORG_MAX),
            self.id,
            self.entry_ids,
        )

    def day_parts(self) -> list[tuple[date, DayPart]]:
        out = []
        d = self.start_date
        while d <= self.end_date:
            half = (d == self.start_date and self.start_half) or (
                d == self.end_date and self.end_half
            )
            out.append((d, DayPart.HALF if half else DayPart.FULL))
            d += timedelta(days=1)
        return out

    @property
    def days_away(self) -> float:
        return days_away(self.start_date, self.end_date, self.start_half, self.end_half)

    def entries(self, trip_activity_id: int) -> list[Entry]:
        """The day entries the trip owns, one per traveller and day."""
        location = "、".join(self.destinations)
        counterpart = "、".join(c.company for c in self.companies)
        project = self.project_ids[0] if self.project_ids else None
        return [
            Entry(
                person_id=pid,
                day=d,
                activity_id=trip_activity_id,
                day_part=part,
                project_id=project,
                trip_id=self.id,
                location=location,
                counterpart=counterpart,
                note=self.results,
                recorded_by=self.recorded_by,
            )
            for pid in self.traveller_ids
            for d, part in self.day_parts()
        ]
