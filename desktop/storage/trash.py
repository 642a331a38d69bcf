"""回收站 and per-record history: a deleted entry, trip or project is kept as its rows with the
rows that went with it, and can be put back; a record's history is read from the change log."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from desktop.domain.entries import Entry
from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.history_text import Names
from desktop.domain.trash import Row, TrashItem
from desktop.storage.base import Store
from desktop.storage.changelog import Change
from desktop.storage.entries import ENTRY_COLUMNS, entry_from_row

KINDS = {"entry": "entries", "trip": "trips", "project": "projects"}
# the rows that go with a deleted record, and the column that points at it, in restore order
DEPENDANTS: dict[str, tuple[tuple[str, str], ...]] = {
    "entry": (),
    "trip": (("trip_travellers", "trip_id"), ("trip_projects", "trip_id"), ("entries", "trip_id")),
    "project": (("project_stages", "project_id"), ("funds", "project_id")),
}


class TrashStore(Store):
    """What the 回收站 holds and the record histories; the write path (storage/writes.py)
    files a delete's snapshot here and takes items out again."""

    def refuse_if_back(self, table: str, record_id: int | None) -> None:
        """An undo of a delete whose record is already back (restored from the 回收站 by
        another way) is refused, not a constraint failure."""
        if (
            record_id is not None
            and self.db.execute(
                f"SELECT 1 FROM {table} WHERE id = ?",
                [record_id],
            ).fetchone()
        ):
            raise ValidationError("trash", "already_back", value=record_id)

    def history_names(self) -> Names:
        """The names behind the ids the change log holds, for 历史 (domain/history_text.py)."""
        return Names(
            {p.id: p.name for p in self.ctx.people.persons() if p.id is not None},
            {a.id: a.name for a in self.ctx.people.activities() if a.id is not None},
            dict(self.ctx.projects.project_names()),
        )

    def trash_items(self, kind: str | None = None, limit: int = 1000) -> list[TrashItem]:
        """What is in the 回收站, most recently deleted first."""
        sql = "SELECT * FROM trash"
        params: list[Any] = []
        if kind is not None:
            sql += " WHERE kind = ?"
            params.append(kind)
        rows = self.db.execute(sql + " ORDER BY id DESC LIMIT ?", [*params, limit]).fetchall()
        return [_item(r) for r in rows]

    def trash_item(self, item_id: int) -> TrashItem:
        row = self.db.execute("SELECT * FROM trash WHERE id = ?", [item_id]).fetchone()
        if row is None:
            raise NotFoundError("trash", "not_in_trash", value=item_id)
        return _item(row)

    def put_back_item(self, item: TrashItem) -> tuple[str, int]:
        """Take an item out (its record under its old id when that is free); returns (kind,
        its id now). Refused, changing nothing, when what it refers to is gone or the day
        rules would break. The write path (storage/writes.py) checks the month first."""
        with self.db.atomic():
            new_id = self._put_back(item)
            self.db.execute("DELETE FROM trash WHERE id = ?", [item.id])
            self._log(
                "restore", KINDS[item.kind], new_id, None, {"from_trash": item.id, **item.record}
            )
        return item.kind, new_id

    def file_again(self, item: TrashItem) -> None:
        """Put item back into the 回收站 as it was (its number, when and by whom deleted)."""
        self.db.execute(
            "INSERT INTO trash (id, deleted_at, deleted_by, kind, record_id, label, record,"
            " dependants) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                item.id,
                item.deleted_at,
                item.deleted_by,
                item.kind,
                item.record_id,
                item.label,
                json.dumps(item.record, ensure_ascii=False),
                json.dumps(item.dependants, ensure_ascii=False),
            ],
        )

    def newest_trash_item(self, kind: str, record_id: int) -> TrashItem:
        """The item the last delete of that record made."""
        row = self.db.execute(
            "SELECT * FROM trash WHERE kind = ? AND record_id = ? ORDER BY id DESC LIMIT 1",
            [kind, record_id],
        ).fetchone()
        if row is None:
            raise NotFoundError("trash", "not_in_trash", value=record_id)
        return _item(row)

    def record_history(self, kind: str, record_id: int, limit: int = 1000) -> list[Change]:
        """Who changed an entry, trip or project, when and how, newest first; an entry's history
        includes the import or trip that made it (and an import's undo and redo), a project's
        its stages and funds."""
        table = KINDS[kind]
        where = "(table_name = :table AND record_id = :id)"
        params: dict[str, Any] = {"table": table, "id": record_id}
        if kind == "entry":
            # an import names the range of ids it wrote; its undo (storage/import_undo.py)
            # and redo name the same range
            where += (
                " OR (table_name = 'entries' AND action IN ('import', 'undo_import',"
                " 'redo_import') AND record_id IS NULL"
                " AND json_extract(coalesce(after, before), '$.first_id') <= :id"
                " AND json_extract(coalesce(after, before), '$.last_id') >= :id)"
                " OR (table_name = 'trips' AND EXISTS (SELECT 1 FROM json_each(after,"
                " '$.entry_ids') WHERE value = :id))"
            )
        elif kind == "project":
            params["name"] = self._project_name(record_id)
            where += (
                " OR (table_name IN ('project_stages', 'funds') AND ("
                " json_extract(after, '$.project') = :name"
                " OR json_extract(before, '$.project') = :name"
                " OR (json_type(before) = 'array' AND json_extract(before, '$[0]') = :id)))"
            )
        rows = self.db.execute(
            "SELECT at, actor, action, table_name, record_id, before, after FROM change_log"
            f" WHERE {where} ORDER BY id DESC LIMIT :limit",
            {**params, "limit": limit},
        ).fetchall()
        return [Change(r[0], r[1], r[2], r[3], r[4], _load(r[5]), _load(r[6])) for r in rows]

    def _project_name(self, project_id: int) -> str:
        row = self.db.execute("SELECT name FROM projects WHERE id = ?", [project_id]).fetchone()
        if row is not None:
            return str(row[0])
        row = self.db.execute(
            "SELECT json_extract(coalesce(before, after), '$.name') FROM change_log"
            " WHERE table_name = 'projects' AND record_id = ? ORDER BY id DESC LIMIT 1",
            [project_id],
        ).fetchone()
        return str(row[0]) if row and row[0] is not None else ""

    def _rows(self, table: str, column: str, value: int) -> list[Row]:
        cursor = self.db.execute(f"SELECT * FROM {table} WHERE {column} = ?", [value])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    def snapshot(self, kind: str, record_id: int) -> tuple[Row, dict[str, list[Row]]] | None:
        found = self._rows(KINDS[kind], "id", record_id)
        if not found:
            return None  # the delete itself will say it does not exist
        dependants = {t: self._rows(t, c, record_id) for t, c in DEPENDANTS[kind]}
        return found[0], dependants

    def to_trash(
        self, kind: str, record_id: int, snapshot: tuple[Row, dict[str, list[Row]]] | None
    ) -> None:
        if snapshot is None:
            return
        record, dependants = snapshot
        self.db.execute(
            "INSERT INTO trash (deleted_at, deleted_by, kind, record_id, label, record,"
            " dependants) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                datetime.now(UTC).isoformat(timespec="seconds"),
                self.actor,
                kind,
                record_id,
                self._label(kind, record, dependants),
                json.dumps(record, ensure_ascii=False),
                json.dumps(dependants, ensure_ascii=False),
            ],
        )

    def forget(self, kind: str, record_id: int | None) -> None:
        if record_id is not None:
            self.db.execute(
                "DELETE FROM trash WHERE id = (SELECT max(id) FROM trash WHERE kind = ?"
                " AND record_id = ?)",
                [kind, record_id],
            )

    def _label(self, kind: str, record: Row, dependants: dict[str, list[Row]]) -> str:
        def name(table: str, rid: Any) -> str:
            row = self.db.execute(f"SELECT name FROM {table} WHERE id = ?", [rid]).fetchone()
            return str(row[0]) if row else ""

        if kind == "entry":
            return " ".join(
                s
                for s in (
                    str(record["date"]),
                    name("persons", record["person_id"]),
                    name("activities", record["activity_id"]),
                    str(record.get("note") or "")[:30],
                )
                if s
            )
        if kind == "trip":
            people = "、".join(
                name("persons", r["person_id"]) for r in dependants["trip_travellers"]
            )
            places = "、".join(json.loads(record.get("destinations") or "[]"))
            return f"{record['start_date']}–{record['end_date']} {people} {places}".strip()
        return str(record.get("name", ""))

    def _put_back(self, item: TrashItem) -> int:
        record, deps = item.record, item.dependants
        if item.kind == "entry":
            self._require("persons", record["person_id"], "人员", "person")
            self._require("activities", record["activity_id"], "活动类型", "activity")
            if record.get("project_id") is not None:
                self._require("projects", record["project_id"], "项目", "project")
            self.ctx.entries._check_days([_entry(record)])
            return self._insert_row("entries", record)
        if item.kind == "trip":
            for r in deps.get("trip_travellers", []):
                self._require("persons", r["person_id"], "人员", "person")
            for r in deps.get("trip_projects", []):
                self._require("projects", r["project_id"], "项目", "project")
            self.ctx.entries._check_days([_entry(r) for r in deps.get("entries", [])])
        else:
            taken = self.db.execute(
                "SELECT 1 FROM projects WHERE name = ?", [record["name"]]
            ).fetchone()
            if taken:
                raise ValidationError("project", "duplicate", value=record["name"])
            for column in ("leader_id", "first_person_id"):
                if record.get(column) is not None:
                    self._require("persons", record[column], "人员", "person")
        new_id = self._insert_row(KINDS[item.kind], record)
        for table, column in DEPENDANTS[item.kind]:
            for r in deps.get(table, []):
                self._insert_row(table, {**r, column: new_id})
        return new_id

    def _require(self, table: str, rid: Any, what: str, what_en: str) -> None:
        if self.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [rid]).fetchone() is None:
            raise NotFoundError("trash", "trash_missing_ref", value=rid, what=what, what_en=what_en)

    def _insert_row(self, table: str, row: Row) -> int:
        """Insert a saved row, under its old id when that is free (SQLite reuses the highest)."""
        columns = {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}
        values = {k: v for k, v in row.items() if k in columns}
        if "id" in values and (
            self.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [values["id"]]).fetchone()
        ):
            del values["id"]
        names = list(values)
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
        return self._insert(sql, [values[n] for n in names])


def _entry(row: Row) -> Entry:
    return entry_from_row([row[c.strip()] for c in ENTRY_COLUMNS.split(",")])


def _load(text: str | None) -> Any:
    return json.loads(text) if text else None


def _item(r: Any) -> TrashItem:
    return TrashItem(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), json.loads(r[7]))
