"""Backups never lose the one that matters: the one being restored, the newest good one, the
last day's; a backup from a wrong clock is kept apart; killed backups leave nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop import paths
from desktop.domain.people import Person
from desktop.storage.backups import (
    BackupReason,
    clean_leftovers,
    list_backups,
    make_backup,
    newest_good_backup,
)
from desktop.storage.integrity import check_at_start
from desktop.storage.ledger import Ledger
from desktop.storage.restore import restore_backup
from tests.storage.test_backups import persons

NOW = datetime(2026, 11, 20, 9, 30, 0)


def _names(db_path: Path) -> list[str]:
    return [b.path.name for b in list_backups(db_path, now=NOW + timedelta(days=30))]


def test_restoring_the_oldest_kept_backup_keeps_it_and_works(ledger: Ledger, db_path: Path) -> None:
    ledger.add_person(Person("最早"))
    oldest = make_backup(db_path, BackupReason.DAILY, now=NOW - timedelta(days=40))
    ledger.add_person(Person("后来"))
    for n in range(10):  # ten asked for, each a day apart: the oldest is now the 11th kept
        make_backup(db_path, BackupReason.MANUAL, now=NOW - timedelta(days=10 - n))
    assert oldest.path.exists()
    ledger.close()
    result = restore_backup(db_path, oldest.path)
    assert persons(db_path) == ["最早"]
    assert oldest.path.exists()  # the restore's own safety backup rotated nothing away first
    assert result.safety_backup is not None and result.safety_backup.path.exists()


def test_a_backup_from_a_wrong_clock_is_kept_apart_and_never_the_newest(db_path: Path) -> None:
    Ledger.open(db_path).close()
    future = make_backup(db_path, BackupReason.MANUAL, now=datetime(2030, 1, 1, 12, 0, 0))
    made = []
    for n in range(20):
        now = NOW + timedelta(days=n)
        made.append(make_backup(db_path, BackupReason.MANUAL, now=now))
    now = NOW + timedelta(days=19, hours=1)
    kept = list_backups(db_path, now=now)
    real = [b.path for b in kept if not b.from_the_future(now)]
    assert real == [b.path for b in reversed(made[-10:])]  # the newest 10 real ones
    assert future.path.exists() and kept[-1].path == future.path  # listed last, apart
    newest = newest_good_backup(db_path, now=now)
    assert newest is not None and newest.path == made[-1].path


def test_every_backup_of_the_last_day_is_kept(db_path: Path) -> None:
    Ledger.open(db_path).close()
    made = [
        make_backup(db_path, BackupReason.MANUAL, now=NOW + timedelta(minutes=30 * n))
        for n in range(15)
    ]
    assert all(b.path.exists() for b in made)  # more than ten, all within 24 hours


def _big_ledger(db_path: Path) -> None:
    with Ledger.open(db_path) as led:
        led.add_person(Person("张伟"))
        # padding so that a backup takes long enough to be killed half-way
        led.db.execute("CREATE TABLE test_padding (b BLOB)")
        with led.db.atomic():
            for _ in range(400):
                led.db.execute("INSERT INTO test_padding VALUES (randomblob(100000))")


BACKUP = """
import sys
from pathlib import Path
from desktop.storage.backups import BackupReason, make_backup
make_backup(Path(sys.argv[1]), BackupReason.MANUAL)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_after_twenty_killed_backups_the_next_start_leaves_no_partial_file(
    db_path: Path,
) -> None:
    _big_ledger(db_path)
    folder = paths.backups_dir(db_path)
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", BACKUP, str(db_path)], check=True)
    full = time.monotonic() - started
    left_behind = 0
    for n in range(20):
        proc = subprocess.Popen([sys.executable, "-c", BACKUP, str(db_path)])
        if n % 2:  # every other kill waits for the copy to be under way, then lands in it
            deadline = time.monotonic() + 30
            while not list(folder.glob(".*.partial*")) and proc.poll() is None:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.001)
            time.sleep(0.002 * (n % 5))
        else:
            time.sleep(0.15 + full * 0.8 * ((n * 7919) % 20) / 20)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        left_behind = max(left_behind, len(list(folder.glob(".*.partial*"))))
    assert left_behind > 0, "no kill landed while a copy was being written"
    for n in range(20):  # a backup cleans what earlier kills left: end on one that left some
        if list(folder.glob(".*.partial*")):
            break
        proc = subprocess.Popen([sys.executable, "-c", BACKUP, str(db_path)])
        time.sleep(0.15 + full * (0.2 + 0.03 * n))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert list(folder.glob(".*.partial*"))  # what the kills left
    assert check_at_start(db_path).usable  # the next start of the window
    assert list(folder.glob(".*.partial*")) == []
    assert clean_leftovers(db_path) == []  # and of any command: nothing more to clean
    assert all(b.path.exists() for b in list_backups(db_path))
