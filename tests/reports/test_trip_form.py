"""外出招商情况上报表 from the CLI, as a subprocess, in all three formats: one row per company
visited, a trip without a company still one row, units in the official order."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.domain.trips import Trip
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY
from tests.reports.conftest import pdf_fonts
from tests.test_cli import ok

HEADER = [
    "单位",
    "序号",
    "姓名",
    "职务",
    "开始时间",
    "结束时间",
    "天数",
    "目的地",
    "拜访企业名称",
    "接洽人姓名",
    "接洽人职务",
]
# the office's order, not the order of the characters: 青山县 before 高新区 before 经开区
ORDER = ["市人民政府", "青山县", "高新区", "经开区", "市商务局"]
ROWS = [
    ["市人民政府", "1", "张伟", "市长", "2026-10-13", "2026-10-15", "2.5", "重庆",
     "重庆长安汽车股份有限公司", "刘建国", "副总裁"],
    ["市人民政府", "1", "张伟", "市长", "2026-10-13", "2026-10-15", "2.5", "重庆",
     "重庆市汽车商会", "周明", "会长"],
    ["市人民政府", "2", "张伟", "市长", "2026-10-21", "2026-10-22", "2", "河南",
     "比亚迪股份有限公司郑州基地", "黄海", "总经理"],
    # logged without a trip record (as an imported ledger has it): its 客商 is the company
    ["青山县", "1", "王强", "县长", "2026-10-19", "2026-10-20", "2", "北京",
     "中粮集团有限公司", "", ""],
    ["高新区", "1", "李娜", "区长", "2026-10-09", "2026-10-10", "2", "深圳、东莞",
     "京东方科技集团", "吴刚", "战略投资部部长"],
    ["高新区", "2", "陈静", "副区长", "2026-10-09", "2026-10-10", "2", "深圳、东莞",
     "京东方科技集团", "吴刚", "战略投资部部长"],
    # left on 29 September: the days inside October
    ["经开区", "1", "刘洋", "主任", "2026-09-29", "2026-10-02", "2", "上海",
     "博世（中国）投资有限公司", "林涛", "副总裁"],
]  # fmt: skip


@pytest.fixture
def ordered_city(city_path: Path) -> Path:
    with Ledger.open(city_path, WorkCalendar(), today=lambda: TODAY) as ledger:
        ledger.set_official_order("unit", ORDER)
        zhao = ledger.find_person("赵敏").id
        assert zhao is not None
        day = date(2026, 10, 29)  # a trip without any company visited
        ledger.add_trip(Trip((zhao,), day, day, destinations=("武汉",)))
    return city_path


def report(db: Path, out: Path) -> None:
    assert "已生成" in ok(db, "report", "trips", "--period", "2026-10", "--out", str(out))


NO_COMPANY = ["市商务局", "1", "赵敏", "局长", "2026-10-29", "2026-10-29", "1", "武汉", "", "", ""]


def test_csv_with_the_bom(ordered_city: Path, tmp_path: Path) -> None:
    out = tmp_path / "上报表.csv"
    report(ordered_city, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows == [HEADER, *ROWS, NO_COMPANY]


def test_xlsx(ordered_city: Path, tmp_path: Path) -> None:
    out = tmp_path / "上报表.xlsx"
    report(ordered_city, out)
    ws = load_workbook(out)["外出招商情况上报表"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0] == HEADER
    assert [r[0] for r in values[1:]] == [r[0] for r in ROWS] + ["市商务局"]
    assert values[1][8:] == ["重庆长安汽车股份有限公司", "刘建国", "副总裁"]
    assert values[1][6] == 2.5 and values[1][1] == 1


def test_pdf(ordered_city: Path, tmp_path: Path) -> None:
    out = tmp_path / "上报表.pdf"
    report(ordered_city, out)
    data = out.read_bytes()
    assert all(row[3] == "yes" for row in pdf_fonts(data, tmp_path))  # the font embedded
    done = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, check=True, timeout=60
    )
    lines = [line.split() for line in done.stdout.decode("utf-8").splitlines() if line.strip()]
    text = " ".join(" ".join(line) for line in lines)
    assert "2026年10月外出招商情况上报表" in text
    assert next(line for line in lines if line and line[0] == "单位") == HEADER
    body = [line for line in lines if "2026-" in " ".join(line) or line[:1] == ["重庆市汽车商会"]]

    def printed(row: list[str]) -> list[str]:  # days as the PDF writes them, empty cells gone
        return [f"{float(v):.1f}" if i == 6 else v for i, v in enumerate(row) if v]

    assert body[0] == printed(ROWS[0])
    assert body[1] == ["重庆市汽车商会", "周明", "会长"]  # the trip's figures are not repeated
    assert body[2] == printed(ROWS[2])[1:]  # the unit is named once, above its rows
    assert body[-1] == printed(NO_COMPANY)
    assert [line[0] for line in body if line[0] in ORDER] == ORDER
    assert "共5个单位6人外出招商7人次、13.5天，拜访企业7家次。" in text.replace(" ", "")
