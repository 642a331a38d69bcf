"""The circular by group and by unit reproduces a published table: built from a table of persons,
groups, trips and destinations written down here, it gives the same rows in the same order, the
same 外出人数 and 外出天数, destinations in the order first visited, 未外出 rows and totals."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.trips import Trip
from desktop.reports.export import csv_bytes, render_pdf, xlsx_bytes
from desktop.reports.sources import gather_circular
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY
from tests.reports.conftest import pdf_text

SEPTEMBER = Period.month(2026, 9)
D = date

# name, unit, group — and each person's trips: (start, end, back at noon, destination)
PERSONS = (
    ("甲一", "阿拉尔经济技术开发区", "纺织服装招商组"),
    ("甲二", "阿拉尔经济技术开发区", "纺织服装招商组"),
    ("甲三", "阿拉尔经济技术开发区", "纺织服装招商组"),
    ("甲四", "十团", "纺织服装招商组"),
    ("乙一", "阿拉尔经济技术开发区", "新能源招商组"),
    ("乙二", "阿拉尔经济技术开发区", "新能源招商组"),
    ("丙一", "一团", "农业招商组"),
    ("丁一", "十二团", "文旅招商组"),
    ("戊一", "农业科技园区", "商贸物流招商组"),
)
TRIPS = (
    ("甲一", D(2026, 9, 1), D(2026, 9, 3), False, "浙江"),  # 3 days
    ("甲一", D(2026, 9, 15), D(2026, 9, 16), False, "四川"),  # 2
    ("甲二", D(2026, 9, 6), D(2026, 9, 8), True, "广东"),  # 2.5
    ("甲三", D(2026, 9, 29), D(2026, 10, 2), False, "库尔勒"),  # 2 of them in September
    ("乙一", D(2026, 8, 20), D(2026, 8, 21), False, "北京"),  # before the period: the year only
    ("乙一", D(2026, 9, 10), D(2026, 9, 14), False, "重庆"),  # 5
    ("乙二", D(2026, 9, 17), D(2026, 9, 21), True, "河南"),  # 4.5
    ("丙一", D(2026, 9, 3), D(2026, 9, 3), False, "上海"),  # 1
)
# the office's order: neither the order of the characters nor that of the rows above
GROUP_ORDER = ["纺织服装招商组", "新能源招商组", "农业招商组", "文旅招商组", "商贸物流招商组"]
UNIT_ORDER = ["阿拉尔经济技术开发区", "一团", "十团", "十二团", "农业科技园区"]

# the published table by group: 序号, 招商组, 外出人数, 外出天数, 工作开展情况
BY_GROUP = [
    ["1", "纺织服装招商组", "3", "9.5", "前往浙江、广东、四川、库尔勒开展招商工作"],
    ["2", "新能源招商组", "2", "9.5", "前往重庆、河南开展招商工作"],
    ["3", "农业招商组", "1", "1", "前往上海开展招商工作"],
    ["4", "文旅招商组", "0", "0", "未外出"],
    ["5", "商贸物流招商组", "0", "0", "未外出"],
    ["", "合计", "6", "20", ""],
]
BY_UNIT = [
    [
        "1",
        "阿拉尔经济技术开发区",
        "5",
        "19",
        "前往浙江、广东、重庆、四川、河南、库尔勒开展招商工作",
    ],
    ["2", "一团", "1", "1", "前往上海开展招商工作"],
    ["3", "十团", "0", "0", "未外出"],
    ["4", "十二团", "0", "0", "未外出"],
    ["5", "农业科技园区", "0", "0", "未外出"],
    ["", "合计", "6", "20", ""],
]


def layout_lines(data: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "layout.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    return done.stdout.decode("utf-8").splitlines()


def seed(ledger: Ledger) -> None:
    ids = {}
    for name, unit, group in PERSONS:
        ids[name] = ledger.add_person(Person(name, "局长", unit, group)).id
    for name, start, end, half, place in TRIPS:
        ledger.add_trip(Trip((ids[name],), start, end, end_half=half, destinations=(place,)))
    ledger.set_official_order("group", GROUP_ORDER)
    ledger.set_official_order("unit", UNIT_ORDER)


def table(ledger: Ledger, by: str) -> list[list[str]]:
    report = gather_circular(ledger, SEPTEMBER, by, TODAY)
    sheet = report.sheets()[0]
    rows = list(csv.reader(io.StringIO(csv_bytes(sheet).decode("utf-8-sig"))))
    assert rows[0] == [
        "序号",
        "招商组" if by == "group" else "单位",
        "外出人数",
        "外出天数",
        "工作开展情况",
    ]
    return rows[1:]


@pytest.mark.parametrize(("by", "expected"), [("group", BY_GROUP), ("unit", BY_UNIT)])
def test_the_published_table_is_reproduced(
    ledger: Ledger, by: str, expected: list[list[str]]
) -> None:
    seed(ledger)
    assert table(ledger, by) == expected


def test_without_an_official_order_ties_fall_back_to_the_characters(ledger: Ledger) -> None:
    seed(ledger)
    ledger.set_official_order("group", [])
    ledger.set_official_order("unit", [])
    names = [row[1] for row in table(ledger, "unit")]
    # the order the issue found wrong, which only the official order corrects
    assert names[2:5] == ["农业科技园区", "十二团", "十团"]


def test_groups_without_their_own_list_follow_their_members_units(ledger: Ledger) -> None:
    seed(ledger)
    ledger.set_official_order("group", [])
    names = [row[1] for row in table(ledger, "group")]
    # ties in days by the best-placed unit of each group's members: 纺织服装 and 新能源 both
    # have 阿拉尔经济技术开发区 (first) and tie on their names; 文旅 (十二团) before 商贸物流
    assert names[3:5] == ["文旅招商组", "商贸物流招商组"]


def test_the_share_table_and_the_year_to_date(ledger: Ledger, tmp_path: Path) -> None:
    seed(ledger)
    report = gather_circular(ledger, SEPTEMBER, "group", TODAY)
    circular, share, below = report.sheets()
    assert share.key == "share"
    rows = list(csv.DictReader(io.StringIO(csv_bytes(share).decode("utf-8-sig"))))
    # the same rows in the same order as the published table
    assert [r["招商组"] for r in rows] == [r[1] for r in BY_GROUP]
    assert [r["人数"] for r in rows] == ["4", "2", "1", "1", "1", "9"]
    assert [r["外出次数"] for r in rows] == ["4", "2", "1", "0", "0", "7"]
    # 本年累计: 乙一's August trip counts, 甲三's October days do not
    assert [r["本年累计人次"] for r in rows] == ["4", "3", "1", "0", "0", "8"]
    assert [r["本年累计天数"] for r in rows] == ["9.5", "11.5", "1", "0", "0", "22"]
    book = load_workbook(io.BytesIO(xlsx_bytes([circular, share, below])))
    assert [c.value for c in book["汇总通报"][1]] == [
        "序号",
        "招商组",
        "外出人数",
        "外出天数",
        "工作开展情况",
    ]
    assert book["占比及项目"]["B2"].value == "纺织服装招商组"
    text = "".join(pdf_text(render_pdf(report, invariant=True)[0], tmp_path))
    for row in BY_GROUP[:-1]:
        assert "".join(row[1:3]) in text and row[4] in text
    assert text.index("纺织服装招商组") < text.index("新能源招商组") < text.index("商贸物流招商组")
    lines = [line.split() for line in layout_lines(render_pdf(report)[0], tmp_path)]
    assert ["合计", "6", "20.0"] in lines  # the published table's total row
    assert ["5", "商贸物流招商组", "0", "0.0", "未外出"] in lines
    assert "本年累计（2026年1月1日至2026年9月30日）外出招商8人次、22.0天。" in text
    assert "分招商组招商精力占比及项目情况" in text
