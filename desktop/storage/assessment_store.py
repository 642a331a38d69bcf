"""The 考核方案 held in the ledger (settings key `assessment_scheme`, the scheme's file JSON)
and its scoring over a period from the ledger's facts (domain/assessment_measures.py)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from datetime import date
from decimal import Decimal

from desktop.domain.assessment_checks import check_projects
from desktop.domain.assessment_measures import Facts, TripDays, measure
from desktop.domain.assessment_scheme import Scheme
from desktop.domain.assessment_scoring import Assessment, score
from desktop.domain.errors import ValidationError
from desktop.domain.periods import Period
from desktop.domain.submission import MonthState
from desktop.domain.trips import days_away
from desktop.storage import order_store
from desktop.storage.base import Store

SCHEME_KEY = "assessment_scheme"
VISITS_ACTIVITY = "接待客商考察"


class AssessmentStore(Store):
    def scheme(self) -> Scheme | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [SCHEME_KEY]).fetchone()
        return None if row is None else Scheme.from_dict(json.loads(row[0]))

    def set_scheme(self, scheme: Scheme | None) -> Scheme | None:
        """Hold `scheme` (None: none); returns the one it replaced, which the same call puts
        back. One transaction with its change-log record."""
        before = self.scheme()
        with self.db.atomic():
            if scheme is None:
                self.db.execute("DELETE FROM settings WHERE key = ?", [SCHEME_KEY])
            else:
                text = json.dumps(scheme.to_dict(), ensure_ascii=False, sort_keys=True)
                self.db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key)"
                    " DO UPDATE SET value = excluded.value",
                    [SCHEME_KEY, text],
                )
            self._log(
                "update",
                "settings",
                None,
                None if before is None else {SCHEME_KEY: before.to_dict()},
                None if scheme is None else {SCHEME_KEY: scheme.to_dict()},
            )
        return before

    def assess(self, period: Period, by: str | None = None) -> Assessment:
        """The held scheme scored over `period`, by unit or person (the scheme's own choice
        unless `by` says otherwise)."""
        scheme = self.scheme()
        if scheme is None:
            raise ValidationError("scheme", "no_scheme")
        return self.assess_with(scheme, period, by)

    def assess_with(self, scheme: Scheme, period: Period, by: str | None = None) -> Assessment:
        if by is not None and by != scheme.by:
            scheme = replace(scheme, by=by)
        facts = self.facts(period, scheme.by)
        measured = measure(scheme, facts)
        today = self.today()
        done = min(period.end, today)
        elapsed = 0 if done.year < period.end.year else done.month - (done != _month_end(done))
        results = score(scheme, {n: measured.values[n] for n in measured.names}, elapsed)
        checks = check_projects(facts.projects, period.end)
        return Assessment(
            scheme,
            period,
            scheme.by,
            tuple(results),
            elapsed,
            tuple((n.zh, n.en) for n in measured.notes),
            tuple((n.zh, n.en) for n in checks),
        )

    def facts(self, period: Period, by: str) -> Facts:
        people = self.ctx.people
        persons = people.persons(subject_only=True) if by == "person" else people.persons()
        ids = {p.id for p in persons}
        today = self.today()
        ended = [m for m in period.months() if m.end < today]
        met: Counter[int] = Counter()
        on_time: Counter[int] = Counter()
        missing: Counter[int] = Counter()
        for month in ended:
            for line in self.ctx.summaries.summary(month):
                if line.result.met and line.person.id is not None:
                    met[line.person.id] += 1
            for status in self.ctx.submission_state.submission_status(month):
                pid = status.person.id
                if pid is None or not status.person.subject_to_rule:
                    continue
                sent = status.submitted_at
                if status.state is not MonthState.DRAFT and sent and sent.date() <= status.deadline:
                    on_time[pid] += 1
                else:
                    missing[pid] += 1
        return Facts(
            period,
            persons,
            self.ctx.projects.projects(),
            [t for t in self._trip_days(period) if t.person_id in ids],
            dict(met),
            dict(on_time),
            dict(missing),
            self._visits(period),
            order_store.load(self.db).units,
        )

    def _trip_days(self, period: Period) -> list[TripDays]:
        rows = self.db.execute(
            "SELECT x.person_id, t.start_date, t.end_date, t.start_half, t.end_half"
            " FROM trips t JOIN trip_travellers x ON x.trip_id = t.id"
            " WHERE t.start_date BETWEEN ? AND ?",
            [period.start.isoformat(), period.end.isoformat()],
        ).fetchall()
        return [
            TripDays(
                r[0],
                Decimal(
                    str(days_away(date.fromisoformat(r[1]), date.fromisoformat(r[2]), r[3], r[4]))
                ),
            )
            for r in rows
        ]

    def _visits(self, period: Period) -> dict[int, int]:
        rows = self.db.execute(
            "SELECT e.person_id, count(*) FROM entries e JOIN activities a ON a.id = e.activity_id"
            " WHERE a.name = ? AND e.date BETWEEN ? AND ? GROUP BY e.person_id",
            [VISITS_ACTIVITY, period.start.isoformat(), period.end.isoformat()],
        ).fetchall()
        return {r[0]: r[1] for r in rows}


def _month_end(day: date) -> date:
    return Period.month(day.year, day.month).end
