"""The queries reports need: travel per person summed in SQL, a person's trips and projects."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from desktop.domain.entries import day_equivalents_sql
from desktop.domain.people import TRIP_ACTIVITY
from desktop.domain.periods import Period
from desktop.domain.projects import Project
from desktop.domain.travel import TravelTotals, places_with_days
from desktop.domain.trips import Trip
from desktop.storage.base import Store

# an entry's day-equivalents, as Entry.day_equivalents counts them
_DAYS = day_equivalents_sql("day_part", "minutes", "mpd")

# Trips and days out per person: each trip once, plus loose 外出招商 entries on consecutive days
# as one trip (a day minus its rank among the person's loose days is constant along a run).
TRAVEL_SQL = f"""
WITH t AS (
  SELECT person_id, date, trip_id, day_part, minutes FROM entries
  WHERE date BETWEEN :start AND :end AND activity_id = :trip {{person_filter}}
),
loose AS (SELECT DISTINCT person_id, date FROM t WHERE trip_id IS NULL),
runs AS (
  SELECT person_id, count(DISTINCT k) AS n FROM (
    SELECT person_id,
           julianday(date) - row_number() OVER (PARTITION BY person_id ORDER BY date) AS k
    FROM loose
  ) GROUP BY person_id
)
SELECT t.person_id, count(DISTINCT t.trip_id) + coalesce(runs.n, 0), total({_DAYS})
FROM t LEFT JOIN runs ON runs.person_id = t.person_id
GROUP BY t.person_id
"""

# Where each person went: every location text once, with the first day it was written.
PLACES_SQL = """
SELECT person_id, location, min(date) AS first FROM entries
WHERE date BETWEEN :start AND :end AND activity_id = :trip AND location <> '' {person_filter}
GROUP BY person_id, location
ORDER BY person_id, first, location
"""


class ReportStore(Store):
    def _travel_params(
        self, period: Period, person_ids: Sequence[int] | None
    ) -> tuple[dict[str, Any], str]:
        trip = self.ctx.people.find_activity(TRIP_ACTIVITY)
        params: dict[str, Any] = {
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "trip": trip.id,
            "mpd": self.rules().minutes_per_day,
        }
        person_filter = ""
        if person_ids is not None:
            person_filter = "AND person_id IN (SELECT value FROM json_each(:persons))"
            params["persons"] = json.dumps(list(person_ids))
        return params, person_filter

    def travel(
        self, period: Period, person_ids: Sequence[int] | None = None
    ) -> dict[int, TravelTotals]:
        """Trips, days out and destinations of every person who went out in the period."""
        params, person_filter = self._travel_params(period, person_ids)
        sql = TRAVEL_SQL.format(person_filter=person_filter)
        counts = {r[0]: (int(r[1]), float(r[2])) for r in self.db.execute(sql, params).fetchall()}
        located: dict[int, list[tuple[str, date]]] = defaultdict(list)
        for r in self.db.execute(PLACES_SQL.format(person_filter=person_filter), params):
            located[r[0]].append((r[1], date.fromisoformat(r[2])))
        out = {}
        for pid, (trips, days) in counts.items():
            pairs = places_with_days(located.get(pid, []))
            out[pid] = TravelTotals(
                trips, days, tuple(p for p, _ in pairs), tuple(d for _, d in pairs)
            )
        return out

    def trips_in(self, period: Period, person_id: int) -> list[Trip]:
        """The trips the person went on that touch the period, in date order."""
        return self.ctx.trips._load_trips(
            "JOIN trip_travellers tt ON tt.trip_id = t.id"
            " WHERE tt.person_id = ? AND t.start_date <= ? AND t.end_date >= ?"
            " ORDER BY t.start_date, t.id",
            [person_id, period.end.isoformat(), period.start.isoformat()],
        )

    def projects_for(self, person_id: int, period: Period) -> list[Project]:
        """Projects the person leads (包联) or worked on in the period (entries or trips)."""
        rows = self.db.execute(
            "SELECT id FROM projects WHERE leader_id = :p OR first_person_id = :p"
            " UNION SELECT project_id FROM entries WHERE person_id = :p"
            "   AND date BETWEEN :start AND :end AND project_id IS NOT NULL"
            " UNION SELECT tp.project_id FROM trip_projects tp"
            "   JOIN trip_travellers tt ON tt.trip_id = tp.trip_id"
            "   JOIN trips t ON t.id = tp.trip_id"
            "   WHERE tt.person_id = :p AND t.start_date <= :end AND t.end_date >= :start",
            {"p": person_id, "start": period.start.isoformat(), "end": period.end.isoformat()},
        ).fetchall()
        if not rows:
            return []
        ids = ",".join(str(int(r[0])) for r in rows)
        return self.ctx.projects._load_projects(f"WHERE id IN ({ids})", [])
