"""Promotion trips in the database: the trip, its travellers and projects, and its day entries."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from datetime import date

from desktop.domain.errors import NotFoundError
from desktop.domain.people import TRIP_ACTIVITY
from desktop.domain.trips import CompanyVisit, Trip
from desktop.storage.projects import ProjectStore


def trip_record(trip: Trip) -> dict[str, object]:
    record = asdict(trip)
    record["start_date"] = trip.start_date.isoformat()
    record["end_date"] = trip.end_date.isoformat()
    return record


class TripStore(ProjectStore):
    def add_trip(self, trip: Trip) -> Trip:
        t = trip.validated(self.today())
        if not t.recorded_by:
            t = replace(t, recorded_by=self.actor)
        for pid in t.traveller_ids:
            self.person(pid)
        for project_id in t.project_ids:
            self.project(project_id)
        activity = self.find_activity(TRIP_ACTIVITY)
        assert activity.id is not None
        with self.db.atomic():
            tid = self._insert(
                "INSERT INTO trips (start_date, end_date, start_half, end_half, destinations,"
                " companies, results, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    t.start_date.isoformat(),
                    t.end_date.isoformat(),
                    int(t.start_half),
                    int(t.end_half),
                    json.dumps(list(t.destinations), ensure_ascii=False),
                    json.dumps([asdict(c) for c in t.companies], ensure_ascii=False),
                    t.results,
                    t.recorded_by,
                ],
            )
            self.db.conn.executemany(
                "INSERT INTO trip_travellers (trip_id, person_id, position) VALUES (?, ?, ?)",
                [(tid, pid, i) for i, pid in enumerate(t.traveller_ids)],
            )
            self.db.conn.executemany(
                "INSERT INTO trip_projects (trip_id, project_id) VALUES (?, ?)",
                [(tid, pid) for pid in t.project_ids],
            )
            t = replace(t, id=tid)
            entries = t.entries(activity.id)
            self._check_days(entries)
            saved = self._insert_entries(entries)
            t = replace(t, entry_ids=tuple(e.id for e in saved if e.id is not None))
            self._log("insert", "trips", tid, None, trip_record(t))
        return t

    def trip(self, trip_id: int) -> Trip:
        row = self.db.execute(
            "SELECT id, start_date, end_date, start_half, end_half, destinations, companies,"
            " results, recorded_by FROM trips WHERE id = ?",
            [trip_id],
        ).fetchone()
        if row is None:
            raise NotFoundError("trip", "not_found", value=trip_id)
        travellers = tuple(
            r[0]
            for r in self.db.execute(
                "SELECT person_id FROM trip_travellers WHERE trip_id = ? ORDER BY position",
                [trip_id],
            ).fetchall()
        )
        projects = tuple(
            r[0]
            for r in self.db.execute(
                "SELECT project_id FROM trip_projects WHERE trip_id = ? ORDER BY rowid", [trip_id]
            ).fetchall()
        )
        entry_ids = tuple(
            r[0]
            for r in self.db.execute(
                "SELECT id FROM entries WHERE trip_id = ? ORDER BY id", [trip_id]
            ).fetchall()
        )
        return Trip(
            travellers,
            date.fromisoformat(row[1]),
            date.fromisoformat(row[2]),
            bool(row[3]),
            bool(row[4]),
            tuple(json.loads(row[5])),
            tuple(CompanyVisit(**c) for c in json.loads(row[6])),
            projects,
            row[7],
            row[8],
            row[0],
            entry_ids,
        )

    def delete_trip(self, trip_id: int) -> Trip:
        before = self.trip(trip_id)
        with self.db.atomic():
            self.db.execute("DELETE FROM entries WHERE trip_id = ?", [trip_id])
            self.db.execute("DELETE FROM trips WHERE id = ?", [trip_id])
            self._log("delete", "trips", trip_id, trip_record(before), None)
        return before
