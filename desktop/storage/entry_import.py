"""Importing an entry CSV: every line checked, then all rows in one transaction or none."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.domain.entries import Entry, check_day, latest_allowed
from desktop.domain.entry_rows import map_header, parse_row
from desktop.domain.errors import LedgerError, ValidationError
from desktop.domain.people import Person
from desktop.storage.entries import ENTRY_COLUMNS, entry_from_row, entry_params
from desktop.storage.summary import SummaryStore

_INSERT = (
    "INSERT INTO entries (person_id, date, activity_id, minutes, day_part, start_min,"
    " end_min, project_id, trip_id, location, counterpart, note, recorded_by)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


class ImportRefused(LedgerError):
    """Some lines are wrong; nothing was imported. `errors` holds (line number, error) pairs."""

    def __init__(self, errors: list[tuple[int, LedgerError]]) -> None:
        self.errors = sorted(errors, key=lambda item: item[0])
        super().__init__("file", "import_refused", count=len({line for line, _ in errors}))

    def lines(self, lang: str = "zh") -> list[str]:
        if lang == "en":
            return [f"line {line}: {err.message('en')}" for line, err in self.errors]
        return [f"第 {line} 行 {err.message('zh')}" for line, err in self.errors]


@dataclass(frozen=True, slots=True)
class ImportResult:
    rows: int
    persons: int
    first_day: date | None
    last_day: date | None


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 as Excel on Chinese Windows saves CSV."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError("file", "bad_encoding")


class ImportStore(SummaryStore):
    def import_entries_csv(self, path: Path, dry_run: bool = False) -> ImportResult:
        text = decode_text(Path(path).read_bytes())
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            header = next(reader)
        except StopIteration:
            raise ValidationError("file", "no_rows") from None
        try:
            columns = map_header(header)
        except LedgerError as exc:
            raise ImportRefused([(1, exc)]) from None
        return self._import_rows(
            ((reader.line_num, row) for row in reader if any(row)),
            columns,
            Path(path).name,
            dry_run,
        )

    def _import_rows(
        self,
        rows: Iterable[tuple[int, list[str]]],
        columns: dict[str, int],
        source: str,
        dry_run: bool,
    ) -> ImportResult:
        today = self.today()
        high = latest_allowed(today)
        per_day = self.rules().minutes_per_day
        by_name: dict[str, list[Person]] = defaultdict(list)
        for p in self.persons():
            by_name[p.name].append(p)
        activities = {a.name: a.id for a in self.activities()}
        projects = {r[0]: r[1] for r in self.db.execute("SELECT name, id FROM projects")}
        errors: list[tuple[int, LedgerError]] = []
        entries: list[Entry] = []
        lines: list[int] = []
        for line, values in rows:
            try:
                row = parse_row(values, columns, today, high)
                person = self._resolve_person(by_name, row.person, row.title)
                activity_id = activities.get(row.activity)
                if activity_id is None:
                    raise ValidationError("activity", "unknown_activity", value=row.activity)
                project_id = None
                if row.project:
                    project_id = projects.get(row.project)
                    if project_id is None:
                        raise ValidationError("project", "unknown_project", value=row.project)
            except LedgerError as exc:
                errors.append((line, exc))
                continue
            assert person.id is not None
            entries.append(
                Entry(
                    person.id,
                    row.day,
                    activity_id,
                    row.minutes,
                    row.day_part,
                    row.start,
                    row.end,
                    project_id,
                    None,
                    row.location,
                    "",
                    row.note,
                    self.actor,
                )
            )
            lines.append(line)
        if not entries and not errors:
            raise ValidationError("file", "no_rows")
        errors += self._day_errors(entries, lines, per_day, by_name)
        if errors:
            raise ImportRefused(errors)
        days = [e.day for e in entries]
        result = ImportResult(
            len(entries), len({e.person_id for e in entries}), min(days), max(days)
        )
        if dry_run:
            return result
        with self.db.atomic():
            first = self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM entries").fetchone()[0]
            self.db.conn.executemany(_INSERT, [entry_params(e) for e in entries])
            self._log(
                "import",
                "entries",
                None,
                None,
                {
                    "file": source,
                    "rows": len(entries),
                    "first_id": first,
                    "last_id": first + len(entries) - 1,
                },
            )
        return result

    @staticmethod
    def _resolve_person(by_name: dict[str, list[Person]], name: str, title: str) -> Person:
        matches = by_name.get(name, [])
        if len(matches) > 1 and title:
            matches = [p for p in matches if p.title == title] or matches
        if not matches:
            raise ValidationError("person", "unknown_person", value=name)
        if len(matches) > 1:
            units = "、".join(p.unit or "未填单位" for p in matches)
            raise ValidationError("person", "ambiguous_person", value=name, units=units)
        return matches[0]

    def _day_errors(
        self,
        entries: list[Entry],
        lines: list[int],
        per_day: float,
        by_name: dict[str, list[Person]],
    ) -> list[tuple[int, LedgerError]]:
        """The 24-hour and overlap checks over the file's rows together with what is stored."""
        if not entries:
            return []
        groups: dict[tuple[int, date], list[int]] = defaultdict(list)
        for i, e in enumerate(entries):
            groups[(e.person_id, e.day)].append(i)
        stored: dict[tuple[int, date], list[Entry]] = defaultdict(list)
        days = [e.day for e in entries]
        persons = json.dumps(sorted({e.person_id for e in entries}))
        for r in self.db.execute(
            f"SELECT {ENTRY_COLUMNS} FROM entries WHERE date BETWEEN ? AND ?"
            " AND person_id IN (SELECT value FROM json_each(?))",
            [min(days).isoformat(), max(days).isoformat(), persons],
        ):
            e = entry_from_row(r)
            if (e.person_id, e.day) in groups:
                stored[(e.person_id, e.day)].append(e)
        names = {p.id: p.name for ps in by_name.values() for p in ps}
        errors: list[tuple[int, LedgerError]] = []
        for key, indexes in groups.items():
            items = [entries[i] for i in indexes]
            try:
                check_day(names.get(key[0], ""), key[1], [*stored.get(key, []), *items], per_day)
            except LedgerError as exc:
                errors.append((lines[indexes[-1]], exc))
        return errors
