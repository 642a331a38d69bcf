"""What every CLI command gets: the ledger (opened on first use), language, actor and today."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from desktop import paths
from desktop.storage.calendar_files import load_work_calendar
from desktop.storage.database import upgrade_pending
from desktop.storage.ledger import Ledger

UPGRADING = (
    "正在为新版本升级数据库（只需这一次，已先备份），请稍候…",
    "Updating the database for this version (only this once, after a backup). Please wait…",
)


class Context:
    def __init__(self, db_path: Path, lang: str, actor: str, today: date) -> None:
        self.db_path = db_path
        self.lang = lang
        self.actor = actor
        self.today = today
        self.read_only = False  # set by the check before the command: the file cannot be written
        self._ledger: Ledger | None = None

    @property
    def ledger(self) -> Ledger:
        if self._ledger is None:
            calendar = load_work_calendar(paths.calendar_override_files())
            if self.read_only:
                self._ledger = Ledger.open_read_only(
                    self.db_path, calendar, self.actor, lambda: self.today
                )
                return self._ledger
            if upgrade_pending(self.db_path):  # seconds on a big ledger: say why it waits
                print(UPGRADING[self.lang == "en"], file=sys.stderr, flush=True)
            self._ledger = Ledger.open(self.db_path, calendar, self.actor, lambda: self.today)
        return self._ledger

    def close(self) -> None:
        if self._ledger is not None:
            self._ledger.close()
            self._ledger = None
