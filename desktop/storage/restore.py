"""Restoring a ledger from a chosen backup: the current state is backed up first (or, when it is
damaged or foreign, moved aside), then the backup is copied in with SQLite's backup API."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.domain.errors import LedgerError
from desktop.storage.backups import (
    BackupError,
    BackupInfo,
    BackupReason,
    make_backup,
    read_only_uri,
    rotate,
)
from desktop.storage.integrity import DatabaseState, check_database, move_aside


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored_from: Path
    safety_backup: BackupInfo | None  # the state the restore replaced
    moved_aside: Path | None  # the damaged or foreign file that was there instead


class RestoreRefused(LedgerError):
    """The chosen file cannot be restored; the database was not touched."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__("backup", "backup_unusable", value=str(path), detail=detail)


def restore_backup(
    db_path: Path | str, backup_path: Path | str, *, actor: str = ""
) -> RestoreResult:
    """Replace the database's content with the backup's.

    Nothing may have the database open (the GUI closes its ledger first; the CLI holds the
    instance lock). The chosen file must be a sound OneThird database (integrity_check)."""
    db_path, backup_path = Path(db_path), Path(backup_path)
    if backup_path.exists() and db_path.exists() and backup_path.samefile(db_path):
        raise RestoreRefused(backup_path, "the database itself")
    chosen = check_database(backup_path, full=True)
    if chosen.state is not DatabaseState.OK:
        raise RestoreRefused(backup_path, chosen.state.value)
    current = check_database(db_path, deep=True)
    safety: BackupInfo | None = None
    moved: Path | None = None
    if current.state is DatabaseState.OK:
        # no rotation yet: it could delete the very backup being restored (the oldest kept)
        safety = make_backup(db_path, BackupReason.RESTORE, rotate_after=False)
    elif current.state in (DatabaseState.DAMAGED, DatabaseState.FOREIGN):
        moved = move_aside(db_path, current.state)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(read_only_uri(backup_path), uri=True)
    dst = sqlite3.connect(db_path, isolation_level=None)
    try:
        dst.execute("PRAGMA busy_timeout = 5000")
        # the copy is one transaction in rollback mode: all of the backup or none of it
        dst.execute("PRAGMA journal_mode = DELETE")
        dst.execute("PRAGMA synchronous = FULL")
        src.backup(dst)
        verdict = dst.execute("PRAGMA integrity_check").fetchall()
        if verdict != [("ok",)]:
            raise BackupError(f"{db_path.name}: {verdict[0][0] if verdict else '?'}")
        dst.execute("PRAGMA journal_mode = WAL")
        dst.execute(
            "INSERT INTO change_log (at, actor, action, table_name, record_id, before, after)"
            " VALUES (?, ?, 'restore', 'database', NULL, NULL, ?)",
            [
                datetime.now(UTC).isoformat(timespec="seconds"),
                actor,
                json.dumps(
                    {
                        "from": backup_path.name,
                        "safety_backup": safety.path.name if safety else None,
                        "moved_aside": moved.name if moved else None,
                    },
                    ensure_ascii=False,
                ),
            ],
        )
    except sqlite3.Error as exc:
        raise BackupError(f"{db_path.name}: {exc}") from exc
    finally:
        src.close()
        dst.close()
    kept = {backup_path} | ({safety.path} if safety else set())
    rotate(db_path, keep=kept)
    return RestoreResult(backup_path, safety, moved)
