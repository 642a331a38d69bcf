"""`onethird-cli report …` run as a subprocess, as a secretary or the supervision office runs it."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.domain.people import Person
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY
from tests.reports.conftest import pdf_fonts, pdf_text
from tests.test_cli import SCRIPT, ok, refused, run


def test_monthly_pdf_for_one_person(city_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "张伟-2026-10.pdf"
    stdout = ok(
        city_path, "report", "monthly", "--person", "张伟", "--period", "2026-10", "--out", str(out)
    )
    assert f"已生成：{out}" in stdout
    data = out.read_bytes()
    text = "".join(pdf_text(data, tmp_path))
    assert "三分之一精力抓招商工作月报" in text and "张伟" in text and "55.6%" in text
    assert all(row[3] == "yes" for row in pdf_fonts(data, tmp_path))


def test_monthly_csv_and_xlsx(city_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.csv"
    stdout = ok(
        city_path, "report", "monthly", "--person", "李娜", "--period", "2026-10", "--out", str(out)
    )
    names = sorted(p.name for p in tmp_path.glob("m*.csv"))
    assert names == ["m-activities.csv", "m-projects.csv", "m-talks.csv", "m-trips.csv", "m.csv"]
    assert stdout.count("已生成") == 5
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    (row,) = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))
    assert row["姓名"] == "李娜" and row["单位"] == "高新区"
    xlsx = tmp_path / "m.xlsx"
    ok(
        city_path,
        "report",
        "monthly",
        "--person",
        "李娜",
        "--period",
        "2026-10",
        "--format",
        "xlsx",
        "--out",
        str(xlsx),
    )
    book = load_workbook(xlsx)
    assert book.sheetnames == ["月报概况", "外出招商", "洽谈接待", "项目推进", "时间分布"]


def test_monthly_for_everyone_into_a_folder(city_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "月报"
    stdout = ok(
        city_path, "report", "monthly", "--all", "--period", "2026-10", "--out", str(folder)
    )
    assert "已生成 6 份月报（2026年10月）" in stdout
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 6 and "2026-10-市人民政府-张伟.pdf" in names
    assert not any(n.startswith(".") for n in names)  # no temporary files left


def test_circular_by_unit_and_pipeline(city_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "通报.pdf"
    ok(city_path, "report", "circular", "--period", "2026-10", "--by", "unit", "--out", str(out))
    text = "".join(pdf_text(out.read_bytes(), tmp_path))
    assert "二、分单位情况" in text and "高新区" in text and "合计" in text
    xlsx = tmp_path / "通报.xlsx"
    ok(city_path, "report", "circular", "--period", "2026Q4", "--out", str(xlsx))
    assert load_workbook(xlsx).sheetnames == ["汇总通报", "未达标人员"]
    pipe = tmp_path / "项目.pdf"
    ok(
        city_path,
        "report",
        "pipeline",
        "--period",
        "2026-10",
        "--format",
        "pdf",
        "--out",
        str(pipe),
    )
    assert "成功率" in "".join(pdf_text(pipe.read_bytes(), tmp_path))


def test_raw_entries_and_projects(city_path: Path, tmp_path: Path) -> None:
    entries = tmp_path / "entries.xlsx"
    ok(
        city_path,
        "report",
        "entries",
        "--period",
        "2026-10",
        "--person",
        "张伟",
        "--out",
        str(entries),
    )
    ws = load_workbook(entries)["工作记录"]
    assert [c.value for c in ws[1]][:3] == ["日期", "姓名", "职务"]
    assert ws["B2"].value == "张伟" and ws["A2"].number_format == "yyyy-mm-dd"
    projects = tmp_path / "projects.csv"
    ok(city_path, "report", "projects", "--period", "2026-10", "--out", str(projects))
    rows = list(csv.DictReader(io.StringIO(projects.read_text(encoding="utf-8-sig"))))
    battery = next(r for r in rows if r["项目"] == "长安新能源电池项目")
    assert (battery["阶段"], battery["签约日期"], battery["累计到位资金"]) == (
        "签约",
        "2026-10-20",
        "100000",
    )


def test_refusals_exit_1_with_a_chinese_message(city_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    err = refused(
        city_path, "report", "monthly", "--person", "张伟", "--period", "2026Q4", "--out", str(out)
    )
    assert "不是一个月份" in err
    err = refused(
        city_path, "report", "monthly", "--person", "李四", "--period", "2026-10", "--out", str(out)
    )
    assert "没有名为“李四”的人员" in err
    err = refused(city_path, "report", "circular", "--period", "2026-13", "--out", str(out))
    assert "不是有效统计期" in err
    assert not out.exists()
    refused(city_path, "report", "monthly", "--period", "2026-10", "--out", str(out), code=2)


def test_a_missing_character_is_a_warning_on_stderr(city_path: Path, tmp_path: Path) -> None:
    with Ledger.open(city_path, WorkCalendar(), today=lambda: TODAY) as led:
        led.add_person(Person("陈\U00020000", "副县长", "青山县"))
    out = tmp_path / "c.pdf"
    done = run(
        city_path,
        "report",
        "monthly",
        "--person",
        "陈\U00020000",
        "--period",
        "2026-10",
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    assert "警告：字体缺字：姓名“陈\U00020000”中的“\U00020000”（U+20000）" in done.stderr
    assert out.exists()


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_a_warning_is_a_line_of_its_own_after_what_was_written(
    city_path: Path, tmp_path: Path, unbuffered: bool
) -> None:
    """stdout and stderr into one log (`> log 2>&1`, a console, a batch runner): the file
    written, then the warning on a line of its own — never `…pdf警告：…` on one line, nor the
    warning before the file it is about."""
    with Ledger.open(city_path, WorkCalendar(), today=lambda: TODAY) as led:
        led.add_person(Person("陈\U00020000", "副县长", "青山县"))
    out = tmp_path / "c.pdf"
    command = [SCRIPT] if SCRIPT else [sys.executable, "-m", "desktop.cli.main"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env["PYTHONIOENCODING"] = "utf-8"
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    args = ["--db", str(city_path), "--today", TODAY.isoformat(), "report", "monthly"]
    args += ["--person", "陈\U00020000", "--period", "2026-10", "--out", str(out)]
    done = subprocess.run(
        [*command, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout
    lines = done.stdout.decode("utf-8").splitlines()
    assert lines == [
        f"已生成：{out}",
        "警告：字体缺字：姓名“陈\U00020000”中的“\U00020000”（U+20000）无法显示，已以 □ 标出",
    ]
