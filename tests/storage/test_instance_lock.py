"""One program per database: the OS lock beside the database, released when its holder dies."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.storage.instance_lock import (
    DatabaseInUse,
    InstanceLock,
    activation_name,
    lock_holder,
)

HOLD = (
    "import sys, time; from desktop.storage.instance_lock import InstanceLock; "
    "lock = InstanceLock(sys.argv[1], kind='gui'); assert lock.acquire(); "
    "print('held', flush=True); time.sleep(60)"
)


def test_one_holder_at_a_time(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    assert lock_holder(db) is None
    assert not (tmp_path / "a.db.lock").exists()  # asking does not create the file
    with InstanceLock(db, kind="gui") as first:
        assert first.held and (tmp_path / "a.db.lock").exists()
        second = InstanceLock(db, kind="gui")
        assert not second.acquire(timeout=0.1)
        with pytest.raises(DatabaseInUse, match="正由 OneThird 程序窗口（进程"):
            second.__enter__()
        holder = lock_holder(db, include_self=True)
        assert holder is not None and holder.pid == os.getpid() and holder.kind == "gui"
        assert lock_holder(db) is None  # this very process is not "another program"
    assert InstanceLock(db).acquire()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_the_lock_goes_when_its_holder_is_killed(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        holder = lock_holder(db)
        assert holder is not None and holder.pid == proc.pid
        assert "OneThird 程序窗口" in holder.describe() and str(proc.pid) in holder.describe()
        lock = InstanceLock(db, kind="cli")
        assert not lock.acquire()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()
    assert lock_holder(db) is None  # no stale lock file to clean up by hand
    assert lock.acquire()
    lock.release()


def test_activation_name_is_per_database(tmp_path: Path) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    assert activation_name(a) == activation_name(tmp_path / "." / "a.db")
    assert activation_name(a) != activation_name(b)
    assert activation_name(a).startswith("onethird-")
