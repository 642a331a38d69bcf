"""The kill test: `onethird-cli import` of a large ledger, killed with SIGKILL at random moments
again and again; after each kill the database opens, passes integrity_check, and holds all of
that import or none of it, with every earlier row as it was.

The seed is random and printed on failure; ONETHIRD_KILL_SEED=<n> replays a run."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.domain.people import Person
from desktop.storage.backups import is_sound, list_backups
from desktop.storage.integrity import DatabaseState, check_database
from desktop.storage.ledger import Ledger

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

KILLS = 20
MAX_RUNS = 45
PERSONS = 20
DAYS = 150  # rows per import: PERSONS × DAYS
SCRIPT = shutil.which("onethird-cli", path=str(Path(sys.executable).parent))


def ledger_file(folder: Path, n: int) -> Path:
    """Import number n: its own days, so imports never meet each other's rows."""
    first = date(2010, 1, 1) + timedelta(days=n * DAYS)
    lines = ["日期,姓名,时长,活动类型,备注"]
    for d in range(DAYS):
        day = (first + timedelta(days=d)).isoformat()
        lines += [f"{day},人员{p:02d},0.5,项目洽谈,第{n}次导入" for p in range(PERSONS)]
    path = folder / f"import-{n}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def start_import(db: Path, source: Path) -> subprocess.Popen[bytes]:
    command = [SCRIPT] if SCRIPT else [sys.executable, "-m", "desktop.cli.main"]
    return subprocess.Popen(
        [*command, "--db", str(db), "--today", "2026-11-20", "import", str(source)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def state(db: Path) -> tuple[int, int, str, dict[str, int]]:
    """(rows, max id, digest of all rows, rows per import note) after opening as the app does."""
    Ledger.open(db).close()  # recovers the WAL like the next start would
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT * FROM entries ORDER BY id").fetchall()
        notes = dict(conn.execute("SELECT note, count(*) FROM entries GROUP BY note").fetchall())
        persons = conn.execute("SELECT count(*) FROM persons").fetchone()[0]
    finally:
        conn.close()
    assert persons == PERSONS
    digest = hashlib.sha256(repr(rows).encode()).hexdigest()
    return len(rows), (rows[-1][0] if rows else 0), digest, notes


def digest_upto(db: Path, max_id: int) -> str:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT * FROM entries WHERE id <= ? ORDER BY id", [max_id]).fetchall()
    finally:
        conn.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def wait_for_growth(proc: subprocess.Popen[bytes], wal: Path, limit: float) -> None:
    """Until the WAL file has content (the import's write has begun) or the process ends."""
    deadline = time.monotonic() + limit
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            if wal.stat().st_size:
                return
        except FileNotFoundError:
            pass
        time.sleep(0.0005)


def test_an_import_killed_at_random_moments_is_all_or_nothing(tmp_path: Path) -> None:
    seed = int(os.environ.get("ONETHIRD_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    db = tmp_path / "ledger.db"
    with Ledger.open(db, actor="测试") as ledger:
        for p in range(PERSONS):
            ledger.add_person(Person(f"人员{p:02d}"))
    # an undisturbed run gives the earlier rows and the time a whole import takes
    t0 = time.monotonic()
    assert start_import(db, ledger_file(tmp_path, 0)).wait(timeout=60) == 0
    whole = time.monotonic() - t0
    rows, max_id, digest, _ = state(db)
    assert rows == PERSONS * DAYS
    kills, outcomes = 0, {"none": 0, "all": 0, "finished": 0, "in the commit": 0}
    wal = Path(f"{db}-wal")
    for n in range(1, MAX_RUNS):
        if kills >= KILLS:
            break
        source = ledger_file(tmp_path, n)
        proc = start_import(db, source)
        if n % 2:
            # anywhere from start-up to past the commit: loading, checks, backups, parsing
            time.sleep(rng.uniform(0.0, 1.05 * whole))
        else:
            # while the transaction's pages go into the WAL (its first write) or just after
            wait_for_growth(proc, wal, whole * 3)
            time.sleep(rng.uniform(0.0, 0.005))
        killed = proc.poll() is None
        if killed:
            if wal.exists() and wal.stat().st_size:
                outcomes["in the commit"] += 1
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
        context = f"seed {seed}, import {n}, killed={killed}, {outcomes}"
        check = check_database(db, full=True)
        assert check.state is DatabaseState.OK, f"{context}: {check.detail}"
        new_rows, new_max, _, notes = state(db)
        added = notes.get(f"第{n}次导入", 0)
        assert added in (0, PERSONS * DAYS), f"{context}: {added} rows of the import"
        assert new_rows == rows + added, context
        assert digest_upto(db, max_id) == digest, f"{context}: earlier rows changed"
        outcomes["finished" if not killed else ("all" if added else "none")] += 1
        rows, max_id = new_rows, new_max
        digest = digest_upto(db, max_id)
        source.unlink()
    assert kills >= KILLS, f"seed {seed}: only {kills} kills landed ({outcomes})"
    # no kill left a broken file under a backup's name
    for backup in list_backups(db):
        assert is_sound(backup.path), f"seed {seed}: {backup.path.name}"
