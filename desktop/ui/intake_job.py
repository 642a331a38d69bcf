"""Taking in report, return and calendar files, off the GUI thread on a connection of its own:
three hundred files take seconds, and the window stays usable and shows how far it has got."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.domain.errors import LedgerError
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.ledger import Ledger
from desktop.ui.jobs import Job


class IntakeJob(Job):
    progressed = Signal(int, int)  # steps done, steps in all
    succeeded = Signal(object)  # IntakeRun
    failed = Signal(str)

    def __init__(
        self,
        owner: QObject,
        db_path: Path,
        calendar: WorkCalendar,
        today: date,
        actor: str,
        paths: list[Path],
        lang: str,
    ) -> None:
        super().__init__(owner)
        self.args = (db_path, calendar, today, actor)
        self.paths, self.lang = paths, lang

    def run(self) -> None:
        db_path, calendar, today, actor = self.args
        try:
            with Ledger.open(db_path, calendar, actor, lambda: today) as ledger:
                run = ledger.intake(self.paths, progressed=self.progressed.emit)
            self.succeeded.emit(run)
        except LedgerError as exc:
            self.failed.emit(exc.message(self.lang))
        except OSError as exc:
            self.failed.emit(f"{exc.filename or ''} {exc.strerror or exc}")
