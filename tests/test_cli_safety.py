"""onethird-cli as a user runs it for the data-safety commands: import of Excel-era ledgers,
backup, restore, check, the lock the GUI holds, trash and history."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from desktop.storage.backups import list_backups
from desktop.storage.instance_lock import InstanceLock
from tests.test_cli import ok, refused, run

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    ok(path, "person", "add", "张伟", "--title", "市长", "--unit", "市人民政府")
    ok(path, "person", "add", "李娜", "--title", "区长", "--unit", "高新区")
    ok(path, "project", "add", "长安新能源电池项目")
    return path


def entry_count(db: Path) -> int:
    return ok(db, "entry", "list", "--format", "csv").count("\n") - 1


def test_import_dry_run_lists_every_problem_then_mapping_makes_it_go(db: Path) -> None:
    source = str(DATA / "ledger-old-activities.csv")
    err = refused(db, "import", source, "--dry-run")
    assert "试导入：发现 3 处问题" in err
    assert "第 2 行 D 列 活动类型：没有名为“招商洽谈”的活动类型" in err
    assert "第 4 行 B 列 姓名：没有名为“王强”的人员" in err
    assert "--map-activities" in err and "--create-persons" in err
    err = refused(db, "import", source)
    assert "3 行有误，未导入任何记录" in err
    assert entry_count(db) == 0
    mapping = str(DATA / "activity-map.csv")
    out = ok(db, "import", source, "--map-activities", mapping, "--create-persons", "--dry-run")
    assert "可导入 3 条记录" in out and "新建人员：王强" in out and "张伟：2 条" in out
    assert entry_count(db) == 0
    out = ok(db, "import", source, "--map-activities", mapping, "--create-persons")
    assert "已导入 3 条记录" in out and "导入前已备份" in out
    out = ok(db, "import", source, "--map-activities", mapping, "--create-persons")
    assert "没有新记录" in out and "导入过" in out
    assert entry_count(db) == 3


def test_import_of_a_workbook_sheet_and_a_gbk_file(db: Path) -> None:
    out = ok(db, "import", str(DATA / "ledger.xlsx"), "--sheet", "十月")
    assert "已导入 1 条记录" in out
    assert "已导入 6 条记录" in ok(db, "import", str(DATA / "ledger-gbk.csv"))
    assert "没有新记录" in ok(db, "import", str(DATA / "ledger.xlsx"))
    err = refused(db, "import", str(DATA / "ledger.xlsx"), "--sheet", "十二月")
    assert "没有名为“十二月”的工作表" in err


def test_backup_list_and_restore(db: Path) -> None:
    out = ok(db, "backup")
    assert "已备份到" in out and "cli.db.backups" in out
    ok(db, "person", "add", "王五")
    listed = ok(db, "backup", "list")
    assert "手动" in listed and "每日自动" in listed
    manual = next(b for b in list_backups(db) if b.reason.value == "manual")
    out = ok(db, "restore", manual.path.name)
    assert "已从" in out and "恢复前的数据已备份为" in out
    assert "王五" not in ok(db, "person", "list")
    assert "恢复前" in ok(db, "backup", "list")
    ok(db, "restore", "1")  # the newest: the state before that restore
    assert "王五" in ok(db, "person", "list")
    assert "没有这个备份文件" in refused(db, "restore", "nonexistent.db")


def test_writing_is_refused_while_the_gui_holds_the_database(db: Path) -> None:
    before = ok(db, "person", "list")
    with InstanceLock(db, kind="gui"):
        err = refused(db, "person", "add", "王五")
        assert "正由 OneThird 程序窗口" in err and "命令行现在不能写入" in err
        assert f"进程 {os.getpid()}" in err
        assert "正由" in refused(db, "restore", "1")
        assert "not write" in refused(db, "person", "add", "王五", lang="en")
        assert ok(db, "person", "list") == before  # reading is fine
        assert "已备份到" in ok(db, "backup")  # so is a backup
    ok(db, "person", "add", "王五")


def test_a_damaged_database_is_refused_untouched_and_restored(db: Path, tmp_path: Path) -> None:
    ok(
        db,
        "entry",
        "add",
        "--person",
        "张伟",
        "--date",
        "2026-09-01",
        "--activity",
        "项目洽谈",
        "--hours",
        "2",
    )
    ok(db, "backup")
    size = db.stat().st_size
    with db.open("r+b") as f:
        f.truncate(size // 2)
    damaged = db.read_bytes()
    err = refused(db, "person", "add", "王五")
    assert "已损坏" in err and "未做任何改动" in err
    assert "最近的完好备份" in err and "restore" in err
    assert db.read_bytes() == damaged
    done = run(db, "check")
    assert done.returncode == 1 and "已损坏" in done.stdout
    out = ok(db, "restore", "1")
    assert "原来损坏的文件已改名保留为" in out
    assert "张伟" in ok(db, "person", "list")
    kept = [
        p
        for p in tmp_path.iterdir()
        if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))
    ]
    assert [p.read_bytes() for p in kept] == [damaged]
    assert run(db, "check").returncode == 0


def test_trash_and_history(db: Path) -> None:
    ok(
        db,
        "entry",
        "add",
        "--person",
        "张伟",
        "--date",
        "2026-09-01",
        "--activity",
        "项目洽谈",
        "--hours",
        "2",
    )
    ok(db, "entry", "delete", "1")
    listed = ok(db, "trash", "list")
    assert "工作记录" in listed and "2026-09-01 张伟 项目洽谈" in listed
    assert "已从回收站恢复工作记录（编号 1）" in ok(db, "trash", "restore", "1")
    assert "（无记录）" in ok(db, "trash", "list")
    history = ok(db, "history", "entry", "1")
    for action in ("新增", "删除", "恢复"):
        assert action in history
    assert "回收站中没有编号 9" in refused(db, "trash", "restore", "9")
    assert refused(db, "history", "person", "1", code=2)


def test_check_of_a_sound_database(db: Path) -> None:
    out = ok(db, "check")
    assert "数据库完好" in out and "备份：" in out


def test_a_cli_write_makes_the_days_backup_once(tmp_path: Path) -> None:
    db = tmp_path / "day.db"
    ok(db, "person", "add", "张伟")  # a new database: nothing to back up yet
    assert list_backups(db) == []
    ok(db, "person", "add", "李娜")
    ok(db, "person", "add", "王五")
    ok(db, "summary", "--period", "2026-09")
    assert [b.reason.value for b in list_backups(db)] == ["daily"]
    shutil.rmtree(tmp_path / "day.db.backups")
    ok(db, "person", "list")  # reading makes none
    assert list_backups(db) == []
