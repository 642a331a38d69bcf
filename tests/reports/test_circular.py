"""The circular: its totals are the domain's, its rows ranked by days out, read back from PDF."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.domain.entries import Entry
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.pipeline import pipeline_figures
from desktop.domain.projects import Stage
from desktop.domain.share import group_shares
from desktop.domain.travel import travel_from_entries
from desktop.reports.circular import CircularReport, destinations_text, met_text
from desktop.reports.export import csv_bytes, render_pdf, xlsx_bytes
from desktop.reports.sources import gather_circular
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY, calendar_not_knowing
from tests.reports.conftest import OCTOBER, pdf_images, pdf_pages, pdf_text


def circular(ledger: Ledger, by: str = "person", period: Period = OCTOBER) -> CircularReport:
    return gather_circular(ledger, period, by, TODAY)


def test_totals_are_the_domains_numbers(city: Ledger) -> None:
    report = circular(city)
    items = city.summary(OCTOBER)
    (expected,) = group_shares(("", i.result) for i in items)
    total = report.total
    assert total.persons == len(items) == 6
    assert total.share.promotion_days == pytest.approx(expected.promotion_days)
    assert total.share.base_days == pytest.approx(expected.base_days)
    assert total.share.share == pytest.approx(expected.share)
    assert total.share.met_count == sum(i.result.met for i in items) == 4
    assert [b.person.name for b in report.below] == ["赵敏", "陈静"]  # lowest share first
    # travel: the SQL sums equal the domain's reference over each person's entries
    trip = city.find_activity("外出招商").id
    assert trip is not None
    per_day = city.rules().minutes_per_day
    days_out = trips = 0.0
    for item in items:
        entries = city.entries(person_id=item.person.id, period=OCTOBER)
        ref = travel_from_entries(entries, trip, per_day)
        assert report.travel.get(item.person.id or 0, ref) == ref
        days_out += ref.days_out
        trips += ref.trips
    assert total.travel.days_out == pytest.approx(days_out) == 12.5
    assert total.travel.trips == trips == 6
    # new projects: the domain's pipeline figures of each leader's projects
    led = defaultdict(list)
    for p in city.projects():
        if p.leader_id is not None:
            led[p.leader_id].append(p)
    ids = {i.person.id for i in items}
    figures = [pipeline_figures(ps, OCTOBER) for pid, ps in led.items() if pid in ids]
    assert total.projects.talks == sum(f.count(Stage.TALKS) for f in figures) == 3
    assert total.projects.signed == sum(f.count(Stage.SIGNED) for f in figures) == 3
    assert total.projects.started == sum(f.count(Stage.STARTED) for f in figures) == 1


def test_rows_are_ranked_by_days_out_and_say_where_people_went(city: Ledger) -> None:
    report = circular(city)
    assert [r.name for r in report.rows] == ["张伟", "李娜", "王强", "刘洋", "陈静", "赵敏"]
    days = [r.travel.days_out for r in report.rows]
    assert days == sorted(days, reverse=True)
    text = {r.name: destinations_text(r.travel) for r in report.rows}
    assert text["张伟"] == "前往重庆、河南开展招商工作"
    assert text["李娜"] == "前往深圳、东莞开展招商工作"
    assert text["王强"] == "前往北京开展招商工作"
    assert text["赵敏"] == "未外出"
    assert report.not_out == 1
    assert {r.name: met_text(r) for r in report.rows}["陈静"] == "未达标"


@pytest.mark.parametrize(
    ("by", "first", "persons", "met"),
    [("unit", "市人民政府", 1, "1/1"), ("group", "新能源汽车产业链", 2, "2/2")],
)
def test_grouped_by_unit_or_group(
    city: Ledger, by: str, first: str, persons: int, met: str
) -> None:
    report = circular(city, by)
    row = report.rows[0]
    assert (row.name, row.persons, met_text(row)) == (first, persons, met)
    assert sum(r.persons for r in report.rows) == report.total.persons == 6
    assert sum(r.travel.days_out for r in report.rows) == pytest.approx(12.5)
    hi_tech = {r.name: r for r in circular(city, "unit").rows}["高新区"]
    assert destinations_text(hi_tech.travel) == "前往深圳、东莞开展招商工作"
    assert hi_tech.travel.trips == 2  # 李娜 and 陈静 each made the journey
    assert met_text(hi_tech) == "1/2"


def test_a_quarter_and_an_unknown_year(city: Ledger) -> None:
    q4 = circular(city, period=Period.quarter(2026, 4))
    assert q4.total.travel.days_out == pytest.approx(12.5)  # nothing logged in Nov/Dec
    assert q4.fallback_years == ()
    city.calendar = calendar_not_knowing(2027)
    assert circular(city, period=Period.month(2027, 1)).fallback_years == (2027,)


def test_pdf_reads_back_with_the_rows_and_totals(city: Ledger, tmp_path: Path) -> None:
    data, warnings = render_pdf(circular(city), invariant=True)
    assert warnings == []
    text = "".join(pdf_text(data, tmp_path))
    for expected in (
        "关于2026年10月主要负责同志三分之一精力抓招商工作情况的通报",
        "前往重庆、河南开展招商工作",
        "未外出",
        "合计",
        "6人",
        "35.5",  # Σ promotion days
        "106.0",  # Σ base days
        "33.5%",
        "4/6",
        "12.5",
        "未达到三分之一要求的人员",
        "本期纳入统计的主要负责同志6人，达到三分之一要求4人，未达到2人；外出招商6次、12.5天，"
        "未外出1人；包联项目新增在谈3个、签约3个、开工1个。",
        "四、分布情况",
    ):
        assert expected in text, expected
    assert text.index("张伟") < text.index("李娜") < text.index("赵敏")
    assert pdf_images(data, tmp_path) == 2  # the two distribution charts


def test_a_long_circular_spans_pages_with_its_header_on_each(city: Ledger, tmp_path: Path) -> None:
    other = city.find_activity("项目洽谈").id
    assert other is not None
    for i in range(70):
        p = city.add_person(Person(f"干部{i:02d}", "副局长", f"第{i % 12}局", "招商一组"))
        assert p.id is not None
        city.add_entry(Entry(p.id, date(2026, 10, 9), other, minutes=120 + i))
    report = circular(city)
    assert report.total.persons == 76
    data, _ = render_pdf(report, invariant=True)
    path = tmp_path / "c.pdf"
    path.write_bytes(data)
    pages = pdf_text(data, tmp_path)
    n = pdf_pages(path)
    assert n >= 3
    for i, page in enumerate(pages, start=1):
        assert f"第{i}页共{n}页" in page
    assert sum("单位及职务" in p for p in pages) >= 2  # the ranking's header repeated


def test_csv_and_xlsx(city: Ledger) -> None:
    report = circular(city, "unit")
    main, share_table, below = report.sheets()
    raw = csv_bytes(main)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    # the published form: who went out, for how many days, and where
    assert rows[0]["单位"] == "市人民政府" and rows[0]["外出人数"] == "1"
    assert rows[0]["工作开展情况"] == "前往重庆、河南开展招商工作"
    assert rows[-1]["单位"] == "合计" and rows[-1]["外出人数"] == "5"  # 赵敏 did not go out
    assert rows[-1]["外出天数"] == "12.5"
    # the share figures follow in a second table, row for row
    shares = list(csv.DictReader(io.StringIO(csv_bytes(share_table).decode("utf-8-sig"))))
    assert [r["单位"] for r in shares] == [r["单位"] for r in rows]
    assert shares[0]["人数"] == "1" and shares[-1]["人数"] == "6"
    assert float(shares[-1]["招商天数"]) == pytest.approx(report.total.share.promotion_days)
    book = load_workbook(io.BytesIO(xlsx_bytes([main, share_table, below])))
    ws = book["汇总通报"]
    assert ws.freeze_panes == "A2" and ws["A1"].font.b
    heads = [c.value for c in book["占比及项目"][1]]
    share = book["占比及项目"].cell(2, heads.index("招商精力占比") + 1)
    assert share.number_format == "0.0%"
    assert book["未达标人员"].cell(2, 2).value == "赵敏"
