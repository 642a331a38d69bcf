"""Backups of a ledger: made with SQLite's backup API, checked with quick_check, never
overwritten, kept by rotation (the daily ones of the last 14 days, the newest of each of the last
12 months, the last 10 made before an operation, every one of the last 24 hours, the newest good
one). A backup stamped later than now (a PC whose clock was once wrong) is kept apart: never
deleted by rotation, never offered as the newest."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from desktop import paths
from desktop.domain.errors import LedgerError
from desktop.storage.connection import Connection
from desktop.storage.processes import process_gone

KEEP_DAILY = 14
KEEP_MONTHLY = 12
KEEP_BEFORE_OPERATIONS = 10
STALE_PARTIAL_SECONDS = 3600
KEEP_RECENT = timedelta(hours=24)
# a stamp this far ahead of the clock is not "now" written a little early: the clock was wrong
FUTURE_TOLERANCE = timedelta(hours=1)
_PARTIAL = re.compile(r"\.(?P<pid>\d+)-[0-9a-f]+\.partial(?:-journal|-wal|-shm)?")
_NAME = re.compile(r"(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z]+)(?:-(?P<n>\d+))?\.db")


class BackupReason(StrEnum):
    DAILY = "daily"  # the first start of a day
    MANUAL = "manual"  # asked for (onethird-cli backup, a menu item)
    IMPORT = "import"  # before an import writes
    MIGRATION = "migration"  # before the schema is upgraded
    RESTORE = "restore"  # the state a restore replaced
    INTAKE = "intake"  # before the supervision office takes in units' report files


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    made_at: datetime  # local time, from the file name
    reason: BackupReason
    size: int

    def from_the_future(self, now: datetime | None = None) -> bool:
        """Stamped later than now: made while the PC's clock was wrong."""
        return self.made_at > (now or datetime.now()) + FUTURE_TOLERANCE


class BackupError(LedgerError):
    """A backup could not be made or is not sound; nothing was overwritten or deleted."""

    def __init__(self, value: str) -> None:
        super().__init__("backup", "backup_failed", value=value)


def backups_dir(db_path: Path | str) -> Path:
    return paths.backups_dir(Path(db_path))


def database_file(db: Connection) -> Path | None:
    """The file an open database lives in (None in memory)."""
    for row in db.execute("PRAGMA database_list").fetchall():
        if row[1] == "main" and row[2]:
            return Path(row[2])
    return None


def read_only_uri(path: Path) -> str:
    """A URI that opens the file read-only, whatever characters its name holds."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def make_backup(
    db_path: Path | str,
    reason: BackupReason,
    *,
    source: sqlite3.Connection | None = None,
    now: datetime | None = None,
    rotate_after: bool = True,
) -> BackupInfo:
    """Copy the database with the backup API into a new file in its backup folder.

    The copy is checked with `PRAGMA quick_check` (every page read, every b-tree sound) before
    it gets its name; a restore checks it again with integrity_check, which also compares every
    index with its table (docs/data-safety.md). A file that is already there is never
    replaced. `source` is an open connection to copy from (the ledger's own, so a backup taken
    inside the program sees what it sees)."""
    db_path = Path(db_path)
    folder = backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale_partials(folder)
    made_at = (now or datetime.now()).replace(microsecond=0)
    tmp = folder / f".{os.getpid()}-{os.urandom(4).hex()}.partial"
    own = source is None
    # read-write, so that closing the last connection tidies the -wal and -shm files away
    src = sqlite3.connect(db_path) if source is None else source
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            # a backup is one self-contained file, not a WAL pair
            dst.execute("PRAGMA journal_mode = DELETE")
            verdict = dst.execute("PRAGMA quick_check").fetchall()
        finally:
            dst.close()
        if verdict != [("ok",)]:
            raise BackupError(f"{db_path.name}: {verdict[0][0] if verdict else '?'}")
        _fsync(tmp)
        stem = f"{db_path.stem}-{made_at:%Y%m%d-%H%M%S}-{reason.value}"
        final = place_without_overwrite(tmp, folder, stem, ".db")
    except sqlite3.Error as exc:
        raise BackupError(f"{db_path.name}: {exc}") from exc
    finally:
        if own:
            src.close()
        tmp.unlink(missing_ok=True)
    _fsync_dir(folder)
    info = BackupInfo(final, made_at, reason, final.stat().st_size)
    if rotate_after:
        rotate(db_path, keep={final}, now=now)
    return info


def backup_before(db: Connection, reason: BackupReason) -> BackupInfo | None:
    """The backup every migration, import, restore and intake makes before it writes."""
    path = database_file(db)
    if path is None:
        return None
    return make_backup(path, reason, source=db.conn)


def place_without_overwrite(tmp: Path, folder: Path, stem: str, suffix: str) -> Path:
    """Give `tmp` the name stem+suffix, or stem-2+suffix … when that is taken; never replace."""
    for n in range(1, 10_000):
        target = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
        try:
            os.link(tmp, target)  # fails when the name exists, unlike a rename on POSIX
        except FileExistsError:
            continue
        except OSError:  # no hard links on this file system (FAT, some shares)
            if target.exists():
                continue
            os.rename(tmp, target)  # Windows refuses to rename onto an existing file
            return target
        tmp.unlink()
        return target
    raise BackupError(stem)


def list_backups(db_path: Path | str, *, now: datetime | None = None) -> list[BackupInfo]:
    """The database's backups, newest first; those stamped in the future after all others."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    prefix = Path(db_path).stem + "-"
    found: list[tuple[datetime, int, int, BackupInfo]] = []
    for entry in os.scandir(folder):
        if not entry.name.startswith(prefix) or not entry.is_file():
            continue
        m = _NAME.fullmatch(entry.name[len(prefix) :])
        if m is None:
            continue
        try:
            made_at = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
            reason = BackupReason(m["reason"])
        except ValueError:
            continue
        stat = entry.stat()
        info = BackupInfo(Path(entry.path), made_at, reason, stat.st_size)
        # two backups of one second (a daily and a manual one) are ordered by when each was
        # written, then by the number that keeps their names apart
        found.append((made_at, stat.st_mtime_ns, int(m["n"] or 1), info))
    found.sort(key=lambda item: item[:3], reverse=True)
    backups = [item[3] for item in found]
    ahead = [b for b in backups if b.from_the_future(now)]
    return [b for b in backups if not b.from_the_future(now)] + ahead


