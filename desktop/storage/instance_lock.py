"""One program per database: an OS-level lock on `<database>.lock`, which the operating system
releases when the holder ends, however it ends (no stale lock files to clean up)."""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType

from desktop import paths
from desktop.domain.errors import LedgerError

# Byte 0 is what gets locked (Windows forbids others to read a locked range); the holder's
# details follow it as JSON, for the message that names who has the database open.
_PAD = b"\n"


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        # flock belongs to the open file, so even a second open in this process conflicts
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


@dataclass(frozen=True, slots=True)
class LockHolder:
    pid: int
    kind: str  # "gui", "cli"
    started: str  # local time, ISO 8601
    host: str

    def describe(self, lang: str = "zh") -> str:
        if lang == "en":
            program = "the OneThird window" if self.kind == "gui" else "onethird-cli"
            return f"{program} (process {self.pid}, since {self.started})"
        program = "OneThird 程序窗口" if self.kind == "gui" else "onethird-cli 命令"
        return f"{program}（进程 {self.pid}，{self.started} 起）"


class DatabaseInUse(LedgerError):
    """Another program holds the database; this one may not write to it."""

    def __init__(self, path: Path, holder: LockHolder | None) -> None:
        self.holder = holder
        super().__init__(
            "database",
            "db_in_use",
            value=str(path),
            holder=holder.describe("zh") if holder else "另一个程序",
            holder_en=holder.describe("en") if holder else "another program",
        )


def lock_path(db_path: Path | str) -> Path:
    return paths.lock_file(Path(db_path))


def activation_name(db_path: Path | str) -> str:
    """A name unique to the database, for a QLocalServer through which a second start of the GUI
    asks the first to bring its window forward."""
    import hashlib

    key = str(Path(db_path).resolve())
    if sys.platform == "win32":
        key = key.lower()
    return "onethird-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class InstanceLock:
    """The lock a program holds while it has the database open.

    `acquire()` does not wait by default; a probe by another process (`lock_holder`) holds the
    lock for an instant, so the GUI should pass a short timeout (e.g. 1 s)."""

    def __init__(self, db_path: Path | str, kind: str = "gui") -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(db_path)
        self.kind = kind
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, timeout: float = 0.0) -> bool:
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                return False
            time.sleep(0.05)
        self._fd = fd
        info = {
            "pid": os.getpid(),
            "kind": self.kind,
            "started": datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
            "host": _host_name(),
        }
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, _PAD + json.dumps(info).encode("utf-8"))
        os.ftruncate(fd, os.lseek(fd, 0, os.SEEK_CUR))
        return True

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def holder(self) -> LockHolder | None:
        """Who holds the lock when acquire() failed (None if it cannot be told)."""
        return _read_holder(self.path)

    def __enter__(self) -> InstanceLock:
        if not self.acquire():
            raise DatabaseInUse(self.db_path, self.holder())
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


def lock_holder(db_path: Path | str, *, include_self: bool = False) -> LockHolder | None:
    """Who holds the database's lock, or None when nobody does. Probes without keeping the lock
    and without creating the lock file."""
    path = lock_path(db_path)
    try:
        fd = os.open(path, os.O_RDWR)
    except (FileNotFoundError, NotADirectoryError):
        return None
    try:
        if _try_lock(fd):
            _unlock(fd)
            return None
    finally:
        os.close(fd)
    holder = _read_holder(path) or LockHolder(0, "unknown", "", "")
    if holder.pid == os.getpid() and not include_self:
        return None
    return holder


def _read_holder(path: Path) -> LockHolder | None:
    try:
        with path.open("rb") as f:
            f.seek(len(_PAD))
            data = json.loads(f.read().decode("utf-8"))
        return LockHolder(
            int(data["pid"]), str(data["kind"]), str(data["started"]), str(data["host"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _host_name() -> str:
    if hasattr(os, "uname"):
        return os.uname().nodename  # what gethostname() reads, without loading socket
    import socket

    return socket.gethostname()
