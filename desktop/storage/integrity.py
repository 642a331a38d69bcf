"""The check at start: is the database file sound and ours? Damage is decided only by evidence of
damage (the header, SQLite's own check, SQLite saying the file is corrupt), never by "could not
open": a file another program holds is LOCKED, one on a read-only medium is sound but not
writable, an interrupted write (a hot journal) is rolled back by SQLite. A damaged or foreign
file is moved aside (never overwritten or deleted) and the newest good backup is named for the
caller to offer."""

from __future__ import annotations

import os
import sqlite3
import struct
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from desktop.storage.backups import (
    BackupInfo,
    clean_leftovers,
    newest_good_backup,
    read_only_uri,
)
from desktop.storage.database import (
    SQLITE_HEADER,
    NetworkDriveError,
    open_here,
    refuse_network_drive,
)
from desktop.storage.schema import MIGRATION_SET

# what SQLite keeps beside a database; moved together with it
COMPANIONS = ("-wal", "-shm", "-journal")


class DatabaseState(StrEnum):
    OK = "ok"  # sound and ours
    NEW = "new"  # no file yet, or an empty one: it will be created
    DAMAGED = "damaged"  # an SQLite file that is truncated or fails the check
    FOREIGN = "foreign"  # not an SQLite file, or another program's database
    LOCKED = "locked"  # another program holds it: sound as far as is known; try again
    UNAVAILABLE = "unavailable"  # could not be read (permissions, I/O): not evidence of damage


# what SQLite's result codes say about the file (Python's sqlite3 error names)
_DAMAGE = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
_BUSY = ("SQLITE_BUSY", "SQLITE_LOCKED")


@dataclass(frozen=True, slots=True)
class DatabaseCheck:
    path: Path
    state: DatabaseState
    detail: str = ""  # what SQLite or the header check said, for the log
    writable: bool = True  # False: sound, but on a read-only medium or without write permission
    rolled_back: bool = False  # an interrupted write was found and undone by SQLite

    @property
    def usable(self) -> bool:
        return self.state in (DatabaseState.OK, DatabaseState.NEW)

    @property
    def may_be_moved(self) -> bool:
        """Only a file shown to be damaged or not ours is ever moved aside."""
        return self.state in (DatabaseState.DAMAGED, DatabaseState.FOREIGN)


def check_database(path: Path | str, *, deep: bool = True, full: bool = False) -> DatabaseCheck:
    """Look at the file without changing it: header, size, schema, then SQLite's own check.

    `deep=False` skips quick_check (which reads every page: ~0.5 s for a year of 300 people);
    `full=True` runs integrity_check instead of quick_check."""
    path = Path(path)
    if path.is_dir():
        return DatabaseCheck(path, DatabaseState.FOREIGN, "a folder")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return DatabaseCheck(path, DatabaseState.NEW)
    if size == 0:
        return DatabaseCheck(path, DatabaseState.NEW)
    held = open_here(path)
    if held:
        # a connection of this process has it open: reading it by hand would drop that
        # connection's locks (storage/database.py); it is SQLite's, and SQLite checks it below
        header = SQLITE_HEADER
    else:
        with path.open("rb") as f:
            header = f.read(100)
    if not header.startswith(SQLITE_HEADER):
        return DatabaseCheck(path, DatabaseState.FOREIGN, "no SQLite header")
    # with a WAL beside it the file may lag its header (a checkpoint cut short by a crash);
    # SQLite completes it from the WAL on opening, so only SQLite's own check can tell then
    wal = Path(f"{path}-wal")
    journal = Path(f"{path}-journal")
    hot = journal.exists() and journal.stat().st_size > 0
    pending = hot or (wal.exists() and wal.stat().st_size > 0)
    truncated = "" if pending or held else _truncated(header, size)
    if truncated:
        return DatabaseCheck(path, DatabaseState.DAMAGED, truncated)
    writable = _writable(path)
    rolled_back = False
    if hot and writable:
        # an interrupted write (a restore or import killed half-way): a read-write connection
        # lets SQLite roll it back, which a read-only one cannot
        rolled = _roll_back(path)
        if rolled is not None:
            return rolled
        rolled_back = not (journal.exists() and journal.stat().st_size > 0)
    try:
        conn = _open_read_only(path, writable)
    except sqlite3.Error as exc:
        return _failed(path, exc)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return DatabaseCheck(path, DatabaseState.NEW, "no tables")
        if (
            "_sqlite_migrations" not in tables
            or not conn.execute(
                "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
            ).fetchone()[0]
        ):
            return DatabaseCheck(path, DatabaseState.FOREIGN, "not a OneThird database")
        if deep or full:
            pragma = "integrity_check" if full else "quick_check"
            verdict = [r[0] for r in conn.execute(f"PRAGMA {pragma}(20)").fetchall()]
            if verdict != ["ok"]:
                return DatabaseCheck(path, DatabaseState.DAMAGED, "; ".join(verdict)[:500])
    except sqlite3.Error as exc:
        return _failed(path, exc)
    finally:
        conn.close()
    return DatabaseCheck(path, DatabaseState.OK, writable=writable, rolled_back=rolled_back)


