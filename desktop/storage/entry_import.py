"""Importing an entry ledger (CSV or XLSX): every row checked, then all new rows in one transaction
or none. Rows the ledger already holds are skipped, so importing a file again adds nothing."""

from __future__ import annotations

import gc
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from desktop.domain.entries import Entry, check_day
from desktop.domain.entry_rows import (
    EntryRow,
    HeaderError,
    Problem,
    field_column,
    find_header,
    parse_rows,
)
from desktop.domain.errors import LedgerError, ValidationError
from desktop.domain.ledger_parsing import name_key, tidy_name
from desktop.domain.people import Person
from desktop.storage import backups
from desktop.storage.entries import ENTRY_COLUMNS, INSERT, entry_from_row, entry_params
from desktop.storage.import_results import (
    ImportOptions,
    ImportRefused,
    ImportResult,
    PreviousImport,
)
from desktop.storage.ledger_files import decode_text, read_ledger
from desktop.storage.summary import SummaryStore

__all__ = [
    "ImportOptions",
    "ImportRefused",
    "ImportResult",
    "ImportStore",
    "PreviousImport",
    "decode_text",
]


@dataclass(slots=True)
class _Plan:
    entries: list[Entry]
    lines: list[int]
    problems: list[Problem]
    new_persons: dict[int, Person]  # placeholder id (negative) -> person to add
    unknown_activities: Counter[str]
    unknown_persons: Counter[str]
    duplicates: int = 0


