"""Monthly submission through onethird-cli, run as a subprocess: a unit submits, the month is
read-only, the office takes the file in, returns it with an opinion, the unit takes the return in,
edits and submits again; damaged files are refused with the reason."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from desktop.cli.guard import is_write
from desktop.cli.main import build_parser
from tests.test_cli import introduce, ok, refused, run


def test_status_only_reads() -> None:
    parser = build_parser()
    assert not is_write(parser.parse_args(["status", "--period", "2026-10"]))
    assert is_write(parser.parse_args(["intake", "x.otr"]))
    assert is_write(parser.parse_args(["review", "--person", "张伟", "--period", "2026-10"]))


def test_a_month_goes_to_the_office_and_back(tmp_path: Path) -> None:
    unit, office = tmp_path / "unit.db", tmp_path / "office.db"
    ok(unit, "init")
    ok(unit, "person", "add", "张伟", "--title", "市长", "--unit", "市人民政府")
    ok(
        unit,
        "entry",
        "add",
        "--person",
        "张伟",
        "--date",
        "2026-10-09",
        "--activity",
        "项目洽谈",
        "--start",
        "09:00",
        "--end",
        "11:30",
    )
    ok(
        unit,
        "trip",
        "add",
        "--person",
        "张伟",
        "--start",
        "2026-10-13",
        "--end",
        "2026-10-14",
        "--to",
        "重庆",
    )
    sent = tmp_path / "sent"
    said = ok(unit, "submit", "--person", "张伟", "--period", "2026-10", "--out", f"{sent}/")
    assert "已提交 张伟 2026年10月的月报（第 1 次报送）：工作记录 3 条，外出招商 1 次" in said
    (first,) = sent.glob("*.otr")
    assert first.name == "2026-10-市人民政府-张伟.otr"
    with zipfile.ZipFile(first) as z:
        assert z.read("report.pdf").startswith(b"%PDF")

    # the month is read-only now, for entries and for trips
    err = refused(
        unit,
        "entry",
        "add",
        "--person",
        "张伟",
        "--date",
        "2026-10-20",
        "--activity",
        "项目洽谈",
        "--hours",
        "2",
    )
    assert "张伟 2026年10月的月报已于" in err and "只读" in err and "退回后再改" in err
    err = refused(
        unit, "trip", "add", "--person", "张伟", "--start", "2026-09-30", "--end", "2026-10-01"
    )
    assert "只读" in err
    assert "只读" in refused(unit, "entry", "delete", "1")
    ok(
        unit,
        "entry",
        "add",
        "--person",
        "张伟",
        "--date",
        "2026-09-30",
        "--activity",
        "项目洽谈",
        "--hours",
        "2",
    )

    # the office takes it in, once
    ok(office, "init")
    ok(office, "person", "add", "李娜", "--title", "区长", "--unit", "高新区")  # expected too
    # once, before the first report: each trusts the other's key (fingerprints read by phone)
    introduce(office, unit, "unit", "市人民政府")
    introduce(unit, office, "office")
    said = ok(office, "intake", str(sent))
    assert "已接收 张伟（市人民政府） 2026年10月的月报（第 1 次报送" in said
    assert "导入前已备份" in said
    said = ok(office, "intake", str(first))
    assert "已于" in said and "接收过，未做任何改动" in said and "1 个无变化" in said
    board = json.loads(ok(office, "status", "--period", "2026-10", "--format", "json"))
    states = {r["name"]: r["state"] for r in board["rows"]}
    assert states == {"张伟": "已报送", "李娜": "未报送"}
    assert next(r for r in board["rows"] if r["name"] == "李娜")["urgency"] == "已逾期 15 天"
    by_unit = ok(office, "status", "--period", "2026-10", "--by", "unit", "--format", "csv")
    rows = list(csv.reader(io.StringIO(by_unit.lstrip("\ufeff"))))
    assert rows[0][:3] == ["单位", "状态", "应报人数"]
    assert rows[2][:2] == ["高新区", "未报送"]

    # the circular is built from what came in and names who is missing
    ok(office, "report", "circular", "--period", "2026-10", "--out", str(tmp_path / "c.csv"))
    missing = (tmp_path / "c-not_submitted.csv").read_text(encoding="utf-8-sig")
    assert "高新区,李娜" in missing
    circular = (tmp_path / "c.csv").read_text(encoding="utf-8-sig")
    assert "张伟" in circular and "李娜" not in circular

    # returned with an opinion; the opinion travels back as a file
    back = tmp_path / "back"
    said = ok(
        office,
        "review",
        "--person",
        "张伟",
        "--period",
        "2026-10",
        "--return",
        "请补充洽谈成效",
        "--out",
        f"{back}/",
    )
    assert "已退回 张伟 2026年10月的月报，意见：请补充洽谈成效" in said
    said = ok(unit, "intake", str(back))
    assert "已被退回，审核意见：请补充洽谈成效" in said
    ok(
        unit,
        "entry",
        "add",
        "--person",
        "张伟",
        "--date",
        "2026-10-20",
        "--activity",
        "项目洽谈",
        "--hours",
        "2",
        "--note",
        "补充成效",
    )
    board = json.loads(ok(unit, "status", "--period", "2026-10", "--format", "json"))
    assert board["rows"][0]["state"] == "已退回" and board["rows"][0]["opinion"] == "请补充洽谈成效"

    # submitted again: the office replaces the first one; the first arriving late is ignored
    second = tmp_path / "second.otr"
    said = ok(unit, "submit", "--person", "张伟", "--period", "2026-10", "--out", str(second))
    assert "第 2 次报送" in said
    said = ok(office, "intake", str(second))
    assert "替换第 1 次报送" in said and "工作记录 4 条" in said
    said = ok(office, "intake", str(first))
    assert "比已接收的第 2 次" in said and "已忽略" in said

    # a tampered copy is refused with the reason, and the run says so
    tampered = tmp_path / "tampered.otr"
    with zipfile.ZipFile(second) as z, zipfile.ZipFile(tampered, "w") as w:
        for name in z.namelist():
            data = z.read(name)
            w.writestr(name, data.replace("补充成效".encode(), "补允成效".encode()))
    err = refused(office, "intake", str(tampered), str(second))
    assert "entries.json 与清单中的 SHA-256 校验值不符" in err
    said = run(office, "intake", str(tampered), str(second)).stdout
    assert "0 个已导入，1 个无变化，1 个被拒绝" in said

    # the office accepts; the unit's month stays read-only
    ok(
        office,
        "review",
        "--person",
        "张伟",
        "--period",
        "2026-10",
        "--accept",
        "--out",
        str(back / "ok.otv"),
    )
    assert "已审核通过" in ok(unit, "intake", str(back / "ok.otv"))
    assert "已审核通过" in refused(unit, "entry", "delete", "1")
    assert "不在 1 与 28 之间" in refused(office, "deadline", "--day", "30")
    assert "每月 10 日前" in ok(office, "deadline", "--day", "10")
