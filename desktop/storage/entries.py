"""Work entries in the database: add with the day checks, list with filters, delete."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from desktop.domain.entries import DayPart, Entry, check_day
from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.periods import Period
from desktop.storage import text_index
from desktop.storage.people import PeopleStore

ENTRY_COLUMNS = (
    "id, person_id, date, activity_id, minutes, day_part, start_min, end_min,"
    " project_id, trip_id, location, counterpart, note, recorded_by"
)
_COLUMNS = (
    "person_id, date, activity_id, minutes, day_part, start_min, end_min, project_id, trip_id,"
    " location, counterpart, note, recorded_by"
)
# the values are entry_params(e), with the id appended for INSERT_WITH_ID
DISPLAY_ORDER = "e.date, e.person_id, e.start_min, e.id"
_E_COLUMNS = ", ".join(f"e.{c.strip()}" for c in ENTRY_COLUMNS.split(","))  # joined to the index
INSERT = f"INSERT INTO entries ({_COLUMNS}) VALUES ({', '.join('?' * 13)})"
INSERT_WITH_ID = f"INSERT INTO entries ({_COLUMNS}, id) VALUES ({', '.join('?' * 14)})"


def entry_from_row(r: Sequence[Any]) -> Entry:
    return Entry(
        id=r[0],
        person_id=r[1],
        day=date.fromisoformat(r[2]),
        activity_id=r[3],
        minutes=r[4],
        day_part=DayPart(r[5]) if r[5] else None,
        start=r[6],
        end=r[7],
        project_id=r[8],
        trip_id=r[9],
        location=r[10],
        counterpart=r[11],
        note=r[12],
        recorded_by=r[13],
    )


def entry_params(e: Entry) -> list[Any]:
    return [
        e.person_id,
        e.day.isoformat(),
        e.activity_id,
        e.minutes,
        e.day_part.value if e.day_part else None,
        e.start,
        e.end,
        e.project_id,
        e.trip_id,
        e.location,
        e.counterpart,
        e.note,
        e.recorded_by,
    ]


def entry_record(e: Entry) -> dict[str, Any]:
    record = asdict(e)
    record["day"] = e.day.isoformat()
    record["day_part"] = e.day_part.value if e.day_part else None
    return record


class EntryStore(PeopleStore):
    def _check_references(self, entries: Iterable[Entry]) -> None:
        persons = {r[0] for r in self.db.execute("SELECT id FROM persons").fetchall()}
        activities = {a.id for a in self.activities()}
        for e in entries:
            if e.person_id not in persons:
                raise NotFoundError("person", "not_found", value=e.person_id)
            if e.activity_id not in activities:
                raise NotFoundError("activity", "not_found", value=e.activity_id)
            if (
                e.project_id is not None
                and self.db.execute(
                    "SELECT 1 FROM projects WHERE id = ?", [e.project_id]
                ).fetchone()
                is None
            ):
                raise NotFoundError("project", "not_found", value=e.project_id)

    def entries_on(self, person_id: int, day: date) -> list[Entry]:
        rows = self.db.execute(
            f"SELECT {ENTRY_COLUMNS} FROM entries WHERE person_id = ? AND date = ?",
            [person_id, day.isoformat()],
        ).fetchall()
        return [entry_from_row(r) for r in rows]

    def _check_days(self, new: Sequence[Entry], ignore_ids: frozenset[int] = frozenset()) -> None:
        """Every person-day touched by `new` stays within 24 h and free of overlaps."""
        per_day = self.rules().minutes_per_day
        by_day: dict[tuple[int, date], list[Entry]] = defaultdict(list)
        for e in new:
            by_day[(e.person_id, e.day)].append(e)
        names: dict[int, str] = {}
        for (pid, day), items in by_day.items():
            existing = [e for e in self.entries_on(pid, day) if e.id not in ignore_ids]
            if pid not in names:
                names[pid] = self.person(pid).name
            check_day(names[pid], day, [*existing, *items], per_day)

    def _insert_entries(self, entries: Sequence[Entry]) -> list[Entry]:
        saved = []
        for e in entries:
            eid = self._insert(INSERT, entry_params(e))
            saved.append(replace(e, id=eid))
        return saved

    def add_entry(self, entry: Entry) -> Entry:
        e = entry.validated(self.today())
        if not e.recorded_by:
            e = replace(e, recorded_by=self.actor)
        self._check_references([e])
        with self.db.atomic():
            self._check_days([e])
            (saved,) = self._insert_entries([e])
            self._log("insert", "entries", saved.id, None, entry_record(saved))
        return saved

    def entry(self, entry_id: int) -> Entry:
        row = self.db.execute(
            f"SELECT {ENTRY_COLUMNS} FROM entries WHERE id = ?", [entry_id]
        ).fetchone()
        if row is None:
            raise NotFoundError("entry", "not_found", value=entry_id)
        return entry_from_row(row)

    def update_entry(self, entry: Entry) -> Entry:
        if entry.id is None:
            raise NotFoundError("entry", "not_found", value=None)
        before = self.entry(entry.id)
        e = entry.validated(self.today())
        self._check_references([e])
        with self.db.atomic():
            self._check_days([e], ignore_ids=frozenset({entry.id}))
            params = entry_params(e)
            self.db.execute(
                "UPDATE entries SET person_id = ?, date = ?, activity_id = ?, minutes = ?,"
                " day_part = ?, start_min = ?, end_min = ?, project_id = ?, trip_id = ?,"
                " location = ?, counterpart = ?, note = ?, recorded_by = ? WHERE id = ?",
                [*params, entry.id],
            )
            self._log("update", "entries", entry.id, entry_record(before), entry_record(e))
        return e

    def delete_entry(self, entry_id: int) -> Entry:
        before = self.entry(entry_id)
        if before.trip_id is not None:
            raise ValidationError("entry", "owned_by_trip", value=entry_id, trip=before.trip_id)
        with self.db.atomic():
            self.db.execute("DELETE FROM entries WHERE id = ?", [entry_id])
            self._log("delete", "entries", entry_id, entry_record(before), None)
        return before

    def entries(
        self,
        *,
        person_id: int | None = None,
        period: Period | None = None,
        activity_id: int | None = None,
        project_id: int | None = None,
        text: str = "",
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Entry]:
        source, params = self._filters(person_id, period, activity_id, project_id, text)
        sql = f"SELECT {_E_COLUMNS}{source} ORDER BY {DISPLAY_ORDER}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [entry_from_row(r) for r in self.db.execute(sql, params).fetchall()]

    def count_entries(
        self,
        *,
        person_id: int | None = None,
        period: Period | None = None,
        activity_id: int | None = None,
        project_id: int | None = None,
        text: str = "",
    ) -> int:
        source, params = self._filters(person_id, period, activity_id, project_id, text)
        return int(self.db.execute(f"SELECT count(*){source}", params).fetchone()[0])

    @staticmethod
    def _filters(
        person_id: int | None,
        period: Period | None,
        activity_id: int | None,
        project_id: int | None,
        text: str,
    ) -> tuple[str, list[Any]]:
        """The FROM and WHERE clauses (entries as e) and their parameters."""
        source = " FROM entries e"
        where: list[str] = []
        params: list[Any] = []
        match = text_index.match_expression(text.strip())
        if match is not None:
            # the index's matches drive the query; each is then looked up by id
            source = f" FROM {text_index.TABLE} t JOIN entries e ON e.id = t.rowid"
            where.append(f"t.{text_index.TABLE} MATCH ?")
            params.append(match)
        if period is not None:
            where.append("e.date BETWEEN ? AND ?")
            params += [period.start.isoformat(), period.end.isoformat()]
        if person_id is not None:
            where.append("e.person_id = ?")
            params.append(person_id)
        if activity_id is not None:
            where.append("e.activity_id = ?")
            params.append(activity_id)
        if project_id is not None:
            where.append("e.project_id = ?")
            params.append(project_id)
        return source + (" WHERE " + " AND ".join(where) if where else ""), params