class ImportStore(SummaryStore):
    def import_entries_csv(self, path: Path | str, dry_run: bool = False) -> ImportResult:
        """Kept for callers that only ever import CSV; any ledger file works."""
        return self.import_entries(path, dry_run=dry_run)

    def import_entries(
        self, path: Path | str, options: ImportOptions | None = None, dry_run: bool = False
    ) -> ImportResult:
        """Check every row of a CSV/XLSX ledger, then add the new ones in one transaction.

        Raises ImportRefused (every problem with line and column) and writes nothing when any
        row is wrong. A dry run returns what would be added without writing."""
        with _no_cyclic_gc():
            return self._import(Path(path), options or ImportOptions(), dry_run)

    def _import(self, path: Path, options: ImportOptions, dry_run: bool) -> ImportResult:
        data = path.read_bytes()
        sheet = read_ledger(data, options.sheet)
        digest = hashlib.sha256(data).hexdigest()
        rows = iter(sheet.rows)
        try:
            header = find_header(rows)
        except HeaderError as exc:
            raise ImportRefused([exc.problem]) from None
        parsed, problems = parse_rows(rows, header.columns, self.today())
        if not parsed and not problems:
            raise ValidationError("file", "no_rows")
        plan = self._plan(parsed, problems, header.columns, options)
        if plan.problems:
            raise ImportRefused(plan.problems, plan.unknown_activities, plan.unknown_persons)
        days = [e.day for e in plan.entries]
        result = ImportResult(
            rows=len(plan.entries),
            persons=len({e.person_id for e in plan.entries}),
            first_day=min(days) if days else None,
            last_day=max(days) if days else None,
            duplicates=plan.duplicates,
            new_persons=tuple(p.name for p in plan.new_persons.values()),
            file_format=sheet.format,
            sheet=sheet.name,
            sha256=digest,
            previous=self._previous_imports(digest),
            dry_run=dry_run,
            per_person=self._per_person(plan),
        )
        if dry_run or not plan.entries:
            return result  # nothing new: nothing written, not even a backup
        backup = backups.backup_before(self.db, backups.BackupReason.IMPORT)
        self._write(plan, path.name, result)
        return replace(result, backup=backup.path if backup else None)

    def imports(self, limit: int = 100) -> list[PreviousImport]:
        """Past imports, newest first."""
        rows = self.db.execute(
            "SELECT at, actor, file_name, rows_added FROM imports ORDER BY id DESC LIMIT ?", [limit]
        ).fetchall()
        return [PreviousImport(*r) for r in rows]

    def _per_person(self, plan: _Plan) -> tuple[tuple[str, int], ...]:
        counts = Counter(e.person_id for e in plan.entries)
        names = {p.id: p.name for p in self.persons() if p.id in counts}
        names.update({pid: p.name for pid, p in plan.new_persons.items()})
        return tuple((names.get(pid, ""), n) for pid, n in counts.most_common())

    def _previous_imports(self, digest: str) -> tuple[PreviousImport, ...]:
        rows = self.db.execute(
            "SELECT at, actor, file_name, rows_added FROM imports WHERE sha256 = ? ORDER BY id",
            [digest],
        ).fetchall()
        return tuple(PreviousImport(*r) for r in rows)

    def _plan(
        self,
        parsed: list[tuple[int, EntryRow]],
        problems: list[Problem],
        columns: Mapping[str, int],
        options: ImportOptions,
    ) -> _Plan:
        """Names resolved to ids, duplicates of stored rows dropped, the day rules checked."""
        by_key: dict[str, list[Person]] = defaultdict(list)
        for p in self.persons():
            by_key[name_key(p.name)].append(p)
        activity_ids = {a.name: a.id for a in self.activities() if a.id is not None}
        activities = {name_key(name): aid for name, aid in activity_ids.items()}
        for source, target in options.activity_map.items():
            if target in activity_ids:
                activities[name_key(source)] = activity_ids[target]
        projects = {name_key(r[0]): r[1] for r in self.db.execute("SELECT name, id FROM projects")}
        plan = _Plan([], [], list(problems), {}, Counter(), Counter())
        created: dict[tuple[str, str], int] = {}
        actor = self.actor
        # a ledger names the same few people, activities and projects on every row: resolve
        # each spelling once
        person_cache: dict[tuple[str, str, str], int | LedgerError] = {}
        activity_cache: dict[str, int | None] = {}
        project_cache: dict[str, int | None] = {}
        person_col = field_column(columns, "person")
        for line, row in parsed:
            person_id = person_cache.get((row.person, row.title, row.unit))
            if person_id is None:
                try:
                    person_id = self._person_id(by_key, row, options, created, plan)
                except LedgerError as exc:
                    person_id = exc
                person_cache[(row.person, row.title, row.unit)] = person_id
            if isinstance(person_id, LedgerError):
                plan.problems.append(Problem(line, person_col, person_id))
                if person_id.code == "unknown_person":
                    plan.unknown_persons[row.person] += 1
                continue
            if row.activity in activity_cache:
                activity_id = activity_cache[row.activity]
            else:
                activity_id = activity_cache[row.activity] = activities.get(name_key(row.activity))
            if activity_id is None:
                plan.unknown_activities[row.activity] += 1
                error = ValidationError("activity", "unknown_activity", value=row.activity)
                plan.problems.append(Problem(line, field_column(columns, "activity"), error))
                continue
            project_id = None
            if row.project:
                if row.project in project_cache:
                    project_id = project_cache[row.project]
                else:
                    project_id = project_cache[row.project] = projects.get(name_key(row.project))
                if project_id is None:
                    error = ValidationError("project", "unknown_project", value=row.project)
                    plan.problems.append(Problem(line, field_column(columns, "project"), error))
                    continue
            plan.entries.append(
                Entry(
                    person_id,
                    row.day,
                    activity_id,
                    row.minutes,
                    row.day_part,
                    row.start,
                    row.end,
                    project_id,
                    None,
                    row.location,
                    row.counterpart,
                    row.note,
                    actor,
                )
            )
            plan.lines.append(line)
        self._drop_duplicates_and_check_days(plan, columns, by_key)
        return plan

    @staticmethod
    def _person_id(
        by_key: dict[str, list[Person]],
        row: EntryRow,
        options: ImportOptions,
        created: dict[tuple[str, str], int],
        plan: _Plan,
    ) -> int:
        key = name_key(row.person)
        matches = by_key.get(key, [])
        if len(matches) > 1 and row.unit:
            matches = [p for p in matches if p.unit == row.unit] or matches
        if len(matches) > 1 and row.title:
            matches = [p for p in matches if p.title == row.title] or matches
        if len(matches) > 1:
            units = "、".join(p.unit or "未填单位" for p in matches)
            raise ValidationError("person", "ambiguous_person", value=row.person, units=units)
        if matches:
            assert matches[0].id is not None
            return matches[0].id
        if not options.create_persons:
            raise ValidationError("person", "unknown_person", value=row.person)
        new_key = (key, name_key(row.unit))
        if new_key not in created:
            placeholder = -1 - len(created)
            created[new_key] = placeholder
            plan.new_persons[placeholder] = Person(
                tidy_name(row.person), row.title, row.unit, "", True
            ).validated()
        return created[new_key]

    def _drop_duplicates_and_check_days(
        self, plan: _Plan, columns: Mapping[str, int], by_key: dict[str, list[Person]]
    ) -> None:
        """A row equal to a stored entry of that person and day is a duplicate and is skipped
        (as many times as the ledger holds it); the rest must pass the 24-hour and overlap rules
        together with what is stored."""
        entries = plan.entries
        if not entries:
            return
        groups: dict[tuple[int, date], list[int]] = defaultdict(list)
        for i, e in enumerate(entries):
            groups[(e.person_id, e.day)].append(i)
        stored: dict[tuple[int, date], list[Entry]] = defaultdict(list)
        days = [e.day for e in entries]
        persons = json.dumps(sorted({e.person_id for e in entries if e.person_id > 0}))
        for r in self.db.execute(
            f"SELECT {ENTRY_COLUMNS} FROM entries WHERE date BETWEEN ? AND ?"
            " AND person_id IN (SELECT value FROM json_each(?))",
            [min(days).isoformat(), max(days).isoformat(), persons],
        ):
            e = entry_from_row(r)
            if (e.person_id, e.day) in groups:
                stored[(e.person_id, e.day)].append(e)
        skip: set[int] = set()
        for key, old in stored.items():
            counts = Counter(_identity(e) for e in old)
            for i in groups[key]:
                ident = _identity(entries[i])
                if counts[ident] > 0:
                    counts[ident] -= 1
                    skip.add(i)
        names = {p.id: p.name for ps in by_key.values() for p in ps}
        names.update({pid: p.name for pid, p in plan.new_persons.items()})
        per_day = self.rules().minutes_per_day
        for key, indexes in groups.items():
            items = [entries[i] for i in indexes if i not in skip]
            if not items:
                continue
            try:
                check_day(names.get(key[0], ""), key[1], [*stored.get(key, []), *items], per_day)
            except LedgerError as exc:
                line = plan.lines[[i for i in indexes if i not in skip][-1]]
                plan.problems.append(Problem(line, field_column(columns, exc.field), exc))
        if skip:
            plan.entries = [e for i, e in enumerate(entries) if i not in skip]
            plan.lines = [n for i, n in enumerate(plan.lines) if i not in skip]
            plan.duplicates = len(skip)

    def _write(self, plan: _Plan, file_name: str, result: ImportResult) -> None:
        with self.db.atomic():
            ids: dict[int, int] = {}
            for placeholder, person in plan.new_persons.items():
                pid = self._insert(
                    "INSERT INTO persons (name, title, unit, group_name, subject_to_rule)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [person.name, person.title, person.unit, person.group, 1],
                )
                ids[placeholder] = pid
                saved = Person(person.name, person.title, person.unit, person.group, True, pid)
                self._log("insert", "persons", pid, None, asdict(saved))
            params = [entry_params(e) for e in plan.entries]
            if ids:
                for p in params:
                    p[0] = ids.get(p[0], p[0])
            first = self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM entries").fetchone()[0]
            with _large_cache(self.db):
                self.db.conn.executemany(INSERT, params)
            last = first + len(params) - 1
            self._log(
                "import",
                "entries",
                None,
                None,
                {
                    "file": file_name,
                    "rows": len(params),
                    "duplicates": plan.duplicates,
                    "first_id": first,
                    "last_id": last,
                    "sha256": result.sha256,
                },
            )
            self.db.execute(
                "INSERT INTO imports (at, actor, file_name, sha256, format, sheet, rows_added,"
                " duplicates, first_id, last_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    self.actor,
                    file_name,
                    result.sha256,
                    result.file_format,
                    result.sheet,
                    len(params),
                    plan.duplicates,
                    first,
                    last,
                ],
            )


@contextmanager
def _large_cache(db: Database) -> Iterator[None]:
    """A year's rows go into five indexes at once; with the everyday cache the pages thrash."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute("PRAGMA cache_size = -65536")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(before)}")


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """A year's ledger makes a million small objects and no reference cycles; the cycle
    collector would walk them over and over while they pile up (a third of the import's time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _identity(e: Entry) -> tuple[Any, ...]:
    """What makes two entries of one person on one day the same record."""
    return (
        e.activity_id,
        e.minutes,
        e.day_part,
        e.start,
        e.end,
        e.project_id,
        e.location,
        e.counterpart,
        e.note,
    )
