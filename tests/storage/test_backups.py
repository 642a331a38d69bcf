"""Backups: the backup API and quick_check, no file ever overwritten, rotation, the daily one,
the one before a migration, and restore (which first backs up what it replaces)."""

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop import paths
from desktop.domain.people import Person
from desktop.storage import backups
from desktop.storage.backups import (
    BackupReason,
    daily_backup_if_due,
    is_sound,
    list_backups,
    make_backup,
    newest_good_backup,
    place_without_overwrite,
    rotate,
)
from desktop.storage.database import open_database
from desktop.storage.ledger import Ledger
from desktop.storage.restore import RestoreRefused, restore_backup
from tests.conftest import snapshot

NOW = datetime(2026, 11, 20, 9, 30, 0)


def persons(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM persons ORDER BY id")]
    finally:
        conn.close()


def test_a_backup_is_a_checked_single_file_beside_the_database(
    ledger: Ledger, db_path: Path
) -> None:
    ledger.add_person(Person("张伟"))  # still open, in WAL mode: the backup sees the commit
    info = make_backup(db_path, BackupReason.MANUAL, now=NOW)
    assert info.path == paths.backups_dir(db_path) / "ledger-20261120-093000-manual.db"
    assert info.path.parent.name == "ledger.db.backups"
    assert (info.made_at, info.reason) == (NOW, BackupReason.MANUAL)
    assert is_sound(info.path, full=True) and persons(info.path) == ["张伟"]
    conn = sqlite3.connect(info.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert sorted(p.name for p in info.path.parent.iterdir()) == [info.path.name]


def test_no_backup_file_is_ever_overwritten(ledger: Ledger, db_path: Path) -> None:
    first = make_backup(db_path, BackupReason.MANUAL, now=NOW)
    content = first.path.read_bytes()
    ledger.add_person(Person("李娜"))
    second = make_backup(db_path, BackupReason.MANUAL, now=NOW)  # the same second
    assert second.path.name == "ledger-20261120-093000-manual-2.db"
    assert first.path.read_bytes() == content
    assert [b.path for b in list_backups(db_path)] == [second.path, first.path]
    folder = first.path.parent
    tmp = folder / "x.partial"
    tmp.write_bytes(b"new")
    placed = place_without_overwrite(tmp, folder, "ledger-20261120-093000-manual", ".db")
    assert placed.name == "ledger-20261120-093000-manual-3.db" and not tmp.exists()
    assert first.path.read_bytes() == content


@pytest.mark.parametrize(
    "reasons",
    [(BackupReason.DAILY, BackupReason.MANUAL), (BackupReason.MANUAL, BackupReason.DAILY)],
)
def test_backups_of_one_second_are_listed_in_the_order_they_were_made(
    ledger: Ledger, db_path: Path, reasons: tuple[BackupReason, BackupReason]
) -> None:
    # a daily backup and a manual one in the same second have names that sort by reason, not
    # by when they were made: `restore N` must still find the oldest last
    older = make_backup(db_path, reasons[0], now=NOW)
    ledger.add_person(Person("李娜"))
    newer = make_backup(db_path, reasons[1], now=NOW)
    stamp = older.path.stat().st_mtime_ns
    os.utime(newer.path, ns=(stamp + 1_000_000, stamp + 1_000_000))  # 1 ms later
    assert [b.path for b in list_backups(db_path)] == [newer.path, older.path]


def test_a_damaged_database_gives_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "bad.db"
    path.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(backups.BackupError, match="备份失败"):
        make_backup(path, BackupReason.MANUAL)
    assert list_backups(path) == []
    assert [p.name for p in paths.backups_dir(path).iterdir()] == []  # no half-written copy


def test_a_database_with_a_damaged_page_gives_no_backup(tmp_path: Path) -> None:
    # the backup API copies pages as they are; the check of the copy must refuse it
    path = tmp_path / "damaged.db"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE t (a TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [("招商" * 100,)] * 500)
    conn.close()
    pages = path.stat().st_size // 4096
    with path.open("r+b") as f:
        f.seek(4096 * (pages // 2))  # a leaf page of the table: its header overwritten
        f.write(b"\xff" * 16)
    with pytest.raises(backups.BackupError, match="备份失败"):
        make_backup(path, BackupReason.MANUAL)
    assert list_backups(path) == []
    assert [p.name for p in paths.backups_dir(path).iterdir()] == []


def fake_backups(db_path: Path, stamps: list[tuple[datetime, BackupReason]]) -> list[Path]:
    folder = paths.backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for when, reason in stamps:
        p = folder / f"{db_path.stem}-{when:%Y%m%d-%H%M%S}-{reason.value}.db"
        p.write_bytes(b"x")
        made.append(p)
    return made


def test_rotation_keeps_14_days_12_months_and_the_last_10_before_operations(
    db_path: Path,
) -> None:
    start = datetime(2025, 1, 1, 8, 0, 0)
    stamps = [(start + timedelta(days=d), BackupReason.DAILY) for d in range(700)]
    stamps += [(start + timedelta(days=d, hours=2), BackupReason.IMPORT) for d in range(0, 700, 7)]
    made = fake_backups(db_path, stamps)
    foreign = paths.backups_dir(db_path) / "notes.txt"
    foreign.write_text("mine", encoding="utf-8")
    now = start + timedelta(days=701)
    removed = rotate(db_path, now=now)
    kept = list_backups(db_path, now=now)
    assert len(kept) + len(removed) == len(made)
    dailies = [b for b in kept if b.reason is BackupReason.DAILY]
    last_day = start + timedelta(days=699)
    recent = {(last_day - timedelta(days=d)).date() for d in range(14)}
    assert recent <= {b.made_at.date() for b in dailies}
    months = {(b.made_at.year, b.made_at.month) for b in kept}
    assert len(months) == 12
    imports = [b for b in kept if b.reason is BackupReason.IMPORT]
    assert len(imports) >= 10
    assert kept[0].made_at == start + timedelta(days=699)  # the newest is always kept
    assert len(kept) <= 14 + 12 + 10
    assert foreign.exists()  # only files named as backups are ever deleted
    assert rotate(db_path, now=now) == []  # a second pass removes nothing more


def test_the_daily_backup_is_made_once_a_day(ledger: Ledger, db_path: Path) -> None:
    first = daily_backup_if_due(db_path, now=NOW)
    assert first is not None and first.reason is BackupReason.DAILY
    make_backup(db_path, BackupReason.IMPORT, now=NOW + timedelta(hours=1))
    assert daily_backup_if_due(db_path, now=NOW + timedelta(hours=2)) is None
    tomorrow = daily_backup_if_due(db_path, now=NOW + timedelta(days=1))
    assert tomorrow is not None
    assert daily_backup_if_due(db_path, now=NOW + timedelta(days=1, hours=3)) is None
    assert daily_backup_if_due(db_path.with_name("missing.db"), now=NOW) is None
    assert first.path.exists()


def test_the_newest_good_backup_skips_a_broken_one(ledger: Ledger, db_path: Path) -> None:
    good = make_backup(db_path, BackupReason.DAILY, now=NOW)
    (broken,) = fake_backups(db_path, [(NOW + timedelta(hours=1), BackupReason.MANUAL)])
    assert list_backups(db_path)[0].path == broken
    found = newest_good_backup(db_path)
    assert found is not None and found.path == good.path


def test_a_migration_is_preceded_by_a_backup(db_path: Path) -> None:
    db = open_database(db_path)
    db.execute("INSERT INTO persons (name) VALUES ('张伟')")
    db.execute("DROP TABLE imports")
    db.execute("DROP TABLE trash")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_imports_and_trash'")
    db.conn.commit()
    db.close()  # a ledger as an older version left it
    assert list_backups(db_path) == []
    open_database(db_path).close()
    (backup,) = list_backups(db_path)
    assert backup.reason is BackupReason.MIGRATION and persons(backup.path) == ["张伟"]
    conn = sqlite3.connect(backup.path)
    assert "imports" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    open_database(db_path).close()  # nothing pending: no more backups
    assert len(list_backups(db_path)) == 1


def test_restore_brings_back_the_backup_and_keeps_what_it_replaced(
    ledger: Ledger, db_path: Path
) -> None:
    ledger.add_person(Person("张伟"))
    saved = make_backup(db_path, BackupReason.MANUAL, now=NOW)
    ledger.add_person(Person("李娜"))
    ledger.close()
    result = restore_backup(db_path, saved.path, actor="测试秘书")
    assert persons(db_path) == ["张伟"]
    assert result.safety_backup is not None and result.moved_aside is None
    assert result.safety_backup.reason is BackupReason.RESTORE
    assert persons(result.safety_backup.path) == ["张伟", "李娜"]
    assert saved.path.exists() and is_sound(saved.path, full=True)
    with Ledger.open(db_path) as reopened:
        (last,) = [c for c in reopened.db.execute("SELECT action, actor FROM change_log")][-1:]
        assert last == ("restore", "测试秘书")
        assert reopened.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_restore_refuses_a_file_that_is_not_a_sound_backup(
    ledger: Ledger, db_path: Path, tmp_path: Path
) -> None:
    ledger.add_person(Person("张伟"))
    before = snapshot(ledger)
    notes = tmp_path / "notes.db"
    notes.write_text("会议记录", encoding="utf-8")
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.close()
    for wrong in (notes, other, db_path):
        with pytest.raises(RestoreRefused, match="不是完好的 OneThird 数据库备份"):
            restore_backup(db_path, wrong)
    assert snapshot(ledger) == before
    assert list_backups(db_path) == []
