"""Importing an entry ledger (CSV or XLSX): every row checked, then all new rows in one transaction
or none. Rows the ledger already holds are skipped, so importing a file again adds nothing.

The file is streamed: its rows are parsed as they are read and kept, checked, in a scratch file
(storage/import_scratch.py), so memory stays bounded whatever the file's size. Every column is
either read into a field, or chosen to go into the note, or listed as not imported; a column
with text that nobody chose for refuses the file. Rows of totals (合计 …) are skipped and listed.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.domain.entries import check_day
from desktop.domain.entry_rows import (
    NOT_KEPT,
    EntryRow,
    HeaderError,
    HeaderFound,
    NoteColumn,
    Problem,
    TotalRow,
    column_letter,
    field_column,
    find_header,
    read_rows,
)
from desktop.domain.errors import LedgerError, ValidationError
from desktop.domain.ledger_parsing import cell_text, name_key, tidy_name
from desktop.domain.name_matching import choose_person
from desktop.domain.people import Person
from desktop.domain.projects import Project
from desktop.storage import backups, import_checks, text_index
from desktop.storage.base import Store
from desktop.storage.connection import Connection, large_cache, sorting_in_threads
from desktop.storage.cycles import no_cycle_collection
from desktop.storage.import_results import (
    ColumnUse,
    ImportOptions,
    ImportRefused,
    ImportResult,
    PreviousImport,
)
from desktop.storage.import_scratch import Scratch
from desktop.storage.ledger_files import Progress, ReadProblem, decode_text, open_ledger

__all__ = [
    "ImportOptions",
    "ImportRefused",
    "ImportResult",
    "ImportStore",
    "PreviousImport",
    "decode_text",
]
MAX_PROBLEMS = 10_000  # a file wrong on every line is refused with this many listed
MonthGuard = Callable[[int, date], LedgerError | None]


@dataclass(slots=True)
class _Plan:
    problems: list[Problem] = field(default_factory=list)
    more_problems: int = 0  # beyond MAX_PROBLEMS, counted only
    new_persons: dict[int, Person] = field(default_factory=dict)  # placeholder id -> person
    new_projects: dict[int, str] = field(default_factory=dict)  # placeholder id -> name
    unknown_activities: Counter[str] = field(default_factory=Counter)
    unknown_persons: Counter[str] = field(default_factory=Counter)
    unknown_projects: Counter[str] = field(default_factory=Counter)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # rows of totals
    columns: list[ColumnUse] = field(default_factory=list)

    def problem(self, p: Problem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(p)
        else:
            self.more_problems += 1

    def refused(self) -> ImportRefused:
        return ImportRefused(
            self.problems,
            self.unknown_activities,
            self.unknown_persons,
            self.unknown_projects,
            more=self.more_problems,
            skipped=tuple(self.skipped),
        )


class ImportStore(Store):
    def import_entries_csv(self, path: Path | str, dry_run: bool = False) -> ImportResult:
        """Kept for callers that only ever import CSV; any ledger file works."""
        return self.import_entries(path, dry_run=dry_run)

    def import_entries(
        self,
        path: Path | str,
        options: ImportOptions | None = None,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Check every row of a CSV/XLSX ledger, then add the new ones in one transaction.

        Raises ImportRefused (every problem with line and column) and writes nothing when any
        row is wrong. A dry run returns what would be added without writing. `progress` is
        called with (bytes read, file size) as the file is read."""
        with no_cycle_collection():
            try:
                return self._import(Path(path), options or ImportOptions(), dry_run, progress)
            except ReadProblem as exc:  # the file cannot be read past a line: that line
                raise ImportRefused([Problem(exc.line, None, exc)]) from None

    def _import(
        self, path: Path, options: ImportOptions, dry_run: bool, progress: Progress | None
    ) -> ImportResult:
        digest = _sha256(path)
        plan = _Plan()
        with open_ledger(path, options.sheet, progress) as sheet, Scratch() as scratch:
            rows = iter(sheet.rows)
            try:
                header = find_header(rows)
                note_columns, watched = _choose_columns(header, options, plan)
                seen: dict[int, int] = {}  # watched column -> first line with text in it
                self._stage(
                    _watch(rows, watched, seen), header, note_columns, options, plan, scratch
                )
            except HeaderError as exc:
                raise ImportRefused([exc.problem]) from None
            except ReadProblem as exc:  # with what was found wrong before that line
                plan.problem(Problem(exc.line, None, exc))
                raise plan.refused() from None
            for index, line in sorted(seen.items(), key=lambda item: item[1]):
                name = header.header[index] or column_letter(index)
                plan.problem(
                    Problem(line, index, ValidationError("file", "extra_column", value=name))
                )
            _column_uses(header, watched, seen, plan)
            scratch.flush()
            if not scratch.rows and not plan.problems:
                raise ValidationError("file", "no_rows")
            self._drop_duplicates_and_check_days(scratch, plan, header.columns)
            if plan.problems:
                raise plan.refused()
            per, first, last, duplicates = scratch.kept_summary()
            kept = sum(n for _, n in per)
            result = ImportResult(
                rows=kept,
                persons=len(per),
                first_day=date.fromisoformat(first) if first else None,
                last_day=date.fromisoformat(last) if last else None,
                duplicates=duplicates,
                new_persons=tuple(p.name for p in plan.new_persons.values()),
                file_format=sheet.format,
                sheet=sheet.name,
                sha256=digest,
                previous=self._previous_imports(digest),
                dry_run=dry_run,
                per_person=self._per_person(per, plan),
                columns=tuple(plan.columns),
                skipped=tuple(plan.skipped),
                new_projects=tuple(plan.new_projects.values()),
            )
            if dry_run or not kept:
                return result  # nothing new: nothing written, not even a backup
            backup = backups.backup_before(self.db, backups.BackupReason.IMPORT)
            written = self._write(scratch, plan, path.name, result)
        return replace(written, backup=backup.path if backup else None)

    def imports(self, limit: int = 100) -> list[PreviousImport]:
        """Past imports, newest first."""
        rows = self.db.execute(
            "SELECT at, actor, file_name, rows_added FROM imports ORDER BY id DESC LIMIT ?", [limit]
        ).fetchall()
        return [PreviousImport(*r) for r in rows]

    def _per_person(self, per: list[tuple[int, int]], plan: _Plan) -> tuple[tuple[str, int], ...]:
        ids = {pid for pid, _ in per}
        names = {p.id: p.name for p in self.ctx.people.persons() if p.id in ids}
        names.update({pid: p.name for pid, p in plan.new_persons.items()})
        return tuple((names.get(pid, ""), n) for pid, n in per)

    def _previous_imports(self, digest: str) -> tuple[PreviousImport, ...]:
        rows = self.db.execute(
            "SELECT at, actor, file_name, rows_added FROM imports WHERE sha256 = ? ORDER BY id",
            [digest],
        ).fetchall()
        return tuple(PreviousImport(*r) for r in rows)

    def _stage(
        self,
        rows: Iterable[tuple[int, Sequence[object]]],
        header: HeaderFound,
        note_columns: Sequence[NoteColumn],
        options: ImportOptions,
        plan: _Plan,
        scratch: Scratch,
    ) -> None:
        """Every row parsed, its names resolved to ids, and kept in the scratch file."""
        columns = header.columns
        by_key: dict[str, list[Person]] = defaultdict(list)
        for p in self.ctx.people.persons():
            by_key[name_key(p.name)].append(p)
        activity_ids = {a.name: a.id for a in self.ctx.people.activities() if a.id is not None}
        activities = {name_key(name): aid for name, aid in activity_ids.items()}
        for source, target in options.activity_map.items():
            if target in activity_ids:
                activities[name_key(source)] = activity_ids[target]
        projects = {name_key(r[0]): r[1] for r in self.db.execute("SELECT name, id FROM projects")}
        created: dict[tuple[str, str], int] = {}
        actor = self.actor
        guard = self.ctx.lock.month_guard()
        # a ledger names the same few people, activities and projects on every row: resolve
        # each spelling once
        person_cache: dict[tuple[str, str, str], int | LedgerError] = {}
        activity_cache: dict[str, int | None] = {}
        project_cache: dict[str, int | None] = {}
        person_col = field_column(columns, "person")
        date_col = field_column(columns, "date")
        for line, item in read_rows(rows, columns, self.today(), note_columns):
            if isinstance(item, Problem):
                plan.problem(item)
                continue
            if isinstance(item, TotalRow):
                plan.skipped.append((line, item.word))
                continue
            row: EntryRow = item
            person_id = person_cache.get((row.person, row.title, row.unit))
            if person_id is None:
                try:
                    person_id = self._person_id(by_key, row, options, created, plan)
                except LedgerError as exc:
                    person_id = exc
                person_cache[(row.person, row.title, row.unit)] = person_id
            if row.activity in activity_cache:
                activity_id = activity_cache[row.activity]
            else:
                activity_id = activity_cache[row.activity] = activities.get(name_key(row.activity))
            project_id = None
            if row.project:
                if row.project in project_cache:
                    project_id = project_cache[row.project]
                else:
                    key = name_key(row.project)
                    project_id = projects.get(key)
                    if project_id is None and _creates(options.create_projects, key):
                        project_id = projects[key] = -1 - len(plan.new_projects)
                        plan.new_projects[project_id] = tidy_name(row.project)
                    project_cache[row.project] = project_id
            unknown_project = bool(row.project) and project_id is None
            if isinstance(person_id, LedgerError) or activity_id is None:
                # every unknown name of the line at once, not one kind a round
                if activity_id is None:
                    # 招 商 洽 谈 and 招商洽谈 are one name to map (matched by name_key)
                    plan.unknown_activities[tidy_name(row.activity)] += 1
                if unknown_project:
                    plan.unknown_projects[row.project] += 1
            if isinstance(person_id, LedgerError):
                plan.problem(Problem(line, person_col, person_id))
                if person_id.code == "unknown_person":
                    plan.unknown_persons[row.person] += 1
                continue
            if activity_id is None:
                error = ValidationError("activity", "unknown_activity", value=row.activity)
                plan.problem(Problem(line, field_column(columns, "activity"), error))
                continue
            if unknown_project:
                plan.unknown_projects[row.project] += 1
                error = ValidationError("project", "unknown_project", value=row.project)
                plan.problem(Problem(line, field_column(columns, "project"), error))
                continue
            if guard is not None:
                locked = guard(person_id, row.day)
                if locked is not None:
                    plan.problem(Problem(line, date_col, locked))
                    continue
            part = row.day_part
            scratch.add(
                (
                    line,
                    person_id,
                    row.day.isoformat(),
                    activity_id,
                    row.minutes,
                    part.value if part else None,
                    row.start,
                    row.end,
                    project_id,
                    row.location,
                    row.counterpart,
                    row.note,
                    row.recorded_by or actor,
                )
            )

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
        if matches:
            found = choose_person(matches, row.person, row.unit, row.title).id
            assert found is not None
            return found
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
        self, scratch: Scratch, plan: _Plan, columns: Mapping[str, int]
    ) -> None:
        """A row equal to a stored entry of that person and day is a duplicate and is skipped
        (as many times as the ledger holds it); the rest must pass the 24-hour and overlap rules
        together with what is stored. Both are found by query (storage/import_checks.py); only
        the days found at fault are read again, to say what is wrong with each."""
        first, last = scratch.conn.execute("SELECT min(date), max(date) FROM r").fetchone()
        if first is None:
            return
        with import_checks.attached(self.db, scratch.path):
            scratch.skip(import_checks.duplicate_rows(self.db, first, last))
            per_day = self.rules().minutes_per_day
            at_fault = import_checks.days_at_fault(self.db, per_day)
        if not at_fault:
            return
        persons = {pid for pid, _ in at_fault}
        names = {p.id: p.name for p in self.ctx.people.persons() if p.id in persons}
        names.update({pid: p.name for pid, p in plan.new_persons.items()})
        for person_id, day in at_fault:
            on = date.fromisoformat(day)
            old = self.ctx.entries.entries_on(person_id, on)
            fresh = scratch.kept_on(person_id, day)
            try:
                check_day(names.get(person_id, ""), on, [*old, *(e for _, e in fresh)], per_day)
            except LedgerError as exc:
                plan.problem(Problem(fresh[-1][0], field_column(columns, exc.field), exc))

    def _write(
        self, scratch: Scratch, plan: _Plan, file_name: str, result: ImportResult
    ) -> ImportResult:
        """Write the kept rows; the result then says which rows this import wrote."""
        scratch.flush()
        with import_checks.attached(self.db, scratch.path), self.db.atomic():
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
            project_ids: dict[int, int] = {}
            for placeholder, name in plan.new_projects.items():
                # the name only, to be completed on the 项目 page
                project = self.ctx.projects.add_project(Project(name))
                assert project.id is not None
                project_ids[placeholder] = project.id
            first = self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM entries").fetchone()[0]
            with large_cache(self.db), _bulk(self.db, first, result.rows):
                added = import_checks.insert_kept(self.db, ids, project_ids)
            last = first + added - 1
            import_id = self._insert(
                "INSERT INTO imports (at, actor, file_name, sha256, format, sheet, rows_added,"
                " duplicates, first_id, last_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    self.actor,
                    file_name,
                    result.sha256,
                    result.file_format,
                    result.sheet,
                    added,
                    result.duplicates,
                    first,
                    last,
                ],
            )
            person_ids = tuple(ids.values())
            created = tuple(project_ids.values())
            self._log(
                "import",
                "entries",
                None,
                None,
                {
                    "file": file_name,
                    "rows": added,
                    "duplicates": result.duplicates,
                    "first_id": first,
                    "last_id": last,
                    "sha256": result.sha256,
                    # what undoing it removes (storage/import_undo.py)
                    "import_id": import_id,
                    "projects": list(created),
                    "persons": list(person_ids),
                },
            )
        return replace(
            result,
            import_id=import_id,
            entry_ids=(first, last),
            project_ids=created,
            person_ids=person_ids,
        )


