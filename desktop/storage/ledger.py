"""The ledger: one open database with every store's operations, as the app and the CLI use it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.database import open_database
from desktop.storage.edits import ProjectEditStore
from desktop.storage.entry_import import ImportStore
from desktop.storage.report_queries import ReportStore
from desktop.storage.trash import TrashStore


class Ledger(TrashStore, ImportStore, ReportStore, ProjectEditStore):
    @classmethod
    def open(
        cls,
        path: Path | str,
        calendar: WorkCalendar | None = None,
        actor: str = "",
        today: Callable[[], date] = date.today,
    ) -> Ledger:
        return cls(open_database(path), calendar or WorkCalendar(), actor, today)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
