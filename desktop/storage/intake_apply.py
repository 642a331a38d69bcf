"""Writing a taken-in monthly report into the supervision office's database, inside the caller's
transaction: the person-month's entries replaced as a whole, trips matched by their people, days
and places (storage/intake_rows.py matches persons and projects and keeps track of which report
holds which row)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from desktop.domain.entries import Entry, check_day
from desktop.domain.errors import LedgerError
from desktop.domain.ledger_parsing import name_key
from desktop.domain.report_payload import MonthReport, ReportedTrip
from desktop.domain.submission import MonthState
from desktop.domain.submission_messages import SubmissionError
from desktop.domain.trips import Trip
from desktop.storage import intake_flags
from desktop.storage.base import Store
from desktop.storage.intake_rows import IntakeWarning
from desktop.storage.submissions import HeldRow


@dataclass
class Applied:
    """What one report wrote: counts for the message, warnings to show beside it."""

    person_id: int
    entries: int = 0
    trips: int = 0
    projects: int = 0
    warnings: list[IntakeWarning] = field(default_factory=list)


def check_report(report: MonthReport, file_name: str, today: Any, per_day: float) -> None:
    """The entries on their own (durations, dates, 24 hours a day, no overlaps), before anything
    is written or backed up."""
    by_day: dict[Any, list[Entry]] = defaultdict(list)
    for e in report.entries:
        try:
            entry = Entry(
                1, e.day, 1, e.minutes, e.day_part, e.start, e.end, note=e.note
            ).validated(today)
        except LedgerError as exc:
            raise _bad_entry(file_name, e.day, exc) from None
        by_day[e.day].append(entry)
    for day, items in by_day.items():
        try:
            check_day(report.person.name, day, items, per_day)
        except LedgerError as exc:
            raise _bad_entry(file_name, day, exc) from None


def _bad_entry(file_name: str, day: Any, exc: LedgerError) -> SubmissionError:
    return SubmissionError(
        "report_file", "bad_entry", value=file_name, date=day.isoformat(), detail=exc.message()
    )


class ReceiveStore(Store):
    def _apply_report(
        self, report: MonthReport, report_id: str, file_name: str, held: HeldRow | None
    ) -> Applied:
        """Write the report; call inside a transaction (a refusal rolls all of it back, and
        the caller then forgets the intake's indexes)."""
        self._source = intake_flags.Source(
            report.person.unit, report.person.name, report_id, file_name
        )
        period = report.period
        done = Applied(self.ctx.intake_rows._person_for(report.person, [], update=True))
        warnings = done.warnings
        span = [done.person_id, period.start.isoformat(), period.end.isoformat()]
        if held is None:
            local = self.db.execute(
                "SELECT count(*) FROM entries WHERE person_id = ? AND date BETWEEN ? AND ?", span
            ).fetchone()[0]
            if local:
                raise SubmissionError(
                    "month",
                    "local_entries",
                    person=report.person.name,
                    period=period,
                    count=local,
                )
        else:
            # the month is unlocked for this transaction only, so the old entries can go
            self.db.execute(
                "UPDATE submissions SET state = ? WHERE id = ?",
                [MonthState.RETURNED.value, held.id],
            )
            self.db.execute(
                "DELETE FROM entries WHERE person_id = ? AND date BETWEEN ? AND ?", span
            )
        self._compare_rules(report, warnings)
        activities = {
            key: self.ctx.intake_rows._activity_for(*key, warnings)
            for key in dict.fromkeys((e.activity, e.activity_kind) for e in report.entries)
        }
        projects = {
            name_key(p.name): self.ctx.intake_rows._project_for(p, report_id, warnings)
            for p in report.projects
        }
        trips: dict[int, int] = {}
        for t in report.trips:
            trips[t.number] = self._trip_for(t, projects, report_id, set(trips.values()), warnings)
        entries = [
            Entry(
                done.person_id,
                e.day,
                activities[(e.activity, e.activity_kind)],
                e.minutes,
                e.day_part,
                e.start,
                e.end,
                None if e.project is None else projects[name_key(e.project)],
                None if e.trip is None else trips[e.trip],
                e.location,
                e.counterpart,
                e.note,
                e.recorded_by,
            ).validated(self.today())
            for e in report.entries
        ]
        saved = self.ctx.entries._insert_entries(entries)
        if saved:
            ids = [e.id for e in saved if e.id is not None]
            self._log(
                "import",
                "entries",
                None,
                None,
                {
                    "file": file_name,
                    "report_id": report_id,
                    "rows": len(ids),
                    "first_id": min(ids),
                    "last_id": max(ids),
                },
            )
        if held is not None:
            self.ctx.intake_rows._release(held.report_id)
        done.entries, done.trips, done.projects = len(saved), len(trips), len(projects)
        return done

    def _compare_rules(self, report: MonthReport, warnings: list[IntakeWarning]) -> None:
        ours, theirs = self.rules(), report.rules

        def text(r: Any) -> str:
            weekend = "计周末" if r.count_weekend_promotion else "不计周末"
            return f"每日 {r.hours_per_day:g} 小时、目标 {r.target:.4g}、{weekend}"

        if (ours.hours_per_day, round(ours.target, 6), ours.count_weekend_promotion) != (
            theirs.hours_per_day,
            round(theirs.target, 6),
            theirs.count_weekend_promotion,
        ):
            warnings.append(("rules_differ", {"theirs": text(theirs), "ours": text(ours)}))

    # ---- trips

    def _trip_for(
        self,
        t: ReportedTrip,
        projects: dict[str, int],
        report_id: str,
        used: set[int],
        warnings: list[IntakeWarning],
    ) -> int:
        """The same journey (same people, days, halves and places) is one trip whoever reports
        it; its companies, results and projects follow the newest report."""
        travellers = [self.ctx.intake_rows._person_for(ref, warnings) for ref in t.travellers]
        project_ids = [projects[name_key(n)] for n in t.projects]
        values = {
            "destinations": json.dumps(list(t.destinations), ensure_ascii=False),
            "companies": json.dumps([asdict(c) for c in t.companies], ensure_ascii=False),
            "results": t.results,
            "recorded_by": t.recorded_by,
        }
        for (tid,) in self.db.execute(
            "SELECT id FROM trips WHERE start_date = ? AND end_date = ? AND start_half = ?"
            " AND end_half = ? ORDER BY id",
            [t.start_date.isoformat(), t.end_date.isoformat(), int(t.start_half), int(t.end_half)],
        ).fetchall():
            old = self.ctx.trips.trip(tid)
            if tid in used or list(old.traveller_ids) != travellers:
                continue
            if old.destinations != t.destinations:
                continue
            self._update_trip_details(old, values, project_ids)
            self.ctx.intake_rows._link(report_id, "trips", tid, owner=False)
            return int(tid)
        tid = self._insert(
            "INSERT INTO trips (start_date, end_date, start_half, end_half, destinations,"
            " companies, results, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                t.start_date.isoformat(),
                t.end_date.isoformat(),
                int(t.start_half),
                int(t.end_half),
                values["destinations"],
                values["companies"],
                values["results"],
                values["recorded_by"],
            ],
        )
        self._write_trip_links(tid, travellers, project_ids)
        self._log("insert", "trips", tid, None, {**values, "id": tid, "travellers": travellers})
        self.ctx.intake_rows._link(report_id, "trips", tid, owner=True)
        return tid

    def _write_trip_links(self, tid: int, travellers: list[int], project_ids: list[int]) -> None:
        self.db.conn.executemany(
            "INSERT INTO trip_travellers (trip_id, person_id, position) VALUES (?, ?, ?)",
            [(tid, pid, i) for i, pid in enumerate(travellers)],
        )
        self.db.conn.executemany(
            "INSERT INTO trip_projects (trip_id, project_id) VALUES (?, ?)",
            [(tid, pid) for pid in dict.fromkeys(project_ids)],
        )

    def _update_trip_details(
        self, old: Trip, values: dict[str, Any], project_ids: list[int]
    ) -> None:
        row = self.db.execute(
            "SELECT destinations, companies, results, recorded_by FROM trips WHERE id = ?",
            [old.id],
        ).fetchone()
        before = dict(zip(values, row, strict=True))
        wanted = list(dict.fromkeys(project_ids))
        if before == values and list(old.project_ids) == wanted:
            return
        self.db.execute(
            "UPDATE trips SET destinations = :destinations, companies = :companies,"
            " results = :results, recorded_by = :recorded_by WHERE id = :id",
            {**values, "id": old.id},
        )
        self.db.execute("DELETE FROM trip_projects WHERE trip_id = ?", [old.id])
        self.db.conn.executemany(
            "INSERT INTO trip_projects (trip_id, project_id) VALUES (?, ?)",
            [(old.id, pid) for pid in wanted],
        )
        self._log("update", "trips", old.id, before, {**values, "projects": wanted})