def _choose_columns(
    header: HeaderFound, options: ImportOptions, plan: _Plan
) -> tuple[list[NoteColumn], set[int]]:
    """The columns no field reads: those chosen for the note, and those to watch (a column with
    text nobody chose for refuses the file). Every column of the header is listed in plan."""
    by_name = {name_key(k): v for k, v in options.columns.items()}
    notes: list[NoteColumn] = []
    watched: set[int] = set()
    fields = {i: f for f, i in header.columns.items()}
    for i, name in enumerate(header.header):
        letter = column_letter(i)
        if i in fields:
            use = "not_kept" if fields[i] in NOT_KEPT else fields[i]
            plan.columns.append(ColumnUse(letter, name, use))
            continue
        choice = (
            by_name.get(name_key(name), options.extra_columns) if name else options.extra_columns
        )
        if choice in ("note", "append"):
            notes.append(NoteColumn(i, name, choice))
            plan.columns.append(ColumnUse(letter, name, choice))
        elif choice == "ignore":
            plan.columns.append(ColumnUse(letter, name, "ignored"))
        else:
            watched.add(i)
    return notes, watched


def _column_uses(
    header: HeaderFound, watched: set[int], seen: Mapping[int, int], plan: _Plan
) -> None:
    for i in sorted(watched):
        if i not in seen and header.header[i]:
            plan.columns.append(ColumnUse(column_letter(i), header.header[i], "empty"))
    plan.columns.sort(key=lambda c: (len(c.letter), c.letter))


