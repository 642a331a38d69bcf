"""onethird-cli run as a subprocess, as a user or a batch script runs it."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import TODAY

SCRIPT = shutil.which("onethird-cli", path=str(Path(sys.executable).parent))


def run(db: Path, *args: str, lang: str = "zh") -> subprocess.CompletedProcess[str]:
    command = [SCRIPT] if SCRIPT else [sys.executable, "-m", "desktop.cli.main"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [*command, "--db", str(db), "--lang", lang, "--today", TODAY.isoformat(), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )


def ok(db: Path, *args: str) -> str:
    done = run(db, *args)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def refused(db: Path, *args: str, code: int = 1, lang: str = "zh") -> str:
    done = run(db, *args, lang=lang)
    assert done.returncode == code, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert done.stderr.strip()
    return done.stderr


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    assert "已建立数据库" in ok(path, "init")
    ok(path, "person", "add", "张伟", "--title", "市长", "--unit", "市人民政府", "--group", "汽车")
    ok(path, "person", "add", "李娜", "--title", "区长", "--unit", "高新区")
    return path


def test_a_secretary_logs_a_month_and_reads_the_table(db: Path) -> None:
    ok(db, "project", "add", "长安新能源电池项目", "--investor", "长安汽车", "--amount", "50000")
    ok(db, "project", "stage", "长安新能源电池项目", "--stage", "在谈", "--date", "2026-10-08")
    ok(
        db,
        "project",
        "stage",
        "长安新能源电池项目",
        "--stage",
        "签约",
        "--date",
        "2026-10-20",
        "--amount",
        "50000",
    )
    ok(db, "project", "funds", "长安新能源电池项目", "--amount", "10000", "--date", "2026-10-30")
    out = ok(
        db,
        "trip",
        "add",
        "--person",
        "张伟",
        "--with",
        "李娜",
        "--start",
        "2026-10-13",
        "--end",
        "2026-10-15",
        "--end-half",
        "--to",
        "重庆",
        "--company",
        "长安汽车/王强/总经理",
        "--project",
        "长安新能源电池项目",
        "--results",
        "签订框架协议",
    )
    assert "共 2.5 天，生成 6 条工作记录" in out
    for day in ("2026-10-08", "2026-10-09", "2026-10-10", "2026-10-12"):
        ok(
            db,
            "entry",
            "add",
            "--person",
            "张伟",
            "--date",
            day,
            "--activity",
            "项目洽谈",
            "--hours",
            "全天",
        )
    ok(
        db,
        "entry",
        "add",
        "--person",
        "李娜",
        "--date",
        "2026-10-16",
        "--activity",
        "请假",
        "--hours",
        "全天",
    )
    data = json.loads(ok(db, "summary", "--period", "2026-10", "--format", "json"))
    rows = {r["name"]: r for r in data["rows"]}
    assert rows["张伟"]["promotion_days"] == 6.5 and rows["张伟"]["base_days"] == 18
    assert rows["张伟"]["met"] is True and rows["张伟"]["days_needed"] == 0
    assert rows["李娜"]["base_days"] == 17 and rows["李娜"]["met"] is False
    assert rows["李娜"]["days_needed"] == pytest.approx(3.2)  # 17/3 − 2.5 = 3.17, rounded up
    table = ok(db, "summary", "--period", "2026-10")
    assert "张伟" in table and "达标" in table and "未达标" in table and "36.1%" in table
    by_unit = ok(db, "summary", "--period", "2026-10", "--by", "unit", "--format", "csv")
    assert by_unit.startswith("\ufeff单位,人数,")
    one = json.loads(
        ok(db, "summary", "--period", "2026Q4", "--person", "李娜", "--format", "json")
    )
    assert [r["name"] for r in one["rows"]] == ["李娜"]
    projects = ok(db, "project", "list")
    assert "长安新能源电池项目" in projects and "签约" in projects
    listed = ok(db, "entry", "list", "--person", "张伟", "--period", "2026-10")
    assert listed.count("外出招商") == 3 and listed.count("项目洽谈") == 4


def test_calendar_command(db: Path) -> None:
    out = ok(db, "calendar", "--year", "2026")
    assert "2026-02" in out and "16" in out and "2026-10" in out
    assert "未收录" not in out
    # a year no release of the holiday package will know for decades
    unknown = ok(db, "calendar", "--year", "2099")
    assert "2099年节假日安排未收录，按周一至周五计算" in unknown
    data = json.loads(ok(db, "calendar", "--year", "2099", "--format", "json"))
    assert data["notes"] == ["2099年节假日安排未收录，按周一至周五计算"]


def test_import_and_export_round_trip(db: Path, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        "日期,姓名,职务,开始,结束,时长,活动类型,项目,地点,备注\n"
        '2026-09-01,张伟,市长,09:00,11:30,,项目洽谈,,重庆,"洽谈, 初步意向"\n'
        "2026-09-02,李娜,区长,,,全天,外出招商,,成都,\n",
        encoding="gb18030",
    )
    assert "已导入 2 条记录" in ok(db, "import", str(source))
    out = tmp_path / "out.csv"
    assert "已导出 2 条记录" in ok(
        db, "export", "entries", "--period", "2026-09", "--out", str(out)
    )
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == [
        "日期",
        "姓名",
        "职务",
        "开始",
        "结束",
        "时长",
        "活动类型",
        "项目",
        "地点",
        "备注",
    ]
    assert rows[1] == [
        "2026-09-01",
        "张伟",
        "市长",
        "09:00",
        "11:30",
        "2.5",
        "项目洽谈",
        "",
        "重庆",
        "洽谈, 初步意向",
    ]
    assert rows[2][5] == "全天"
    fresh = tmp_path / "fresh.db"
    ok(fresh, "person", "add", "张伟", "--title", "市长")
    ok(fresh, "person", "add", "李娜", "--title", "区长")
    assert "已导入 2 条记录" in ok(fresh, "import", str(out))


def test_bad_input_is_refused_and_changes_nothing(db: Path, tmp_path: Path) -> None:
    def state() -> bytes:
        done = run(db, "entry", "list", "--format", "csv")
        return done.stdout.encode()

    before = state()
    err = refused(
        db,
        "entry",
        "add",
        "--person",
        "张伟",
        "--date",
        "2026-02-30",
        "--activity",
        "项目洽谈",
        "--hours",
        "2",
    )
    assert "日期" in err and "2026-02-30" in err
    err = refused(
        db,
        "entry",
        "add",
        "--person",
        "王五",
        "--date",
        "2026-09-01",
        "--activity",
        "项目洽谈",
        "--hours",
        "2",
    )
    assert "没有名为“王五”的人员" in err
    err = refused(
        db,
        "entry",
        "add",
        "--person",
        "张伟",
        "--date",
        "2026-09-01",
        "--activity",
        "打高尔夫",
        "--hours",
        "2",
    )
    assert "活动类型" in err
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
        "--start",
        "09:00",
        "--end",
        "11:00",
    )
    before = state()
    err = refused(
        db,
        "entry",
        "add",
        "--person",
        "张伟",
        "--date",
        "2026-09-01",
        "--activity",
        "项目洽谈",
        "--start",
        "10:00",
        "--end",
        "12:00",
    )
    assert "时间重叠" in err
    err = refused(
        db,
        "entry",
        "add",
        "--person",
        "张伟",
        "--date",
        "2026-09-01",
        "--activity",
        "其他工作",
        "--hours",
        "23",
    )
    assert "超过 24 小时" in err
    ok(db, "project", "add", "测试项目")
    err = refused(db, "project", "funds", "测试项目", "--amount", "-5", "--date", "2026-09-01")
    assert "不能为负数" in err
    err = refused(db, "project", "add", "大项目", "--amount", "2000000")
    assert "超过 100 亿元" in err
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "日期,姓名,活动类型,时长\n2026-09-03,张伟,项目洽谈,2\n"
        "2026-09-31,张伟,项目洽谈,2\n2026-09-04,张伟,项目洽谈,2\n",
        encoding="utf-8",
    )
    err = refused(db, "import", str(bad))
    assert "第 3 行" in err and "未导入任何记录" in err
    assert state() == before
    err = refused(
        db,
        "entry",
        "add",
        "--person",
        "张伟",
        "--date",
        "2026-02-30",
        "--activity",
        "项目洽谈",
        "--hours",
        "2",
        lang="en",
    )
    assert "not a valid date" in err


def test_usage_errors_exit_2(db: Path) -> None:
    refused(db, "summary", code=2)
    refused(db, "summary", "--period", "2026-09", "--by", "city", code=2)
    refused(db, "frobnicate", code=2)
    assert "统计期" in refused(db, "summary", "--period", "2026-13", code=1)


def test_a_file_that_is_not_a_database_is_left_alone(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("这是会议记录，不是数据库。\n", encoding="utf-8")
    before = notes.read_bytes()
    err = refused(notes, "person", "list")
    assert "不是 OneThird 数据库文件" in err
    assert notes.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_english_output(db: Path) -> None:
    done = run(db, "summary", "--period", "2026-10", lang="en")
    assert done.returncode == 0
    assert "Share" in done.stdout and "Base days" in done.stdout


def test_cli_does_not_import_qt_or_heavy_libraries(tmp_path: Path) -> None:
    code = (
        "import sys; from desktop.cli.main import main; "
        f"main(['--db', r'{tmp_path / 'q.db'}', 'summary', '--period', '2026-09']); "
        "heavy = [m for m in ('PySide6', 'matplotlib', 'reportlab', 'openpyxl') "
        "if m in sys.modules]; print('HEAVY', heavy)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=True,
    )
    assert "HEAVY []" in done.stdout


def test_an_older_ledger_is_upgraded_once_and_the_cli_says_so(tmp_path: Path) -> None:
    from desktop.domain.people import Person
    from desktop.storage.ledger import Ledger
    from tests.conftest import back_to_before_text_search

    db = tmp_path / "old.db"
    with Ledger.open(db) as ledger:
        ledger.add_person(Person("王芳"))
        back_to_before_text_search(ledger)
    first = run(db, "person", "list")
    assert first.returncode == 0 and "王芳" in first.stdout
    assert "正在为新版本升级数据库" in first.stderr
    again = run(db, "person", "list")
    assert again.returncode == 0 and again.stderr == ""


def introduce(receiver: Path, sender: Path, role: str, unit: str = "") -> None:
    """The sender's registration file accepted by the receiver, the fingerprint compared, as
    the two offices do it."""
    card = sender.with_name(f"{sender.stem}-{role}.otk")
    args = ["key", "export", "--role", role, "--out", str(card)]
    ok(sender, *args, *(["--unit", unit] if unit else []))
    fingerprint = ok(sender, "key", "show").strip().rsplit("：", 1)[-1]
    assert "已登记" in ok(receiver, "key", "accept", str(card), "--fingerprint", fingerprint)


def test_project_funds_are_counted_as_of_today_like_the_reports(db: Path) -> None:
    """Funds entered ahead of their day (a transfer announced for next month) are not yet in
    the total `project list` shows; the reports count them so too (Project.funds_to)."""
    ok(db, "project", "add", "长安新能源电池项目", "--amount", "50000")
    ok(db, "project", "funds", "长安新能源电池项目", "--amount", "10000", "--date", "2026-10-30")
    ahead = (TODAY + timedelta(days=20)).isoformat()
    ok(db, "project", "funds", "长安新能源电池项目", "--amount", "5000", "--date", ahead)
    listed = json.loads(ok(db, "project", "list", "--format", "json"))
    assert [r["funds"] for r in listed["rows"]] == [10000.0]
