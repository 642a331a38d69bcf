"""The ledger: one open database with every store's operations, as the app and the CLI use it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.database import open_database
from desktop.storage.intake import IntakeStore


# IntakeStore stacks every store: intake, submissions and the month lock on top of the 回收站,
# imports, report queries and edits
class Ledger(IntakeStore):
    @classmethod
    def open(
        cls,
        path: Path | str,
        calendar: WorkCalendar | None = None,
        actor: str = "",
        today: Callable[[], date] = date.today,
    ) -> Ledger:
        return cls(open_database(path), calendar or WorkCalendar(), actor, today)

    @property
    def path(self) -> Path:
        """The database file this ledger is open on."""
        row = self.db.execute("PRAGMA database_list").fetchone()
        return Path(row[2])

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
