"""填报人 / 操作人: the person who uses the program on this PC, asked once per database (in the
first-run dialog, or in 设置) and remembered per database file on this PC. Every change the
window makes is recorded under that name (the change log's actor, an entry's 填报人), so the
monthly PDF and 历史 say who filled it in. Until a name is given, the PC's user name stands in."""

from __future__ import annotations

import getpass
from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.ui.ledger_memory import LedgerMemory

NAME, PHONE = "operator/name", "operator/phone"


def operator(settings: QSettings, db_path: Path | str) -> tuple[str, str]:
    """(name, phone) remembered for this database on this PC; ("", "") when none was given."""
    memory = LedgerMemory(settings, Path(db_path))
    return str(memory.value(NAME, "") or ""), str(memory.value(PHONE, "") or "")


def actor(settings: QSettings, db_path: Path | str) -> str:
    """The name changes are recorded under: the operator's, else the PC's user name."""
    name, _ = operator(settings, db_path)
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name (a bare container, a service account)
        return ""


def remember(settings: QSettings, db_path: Path | str, name: str, phone: str = "") -> None:
    memory = LedgerMemory(settings, Path(db_path))
    memory.setValue(NAME, " ".join(name.split()))
    memory.setValue(PHONE, phone.strip())
    settings.sync()
