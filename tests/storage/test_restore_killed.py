"""A restore killed at random moments: the next start opens the database without calling it
damaged (SQLite rolls the interrupted copy back), with exactly the old data or the backup's.

The seed is random and printed on failure; ONETHIRD_KILL_SEED=<n> replays a run."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.domain.people import Person
from desktop.storage.integrity import DatabaseState, check_at_start, check_database
from desktop.storage.ledger import Ledger

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

KILLS = 20
SCRIPT = shutil.which("onethird-cli", path=str(Path(sys.executable).parent))
COMMAND = [SCRIPT] if SCRIPT else [sys.executable, "-m", "desktop.cli.main"]


def _ledger(path: Path, name: str, blobs: int) -> None:
    with Ledger.open(path) as led:
        led.add_person(Person(name))
        # padding, so that copying the backup in takes long enough to be cut short
        led.db.execute("CREATE TABLE test_padding (n INTEGER, b BLOB)")
        with led.db.atomic():
            for n in range(blobs):
                led.db.execute("INSERT INTO test_padding VALUES (?, randomblob(65536))", [n])


def _content(path: Path) -> tuple[list[str], int]:
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM persons ORDER BY id")]
        blobs = conn.execute("SELECT count(*) FROM test_padding").fetchone()[0]
    finally:
        conn.close()
    return names, blobs


def _fresh(pristine: Path, db: Path) -> None:
    for p in db.parent.glob(db.name + "*"):
        if p.is_file():
            p.unlink()
    shutil.copyfile(pristine, db)


def test_a_restore_killed_at_random_moments_leaves_the_old_or_the_new_data(
    tmp_path: Path,
) -> None:
    seed = int(os.environ.get("ONETHIRD_KILL_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    pristine, backup = tmp_path / "pristine.db", tmp_path / "chosen-backup.db"
    _ledger(pristine, "恢复前", 40)
    _ledger(backup, "备份中", 400)
    old, new = _content(pristine), _content(backup)
    work = tmp_path / "work"
    work.mkdir()
    db = work / "ledger.db"
    _fresh(pristine, db)
    started = time.monotonic()
    subprocess.run([*COMMAND, "--db", str(db), "restore", str(backup)], check=True,
                   capture_output=True)  # fmt: skip
    full = time.monotonic() - started
    assert _content(db) == new
    seen = set()
    for kill in range(KILLS):
        _fresh(pristine, db)
        proc = subprocess.Popen(
            [*COMMAND, "--db", str(db), "restore", str(backup)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.0, full * 1.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        hot = Path(f"{db}-journal").exists()
        check = check_database(db, deep=True)
        where = f"kill {kill}, seed {seed}, journal left: {hot}"
        assert check.state is DatabaseState.OK, (where, check)
        start = check_at_start(db)
        assert start.moved_to is None and start.usable, where
        assert [p.name for p in work.iterdir() if ".damaged" in p.name] == [], where
        content = _content(db)
        assert content in (old, new), where
        seen.add((content == new, hot))
    assert backup.exists()
    # the kills landed before, during and after the copy: both outcomes were seen
    assert {done for done, _ in seen} == {False, True}, (seed, seen)