def rotate(
    db_path: Path | str,
    *,
    keep: set[Path] | None = None,
    daily: int = KEEP_DAILY,
    monthly: int = KEEP_MONTHLY,
    before_operations: int = KEEP_BEFORE_OPERATIONS,
    now: datetime | None = None,
) -> list[Path]:
    """Delete the backups no rule keeps; returns what was deleted.

    Kept: those in `keep` (the one just made, the one a restore uses); the newest backup and
    the newest that passes quick_check; every backup of the last 24 hours; the daily backups of
    the last `daily` days that have one; the newest backup of each of the last `monthly` months;
    the `before_operations` newest that are not daily ones (before imports, restores,
    migrations, intakes, or asked for); every backup stamped in the future (shown apart, for a
    person to judge). Only files named as this module names backups are ever deleted."""
    now = now or datetime.now()
    everything = list_backups(db_path, now=now)
    ahead = {b.path for b in everything if b.from_the_future(now)}
    backups = [b for b in everything if b.path not in ahead]
    kept = set(keep or ()) | ahead
    if backups:
        kept.add(backups[0].path)
    # the ones in `keep` were checked by whoever passed them (just made, or chosen to restore)
    good = next((b for b in backups if b.path in kept or is_sound(b.path)), None)
    if good is not None:
        kept.add(good.path)
    kept |= {b.path for b in backups if now - b.made_at <= KEEP_RECENT}
    days: set[date] = set()
    months: set[tuple[int, int]] = set()
    operations = 0
    for b in backups:
        day = b.made_at.date()
        if b.reason is BackupReason.DAILY and day not in days and len(days) < daily:
            days.add(day)
            kept.add(b.path)
        month = (day.year, day.month)
        if month not in months and len(months) < monthly:
            months.add(month)
            kept.add(b.path)
        if b.reason is not BackupReason.DAILY and operations < before_operations:
            operations += 1
            kept.add(b.path)
    removed = []
    for b in backups:
        if b.path not in kept:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def daily_backup_if_due(db_path: Path | str, *, now: datetime | None = None) -> BackupInfo | None:
    """The day's automatic backup, unless today's is made or there is no database yet.

    Call it at start, after the integrity check; raises BackupError if the copy is not sound."""
    db_path = Path(db_path)
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    today = (now or datetime.now()).date()
    for b in list_backups(db_path, now=now):
        if b.from_the_future(now):
            break
        if b.made_at.date() < today:
            break
        if b.reason is BackupReason.DAILY and b.made_at.date() == today:
            return None
    return make_backup(db_path, BackupReason.DAILY, now=now)


def is_sound(path: Path, full: bool = False) -> bool:
    """A readable SQLite file that passes quick_check (integrity_check when `full`)."""
    try:
        with Path(path).open("rb") as f:
            if f.read(16) != b"SQLite format 3\x00":
                return False
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            pragma = "integrity_check" if full else "quick_check"
            return conn.execute(f"PRAGMA {pragma}").fetchall() == [("ok",)]
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return False


def newest_good_backup(db_path: Path | str, *, now: datetime | None = None) -> BackupInfo | None:
    """The newest backup that opens and passes quick_check, to offer when the database is lost;
    never one stamped in the future (its age cannot be told)."""
    for b in list_backups(db_path, now=now):
        if b.from_the_future(now):
            break
        if is_sound(b.path):
            return b
    return None


def clean_leftovers(db_path: Path | str) -> list[Path]:
    """Remove what killed backups left in the database's backup folder (half-written copies and
    their journals); called at start. Never a finished backup, never a copy still being written."""
    folder = backups_dir(db_path)
    return _remove_stale_partials(folder) if folder.is_dir() else []


def _remove_stale_partials(folder: Path) -> list[Path]:
    """Copies a killed process left half-written (`.<pid>-<hex>.partial` and its `-journal`);
    never a finished backup. A copy is left alone while the process that writes it runs."""
    cutoff = time.time() - STALE_PARTIAL_SECONDS
    removed = []
    for p in folder.glob(".*.partial*"):
        m = _PARTIAL.fullmatch(p.name)
        if m is None:
            continue
        with contextlib.suppress(OSError, ValueError):
            if process_gone(int(m["pid"])) or p.stat().st_mtime < cutoff:
                p.unlink()
                removed.append(p)
    return removed

    return False


def _fsync(path: Path) -> None:
    with path.open("rb+") as f:
        os.fsync(f.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync there
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
