"""What an import takes and gives back: its options, its result, and the refusal that lists
every problem with its line and column."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.domain.entry_rows import Problem
from desktop.domain.errors import LedgerError


@dataclass(frozen=True, slots=True)
class ImportOptions:
    sheet: str | None = None  # XLSX: a sheet's name or 1-based number; the first when None
    # names in the file -> existing activity names (the user's choice for each unknown one);
    # matched as names are: spaces and full-width forms do not count
    activity_map: Mapping[str, str] = field(default_factory=dict)
    create_persons: bool = False  # add persons the ledger does not know, instead of refusing
    # add projects the ledger does not know (by name only): all of them, or those named here
    create_projects: bool | frozenset[str] = False
    # what becomes of a column no field reads: "note" (its text joins the note), "append"
    # (joins it as 列名：内容), "ignore" (left out knowingly); "" refuses a file where such a
    # column holds text. `columns` chooses per header name and wins over `extra_columns`.
    extra_columns: str = ""
    columns: Mapping[str, str] = field(default_factory=dict)


COLUMN_CHOICES = ("note", "append", "ignore")


@dataclass(frozen=True, slots=True)
class ColumnUse:
    """What became of one column of the file: a field's key (date, person, … content), or
    not_kept (a 序号), note / append (into the note), ignored (as chosen), empty (no text)."""

    letter: str
    name: str
    use: str


@dataclass(frozen=True, slots=True)
class PreviousImport:
    at: str  # UTC, ISO 8601
    actor: str
    file_name: str
    rows_added: int


@dataclass(frozen=True, slots=True)
class ImportResult:
    rows: int  # rows added (or, in a dry run, that would be added)
    persons: int  # distinct persons among them
    first_day: date | None
    last_day: date | None
    duplicates: int = 0  # rows the ledger already holds, skipped
    new_persons: tuple[str, ...] = ()
    file_format: str = "csv"
    sheet: str = ""  # the sheet read, or the CSV's encoding
    sha256: str = ""
    previous: tuple[PreviousImport, ...] = ()  # earlier imports of the very same file
    backup: Path | None = None  # the backup made before writing
    dry_run: bool = False
    per_person: tuple[tuple[str, int], ...] = ()  # (name, rows added) for each person
    columns: tuple[ColumnUse, ...] = ()  # every column of the file and what became of it
    skipped: tuple[tuple[int, str], ...] = ()  # rows of totals skipped: (line, 合计 … or "")
    new_projects: tuple[str, ...] = ()
    # what a real import wrote, for undoing it (Ledger.undo_import): its row in `imports`, the
    # ids of the entries it added (one range: they are written in one transaction), and of
    # the projects and persons it created
    import_id: int | None = None
    entry_ids: tuple[int, int] | None = None
    project_ids: tuple[int, ...] = ()
    person_ids: tuple[int, ...] = ()


class ImportRefused(LedgerError):
    """Some rows are wrong; nothing was imported. Every problem has its line and column."""

    def __init__(
        self,
        problems: list[Problem],
        unknown_activities: Mapping[str, int] | None = None,
        unknown_persons: Mapping[str, int] | None = None,
        unknown_projects: Mapping[str, int] | None = None,
        *,
        more: int = 0,
        skipped: tuple[tuple[int, str], ...] = (),
    ) -> None:
        self.problems = sorted(
            problems, key=lambda p: (p.line, -1 if p.column is None else p.column)
        )
        self.unknown_activities = dict(unknown_activities or {})  # name -> rows using it
        self.unknown_persons = dict(unknown_persons or {})
        self.unknown_projects = dict(unknown_projects or {})
        self.more = more  # problems beyond those listed, counted only
        self.skipped = skipped  # rows of totals the import would have skipped
        count = len({p.line for p in problems}) + more
        super().__init__("file", "import_refused", count=count)

    @property
    def errors(self) -> list[tuple[int, LedgerError]]:
        return [(p.line, p.error) for p in self.problems]

    def lines(self, lang: str = "zh") -> list[str]:
        return [p.text(lang) for p in self.problems]
