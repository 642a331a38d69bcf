"""Promotion trips in the database: the trip, its travellers and projects, and its day entries."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import date
from itertools import groupby
from operator import itemgetter

from desktop.domain.errors import NotFoundError
from desktop.domain.people import TRIP_ACTIVITY
from desktop.domain.periods import Period
from desktop.domain.trips import CompanyVisit, Trip, TripLine, days_away
from desktop.storage.base import Store

_TRIP_COLUMNS = (
    "t.id, t.start_date, t.end_date, t.start_half, t.end_half, t.destinations, t.companies,"
    " t.results, t.recorded_by"
)
# a trip as a list shows it, its names joined as kept by the triggers of schema m012
_LINE_SQL = """
SELECT t.id, t.start_date, t.end_date, t.start_half, t.end_half, x.travellers, x.places,
  x.companies, t.results
FROM trips t JOIN trip_texts x ON x.trip_id = t.id
"""
# the ids of the trips loaded, passed once as a JSON array
_CHOSEN = "(SELECT value FROM json_each(?))"


def trip_record(trip: Trip) -> dict[str, object]:
    record = asdict(trip)
    record["start_date"] = trip.start_date.isoformat()
    record["end_date"] = trip.end_date.isoformat()
    return record


class TripStore(Store):
    def add_trip(self, trip: Trip) -> Trip:
        t = trip.validated(self.today())
        if not t.recorded_by:
            t = replace(t, recorded_by=self.actor)
        for pid in t.traveller_ids:
            self.ctx.people.person(pid)
        for project_id in t.project_ids:
            self.ctx.projects.project(project_id)
        activity = self.ctx.people.find_activity(TRIP_ACTIVITY)
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
            self.ctx.entries._check_days(entries)
            saved = self.ctx.entries._insert_entries(entries)
            t = replace(t, entry_ids=tuple(e.id for e in saved if e.id is not None))
            self._log("insert", "trips", tid, None, trip_record(t))
        return t

    def project_trips(self, project_id: int) -> list[Trip]:
        """The trips on which the project was discussed."""
        return self._load_trips(
            "WHERE t.id IN (SELECT trip_id FROM trip_projects WHERE project_id = ?) ORDER BY t.id",
            [project_id],
        )

    def trip(self, trip_id: int) -> Trip:
        found = self._load_trips("WHERE t.id = ?", [trip_id])
        if not found:
            raise NotFoundError("trip", "not_found", value=trip_id)
        return found[0]

    def _load_trips(
        self, where_sql: str, params: Sequence[object], entry_ids: bool = True
    ) -> list[Trip]:
        """The trips `FROM trips t {where_sql}` selects, in its order, with their travellers,
        projects and entry ids: four statements however many trips (one per table). Without
        entry_ids (a list that shows trips, not one to change them), three, the day entries
        not looked at."""
        rows = self.db.execute(
            f"SELECT {_TRIP_COLUMNS} FROM trips t {where_sql}", params
        ).fetchall()
        if not rows:
            return []
        ids = json.dumps([r[0] for r in rows])
        travellers = self._ids_by_trip(
            "SELECT trip_id, person_id FROM trip_travellers"
            f" WHERE trip_id IN {_CHOSEN} ORDER BY trip_id, position",
            ids,
        )
        projects = self._ids_by_trip(
            "SELECT trip_id, project_id FROM trip_projects"
            f" WHERE trip_id IN {_CHOSEN} ORDER BY trip_id, rowid",
            ids,
        )
        entries = (
            self._ids_by_trip(
                f"SELECT trip_id, id FROM entries WHERE trip_id IN {_CHOSEN} ORDER BY trip_id, id",
                ids,
            )
            if entry_ids
            else {}
        )
        # one decode for all the rows, the columns of every trip joined into one JSON array:
        # a third of the time of one decode per trip on 5,000 trips
        destinations = json.loads("[" + ",".join(r[5] for r in rows) + "]")
        companies = json.loads("[" + ",".join(r[6] for r in rows) + "]")
        return [
            Trip(
                travellers.get(r[0], ()),
                date.fromisoformat(r[1]),
                date.fromisoformat(r[2]),
                bool(r[3]),
                bool(r[4]),
                tuple(places),
                tuple(CompanyVisit(**c) for c in visits),
                projects.get(r[0], ()),
                r[7],
                r[8],
                r[0],
                entries.get(r[0], ()),
            )
            for r, places, visits in zip(rows, destinations, companies, strict=True)
        ]

    def trip_lines(
        self, person_id: int | None = None, period: Period | None = None, limit: int = 5000
    ) -> list[TripLine]:
        """The trips `trips()` chooses, in its order, as a list shows them: one statement."""
        where, params = trip_filter(person_id, period)
        rows = self.db.execute(
            f"{_LINE_SQL} {where} ORDER BY t.start_date DESC, t.id DESC LIMIT ?",
            [*params, limit],
        ).fetchall()
        day = date.fromisoformat
        out = []
        for tid, start, end, start_half, end_half, travellers, places, companies, results in rows:
            first, last = day(start), day(end)
            away = days_away(first, last, start_half, end_half)
            out.append(TripLine(tid, first, last, away, travellers, places, companies, results))
        return out

    def _ids_by_trip(self, sql: str, ids: str) -> dict[int, tuple[int, ...]]:
        """(trip id, value) rows ordered by trip id, as each trip's tuple of values."""
        rows = self.db.execute(sql, [ids]).fetchall()
        return {tid: tuple(r[1] for r in group) for tid, group in groupby(rows, itemgetter(0))}

    def delete_trip(self, trip_id: int) -> Trip:
        before = self.trip(trip_id)
        with self.db.atomic():
            self.db.execute("DELETE FROM entries WHERE trip_id = ?", [trip_id])
            self.db.execute("DELETE FROM trips WHERE id = ?", [trip_id])
            self._log("delete", "trips", trip_id, trip_record(before), None)
        return before


def trip_filter(person_id: int | None, period: Period | None) -> tuple[str, list[object]]:
    """The join and WHERE of the trips a person travelled on (None: everyone's) that touch a
    period (None: any), as `FROM trips t {this}`."""
    where: list[str] = []
    params: list[object] = []
    join = ""
    if person_id is not None:
        join = "JOIN trip_travellers tt ON tt.trip_id = t.id "
        where.append("tt.person_id = ?")
        params.append(person_id)
    if period is not None:
        where.append("t.start_date <= ? AND t.end_date >= ?")
        params += [period.end.isoformat(), period.start.isoformat()]
    clause = f"WHERE {' AND '.join(where)} " if where else ""
    return join + clause, params
