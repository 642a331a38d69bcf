"""Undo and redo of a ledger import (导入台账): the import's entries, and the projects and persons
it created, are taken out in one transaction and put back in another.

An import writes its entries in one transaction, so they are one range of ids; the change log's
record of the import names that range and what it created. Undo moves the range into a table of
the connection's temporary database (a statement for the whole range, not one per row), so the
ledger file is as it was before the import, but for the change log; redo moves it back. What is
held lives as long as the connection, as the window's undo stack does.

Undo is refused when an imported row was changed since (its first change after the import is
compared with the row as it is now, so an edit that was undone again does not count), when a
project or person it created was changed or is used by something else, or when a month it wrote
to was submitted since. Redo is refused when the month was submitted meanwhile, a name it
creates was taken, or the day rules would break with what was written meanwhile.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from desktop.domain.entries import Entry, check_day
from desktop.domain.errors import LedgerError, NotFoundError, ValidationError
from desktop.storage.base import Store
from desktop.storage.changelog import as_logged
from desktop.storage.entries import ENTRY_COLUMNS, entry_from_row, entry_record

Row = dict[str, Any]
# what is held for each undone import, on this connection only
_HELD = (
    "CREATE TEMP TABLE IF NOT EXISTS held_imports (import_id INTEGER PRIMARY KEY,"
    " undo_log INTEGER NOT NULL, record TEXT NOT NULL, projects TEXT NOT NULL,"
    " persons TEXT NOT NULL)"
)
_COLUMNS = [c.strip() for c in ENTRY_COLUMNS.split(",")]
_ANY_LOCKED = "SELECT 1 FROM submissions WHERE state <> 'returned' LIMIT 1"
# the (person, month) pairs of some entries that are read-only, first one only
_LOCKED_MONTH = (
    "WITH months AS (SELECT DISTINCT person_id, substr(date, 1, 7) AS period FROM {source})"
    " SELECT m.person_id, m.period FROM months m JOIN submissions s"
    " ON s.person_id = m.person_id AND s.period = m.period"
    " WHERE s.state <> 'returned' ORDER BY m.person_id, m.period LIMIT 1"
)


def _held_entries(import_id: int) -> str:
    return f"temp.held_import_entries_{int(import_id)}"


class ImportUndoStore(Store):
    def undo_import(self, import_id: int) -> int:
        """Take out what the import wrote; returns the number of entries taken out.

        Refused (LedgerError, nothing changed) when its rows or what it created were changed
        since, or a month it wrote to is read-only now."""
        record = self._import_record(import_id)
        file_name = str(record["file_name"])
        log_id, logged = self._import_log(import_id, file_name)
        first, last = int(record["first_id"]), int(record["last_id"])
        projects = [int(p) for p in logged.get("projects", [])]
        persons = [int(p) for p in logged.get("persons", [])]
        self._refuse_locked(
            "entries WHERE id BETWEEN ? AND ?", [first, last], "import_undo_locked", file_name
        )
        self._refuse_changed_entries(first, last, int(record["rows_added"]), log_id, file_name)
        for pid in projects:
            self._refuse_changed_project(pid, first, last, log_id, file_name)
        for pid in persons:
            self._refuse_changed_person(pid, first, last, log_id, file_name)
        held = _held_entries(import_id)
        with self.db.atomic():
            self.db.execute(_HELD)
            # a range held for an import whose redo can no longer come (its id was taken since)
            self.db.execute("DELETE FROM temp.held_imports WHERE import_id = ?", [import_id])
            self.db.execute(f"DROP TABLE IF EXISTS {held}")
            self.db.execute(
                f"CREATE TABLE {held} AS SELECT {ENTRY_COLUMNS} FROM entries"
                " WHERE id BETWEEN ? AND ?",
                [first, last],
            )
            removed = self.db.execute(
                "DELETE FROM entries WHERE id BETWEEN ? AND ?", [first, last]
            ).rowcount
            project_rows = [self._take_row("projects", pid) for pid in projects]
            person_rows = [self._take_row("persons", pid) for pid in persons]
            self.db.execute("DELETE FROM imports WHERE id = ?", [import_id])
            summary = {
                "file": file_name,
                "rows": removed,
                "first_id": first,
                "last_id": last,
                "sha256": record["sha256"],
                "import_id": import_id,
                "projects": projects,
                "persons": persons,
            }
            self._log("undo_import", "entries", None, summary, None)
            undo_log = self._last_log_id()
            self.db.execute(
                "INSERT INTO temp.held_imports (import_id, undo_log, record, projects, persons)"
                " VALUES (?, ?, ?, ?, ?)",
                [
                    import_id,
                    undo_log,
                    json.dumps(record, ensure_ascii=False),
                    json.dumps(project_rows, ensure_ascii=False),
                    json.dumps(person_rows, ensure_ascii=False),
                ],
            )
        return int(removed)

    def redo_import(self, import_id: int) -> int:
        """Put back what undo_import took out, under the same ids where they are still free;
        returns the number of entries put back.

        Refused (LedgerError, nothing changed) when a month it writes to is read-only now, a
        project or person it creates exists by now, or the day rules would break."""
        held_row = self._held(import_id)
        undo_log, record_text, projects_text, persons_text = held_row
        record: Row = json.loads(record_text)
        project_rows: list[Row] = json.loads(projects_text)
        person_rows: list[Row] = json.loads(persons_text)
        file_name = str(record["file_name"])
        held = _held_entries(import_id)
        if self.db.execute("SELECT 1 FROM imports WHERE id = ?", [import_id]).fetchone():
            raise ValidationError("import", "import_redo_conflict", value=file_name)
        for row in project_rows:
            if self.db.execute("SELECT 1 FROM projects WHERE name = ?", [row["name"]]).fetchone():
                raise ValidationError(
                    "import",
                    "import_redo_taken",
                    value=file_name,
                    name=row["name"],
                    what="项目",
                    what_en="project",
                )
        for row in person_rows:
            taken = self.db.execute(
                "SELECT 1 FROM persons WHERE name = ? AND unit = ?", [row["name"], row["unit"]]
            ).fetchone()
            if taken:
                raise ValidationError(
                    "import",
                    "import_redo_taken",
                    value=file_name,
                    name=row["name"],
                    what="人员",
                    what_en="person",
                )
        created = {"persons": {r["id"] for r in person_rows}}
        created["projects"] = {r["id"] for r in project_rows}
        self._refuse_missing_references(held, created)
        first, last = int(record["first_id"]), int(record["last_id"])
        with self.db.atomic():  # a refusal below takes back all of it, the held rows' too
            person_ids = self._put_back_rows("persons", person_rows, held, "person_id")
            project_ids = self._put_back_rows("projects", project_rows, held, "project_id")
            # with the ids the rows have now
            self._refuse_locked(held, [], "import_redo_locked", file_name)
            if self._written_since(int(undo_log)):
                self._check_held_days(held)
            taken = self.db.execute(
                "SELECT 1 FROM entries WHERE id BETWEEN ? AND ? LIMIT 1", [first, last]
            ).fetchone()
            shift = 0
            if taken:  # written meanwhile (a record put back from the 回收站): after the rest
                top = self.db.execute("SELECT coalesce(max(id), 0) FROM entries").fetchone()[0]
                shift = int(top) + 1 - first
            others = ", ".join(_COLUMNS[1:])
            added = self.db.execute(
                f"INSERT INTO entries ({ENTRY_COLUMNS}) SELECT id + ?, {others} FROM {held}"
                " ORDER BY id",
                [shift],
            ).rowcount
            first, last = first + shift, last + shift
            names = list(record)
            values = {**record, "first_id": first, "last_id": last}
            self.db.execute(
                f"INSERT INTO imports ({', '.join(names)})"
                f" VALUES ({', '.join('?' for _ in names)})",
                [values[n] for n in names],
            )
            self._log(
                "redo_import",
                "entries",
                None,
                None,
                {
                    "file": file_name,
                    "rows": added,
                    "first_id": first,
                    "last_id": last,
                    "sha256": record["sha256"],
                    "import_id": import_id,
                    "projects": project_ids,
                    "persons": person_ids,
                },
            )
            self.db.execute(f"DROP TABLE {held}")
            self.db.execute("DELETE FROM temp.held_imports WHERE import_id = ?", [import_id])
        return int(added)

    # ---- what an import wrote

    def _import_record(self, import_id: int) -> Row:
        cursor = self.db.execute("SELECT * FROM imports WHERE id = ?", [import_id])
        names = [d[0] for d in cursor.description]
        row = cursor.fetchone()
        if row is None:
            held = self._held_or_none(import_id)
            if held is not None:
                file_name = json.loads(held[1])["file_name"]
                raise ValidationError("import", "import_already_undone", value=file_name)
            raise NotFoundError("import", "not_found", value=import_id)
        return dict(zip(names, row, strict=True))

    def _import_log(self, import_id: int, file_name: str) -> tuple[int, Row]:
        """The change-log record of the import (or of its last redo): its id and what it says.
        Changes after it are what an undo must not lose."""
        row = self.db.execute(
            "SELECT id, after FROM change_log WHERE table_name = 'entries' AND record_id IS NULL"
            " AND action IN ('import', 'redo_import')"
            " AND json_extract(after, '$.import_id') = ? ORDER BY id DESC LIMIT 1",
            [import_id],
        ).fetchone()
        if row is None:  # imported by an older version, which did not say what it created
            raise ValidationError("import", "import_not_undoable", value=file_name)
        return int(row[0]), json.loads(row[1])

    def _held_or_none(self, import_id: int) -> tuple[Any, ...] | None:
        if not self.db.execute(
            "SELECT 1 FROM sqlite_temp_master WHERE name = 'held_imports'"
        ).fetchone():
            return None  # nothing was undone on this connection
        row = self.db.execute(
            "SELECT undo_log, record, projects, persons FROM temp.held_imports WHERE import_id = ?",
            [import_id],
        ).fetchone()
        return None if row is None else tuple(row)

    def _held(self, import_id: int) -> tuple[Any, ...]:
        held = self._held_or_none(import_id)
        if held is None:
            row = self.db.execute(
                "SELECT file_name FROM imports WHERE id = ?", [import_id]
            ).fetchone()
            if row is not None:
                raise ValidationError("import", "import_not_undone", value=row[0])
            raise NotFoundError("import", "not_found", value=import_id)
        return held

    def _last_log_id(self) -> int:
        return int(self.db.execute("SELECT max(id) FROM change_log").fetchone()[0])

    # ---- refusals

    def _refuse_locked(self, source: str, params: list[Any], code: str, file_name: str) -> None:
        """A month the rows of `source` (a table, or a table with its WHERE) fall in is
        read-only: refused, saying whose month and since when."""
        if not self.db.execute(_ANY_LOCKED).fetchone():
            return  # the usual case: no need to look at the rows
        found = self.db.execute(_LOCKED_MONTH.format(source=source), params).fetchone()
        if found is None:
            return
        pid, period = int(found[0]), str(found[1])
        locked = self.ctx.lock.locked_months([(pid, date.fromisoformat(f"{period}-01"))])
        error = locked[(pid, period)]
        if error.code == "month_locked_accepted":
            code += "_accepted"
        raise ValidationError("import", code, value=file_name, **error.params)

    def _refuse_changed_entries(
        self, first: int, last: int, rows: int, log_id: int, file_name: str
    ) -> None:
        """Each imported entry changed since the import (by its log records after it) is
        compared, as its first change found it, with the row as it is now."""
        changes = self.db.execute(
            "SELECT record_id, before FROM change_log WHERE table_name = 'entries'"
            " AND record_id BETWEEN ? AND ? AND id > ? ORDER BY id",
            [first, last, log_id],
        ).fetchall()
        as_imported: dict[int, Row | None] = {}
        for record_id, before in changes:
            as_imported.setdefault(int(record_id), json.loads(before) if before else None)
        changed: list[Row] = []
        for record_id, was in as_imported.items():
            now = self.db.execute(
                f"SELECT {ENTRY_COLUMNS} FROM entries WHERE id = ?", [record_id]
            ).fetchone()
            now_record = None if now is None else as_logged(entry_record(entry_from_row(now)))
            if was is None or now_record != was:
                changed.append(was or now_record or {"id": record_id})
        present = self.db.execute(
            "SELECT count(*) FROM entries WHERE id BETWEEN ? AND ?", [first, last]
        ).fetchone()[0]
        if changed or present != rows:
            example = ""
            if changed:
                was = changed[0]
                person = self._person_name(was.get("person_id"))
                example = " ".join(str(s) for s in (was.get("day", ""), person) if s)
            raise ValidationError(
                "import",
                "import_undo_changed",
                value=file_name,
                count=max(len(changed), abs(rows - int(present))),
                example=example or "—",
            )

    def _refuse_changed_project(
        self, project_id: int, first: int, last: int, log_id: int, file_name: str
    ) -> None:
        used = self.db.execute(
            "SELECT EXISTS (SELECT 1 FROM entries WHERE project_id = :p"
            " AND (id < :first OR id > :last))"
            " OR EXISTS (SELECT 1 FROM trip_projects WHERE project_id = :p)"
            " OR EXISTS (SELECT 1 FROM received_rows WHERE table_name = 'projects'"
            " AND row_id = :p)",
            {"p": project_id, "first": first, "last": last},
        ).fetchone()[0]
        created = self._as_created("projects", project_id, log_id)
        name = created.get("name", "") if created else ""
        try:
            now = as_logged(asdict(self.ctx.projects.project(project_id)))
        except LedgerError:
            now = None
        if used or created is None or now != created:
            raise ValidationError(
                "import", "import_undo_project_changed", value=file_name, project=name
            )

    def _refuse_changed_person(
        self, person_id: int, first: int, last: int, log_id: int, file_name: str
    ) -> None:
        used = self.db.execute(
            "SELECT EXISTS (SELECT 1 FROM entries WHERE person_id = :p"
            " AND (id < :first OR id > :last))"
            " OR EXISTS (SELECT 1 FROM trip_travellers WHERE person_id = :p)"
            " OR EXISTS (SELECT 1 FROM projects WHERE leader_id = :p OR first_person_id = :p)"
            " OR EXISTS (SELECT 1 FROM submissions WHERE person_id = :p)",
            {"p": person_id, "first": first, "last": last},
        ).fetchone()[0]
        created = self._as_created("persons", person_id, log_id)
        name = created.get("name", "") if created else ""
        try:
            now = as_logged(asdict(self.ctx.people.person(person_id)))
        except LedgerError:
            now = None
        if used or created is None or now != created:
            raise ValidationError(
                "import", "import_undo_person_changed", value=file_name, person=name
            )

    def _as_created(self, table: str, record_id: int, log_id: int) -> Row | None:
        """The record as the import (or its redo) wrote it, from the change log."""
        row = self.db.execute(
            "SELECT after FROM change_log WHERE table_name = ? AND record_id = ? AND id <= ?"
            " AND action IN ('insert', 'restore') ORDER BY id DESC LIMIT 1",
            [table, record_id, log_id],
        ).fetchone()
        return json.loads(row[0]) if row and row[0] else None

    def _person_name(self, person_id: Any) -> str:
        row = self.db.execute("SELECT name FROM persons WHERE id = ?", [person_id]).fetchone()
        return str(row[0]) if row else ""

    def _refuse_missing_references(self, held: str, created: dict[str, set[int]]) -> None:
        """Every person, activity and project the held rows name exists (or comes back with
        them); one query each over the held rows."""
        for table, column, what, what_en in (
            ("persons", "person_id", "人员", "person"),
            ("activities", "activity_id", "活动类型", "activity"),
            ("projects", "project_id", "项目", "project"),
        ):
            mine = json.dumps(sorted(created.get(table, set())))
            row = self.db.execute(
                f"SELECT h.{column} FROM {held} h LEFT JOIN {table} t ON t.id = h.{column}"
                f" WHERE h.{column} IS NOT NULL AND t.id IS NULL"
                f" AND h.{column} NOT IN (SELECT value FROM json_each(?)) LIMIT 1",
                [mine],
            ).fetchone()
            if row is not None:
                raise NotFoundError(
                    "import", "trash_missing_ref", value=row[0], what=what, what_en=what_en
                )

    def _written_since(self, log_id: int) -> bool:
        """Whether entries, trips or the rules were changed after the undo (by something not
        on the undo stack, or the redo would be gone)."""
        return bool(
            self.db.execute(
                "SELECT 1 FROM change_log WHERE id > ?"
                " AND table_name IN ('entries', 'trips', 'settings') LIMIT 1",
                [log_id],
            ).fetchone()
        )

    def _check_held_days(self, held: str) -> None:
        """The day rules for each person-day of the held rows that has entries now."""
        days = self.db.execute(
            f"SELECT DISTINCT h.person_id, h.date FROM {held} h WHERE EXISTS"
            " (SELECT 1 FROM entries e WHERE e.person_id = h.person_id AND e.date = h.date)"
        ).fetchall()
        per_day = self.rules().minutes_per_day
        for person_id, day in days:
            rows = self.db.execute(
                f"SELECT {ENTRY_COLUMNS} FROM {held} WHERE person_id = ? AND date = ?",
                [person_id, day],
            ).fetchall()
            back: list[Entry] = [entry_from_row(r) for r in rows]
            existing = self.ctx.entries.entries_on(person_id, date.fromisoformat(day))
            name = self._person_name(person_id)
            check_day(name, date.fromisoformat(day), [*existing, *back], per_day)

    # ---- moving rows

    def _take_row(self, table: str, record_id: int) -> Row:
        """Delete a project or person the import created, logged as any delete; its row."""
        cursor = self.db.execute(f"SELECT * FROM {table} WHERE id = ?", [record_id])
        names = [d[0] for d in cursor.description]
        row = dict(zip(names, cursor.fetchone(), strict=True))
        record = (
            self.ctx.projects.project(record_id)
            if table == "projects"
            else self.ctx.people.person(record_id)
        )
        before = asdict(record)
        self.db.execute(f"DELETE FROM {table} WHERE id = ?", [record_id])
        self._log("delete", table, record_id, before, None)
        return row

    def _put_back_rows(self, table: str, rows: list[Row], held: str, column: str) -> list[int]:
        """Insert the rows (under their old ids when free), logged as restores; the held
        entries follow an id that had to change. The ids they have now."""
        moved: dict[int, int] = {}
        for row in rows:
            values = dict(row)
            if self.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row["id"]]).fetchone():
                del values["id"]
            names = list(values)
            new_id = self._insert(
                f"INSERT INTO {table} ({', '.join(names)})"
                f" VALUES ({', '.join('?' for _ in names)})",
                [values[n] for n in names],
            )
            if new_id != row["id"]:
                moved[int(row["id"])] = new_id
            record = (
                self.ctx.projects.project(new_id)
                if table == "projects"
                else self.ctx.people.person(new_id)
            )
            self._log("restore", table, new_id, None, asdict(record))
        if moved:  # all at once: a new id may be another row's old one
            cases = " ".join(f"WHEN {int(old)} THEN {int(new)}" for old, new in moved.items())
            self.db.execute(
                f"UPDATE {held} SET {column} = CASE {column} {cases} ELSE {column} END"
                f" WHERE {column} IN ({', '.join(str(int(o)) for o in moved)})"
            )
        return [moved.get(int(r["id"]), int(r["id"])) for r in rows]
