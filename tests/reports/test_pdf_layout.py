"""How the PDFs are laid out, read back as a reader sees the pages: no heading left alone at the
foot of a page, no line of a wrapped text starting with closing punctuation."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.domain.trips import CompanyVisit, Trip
from desktop.reports.export import render_pdf
from desktop.reports.pdf_base import Col, PdfDoc
from desktop.reports.sources import gather_circular, gather_monthly
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY
from tests.reports.conftest import OCTOBER, layout_pages

HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)\S+$")
FOOTER = re.compile(r"^第\s*\d+\s*页\s+共\s*\d+\s*页$")
# what may not begin a line of Chinese text (GB/T 15834: 避头); checked per chunk of a layout
# line, as cells side by side share a line of `pdftotext -layout`
CLOSING = "、，。：；）」』》！？"


def content_lines(page: list[str]) -> list[str]:
    """A page's lines without the page number at its foot."""
    return [line.strip() for line in page if not FOOTER.match(line.strip())]


def headings_at_the_foot(data: bytes, tmp_path: Path) -> list[str]:
    return [
        lines[-1]
        for lines in map(content_lines, layout_pages(data, tmp_path))
        if lines and HEADING.match(lines[-1])
    ]


def line_starts(data: bytes, tmp_path: Path) -> list[str]:
    """Every text chunk of every layout line (chunks apart by two spaces or more)."""
    return [
        chunk
        for page in layout_pages(data, tmp_path)
        for line in page
        for chunk in re.split(r"\s{2,}", line.strip())
        if chunk
    ]


def test_no_heading_is_left_at_the_foot_of_a_page(city: Ledger, tmp_path: Path) -> None:
    """赵敏's month with one trip more each time: the sections move down the first page, and
    each heading in turn comes near its foot."""
    zhao = city.find_person("赵敏")
    trip = city.find_activity("外出招商").id
    assert zhao.id is not None and trip is not None
    pushed = []
    for n in range(14):
        day = date(2026, 10, 1) + timedelta(days=2 * n)
        city.add_entry(
            Entry(
                zhao.id,
                day,
                trip,
                day_part=DayPart.FULL,
                location="苏州",
                counterpart="江苏某某新材料股份有限公司",
                note="考察企业生产线，洽谈新材料项目落地事宜。",
            )
        )
        (report,) = gather_monthly(city, [zhao], OCTOBER, TODAY)
        data, _ = render_pdf(report, invariant=True)
        assert headings_at_the_foot(data, tmp_path) == [], n
        pages = [content_lines(p) for p in layout_pages(data, tmp_path)]
        # after the running head, a page that begins with a section: it was moved on whole
        pushed += [p[1] for p in pages[1:] if len(p) > 1 and HEADING.match(p[1])]
    # the sweep did bring sections to the foot of the page (else it proved nothing)
    assert {"四、时间分布", "三、项目推进"} <= set(pushed) or len(set(pushed)) >= 2, pushed


@pytest.mark.parametrize("kind", ["picture", "long_table"])
def test_a_heading_goes_with_the_start_of_what_follows(tmp_path: Path, kind: str) -> None:
    """Filler of every height before a heading: the heading is never the last line of a page,
    and a long table after it is not pushed whole to the next page (its first rows stay)."""
    moved_whole = 0
    for step in range(24):
        doc = PdfDoc("版式", "zh")
        doc.add(doc.para("正文", "filler"))
        doc.space(14 + step * 0.4)
        doc.heading("二、附表")
        if kind == "picture":  # a block that cannot be split: it goes whole, heading and all
            cols = [Col("项目", 8.0), Col("说明", 8.0)]
            rows = [[f"第{i}项", "说明"] for i in range(12)]
            block = doc.table(cols, rows, long=False)
            doc.add(doc.side_by_side([block], [17.0]))
        else:
            cols = [Col("序号", 2.0), Col("说明", 14.0, wrap=True)]
            rows = [[str(i), "很长的说明文字" * (40 if i == 0 else 2)] for i in range(30)]
            doc.add(doc.table(cols, rows))
        out = io.BytesIO()
        doc.build(out, invariant=True)
        data = out.getvalue()
        assert headings_at_the_foot(data, tmp_path) == [], step
        first = content_lines(layout_pages(data, tmp_path)[0])
        moved_whole += "二、附表" not in first
        if kind == "long_table" and "二、附表" in first:
            assert any(line.startswith("0") for line in first), step  # its first row came along
    assert moved_whole > 0  # the filler did bring the heading to the foot of the page


