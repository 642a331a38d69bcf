"""onethird-cli unit/group order: set from arguments or a file, listed, used by the circular."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.test_cli import db, ok, refused  # noqa: F401 - the fixture is used by name


def test_unit_order_from_arguments_and_a_file(db: Path, tmp_path: Path) -> None:  # noqa: F811
    ok(db, "person", "add", "王强", "--unit", "青山县")
    out = ok(db, "unit", "order", "高新区", "市人民政府")
    assert "已设定单位排序：2 个" in out
    assert "青山县" in out  # has persons, is not in the order: said so
    rows = list(csv.reader(io.StringIO(ok(db, "unit", "list", "--format", "csv").lstrip("\ufeff"))))
    assert rows == [
        ["序号", "单位", "人数"],
        ["1", "高新区", "1"],
        ["2", "市人民政府", "1"],
        ["未排序", "青山县", "1"],
    ]
    f = tmp_path / "order.txt"
    f.write_bytes("青山县\r\n市人民政府\r\n\r\n高新区\r\n".encode("gbk"))
    assert "3 个" in ok(db, "unit", "order", "--file", str(f))
    report = tmp_path / "c.csv"
    ok(db, "report", "circular", "--period", "2026-10", "--by", "unit", "--out", str(report))
    text = report.read_bytes().decode("utf-8-sig")
    names = [r["单位"] for r in csv.DictReader(io.StringIO(text))]
    assert names == ["青山县", "市人民政府", "高新区", "合计"]  # nobody went out: the order
    assert "单位：“高新区”在排序中出现了不止一次" in refused(
        db, "unit", "order", "高新区", "高新区"
    )
    summary = ok(db, "summary", "--period", "2026-10", "--by", "unit", "--format", "csv")
    units = [r["单位"] for r in csv.DictReader(io.StringIO(summary.lstrip("\ufeff")))]
    assert units == ["青山县", "市人民政府", "高新区"]
    assert "已清除单位排序" in ok(db, "unit", "order", "--clear")


def test_group_order(db: Path) -> None:  # noqa: F811
    assert "已设定招商组排序：1 个" in ok(db, "group", "order", "汽车")
    assert "汽车" in ok(db, "group", "list")
