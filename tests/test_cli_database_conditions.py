"""A sound database is never judged damaged because it could not be opened: held by another
program, on a read-only medium. The command line says what is the matter and touches nothing."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.entries import Entry
from desktop.storage.integrity import DatabaseState, check_at_start, check_database
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY
from tests.test_cli import ok, run

HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("INSERT INTO settings (key, value) VALUES ('test_hold', '1')")
print("held", flush=True)
time.sleep(60)
"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "held.db"
    ok(path, "init")
    ok(path, "person", "add", "张伟", "--unit", "市人民政府")
    return path


def _hold(path: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file() and "-wal" not in p.name)


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_database_another_program_holds_is_never_moved_aside(db: Path, journal: str) -> None:
    if journal == "delete":
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.close()
    before = _files(db.parent)
    holder = _hold(db)
    try:
        check = check_database(db, deep=True)
        assert check.state in (DatabaseState.OK, DatabaseState.LOCKED)
        start = check_at_start(db)
        assert start.moved_to is None
        done = run(db, "person", "add", "李娜")
        if journal == "delete":
            assert check.state is DatabaseState.LOCKED
            assert done.returncode == 1
            assert "正由" in done.stderr and "使用" in done.stderr
        assert "已损坏" not in done.stderr and "Traceback" not in done.stderr
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    assert [n for n in _files(db.parent) if "damaged" in n] == []
    assert set(before) <= set(_files(db.parent))
    assert "张伟" in ok(db, "summary", "--period", "2026-11")


def _mount_read_only(folder: Path, *command: str) -> subprocess.CompletedProcess[str]:
    script = (
        f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" && '
        + " ".join(f"'{c}'" for c in command)
    )
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=60
    )


def _can_mount() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs none /mnt"], capture_output=True
    )
    return probe.returncode == 0


@pytest.mark.skipif(not _can_mount(), reason="needs a mount namespace for a read-only medium")
def test_on_a_read_only_medium_reading_works_and_writing_is_refused_with_the_reason(
    db: Path,
) -> None:
    cli = shutil.which("onethird-cli", path=str(Path(sys.executable).parent))
    assert cli is not None
    args = [cli, "--db", str(db), "--today", "2026-11-20"]
    before = _files(db.parent)
    read = _mount_read_only(db.parent, *args, "summary", "--period", "2026-11")
    assert read.returncode == 0, read.stderr
    assert "张伟" in read.stdout
    write = _mount_read_only(db.parent, *args, "person", "add", "李娜")
    assert write.returncode == 1
    assert "只读文件" in write.stderr and "正由" not in write.stderr
    assert "程序内部错误" not in write.stderr
    checked = _mount_read_only(db.parent, *args, "check")
    assert checked.returncode == 0 and "已损坏" not in checked.stdout
    assert _files(db.parent) == before
    assert "李娜" not in ok(db, "person", "list")


def test_restoring_the_eleventh_backup_works_and_keeps_it(db: Path) -> None:
    # the fixture's first write made the day's backup (before 张伟): the oldest of eleven
    ok(db, "person", "add", "后来的人")
    for _ in range(10):
        ok(db, "backup")
    listed = ok(db, "backup", "list")
    assert len([line for line in listed.splitlines() if ".db" in line]) == 11
    oldest = sorted((db.parent / "held.db.backups").glob("held-*.db"))[0]
    done = run(db, "restore", "11")
    assert done.returncode == 0, done.stderr
    assert oldest.exists()
    people = ok(db, "person", "list")
    assert "后来的人" not in people and "张伟" not in people


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["entry", "add", "--person", "张伟", "--date", "2026-11-02", "--activity", "项目洽谈",
          "--hours", "1e308"], "1e308 超出允许范围（0 至 24）"),
        (["summary", "--period", "9999"], "9999 超出允许范围（2000 至 2100）"),
        (["calendar", "--year", "9999"], "2000–2100"),
        (["--today", "9999-12-31", "summary", "--period", "2026"], "2099-12-31"),
    ],
)  # fmt: skip
def test_arguments_out_of_range_are_a_usage_error_naming_the_range(
    db: Path, args: list[str], says: str
) -> None:
    done = run(db, *args)
    assert done.returncode == 2, done.stderr
    assert says in done.stderr and "程序内部错误" not in done.stderr


def _cli() -> list[str]:
    found = shutil.which("onethird-cli", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "desktop.cli.main"]


def test_a_reader_that_goes_away_is_a_quiet_exit(db: Path) -> None:
    # sixty long entries to list (set up directly: sixty CLI runs took half a minute)
    with Ledger.open(db, today=lambda: TODAY) as ledger:
        zhang, talks = ledger.find_person("张伟").id, ledger.find_activity("项目洽谈").id
        assert zhang is not None and talks is not None
        for n in range(60):
            at = (n // 28 + 8) * 60
            day = date(2026, 11, n % 28 + 1)
            ledger.add_entry(Entry(zhang, day, talks, start=at, end=at + 30, note="长" * 200))
    reader = subprocess.Popen(["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert reader.stdin is not None
    done = subprocess.run(
        [*_cli(), "--db", str(db), "entry", "list", "--period", "2026-11"],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )
    reader.stdin.close()
    assert reader.stdout is not None
    assert len(reader.stdout.read()) == 10
    reader.stdout.close()
    reader.wait()
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
def test_ctrl_c_says_it_was_interrupted_and_keeps_the_database(db: Path, tmp_path: Path) -> None:
    import signal
    import time

    source = tmp_path / "big.csv"
    days = [f"2026-{m:02d}-{d:02d}" for m in range(1, 11) for d in range(1, 29)]
    rows = [f"{day},人员{p},0.5,项目洽谈,第{p}人{k}" for p in range(300) for day in days
            for k in range(4)]  # fmt: skip
    source.write_text("日期,姓名,时长,活动类型,备注\n" + "\n".join(rows) + "\n", encoding="utf-8")
    before = ok(db, "entry", "list", "--period", "2026")
    proc = subprocess.Popen(
        [
            *_cli(),
            "--db",
            str(db),
            "--today",
            "2026-11-20",
            "import",
            "--create-persons",
            str(source),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.5)  # well into the import of 336,000 rows, as a person who has waited a while
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the import finished before the interrupt")
    assert proc.returncode == 130, err
    assert "已中断" in err and "Traceback" not in err
    assert ok(db, "entry", "list", "--period", "2026") == before


@pytest.mark.skipif(not _can_mount(), reason="needs a mount namespace for a small disk")
def test_a_full_disk_says_so_with_the_folder_and_the_free_space(tmp_path: Path) -> None:
    folder = tmp_path / "small"
    folder.mkdir()
    source = tmp_path / "big.csv"
    rows = [f"2026-{1 + i % 10:02d}-{1 + i % 28:02d},人员{i % 50},0.1,项目洽谈,{'备注' * 300}{i}"
            for i in range(6000)]  # fmt: skip
    source.write_text("日期,姓名,时长,活动类型,备注\n" + "\n".join(rows), encoding="utf-8")
    db = folder / "ledger.db"
    command = " ".join(f"'{c}'" for c in [*_cli(), "--db", str(db), "--today", "2026-11-20"])
    script = (
        f'mount -t tmpfs -o size=3m tmpfs "{folder}" && {command} init >/dev/null && '
        f"{command} import --create-persons '{source}'"
    )
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "空间不足" in done.stderr and str(folder) in done.stderr and "MB" in done.stderr
    assert "程序内部错误" not in done.stderr
