"""The personal monthly report: its figures are the domain's, and the PDF reads back as printed."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.domain.entries import DayPart, Entry
from desktop.domain.holidays import arrangement
from desktop.domain.periods import Period
from desktop.domain.projects import Stage
from desktop.reports.export import csv_bytes, render_pdf, xlsx_bytes
from desktop.reports.monthly import MonthlyReport, companies_text, progress_text
from desktop.reports.sources import gather_monthly
from desktop.storage.ledger import Ledger
from tests.calendar_data import (
    HOLIDAYS_2027,
    NOTICE,
    NOTICE_DATE,
    WORKDAYS_2027,
    independent_counts,
)
from tests.conftest import TODAY, calendar_not_knowing
from tests.reports.conftest import OCTOBER, pdf_fonts, pdf_pages, pdf_text, squash


def monthly(ledger: Ledger, name: str, period: Period = OCTOBER) -> MonthlyReport:
    (report,) = gather_monthly(ledger, [ledger.find_person(name)], period, TODAY)
    return report


def test_summary_is_the_ledgers_share(city: Ledger) -> None:
    report = monthly(city, "张伟")
    (expected,) = city.summary(OCTOBER, [city.find_person("张伟")])
    assert report.result == expected.result
    assert report.result.workdays == 18  # October 2026: National Day week off
    assert report.recorded_by == "王秘书"
    promo = sum(a.days for a in report.activities if a.kind.value == "promotion")
    assert promo == pytest.approx(report.result.promotion_days)
    assert sum(a.count for a in report.activities) == len(
        city.entries(person_id=city.find_person("张伟").id, period=OCTOBER)
    )


def test_trips_with_companions_companies_and_loose_days(city: Ledger) -> None:
    zhang = monthly(city, "张伟")
    assert [(t.start, t.end, t.days) for t in zhang.trips] == [
        (date(2026, 10, 13), date(2026, 10, 15), 2.5),
        (date(2026, 10, 21), date(2026, 10, 22), 2.0),
    ]
    first = zhang.trips[0]
    assert first.companions == ("孙磊",)
    assert first.projects == ("长安新能源电池项目",)
    assert companies_text(first.companies) == (
        "重庆长安汽车股份有限公司（刘建国 副总裁）、重庆市汽车商会（周明 会长）"
    )
    # 刘洋's trip began in September: only its October days count
    (liu,) = monthly(city, "刘洋").trips
    assert (liu.start, liu.end, liu.days) == (date(2026, 9, 29), date(2026, 10, 2), 2.0)
    # 王强 logged two days in Beijing without a trip: they read as one trip
    (wang,) = monthly(city, "王强").trips
    assert (wang.start, wang.end, wang.days, wang.destinations) == (
        date(2026, 10, 19),
        date(2026, 10, 20),
        2.0,
        ("北京",),
    )
    assert wang.projects == ("中粮农产品深加工项目",)
    assert monthly(city, "赵敏").trips == ()


def test_projects_show_stage_at_both_ends_and_progress(city: Ledger) -> None:
    lines = {p.name: p for p in monthly(city, "张伟").projects}
    battery = lines["长安新能源电池项目"]
    assert (battery.stage_start, battery.stage_end) == (Stage.TALKS, Stage.SIGNED)
    assert battery.funds == 100000
    assert progress_text(battery).startswith("10月20日 签约（500,000万元）")
    byd = lines["比亚迪零部件产业园"]
    assert (byd.stage_start, byd.stage_end) == (None, Stage.TALKS)
    # 陈静 leads an ended project nobody touched this month: not listed
    assert "光伏组件项目" not in {p.name for p in monthly(city, "陈静").projects}


def test_pdf_reads_back_with_the_chinese_exactly(city: Ledger, tmp_path: Path) -> None:
    data, warnings = render_pdf(monthly(city, "张伟"), invariant=True)
    assert warnings == []
    pages = pdf_text(data, tmp_path)
    text = "\n".join(pages)
    for expected in (
        "三分之一精力抓招商工作月报",
        "2026年10月",
        "张伟",
        "市长",
        "市人民政府",
        "新能源汽车产业链",
        "55.6%",
        "本月招商精力占比 55.6%，达到三分之一目标。",
        "重庆长安汽车股份有限公司",
        "长安新能源电池项目",
        "孙磊",
        "填报人",
        "本人签字",
        "审核意见",
        "王秘书",
        "2026年11月20日",
    ):
        assert squash(expected) in text, expected
    n = len(pages)
    for i, page in enumerate(pages, start=1):
        assert f"第{i}页共{n}页" in page
    fonts = pdf_fonts(data, tmp_path)
    assert {row[0].split("+")[-1] for row in fonts} == {"NotoSansSC-Regular", "NotoSansSC-Bold"}
    assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in fonts)  # emb sub uni


def test_pdf_is_deterministic_in_invariant_mode(city: Ledger) -> None:
    report = monthly(city, "李娜")
    assert render_pdf(report, invariant=True)[0] == render_pdf(report, invariant=True)[0]


def test_a_below_target_month_says_by_how_much(city: Ledger, tmp_path: Path) -> None:
    report = monthly(city, "赵敏")
    assert not report.result.met
    text = "".join(pdf_text(render_pdf(report, invariant=True)[0], tmp_path))
    assert "未达到三分之一目标，差4.5天" in text
    assert "本月未外出招商。" in text


def test_a_long_month_spans_pages_and_repeats_table_headers(city: Ledger, tmp_path: Path) -> None:
    zhao = city.find_person("赵敏")
    trip = city.find_activity("外出招商")
    assert zhao.id is not None and trip.id is not None
    # every other day of November a day's visit, each its own trip with a long account
    for i in range(0, 20, 2):
        day = date(2026, 11, 1) + timedelta(days=i)
        city.add_entry(
            Entry(
                zhao.id,
                day,
                trip.id,
                day_part=DayPart.FULL,
                location=f"第{i}站、苏州、无锡",
                counterpart="江苏某某新材料股份有限公司、无锡某某智能装备有限公司",
                note="考察企业生产线，洽谈新材料项目落地事宜，双方就用地、能耗指标和配套政策"
                "交换意见，约定下月再次对接，形成会谈纪要并报市政府。" * 2,
            )
        )
    report = monthly(city, "赵敏", Period.month(2026, 11))
    assert len(report.trips) == 10
    data, _ = render_pdf(report, invariant=True)
    path = tmp_path / "long.pdf"
    path.write_bytes(data)
    pages = pdf_text(data, tmp_path)
    n = pdf_pages(path)
    assert n >= 3 and len(pages) == n
    for i, page in enumerate(pages, start=1):
        assert f"第{i}页共{n}页" in page
    with_trips = [p for p in pages if "第18站" in p or "第2站" in p or "第10站" in p]
    assert len(with_trips) >= 2
    # the trips table runs over a page: its header is printed again on the next page
    assert sum("走访企业及对接人" in p for p in pages) >= 2
    # the month is still in progress on 2026-11-20: the report says what is still needed
    text = "".join(pages)
    assert re.search(r"截至2026年11月20日，招商精力占比\d+\.\d%，本月还需", text)


def test_csv_tables_read_back_as_excel_would(city: Ledger) -> None:
    report = monthly(city, "张伟")
    summary, trips, talks, projects, activities = report.sheets()
    raw = csv_bytes(summary)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header, values = rows
    record = dict(zip(header, values, strict=True))
    assert record["姓名"] == "张伟" and record["统计期"] == "2026年10月"
    assert float(record["招商精力占比"]) == round(report.result.share or 0, 4)
    assert record["法定工作日"] == "18"
    trip_rows = list(csv.DictReader(io.StringIO(csv_bytes(trips).decode("utf-8-sig"))))
    assert trip_rows[0]["出发日期"] == "2026-10-13" and trip_rows[0]["本月天数"] == "2.5"
    assert trip_rows[0]["同行人员"] == "孙磊"
    talk_rows = list(csv.DictReader(io.StringIO(csv_bytes(talks).decode("utf-8-sig"))))
    assert [r["日期"] for r in talk_rows] == sorted(r["日期"] for r in talk_rows)
    assert {r["活动类型"] for r in talk_rows} == {"项目洽谈", "接待客商考察"}
    assert talk_rows[0]["客商/企业"] == "客商代表" and talk_rows[0]["项目"] == "长安新能源电池项目"
    assert talk_rows[0]["进展成效"].endswith("推进项目落实")
    project_rows = list(csv.DictReader(io.StringIO(csv_bytes(projects).decode("utf-8-sig"))))
    assert {r["项目"] for r in project_rows} == {"长安新能源电池项目", "比亚迪零部件产业园"}
    assert len(list(csv.reader(io.StringIO(csv_bytes(activities).decode("utf-8-sig"))))) > 2


def test_xlsx_has_a_sheet_per_table_with_bold_frozen_headers(city: Ledger) -> None:
    report = monthly(city, "张伟")
    book = load_workbook(io.BytesIO(xlsx_bytes(report.sheets())))
    assert book.sheetnames == ["月报概况", "外出招商", "洽谈接待", "项目推进", "时间分布"]
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(cell.font.b for cell in ws[1])
    summary = book["月报概况"]
    heads = [c.value for c in summary[1]]
    share = summary.cell(2, heads.index("招商精力占比") + 1)
    assert share.number_format == "0.0%"
    assert share.value == pytest.approx(report.result.share, abs=1e-4)
    trips = book["外出招商"]
    first = trips.cell(2, 1)
    assert first.number_format == "yyyy-mm-dd" and first.value.date() == date(2026, 10, 13)
    assert trips.cell(2, 3).number_format == "0.00" and trips.cell(2, 3).value == 2.5
    assert trips.column_dimensions["E"].width > trips.column_dimensions["C"].width


def test_a_month_of_an_unknown_year_says_how_it_was_counted(city: Ledger, tmp_path: Path) -> None:
    zhang = city.find_person("张伟")
    talks = city.find_activity("项目洽谈").id
    assert zhang.id is not None and talks is not None
    city.add_entry(Entry(zhang.id, date(2027, 1, 6), talks, day_part=DayPart.FULL))
    city.calendar = calendar_not_knowing(2027)
    report = monthly(city, "张伟", Period.month(2027, 1))
    assert report.result.fallback_years == (2027,)
    text = "".join(pdf_text(render_pdf(report, invariant=True)[0], tmp_path))
    assert "2027年节假日安排未收录，按周一至周五计算" in text
    assert "周一至周五（未收录）" in text  # the 日历依据 cell


def test_a_month_of_an_entered_year_names_the_notice_instead_of_the_fallback(
    city: Ledger, tmp_path: Path
) -> None:
    zhang = city.find_person("张伟")
    talks = city.find_activity("项目洽谈").id
    assert zhang.id is not None and talks is not None
    city.add_entry(Entry(zhang.id, date(2027, 1, 6), talks, day_part=DayPart.FULL))
    city.calendar = calendar_not_knowing(2027)
    city.set_holiday_year(arrangement(2027, HOLIDAYS_2027, WORKDAYS_2027, NOTICE, NOTICE_DATE))
    report = monthly(city, "张伟", Period.month(2027, 1))
    assert report.result.fallback_years == ()
    assert report.result.workdays == independent_counts(HOLIDAYS_2027, WORKDAYS_2027)[1]
    text = squash("".join(pdf_text(render_pdf(report, invariant=True)[0], tmp_path)))
    assert "未收录" not in text
    assert squash(f"2027年节假日按国务院办公厅通知（{NOTICE}）计算，在本程序中录入") in text
    assert squash("国务院办公厅通知（本程序录入）") in text  # the 日历依据 cell