def _watch(
    rows: Iterable[tuple[int, Sequence[object]]], watched: set[int], seen: dict[int, int]
) -> Iterator[tuple[int, Sequence[object]]]:
    """The rows, passed on; the first line where a watched column holds text is noted."""
    pending = set(watched)
    for line, values in rows:
        if pending:
            n = len(values)
            for i in list(pending):
                if i < n and cell_text(values[i]):
                    seen[i] = line
                    pending.discard(i)
        yield line, values


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


# a bulk import's rows go in without the per-row upkeep of the text index (a Python function
# per row, from a trigger) and, when they are many beside what the table holds, without the
# table's indexes (a ledger comes person by person, each index wants another order); both are
# built after the insert in one pass, in the same transaction (a kill leaves the schema and the
# rows as they were). The text index then takes the new rows' terms in memory up to TEXT_BATCH
# before it writes them out, fewer pieces to merge than its default of 1 MB gives.
# the month lock's trigger is the last line of defence against writing a submitted month; the
# import has refused such rows already (month_guard in _stage), and the trigger is back before
# the transaction ends
MONTH_LOCK_TRIGGER = "entries_month_locked_insert"
BULK_ROWS = 2_000  # fewer: the triggers and indexes keep up row by row as cheaply
REBUILD_SHARE = 0.25  # the indexes are rebuilt when the import adds this share or more
TEXT_BATCH = 32 << 20  # bytes of terms the text index holds in memory before writing them


