"""Changes after the fact: update, delete and put back persons, trips and projects (for undo)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import date
from decimal import Decimal

from desktop.domain.entries import Entry, day_equivalents_sql
from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.people import TRIP_ACTIVITY, Person
from desktop.domain.periods import Period
from desktop.domain.projects import Funding, Project, Stage, StageChange
from desktop.domain.trips import Trip
from desktop.storage.base import Store
from desktop.storage.entries import (
    DISPLAY_ORDER,
    ENTRY_COLUMNS,
    INSERT_WITH_ID,
    entry_from_row,
    entry_params,
    entry_record,
)
from desktop.storage.projects import (
    ASSESSMENT_COLUMNS,
    FUNDS_COLUMNS,
    assessment_values,
    funding_from_row,
    funding_values,
)
from desktop.storage.trips import trip_filter, trip_record


class EditStore(Store):
    def restore_entry(self, entry: Entry) -> Entry:
        """Put a deleted entry back under its old id (undo of a delete)."""
        if entry.id is None:
            return self.ctx.writes.add_entry(entry)
        e = entry.validated(self.today())
        self.ctx.entries._check_references([e])
        with self.db.atomic():
            self.ctx.entries._check_days([e])
            self.db.execute(INSERT_WITH_ID, [*entry_params(e), e.id])
            self._log("restore", "entries", e.id, None, entry_record(e))
        return e

    def update_person(self, person: Person) -> Person:
        if person.id is None:
            raise NotFoundError("person", "not_found", value=None)
        before = self.ctx.people.person(person.id)
        p = person.validated()
        try:
            with self.db.atomic():
                self.db.execute(
                    "UPDATE persons SET name = ?, title = ?, unit = ?, group_name = ?,"
                    " subject_to_rule = ? WHERE id = ?",
                    [p.name, p.title, p.unit, p.group, int(p.subject_to_rule), p.id],
                )
                self._log("update", "persons", p.id, asdict(before), asdict(p))
        except sqlite3.IntegrityError:
            raise ValidationError("person", "duplicate", value=p.name) from None
        return p

    def delete_person(self, person_id: int) -> Person:
        before = self.ctx.people.person(person_id)
        used = self.db.execute(
            "SELECT (SELECT count(*) FROM entries WHERE person_id = :p)"
            " + (SELECT count(*) FROM trip_travellers WHERE person_id = :p)"
            " + (SELECT count(*) FROM projects WHERE leader_id = :p OR first_person_id = :p)",
            {"p": person_id},
        ).fetchone()[0]
        if used:
            raise ValidationError("person", "in_use", value=before.name, count=used)
        with self.db.atomic():
            self.db.execute("DELETE FROM persons WHERE id = ?", [person_id])
            self._log("delete", "persons", person_id, asdict(before), None)
        return before

    def restore_person(self, person: Person) -> Person:
        p = person.validated()
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO persons (id, name, title, unit, group_name, subject_to_rule)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [p.id, p.name, p.title, p.unit, p.group, int(p.subject_to_rule)],
            )
            self._log("restore", "persons", p.id, None, asdict(p))
        return p


class TripEditStore(Store):
    def update_trip(self, trip: Trip) -> Trip:
        """Change a trip; its day entries are made again from the new dates and travellers."""
        if trip.id is None:
            raise NotFoundError("trip", "not_found", value=None)
        before = self.ctx.trips.trip(trip.id)
        t = trip.validated(self.today())
        for pid in t.traveller_ids:
            self.ctx.people.person(pid)
        for project_id in t.project_ids:
            self.ctx.projects.project(project_id)
        activity = self.ctx.people.find_activity(TRIP_ACTIVITY)
        assert activity.id is not None
        with self.db.atomic():
            self.db.execute("DELETE FROM entries WHERE trip_id = ?", [t.id])
            self._write_trip(t, insert=False)
            entries = t.entries(activity.id)
            self.ctx.entries._check_days(entries)
            saved = self.ctx.entries._insert_entries(entries)
            t = replace(t, entry_ids=tuple(e.id for e in saved if e.id is not None))
            self._log("update", "trips", t.id, trip_record(before), trip_record(t))
        return t

    def restore_trip(self, trip: Trip) -> Trip:
        """Put a deleted trip back under its old id, with its day entries (undo of a delete)."""
        t = trip.validated(self.today())
        activity = self.ctx.people.find_activity(TRIP_ACTIVITY)
        assert activity.id is not None
        with self.db.atomic():
            self._write_trip(t, insert=True)
            entries = t.entries(activity.id)
            self.ctx.entries._check_days(entries)
            saved = self.ctx.entries._insert_entries(entries)
            t = replace(t, entry_ids=tuple(e.id for e in saved if e.id is not None))
            self._log("restore", "trips", t.id, None, trip_record(t))
        return t

    def _write_trip(self, t: Trip, insert: bool) -> None:
        values = [
            t.start_date.isoformat(),
            t.end_date.isoformat(),
            int(t.start_half),
            int(t.end_half),
            json.dumps(list(t.destinations), ensure_ascii=False),
            json.dumps([asdict(c) for c in t.companies], ensure_ascii=False),
            t.results,
            t.recorded_by,
            t.id,
        ]
        if insert:
            self.db.execute(
                "INSERT INTO trips (start_date, end_date, start_half, end_half, destinations,"
                " companies, results, recorded_by, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
        else:
            self.db.execute(
                "UPDATE trips SET start_date = ?, end_date = ?, start_half = ?, end_half = ?,"
                " destinations = ?, companies = ?, results = ?, recorded_by = ? WHERE id = ?",
                values,
            )
            self.db.execute("DELETE FROM trip_travellers WHERE trip_id = ?", [t.id])
            self.db.execute("DELETE FROM trip_projects WHERE trip_id = ?", [t.id])
        self.db.conn.executemany(
            "INSERT INTO trip_travellers (trip_id, person_id, position) VALUES (?, ?, ?)",
            [(t.id, pid, i) for i, pid in enumerate(t.traveller_ids)],
        )
        self.db.conn.executemany(
            "INSERT INTO trip_projects (trip_id, project_id) VALUES (?, ?)",
            [(t.id, pid) for pid in t.project_ids],
        )

    def trips(
        self,
        person_id: int | None = None,
        limit: int = 5000,
        period: Period | None = None,
        entry_ids: bool = True,
    ) -> list[Trip]:
        """Trips newest first, optionally those a person travelled on and those that touch a
        period (chosen before the limit, so a year's trips are found however many are newer).
        entry_ids=False: for a list of trips, their day entries' ids left out (cheaper)."""
        where, params = trip_filter(person_id, period)
        return self.ctx.trips._load_trips(
            f"{where}ORDER BY t.start_date DESC, t.id DESC LIMIT ?",
            [*params, limit],
            entry_ids,
        )


class ProjectEditStore(Store):
    def update_project(self, project: Project, confirmed: bool = False) -> Project:
        if project.id is None:
            raise NotFoundError("project", "not_found", value=None)
        before = self.ctx.projects.project(project.id)
        p = project.validated(confirmed)
        for person_id in (p.leader_id, p.first_person_id):
            if person_id is not None and person_id not in (
                before.leader_id,
                before.first_person_id,
            ):
                self.ctx.people.person(person_id)
        try:
            with self.db.atomic():
                assessed = ", ".join(f"{c} = ?" for c in ASSESSMENT_COLUMNS)
                self.db.execute(
                    "UPDATE projects SET name = ?, investor = ?, chain = ?, amount = ?,"
                    f" currency = ?, leader_id = ?, park = ?, {assessed} WHERE id = ?",
                    [
                        p.name,
                        p.investor,
                        p.chain,
                        None if p.amount is None else str(p.amount),
                        p.currency.value,
                        p.leader_id,
                        p.park,
                        *assessment_values(p),
                        p.id,
                    ],
                )
                self._log("update", "projects", p.id, asdict(before), asdict(p))
        except sqlite3.IntegrityError:
            raise ValidationError("project", "duplicate", value=p.name) from None
        return self.ctx.projects.project(project.id)

    def delete_stage(self, stage_id: int) -> tuple[int, StageChange]:
        """Delete a stage change; returns its project's id and the change as it was."""
        row = self.db.execute(
            "SELECT project_id, date, stage, note, amount FROM project_stages WHERE id = ?",
            [stage_id],
        ).fetchone()
        if row is None:
            raise NotFoundError("stage", "not_found", value=stage_id)
        with self.db.atomic():
            self.db.execute("DELETE FROM project_stages WHERE id = ?", [stage_id])
            self._log("delete", "project_stages", stage_id, list(row), None)
        amount = None if row[4] is None else Decimal(row[4])
        return row[0], StageChange(
            date.fromisoformat(row[1]), Stage(row[2]), row[3], amount, stage_id
        )

    def delete_funds(self, funds_id: int) -> tuple[int, Funding]:
        """Delete funds arrived; returns its project's id and the funds as they were."""
        row = self.db.execute(
            f"SELECT project_id, {', '.join(FUNDS_COLUMNS)} FROM funds WHERE id = ?", [funds_id]
        ).fetchone()
        if row is None:
            raise NotFoundError("funds", "not_found", value=funds_id)
        with self.db.atomic():
            self.db.execute("DELETE FROM funds WHERE id = ?", [funds_id])
            self._log("delete", "funds", funds_id, list(row), None)
        return row[0], funding_from_row(row[1:], funds_id)

    def distinct_places(self, limit: int = 2000) -> list[str]:
        """Locations used before, most used first, for completion as you type."""
        rows = self.db.execute(
            "SELECT location FROM entries WHERE location <> '' GROUP BY location"
            " ORDER BY count(*) DESC LIMIT ?",
            [limit],
        ).fetchall()
        return [r[0] for r in rows]

    def delete_project(self, project_id: int) -> Project:
        before = self.ctx.projects.project(project_id)
        used = self.db.execute(
            "SELECT (SELECT count(*) FROM entries WHERE project_id = :p)"
            " + (SELECT count(*) FROM trip_projects WHERE project_id = :p)",
            {"p": project_id},
        ).fetchone()[0]
        if used:
            raise ValidationError("project", "in_use", value=before.name, count=used)
        with self.db.atomic():
            self.db.execute("DELETE FROM projects WHERE id = ?", [project_id])
            self._log("delete", "projects", project_id, asdict(before), None)
        return before

    def restore_project(self, project: Project) -> Project:
        """Put a deleted project back under its old id, with its history and funds."""
        p = project
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO projects (id, name, investor, chain, amount, currency, leader_id,"
                f" park, {', '.join(ASSESSMENT_COLUMNS)})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    p.id,
                    p.name,
                    p.investor,
                    p.chain,
                    None if p.amount is None else str(p.amount),
                    p.currency.value,
                    p.leader_id,
                    p.park,
                    *assessment_values(p),
                ],
            )
            self.db.conn.executemany(
                "INSERT INTO project_stages (id, project_id, date, stage, note, amount)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        c.id,
                        p.id,
                        c.day.isoformat(),
                        c.stage.value,
                        c.note,
                        None if c.amount is None else str(c.amount),
                    )
                    for c in p.history
                ],
            )
            self.db.conn.executemany(
                f"INSERT INTO funds (id, project_id, {', '.join(FUNDS_COLUMNS)})"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(f.id, p.id, *funding_values(f)) for f in p.funds],
            )
            self._log("restore", "projects", p.id, None, asdict(p))
        assert p.id is not None
        return self.ctx.projects.project(p.id)

    def activity_days(self, period: Period, person_id: int | None = None) -> dict[int, float]:
        """Day-equivalents per activity id in a period, for one person or everyone."""
        sql = (
            f"SELECT activity_id, total({day_equivalents_sql('day_part', 'minutes', 'mpd')})"
            " FROM entries WHERE date BETWEEN :start AND :end"
        )
        params: dict[str, object] = {
            "mpd": self.rules().minutes_per_day,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
        }
        if person_id is not None:
            sql += " AND person_id = :person"
            params["person"] = person_id
        rows = self.db.execute(sql + " GROUP BY activity_id", params).fetchall()
        return {r[0]: r[1] for r in rows}

    def entry_ids(
        self,
        *,
        person_id: int | None = None,
        period: Period | None = None,
        activity_id: int | None = None,
        project_id: int | None = None,
        text: str = "",
    ) -> list[int]:
        """Ids of the matching entries in display order: one pass, for text searches."""
        source, params = self.ctx.entries._filters(person_id, period, activity_id, project_id, text)
        rows = self.db.execute(f"SELECT e.id{source} ORDER BY {DISPLAY_ORDER}", params).fetchall()
        return [r[0] for r in rows]

    def entries_by_ids(self, ids: Sequence[int]) -> list[Entry]:
        """The entries with these ids, in the order of the ids."""
        rows = self.db.execute(
            f"SELECT {ENTRY_COLUMNS} FROM entries WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(list(ids))],
        ).fetchall()
        by_id = {r[0]: entry_from_row(r) for r in rows}
        return [by_id[i] for i in ids if i in by_id]
