"""The backups of the open database (storage/backups.py), as 设置 shows and makes them."""

from __future__ import annotations

from pathlib import Path

from desktop.storage import backups
from desktop.storage.base import Store


class BackupStore(Store):
    def database_path(self) -> Path:
        """The database file the ledger is open on."""
        path = backups.database_file(self.db)
        assert path is not None, "a ledger is always open on a file"
        return path

    def backup_now(self) -> backups.BackupInfo:
        """A backup asked for by the person (设置 › 立即备份), from this connection."""
        return backups.make_backup(
            self.database_path(), backups.BackupReason.MANUAL, source=self.db.conn
        )

    def backups(self) -> list[backups.BackupInfo]:
        """This database's backups, newest first."""
        return backups.list_backups(self.database_path())
