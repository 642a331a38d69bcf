"""The one-third table for many people, summed in SQL over the covering index."""

from __future__ import annotations

import json
from collections.abc import Sequence

from desktop.domain.entries import day_equivalents_sql
from desktop.domain.people import ActivityKind, Person
from desktop.domain.periods import Period
from desktop.domain.share import PersonShare, Totals, compute_share
from desktop.storage.base import Store

# an entry's day-equivalents, as Entry.day_equivalents counts them
_DAYS = day_equivalents_sql("e.day_part", "e.minutes", "mpd")

SUMMARY_SQL = f"""
WITH workdays(d) AS (SELECT value FROM json_each(:workdays)),
     promo(a) AS (SELECT value FROM json_each(:promo)),
     leave(a) AS (SELECT value FROM json_each(:leave))
SELECT e.person_id,
  total(CASE WHEN e.activity_id IN promo AND (:weekends OR e.date IN workdays)
        THEN {_DAYS} END),
  total(CASE WHEN e.activity_id IN promo AND (:weekends OR e.date IN workdays)
        AND e.date <= :today THEN {_DAYS} END),
  total(CASE WHEN e.activity_id IN leave AND e.date IN workdays THEN {_DAYS} END),
  total(CASE WHEN e.activity_id IN leave AND e.date IN workdays AND e.date <= :today
        THEN {_DAYS} END)
FROM entries e
WHERE e.date BETWEEN :start AND :end
  AND (e.activity_id IN promo OR e.activity_id IN leave)
  {{person_filter}}
GROUP BY e.person_id
"""


class SummaryStore(Store):
    def summary_params(self, period: Period) -> dict[str, object]:
        rules = self.rules()
        activities = self.ctx.people.activities()
        workdays = self.calendar.workdays(period.start, period.end)
        return {
            "workdays": json.dumps([d.isoformat() for d in workdays]),
            "promo": json.dumps([a.id for a in activities if a.kind is ActivityKind.PROMOTION]),
            "leave": json.dumps([a.id for a in activities if a.kind is ActivityKind.LEAVE]),
            "weekends": int(rules.count_weekend_promotion),
            "mpd": rules.minutes_per_day,
            "today": self.today().isoformat(),
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
        }

    def totals(self, period: Period, person_ids: Sequence[int] | None = None) -> dict[int, Totals]:
        params = self.summary_params(period)
        person_filter = ""
        if person_ids is not None:
            person_filter = "AND e.person_id IN (SELECT value FROM json_each(:persons))"
            params["persons"] = json.dumps(list(person_ids))
        sql = SUMMARY_SQL.format(person_filter=person_filter)
        return {
            row[0]: Totals(row[1], row[3], row[2], row[4])
            for row in self.db.execute(sql, params).fetchall()
        }

    def summary(
        self, period: Period, persons: Sequence[Person] | None = None, subject_only: bool = True
    ) -> list[PersonShare]:
        """One line per person (those without entries included), in unit order."""
        if persons is None:
            persons = self.ctx.people.persons(subject_only=subject_only)
            totals = self.totals(period)
        else:
            totals = self.totals(period, [p.id for p in persons if p.id is not None])
        rules, today = self.rules(), self.today()
        return [
            PersonShare(
                p,
                compute_share(
                    period, self.calendar, totals.get(p.id or -1, Totals()), rules, today
                ),
            )
            for p in persons
        ]