@contextmanager
def _bulk(db: Connection, first_id: int, adding: int) -> Iterator[None]:
    if adding < BULK_ROWS:
        yield
        return
    held = db.execute("SELECT count(*) FROM entries").fetchone()[0]
    kept = db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'entries' AND sql IS NOT NULL"
        " AND ((type = 'trigger' AND (name LIKE ? OR name = ?))"
        " OR (type = 'index' AND ?))",
        [f"{text_index.TABLE}_%", MONTH_LOCK_TRIGGER, adding >= REBUILD_SHARE * held],
    ).fetchall()
    # the dropped indexes hold nothing the rows do not, and are built again from them: their
    # pages are freed without being wiped (where SQLite is built to wipe freed pages, as
    # Debian's is, the drops took 6.1 s for a province's 3M entries, 0.4 s without)
    (wiping,) = db.execute("PRAGMA secure_delete").fetchone()
    db.execute("PRAGMA secure_delete = 0")
    try:
        for kind, name, _ in kept:
            db.execute(f"DROP {kind.upper()} {name}")
    finally:
        db.execute(f"PRAGMA secure_delete = {int(wiping)}")
    yield
    columns = ", ".join(text_index.COLUMNS)
    grams = ", ".join(f"{text_index.FUNCTION}({c})" for c in text_index.COLUMNS)
    with text_index.terms_held(db, TEXT_BATCH):
        db.execute(
            f"INSERT INTO {text_index.TABLE} (rowid, {columns}) SELECT id, {grams} FROM entries"
            " WHERE id >= ?",
            [first_id],
        )
    with sorting_in_threads(db):
        for _, _, sql in kept:
            db.execute(sql)


def _creates(create: bool | frozenset[str], key: str) -> bool:
    """Whether an unknown project (by its matching key) is to be created."""
    if isinstance(create, bool):
        return create
    return key in {name_key(name) for name in create}
