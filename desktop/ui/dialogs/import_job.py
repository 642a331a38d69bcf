"""The check or import of a ledger file, run off the GUI thread on a connection of its own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.domain.entry_rows import NOT_KEPT, HeaderError, column_letter, find_header
from desktop.domain.errors import LedgerError
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.import_results import ColumnUse, ImportOptions, ImportRefused
from desktop.storage.ledger import Ledger
from desktop.storage.ledger_files import open_ledger
from desktop.ui.jobs import Job

OPEN = "open"  # a column no field reads and nobody has chosen for yet


def header_columns(path: Path, sheet: str | None) -> tuple[ColumnUse, ...]:
    """The columns of the file's header and the field each one is read into (OPEN: none).

    A refused check says nothing about the columns, yet the user needs them to choose: so the
    header is read again, which costs only its first rows."""
    with open_ledger(path, sheet) as opened:
        try:
            found = find_header(iter(opened.rows))
        except HeaderError:
            return ()
    fields = {i: f for f, i in found.columns.items()}
    return tuple(
        ColumnUse(
            column_letter(i),
            name,
            ("not_kept" if fields[i] in NOT_KEPT else fields[i]) if i in fields else OPEN,
        )
        for i, name in enumerate(found.header)
    )


class ImportJob(Job):
    """Checks or imports a file on a connection of its own, so the window stays usable."""

    progressed = Signal(int, int)  # bytes read, file size
    succeeded = Signal(object)  # ImportResult
    refused = Signal(object, object)  # ImportRefused, the file's columns (tuple[ColumnUse])
    failed = Signal(str)

    def __init__(
        self,
        owner: QObject,
        db_path: Path,
        calendar: WorkCalendar,
        today: date,
        actor: str,
        path: Path,
        options: ImportOptions,
        dry_run: bool,
        lang: str,
    ) -> None:
        super().__init__(owner)
        self.args = (db_path, calendar, today, actor)
        self.path, self.options, self.dry_run, self.lang = path, options, dry_run, lang

    def run(self) -> None:
        db_path, calendar, today, actor = self.args
        try:
            with Ledger.open(db_path, calendar, actor, lambda: today) as ledger:
                result = ledger.import_entries(
                    self.path, self.options, self.dry_run, self.progressed.emit
                )
            self.succeeded.emit(result)
        except ImportRefused as exc:
            try:
                columns = header_columns(self.path, self.options.sheet)
            except (LedgerError, OSError):
                columns = ()
            self.refused.emit(exc, columns)
        except LedgerError as exc:
            self.failed.emit(exc.message(self.lang))
        except OSError as exc:
            self.failed.emit(f"{exc.filename or ''} {exc.strerror or exc}")