def network_refusal(path: Path | str) -> NetworkDriveError | None:
    """Why the ledger at path may not be used: it is on a network drive (checked before anything
    is read, made or moved). None when it is on a local disk, or when it is an existing file
    this process cannot write: that one is opened read-only, which is left allowed."""
    path = Path(path)
    try:
        refuse_network_drive(path)
    except NetworkDriveError as exc:
        if path.is_file() and not _writable(path):
            return None
        return exc
    return None


def _writable(path: Path) -> bool:
    """Can this process write the file and create its companions (-wal, -journal) beside it?"""
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
        return False
    probe = path.parent / f".{path.name}.{os.getpid()}.write-test"
    try:
        probe.touch()
    except OSError:  # a read-only mount says so only when written to
        return False
    probe.unlink(missing_ok=True)
    return True


def _open_read_only(path: Path, writable: bool) -> sqlite3.Connection:
    # a short wait: a caller that wants to wait longer asks again (and can say why it waits)
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=0.5)
    if writable:
        return conn
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    # a WAL database on a read-only medium: nothing can write it, so reading it as immutable
    # (without the shared-memory file SQLite cannot create there) is safe
    return sqlite3.connect(read_only_uri(path) + "&immutable=1", uri=True, timeout=0.5)


def _roll_back(path: Path) -> DatabaseCheck | None:
    try:
        conn = sqlite3.connect(path, timeout=2.0)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return _failed(path, exc)
    return None


