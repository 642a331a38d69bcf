"""What the window remembers about one database file on this PC: the person last chosen, the
last activity, project and way of giving a duration. Kept per file, so that opening another
ledger does not preselect a person or project of the first (ids mean other records there)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings


class LedgerMemory:
    def __init__(self, settings: QSettings, db_path: Path) -> None:
        self._settings = settings
        where = str(Path(db_path).resolve())
        self._group = "ledgers/" + hashlib.sha256(where.encode("utf-8")).hexdigest()[:16]

    def value(self, key: str, default: Any = None, kind: type | None = None) -> Any:
        name = f"{self._group}/{key}"
        if kind is None:
            return self._settings.value(name, default)
        return self._settings.value(name, default, kind)

    def setValue(self, key: str, value: Any) -> None:
        self._settings.setValue(f"{self._group}/{key}", value)
