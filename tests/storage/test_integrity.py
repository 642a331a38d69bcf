"""The check at start: a truncated database, a text file named .db and another program's
database are found, moved aside (never overwritten or deleted), and the newest good backup named."""

import sqlite3
from pathlib import Path

import pytest

from desktop.domain.people import Person
from desktop.storage.backups import BackupReason, make_backup
from desktop.storage.integrity import (
    DatabaseState,
    check_at_start,
    check_database,
    move_aside,
)
from desktop.storage.ledger import Ledger
from desktop.storage.restore import restore_backup


def filled(path: Path, rows: int = 3000) -> None:
    with Ledger.open(path) as ledger:
        ledger.add_person(Person("张伟"))
        ledger.db.conn.executemany(
            "INSERT INTO change_log (at, action, table_name, after) VALUES ('x', 'x', 'x', ?)",
            [("备注" * 20,) for _ in range(rows)],
        )
        ledger.db.conn.commit()


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_sound_ledger_and_a_new_one(tmp_path: Path) -> None:
    path = tmp_path / "ok.db"
    assert check_database(path).state is DatabaseState.NEW
    filled(path)
    for deep in (False, True):
        assert check_database(path, deep=deep).state is DatabaseState.OK
    assert check_database(path, full=True).state is DatabaseState.OK
    result = check_at_start(path)
    assert result.usable and result.moved_to is None and result.message() == ""


def test_a_truncated_database_is_moved_aside_and_a_backup_offered(tmp_path: Path) -> None:
    path = tmp_path / "onethird.db"
    filled(path)
    good = make_backup(path, BackupReason.DAILY)
    size = path.stat().st_size
    with path.open("r+b") as f:  # a copy cut off half-way (a full disk, a USB stick pulled)
        f.truncate(size // 2)
    damaged = path.read_bytes()
    check = check_database(path)
    assert check.state is DatabaseState.DAMAGED and "pages" in check.detail
    result = check_at_start(path)
    assert result.state is DatabaseState.DAMAGED
    assert result.moved_to is not None and result.moved_to.read_bytes() == damaged
    assert result.moved_to.name.startswith("onethird.db.damaged-")
    assert not path.exists()
    assert result.newest_backup is not None and result.newest_backup.path == good.path
    text = result.message()
    assert "已损坏" in text and "没有删除" in text and good.path.name in text
    assert "damaged" in result.message("en")
    restored = restore_backup(path, result.newest_backup.path)
    assert restored.moved_aside is None  # already moved aside
    assert check_database(path, full=True).state is DatabaseState.OK
    assert result.moved_to.read_bytes() == damaged


def test_a_page_torn_inside_the_file_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "torn.db"
    filled(path)
    middle = path.stat().st_size // 2 // 4096 * 4096
    with path.open("r+b") as f:  # a page in the middle of the change log's rows
        f.seek(middle)
        f.write(b"\xff" * 4096)
    assert check_database(path).state is DatabaseState.DAMAGED
    assert check_database(path, deep=False).state is DatabaseState.OK  # only reading finds it


@pytest.mark.parametrize(
    "content", ["这是会议记录，不是数据库。\n".encode(), b"", b"SQLite format 2\x00" + b"x" * 200]
)
def test_a_text_file_named_db_is_moved_aside_not_overwritten(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "onethird.db"
    path.write_bytes(content)
    result = check_at_start(path)
    if not content:  # an empty file is a database not yet made
        assert result.state is DatabaseState.NEW and path.exists()
        return
    assert result.state is DatabaseState.FOREIGN
    assert result.moved_to is not None and result.moved_to.read_bytes() == content
    assert result.moved_to.name.startswith("onethird.db.not-onethird-")
    assert result.newest_backup is None
    assert "不是 OneThird 数据库文件" in result.message() and "新建" in result.message()
    assert files(tmp_path) == [result.moved_to.name]


def test_another_programs_database_is_foreign_and_only_moved_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.close()
    before = path.read_bytes()
    result = check_at_start(path, move_damaged=False)
    assert result.state is DatabaseState.FOREIGN and result.moved_to is None
    assert path.read_bytes() == before and "未做任何改动" in result.message()


def test_moving_aside_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    for n in range(3):
        path.write_bytes(f"第 {n} 份".encode())
        Path(f"{path}-wal").write_bytes(b"wal %d" % n)
        moved = move_aside(path, DatabaseState.DAMAGED)
        assert Path(f"{moved}-wal").read_bytes() == b"wal %d" % n
    moved_files = [n for n in files(tmp_path) if not n.endswith("-wal")]
    assert len(moved_files) == 3
    assert sorted((tmp_path / n).read_text("utf-8") for n in moved_files) == [
        "第 0 份",
        "第 1 份",
        "第 2 份",
    ]
