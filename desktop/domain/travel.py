"""A person's travel in a period: trips made, days out and places visited, as the circular counts.

Days out are the day-equivalents of 外出招商 entries in the period, whether a trip owns them or
they were logged (or imported) on their own. A trip counts once in each period it touches; loose
外出招商 entries on consecutive calendar days count as one trip, since an imported ledger has no
trip records. Storage computes the same in SQL (`storage/report_queries.py`); `travel_from_entries`
is the reference computation the tests compare it with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.domain.entries import Entry

_PLACE_SEPARATORS = re.compile(r"[、，,；;/／\s]+")


@dataclass(frozen=True, slots=True)
class TravelTotals:
    trips: int = 0
    days_out: float = 0.0
    destinations: tuple[str, ...] = ()  # in the order first visited
    first_days: tuple[date, ...] = ()  # the day each destination was first visited, if known

    @property
    def went_out(self) -> bool:
        return self.days_out > 0 or self.trips > 0


def split_places(text: str) -> list[str]:
    """'重庆、成都' -> ['重庆', '成都']: a trip's entries carry its destinations joined by 、."""
    return [p for p in _PLACE_SEPARATORS.split(text.strip()) if p]


def merge_places(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    """Places from several sources, each once, in the order first met."""
    return tuple(dict.fromkeys(p for group in groups for p in group))


def places_with_days(located: Iterable[tuple[str, date]]) -> tuple[tuple[str, date], ...]:
    """Location texts with the day each was first written -> each place once with its first day,
    in the order first visited (a text naming two places gives both its day)."""
    first: dict[str, date] = {}
    for text, day in located:
        for place in split_places(text):
            if place not in first or day < first[place]:
                first[place] = day
    ordered = sorted(enumerate(first.items()), key=lambda item: (item[1][1], item[0]))
    return tuple(pair for _, pair in ordered)


def combined(rows: Iterable[TravelTotals]) -> TravelTotals:
    """Several persons' travel as one group's: trips and days summed, the destinations of all of
    them in the order first visited by any (not person by person)."""
    trips, days = 0, 0.0
    located: list[tuple[str, date]] = []
    loose: list[Iterable[str]] = []
    for t in rows:
        trips += t.trips
        days += t.days_out
        if len(t.first_days) == len(t.destinations):
            located += zip(t.destinations, t.first_days, strict=True)
        else:
            loose.append(t.destinations)
    pairs = places_with_days(located)
    places = merge_places([[p for p, _ in pairs], *loose])
    return TravelTotals(trips, days, places, tuple(d for _, d in pairs))


def consecutive_runs(days: Iterable[date]) -> list[tuple[date, date]]:
    """Distinct days grouped into runs of consecutive calendar days: [(first, last), ...]."""
    runs: list[tuple[date, date]] = []
    for day in sorted(set(days)):
        if runs and runs[-1][1] + timedelta(days=1) == day:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def travel_from_entries(
    entries: Iterable[Entry], trip_activity_id: int, minutes_per_day: float
) -> TravelTotals:
    """One person's travel from their entries of one period (the entries already filtered)."""
    trip_ids: set[int] = set()
    loose_days: list[date] = []
    days_out = 0.0
    first_seen: dict[str, date] = {}  # location text -> first day it was written
    for e in entries:
        if e.activity_id != trip_activity_id:
            continue
        days_out += e.day_equivalents(minutes_per_day)
        if e.trip_id is not None:
            trip_ids.add(e.trip_id)
        else:
            loose_days.append(e.day)
        if e.location:
            first_seen[e.location] = min(first_seen.get(e.location, e.day), e.day)
    locations = sorted(first_seen, key=lambda loc: (first_seen[loc], loc))
    pairs = places_with_days((loc, first_seen[loc]) for loc in locations)
    trips = len(trip_ids) + len(consecutive_runs(loose_days))
    return TravelTotals(trips, days_out, tuple(p for p, _ in pairs), tuple(d for _, d in pairs))
