"""onethird-cli import, as a subprocess: a county ledger's 工作内容 kept, its 合计 row skipped
with a notice, unknown projects created on request, unchosen columns refused, big files with
their progress."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import ok, refused, run

DATA = Path(__file__).resolve().parent / "data"
LEDGER = str(DATA / "ledger-work-content-gbk.csv")


def office(tmp_path: Path) -> Path:
    db = tmp_path / "cli.db"
    ok(db, "init")
    ok(db, "person", "add", "张伟", "--unit", "市人民政府")
    ok(db, "person", "add", "李娜", "--unit", "高新区")
    ok(db, "project", "add", "长安新能源电池项目")
    return db


def test_a_county_ledger_with_work_content_and_a_total_row(tmp_path: Path) -> None:
    db = office(tmp_path)
    err = refused(db, "import", LEDGER, "--dry-run")
    assert "第 3 行 G 列 项目：没有名为“成都储能电站项目”的项目" in err
    assert "--create-projects" in err
    out = ok(db, "import", LEDGER, "--dry-run", "--create-projects")
    assert "A 序号 → 不导入（序号）" in out
    assert "H 工作内容 → 备注（工作内容，在备注之前）" in out
    assert "跳过合计行：第 7 行（合计）" in out
    assert "试导入：可导入 4 条记录" in out
    out = ok(db, "import", LEDGER, "--create-projects")
    assert "已导入 4 条记录" in out and "跳过合计行：第 7 行（合计）" in out
    assert "新建项目：成都储能电站项目、京东方模组项目" in out
    rows = json.loads(ok(db, "entry", "list", "--period", "2026-09", "--format", "json"))["rows"]
    notes = [r["note"] for r in rows]
    assert notes == [
        "与长安汽车洽谈电池项目二期，商定十月签约",
        "赴成都考察储能企业3家",
        "陪同京东方考察新能源产业园，介绍用地和配套政策",
        "研究电子信息产业链招商方案",
    ]
    assert "京东方模组项目" in ok(db, "project", "list")


def test_columns_chosen_from_the_command_line(tmp_path: Path) -> None:
    db = office(tmp_path)
    path = tmp_path / "extra.csv"
    path.write_text(
        "日期,姓名,时长,活动类型,联系电话\n2026-09-01,张伟,2,项目洽谈,13800000000\n",
        encoding="utf-8",
    )
    err = refused(db, "import", str(path))
    assert "第 2 行 E 列 文件：“联系电话”列有内容但未导入" in err
    assert "--column 联系电话=note" in err
    assert "用法错误" in run(db, "import", str(path), "--extra-columns", "maybe").stderr
    assert "有效的列处理方式" in refused(db, "import", str(path), "--column", "联系电话=x")
    out = ok(db, "import", str(path), "--column", "联系电话=append")
    assert "已导入 1 条记录" in out
    rows = json.loads(ok(db, "entry", "list", "--period", "2026-09", "--format", "json"))["rows"]
    assert rows[0]["note"] == "联系电话：13800000000"


def test_a_big_file_shows_its_progress(tmp_path: Path) -> None:
    db = office(tmp_path)
    path = tmp_path / "big.csv"
    line = "2026-09-01,张伟,0.01,项目洽谈,{}\n"
    with path.open("w", encoding="utf-8") as f:
        f.write("日期,姓名,时长,活动类型,备注\n")
        filler = "洽谈" * 300
        for i in range(21_000):
            f.write(line.format(f"{i}{filler}"))
    assert path.stat().st_size > 32 << 20
    done = run(db, "import", str(path), "--dry-run")
    # 21000 rows of 0.6 minutes on one day pass 24 hours: refused, but after reading it all
    assert done.returncode == 1
    steps = [line for line in done.stderr.splitlines() if line.startswith("已读取")]
    assert len(steps) >= 5 and steps[-1].startswith("已读取 100%")


def test_a_wps_workbook_with_drop_down_lists_says_nothing_of_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logs = tmp_path / "logs"
    monkeypatch.setenv("ONETHIRD_LOG_DIR", str(logs))  # openpyxl's warnings would land there
    db = office(tmp_path)
    done = run(db, "import", str(DATA / "ledger-wps-validations.xlsx"), "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "（xlsx，Sheet1）" in done.stdout
    assert "试导入：可导入 6 条记录（2 人，2026-09-01 至 2026-09-08）" in done.stdout
    logged = "".join(p.read_text(encoding="utf-8") for p in logs.glob("*.log*"))
    for said in (done.stdout, done.stderr, logged):
        assert "Validation" not in said and "extension" not in said
        assert "有效性" not in said and "验证" not in said
    assert done.stderr == ""