def test_keep_with_next_leaves_no_page_empty_before_a_long_table(tmp_path: Path) -> None:
    doc = PdfDoc("版式", "zh")
    doc.space(18)
    doc.heading("二、附表")
    cols = [Col("序号", 2.0), Col("说明", 14.0, wrap=True)]
    doc.add(doc.table(cols, [[str(i), "说明"] for i in range(80)]))
    out = io.BytesIO()
    doc.build(out, invariant=True)
    first = content_lines(layout_pages(out.getvalue(), tmp_path)[0])
    assert "二、附表" in first and first[-1][0].isdigit()  # rows under the heading


# --- Chinese line breaking --------------------------------------------------------------------

PUNCTUATED = "洽谈，签约；落地：开工！投产？（一期）、「二期」、『三期』、《框架协议》。"


def _punctuated_month(city: Ledger) -> Person:
    zhao = city.find_person("赵敏")
    trip = city.find_activity("外出招商").id
    talks = city.find_activity("项目洽谈").id
    assert zhao.id is not None and trip is not None and talks is not None
    for k in range(8):  # each text shifted by one character more: every break point is tried
        shift = "推进" * k
        day = date(2026, 10, 1) + timedelta(days=2 * k)
        city.add_trip(
            Trip(
                (zhao.id,),
                day,
                day,
                destinations=(f"苏州{shift}（工业园区）", "无锡（新吴区）"),
                companies=(CompanyVisit(f"{shift}某某（中国）有限公司", "王五", "总经理，董事"),),
                results=(shift + PUNCTUATED) * 3,
            )
        )
        city.add_entry(
            Entry(
                zhao.id,
                day + timedelta(days=1),
                talks,
                day_part=DayPart.HALF,
                counterpart=f"{shift}某某集团（香港）、某某资本：《合作备忘录》",
                note=(shift + PUNCTUATED) * 2,
            )
        )
    return zhao


def test_no_line_of_the_monthly_report_starts_with_closing_punctuation(
    city: Ledger, tmp_path: Path
) -> None:
    zhao = _punctuated_month(city)
    (report,) = gather_monthly(city, [zhao], OCTOBER, TODAY)
    data, _ = render_pdf(report, invariant=True)
    starts = line_starts(data, tmp_path)
    assert "就" not in CLOSING and len(starts) > 100
    assert [s for s in starts if s[0] in CLOSING] == []


def test_no_line_of_the_circular_starts_with_closing_punctuation(
    city: Ledger, tmp_path: Path
) -> None:
    talks = city.find_activity("外出招商").id
    assert talks is not None
    for k in range(10):
        shift = "经济" * (k % 5)
        unit = f"市{shift}发展和改革委员会（市粮食和物资储备局）、市委财经办：综合科！{k}"
        p = city.add_person(Person(f"干部{k}", f"主任（正县级），党组书记；{k}", unit[:50]))
        assert p.id is not None
        places = "、".join(f"{shift}苏州（工业园区）" for _ in range(1)) + "、无锡（新吴区）"
        city.add_entry(
            Entry(p.id, date(2026, 10, 9), talks, day_part=DayPart.FULL, location=places)
        )
    for by in ("person", "unit"):
        data, _ = render_pdf(gather_circular(city, OCTOBER, by, TODAY), invariant=True)
        starts = line_starts(data, tmp_path)
        assert len(starts) > 50
        assert [s for s in starts if s[0] in CLOSING] == [], by
