"""onethird-cli, as a subprocess: names and texts follow the same rule as in the window, the
ledger import and intake (domain/texts.py)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import ok, refused


def office(tmp_path: Path) -> Path:
    db = tmp_path / "cli.db"
    ok(db, "init")
    ok(db, "person", "add", "张伟", "--title", "市长", "--unit", "市人民政府")
    return db


def persons(db: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads(ok(db, "person", "list", "--format", "json"))["rows"]
    return rows


def test_a_name_with_a_zero_width_space_is_the_same_person(tmp_path: Path) -> None:
    db = office(tmp_path)
    err = refused(db, "person", "add", "张\u200b伟", "--unit", "市人民\u202e政府")
    assert "已存在" in err
    assert len(persons(db)) == 1
    ok(
        db,
        "entry",
        "add",
        "--person",
        "张\u200b伟",
        "--date",
        "2026-10-09",
        "--activity",
        "项目\u200b洽谈",
        "--hours",
        "2",
        "--location",
        "重庆\u2066",
        "--note",
        "洽谈\u200b电池项目",
    )
    (row,) = json.loads(ok(db, "entry", "list", "--format", "json"))["rows"]
    assert row["location"] == "重庆" and row["note"] == "洽谈电池项目"


def test_escape_sequences_and_long_names_are_refused_naming_the_field(tmp_path: Path) -> None:
    db = office(tmp_path)
    cases = [
        (("person", "add", "\x1b[31m王五"), "姓名：含有控制字符（U+001B，第 1 个字符）"),
        (("person", "add", "王五", "--unit", "高新区\x07"), "单位：含有控制字符（U+0007"),
        (("person", "add", "王" * 51), f"姓名：“{'王' * 20}…”过长（最多 50 个字）"),
        (("project", "add", "电池项目", "--investor", "\x1b]0;x\x07"), "投资方：含有控制字符"),
        (("project", "add", "项" * 101), "项目："),
        (
            (
                "entry", "add", "--person", "张伟", "--date", "2026-10-09", "--activity",
                "项目洽谈", "--hours", "2", "--note", "\x1b[2J清屏",
            ),
            "备注：含有控制字符（U+001B",
        ),
        (
            (
                "trip", "add", "--person", "张伟", "--start", "2026-01-01", "--end",
                "2026-10-09", "--to", "重庆\x1b[0m",
            ),
            "目的地：含有控制字符",
        ),
        (
            (
                "trip", "add", "--person", "张伟", "--start", "2025-01-01", "--end",
                "2026-10-09", "--to", "重庆",
            ),
            "结束日期：行程共 647 天，超过 366 天",
        ),
        (("unit", "order", "set", "市人民政府", "高新区\x1b"), "单位：含有控制字符"),
    ]  # fmt: skip
    for args, message in cases:
        err = refused(db, *args)
        assert message in err, (args, err)
        assert "\x1b" not in err and "\x07" not in err  # never echoed to the terminal
    assert len(persons(db)) == 1
    assert json.loads(ok(db, "entry", "list", "--format", "json"))["rows"] == []


def test_the_ledger_import_matches_and_refuses_by_the_same_rule(tmp_path: Path) -> None:
    db = office(tmp_path)
    ledger = tmp_path / "台账.csv"
    ledger.write_text(
        "日期,姓名,单位,活动类型,时长,备注\n"
        "2026-10-09,张\u200b伟,市人民政府,项目洽谈,2,洽谈\u202e电池项目\n",
        encoding="utf-8-sig",
    )
    out = ok(db, "import", str(ledger))
    assert "已导入 1 条记录" in out
    assert len(persons(db)) == 1  # no second 张伟
    (row,) = json.loads(ok(db, "entry", "list", "--format", "json"))["rows"]
    assert row["person"] == "张伟" and row["note"] == "洽谈电池项目"
    bad = tmp_path / "坏台账.csv"
    bad.write_text(
        "日期,姓名,单位,活动类型,时长,备注\n2026-10-10,张伟,市人民政府,项目洽谈,2,\x1b[2J\n",
        encoding="utf-8",
    )
    err = refused(db, "import", str(bad))
    assert "第 2 行" in err and "备注：含有控制字符（U+001B" in err