def _failed(path: Path, exc: sqlite3.Error) -> DatabaseCheck:
    """What an error from SQLite says about the file: damage only when SQLite says so."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name in _DAMAGE or "malformed" in str(exc):
        return DatabaseCheck(path, DatabaseState.DAMAGED, str(exc))
    if name in _BUSY or "locked" in str(exc):
        return DatabaseCheck(path, DatabaseState.LOCKED, str(exc))
    return DatabaseCheck(path, DatabaseState.UNAVAILABLE, f"{name or type(exc).__name__}: {exc}")


def _truncated(header: bytes, size: int) -> str:
    """The header's page count, when valid, against the file's size (a cut-off copy)."""
    if len(header) < 100:
        return f"{size} bytes, shorter than the header"
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"page size {page_size}"
    change_counter, pages, valid_for = (
        struct.unpack(">I", header[24:28])[0],
        struct.unpack(">I", header[28:32])[0],
        struct.unpack(">I", header[92:96])[0],
    )
    if pages and change_counter == valid_for and size < pages * page_size:
        return f"{size} bytes, the header says {pages} pages of {page_size}"
    return ""


def move_aside(path: Path | str, state: DatabaseState, *, now: datetime | None = None) -> Path:
    """Rename the file (and its -wal/-shm) to `<name>.damaged-YYYYMMDD-HHMMSS` (or
    `.not-onethird-…`) beside it; a name already taken gets -2, -3 …; nothing is deleted."""
    path = Path(path)
    label = "damaged" if state is DatabaseState.DAMAGED else "not-onethird"
    stamp = f"{(now or datetime.now()):%Y%m%d-%H%M%S}"
    for n in range(1, 10_000):
        name = f"{path.name}.{label}-{stamp}" + ("" if n == 1 else f"-{n}")
        target = path.with_name(name)
        taken = [target, *(Path(f"{target}{s}") for s in COMPANIONS)]
        if any(t.exists() for t in taken):
            continue
        _rename(path, target)
        for suffix in COMPANIONS:
            companion = Path(f"{path}{suffix}")
            if companion.exists():
                _rename(companion, Path(f"{target}{suffix}"))
        return target
    raise FileExistsError(path)


def _rename(source: Path, target: Path) -> None:
    try:
        os.link(source, target)  # never onto an existing file
    except FileExistsError:
        raise
    except OSError:
        if target.exists():
            raise FileExistsError(target) from None
        os.rename(source, target)
        return
    source.unlink()


@dataclass(frozen=True, slots=True)
class StartCheck:
    """What the check at start found and did, for the GUI's dialog and the CLI's message."""

    check: DatabaseCheck
    moved_to: Path | None  # where the damaged or foreign file now is
    newest_backup: BackupInfo | None  # the newest backup that passes quick_check

    @property
    def state(self) -> DatabaseState:
        return self.check.state

    @property
    def usable(self) -> bool:
        return self.check.usable

    def message(self, lang: str = "zh") -> str:
        return start_message(self, lang)


def check_at_start(
    db_path: Path | str, *, move_damaged: bool = True, deep: bool = True
) -> StartCheck:
    """Check the database; when it is damaged or foreign, move it aside (if `move_damaged`) and
    find the newest good backup. The caller offers `restore_backup(db_path, newest.path)`."""
    clean_leftovers(db_path)
    check = check_database(db_path, deep=deep)
    if not check.may_be_moved:
        return StartCheck(check, None, None)
    moved = move_aside(check.path, check.state) if move_damaged else None
    return StartCheck(check, moved, newest_good_backup(db_path))


_TEXT = {
    "damaged": ("数据库文件“{path}”已损坏。", "The database file '{path}' is damaged."),
    "foreign": (
        "“{path}”不是 OneThird 数据库文件。",
        "'{path}' is not a OneThird database.",
    ),
    "moved": (
        "原文件已改名为“{moved}”保留在原处，没有删除。",
        "It was renamed to '{moved}' and kept; nothing was deleted.",
    ),
    "untouched": ("原文件未做任何改动。", "The file was left untouched."),
    "locked": (
        "数据库文件“{path}”正被另一个程序占用，暂时无法打开（文件完好，未做任何改动）。"
        "请关闭占用它的程序后重试。",
        "The database file '{path}' is held by another program and cannot be opened now (it is"
        " sound and was left untouched). Close that program, then try again.",
    ),
    "unavailable": (
        "无法读取数据库文件“{path}”（{detail}）。文件未做任何改动；请检查文件权限或存储设备。",
        "The database file '{path}' cannot be read ({detail}). It was left untouched; check the"
        " file's permissions or the drive.",
    ),
    "backup": (
        "最近的完好备份是 {at} 的“{backup}”，可以从它恢复。",
        "The newest good backup is '{backup}' from {at}; it can be restored.",
    ),
    "no_backup": (
        "没有找到可用的备份，可以新建一个空的数据库。",
        "No usable backup was found; a new empty database can be started.",
    ),
}


def start_message(result: StartCheck, lang: str = "zh") -> str:
    """The plain-language account of a failed start check ('' when the database is fine)."""
    if result.usable:
        return ""
    i = 1 if lang == "en" else 0
    if not result.check.may_be_moved:
        key = "locked" if result.state is DatabaseState.LOCKED else "unavailable"
        return _TEXT[key][i].format(path=result.check.path, detail=result.check.detail)
    key = "damaged" if result.state is DatabaseState.DAMAGED else "foreign"
    parts = [_TEXT[key][i].format(path=result.check.path)]
    if result.moved_to is not None:
        parts.append(_TEXT["moved"][i].format(moved=result.moved_to.name))
    else:
        parts.append(_TEXT["untouched"][i])
    b = result.newest_backup
    if b is not None:
        parts.append(_TEXT["backup"][i].format(at=f"{b.made_at:%Y-%m-%d %H:%M}", backup=b.path))
    else:
        parts.append(_TEXT["no_backup"][i])
    return ("" if i == 0 else " ").join(parts)
