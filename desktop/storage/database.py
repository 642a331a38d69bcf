"""Opening the ledger file: refuse what is not ours, set the pragmas, apply migrations."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from desktop.domain.errors import LedgerError
from desktop.storage import backups, text_index
from desktop.storage.connection import Connection
from desktop.storage.file_system import is_network_path
from desktop.storage.schema import MIGRATION_SET, migrations

SQLITE_HEADER = b"SQLite format 3\x00"


class NotADatabaseError(LedgerError):
    """The file given as the database is not a OneThird database; it is left untouched."""

    def __init__(self, path: Path) -> None:
        super().__init__("file", "not_a_database", value=str(path))


# The database files this process has open, by path. POSIX drops every lock a process holds
# on a file when it closes any descriptor of it: a header read with open() and close() while a
# connection is open would let another program (onethird-cli) take the file as nobody's and
# delete its WAL under that connection ("database disk image is malformed"). So a file open
# here is never opened by hand; SQLite alone reads it.
_OPEN_HERE: Counter[str] = Counter()


def _key(path: Path) -> str:
    return os.path.realpath(path)


def open_here(path: Path | str) -> bool:
    """This process has a connection to the file (so it must not open it by hand)."""
    return _OPEN_HERE[_key(Path(path))] > 0


class LedgerDatabase(Connection):
    """A ledger's connection, counted in _OPEN_HERE while it is open."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        super().__init__(conn)
        self._held = _key(path)
        _OPEN_HERE[self._held] += 1

    def close(self) -> None:
        if self._held:
            _OPEN_HERE[self._held] -= 1
            self._held = ""
        super().close()


class NetworkDriveError(LedgerError):
    """The ledger is on a network drive or share, where SQLite's WAL can damage it: it is not
    opened for use (nothing is created or changed there)."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        super().__init__("database", "network_drive", value=str(path), kind=kind)


def refuse_network_drive(path: Path | str) -> None:
    """Raise NetworkDriveError when the file at path (or its folder, for a new file) is on a
    network file system."""
    kind = is_network_path(path)
    if kind is not None:
        raise NetworkDriveError(Path(path), kind)


def _check_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise NotADatabaseError(path)
    if open_here(path):
        return  # open already: a SQLite file, and not to be opened by hand (see _OPEN_HERE)
    with path.open("rb") as f:
        if f.read(16) != SQLITE_HEADER:
            raise NotADatabaseError(path)


def _is_foreign(db: Connection) -> bool:
    """An SQLite file that has tables but was never set up by OneThird."""
    tables = set(db.table_names())
    if not tables:
        return False
    if "_sqlite_migrations" not in tables:
        return True
    row = db.execute(
        "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
    ).fetchone()
    return int(row[0]) == 0


def sqlite_failure(exc: BaseException) -> str | None:
    """What a failure of SQLite's means (None: not one): "read_only" (the file or its drive
    refused a write), "busy" (another connection holds the file, or this one was set to only
    read), "other"."""
    if not isinstance(exc, sqlite3.OperationalError):
        return None
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith("SQLITE_READONLY"):
        return "read_only"
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED") or "readonly" in str(exc).replace(" ", ""):
        return "busy"
    return "other"


def open_database(path: Path | str) -> Connection:
    """Open (or create) the ledger at path, migrated to the current schema. A ledger on a
    network drive is refused (NetworkDriveError) before anything is read or made."""
    path = Path(path)
    refuse_network_drive(path)
    _check_file(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = LedgerDatabase(sqlite3.connect(str(path)), path)
    try:
        if _is_foreign(db):
            raise NotADatabaseError(path)
        configure(db)
        _backup_before_migrating(db)
        migrations.apply(db)
    except LedgerError:
        db.close()
        raise
    except Exception as exc:
        db.close()
        if "file is not a database" in str(exc):
            raise NotADatabaseError(path) from exc
        raise
    return db


class ReadOnlyError(LedgerError):
    """The database file cannot be written (a read-only medium, no write permission): reading
    and reports work, a change is refused before anything is tried."""

    def __init__(self, path: Path) -> None:
        super().__init__("database", "read_only", value=str(path))


class ReadOnlyDatabase(LedgerDatabase):
    """A ledger opened read-only. Every write of the ledger runs in `atomic()`, so refusing
    there refuses it before any statement; `query_only` is the backstop."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        super().__init__(conn, path)
        self.read_only_path = path

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Connection]:
        raise ReadOnlyError(self.read_only_path)
        yield self  # pragma: no cover  (a generator, for contextmanager)


def open_read_only(path: Path | str) -> Connection:
    """Open a sound ledger that cannot be written: no migrations, no pragmas that write."""
    path = Path(path)
    _check_file(path)
    uri = backups.read_only_uri(path)
    conn = sqlite3.connect(uri, uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()  # a WAL file on a read-only medium: nothing can write it, read it as such
        conn = sqlite3.connect(uri + "&immutable=1", uri=True)
    db = ReadOnlyDatabase(conn, path)
    if _is_foreign(db):
        db.close()
        raise NotADatabaseError(path)
    if migrations.pending(db):
        db.close()
        raise LedgerError("database", "read_only_upgrade", value=str(path))
    text_index.register(db.conn)
    db.execute("PRAGMA query_only = ON")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA cache_size = -16384")
    return db


def upgrade_pending(path: Path | str) -> bool:
    """Whether opening this existing ledger will first change its schema, which on a big ledger
    takes seconds (the window says so rather than seem to hang). Reads only."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return False
    conn = sqlite3.connect(backups.read_only_uri(path), uri=True)
    try:
        db = Connection(conn)
        return "_sqlite_migrations" in db.table_names() and bool(migrations.pending(db))
    except sqlite3.Error:
        return False  # opening it will say what is wrong
    finally:
        conn.close()


def _backup_before_migrating(db: Connection) -> None:
    """An existing ledger is backed up before its schema changes (a new one has nothing to lose)."""
    if "_sqlite_migrations" not in db.table_names():
        return
    if migrations.applied(db) and migrations.pending(db):
        backups.backup_before(db, backups.BackupReason.MIGRATION)


def configure(db: Connection) -> None:
    text_index.register(db.conn)
    db.execute("PRAGMA busy_timeout = 5000")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    # 16 MB: the windowed tables and summaries of a 300-person year stay in memory
    db.execute("PRAGMA cache_size = -16384")
