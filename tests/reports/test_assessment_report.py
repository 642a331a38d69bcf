"""考核结果 as a reader gets it: the tables hold the hand computation of tests/assessment_world.py
with the scheme's document number on each; the PDF is A4 landscape with the font embedded and
shows the units, totals and formulas; CSV opens in Excel (BOM) and XLSX in openpyxl."""

from __future__ import annotations

import csv
import io
import re
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.domain.workcalendar import WorkCalendar
from desktop.reports.assessment_report import AssessmentReport, gather_assessment
from desktop.reports.export import render_pdf, write_report
from desktop.storage.ledger import Ledger
from tests.assessment_world import DAY, HAND, NOT_CREDITED, TOTALS, YEAR, make_office
from tests.reports.conftest import layout_pages, pdf_fonts, pdf_text

BASIS = "依据：某办发〔2026〕12号《某市招商引资工作考核办法》"
CHECK = ("东湖县光伏项目：开工日期 2026-01-01 早于签约日期 2026-02-20", "works before signing")


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ledger]:
    path = make_office(tmp_path_factory.mktemp("office") / "office.db")
    with Ledger.open(path, WorkCalendar(), actor="督查室", today=lambda: DAY) as led:
        yield led


@pytest.fixture(scope="module")
def report(office: Ledger) -> AssessmentReport:
    made = gather_assessment(office, YEAR)
    # a check as assessment_checks.py words one: the report shows it, marked, and changes nothing
    return replace(made, assessment=replace(made.assessment, checks=(CHECK,)))


@pytest.fixture(scope="module")
def pdf(report: AssessmentReport) -> bytes:
    data, warnings = render_pdf(report, "zh", invariant=True)
    assert warnings == []
    return data


def test_the_ranking_sheet_holds_the_hand_computation(report: AssessmentReport) -> None:
    ranking, detail, notes = report.sheets("zh")
    assert ranking.header[:2] == ["名次", "单位"] and ranking.header[8] == "总分"
    assert ranking.header[2] == "A1 外出招商天数"
    assert {row[1]: [str(v) for v in row[2:8]] for row in ranking.rows} == HAND
    assert [(row[0], row[1], str(row[8])) for row in ranking.rows] == TOTALS
    # 序时进度 for the items with a target (A1, A5, A6), as the circulars word it
    assert ranking.header[9:] == ["A1序时进度", "A5序时进度", "A6序时进度"]
    assert ranking.rows[2][1] == "经开区" and ranking.rows[2][11] == "欠进度 1.0 个百分点"
    for sheet in (ranking, detail, notes):
        assert BASIS in sheet.caption and any("统计期：2026年" in c for c in sheet.caption)


def test_the_detail_sheet_shows_the_working(report: AssessmentReport) -> None:
    _, detail, _ = report.sheets("zh")
    assert detail.header == [
        "单位", "编号", "考核项目", "指标完成值", "目标", "计分公式", "原始分", "封顶/扣分",
        "得分", "序时进度",
    ]  # fmt: skip
    finals: dict[str, list[str]] = {}
    for row in detail.rows:
        finals.setdefault(str(row[0]), []).append(str(row[8]))
    assert finals == HAND
    rows = {(r[0], r[1]): r for r in detail.rows}
    dong = rows[("东湖县", "A1")]
    assert dong[3:9] == [
        Decimal("65"), Decimal("40"), "65 ÷ 40 × 20 = 32.5", Decimal("32.50"), "封顶 24 分",
        Decimal("24.00"),
    ]  # fmt: skip
    assert rows[("经开区", "A4")][6] == Decimal("-2.00") and rows[("经开区", "A1")][3] == Decimal(
        "19.5"
    )


def test_the_notes_sheet_lists_what_was_not_credited_and_the_checks(
    report: AssessmentReport,
) -> None:
    _, _, notes = report.sheets("zh")
    texts = [str(r[2]) for r in notes.rows]
    for name in NOT_CREDITED:
        assert any(t.startswith(f"不予认定：{name}") for t in texts)
    (check,) = [r for r in notes.rows if r[1] == "核对提示"]
    assert check[2] == CHECK[0] and check[3] == "仅列出，未更正"
    assert any("未作任何更正" in line for line in notes.caption)


def test_english_sheets(report: AssessmentReport) -> None:
    ranking, detail, notes = report.sheets("en")
    assert ranking.header[:2] == ["Rank", "Unit"] and "Total" in ranking.header
    assert "Under 某办发〔2026〕12号, 某市招商引资工作考核办法" in ranking.caption
    assert "capped at 24" in [r[7] for r in detail.rows]
    assert [r[3] for r in notes.rows if r[1] == "Check"] == ["shown, not corrected"]


def test_the_pdf_shows_units_totals_document_and_formulas(pdf: bytes, tmp_path: Path) -> None:
    text = "".join(pdf_text(pdf, tmp_path))
    assert "2026年招商引资工作考核结果" in text
    assert re.sub(r"\s", "", BASIS) in text
    for _, name, total in TOTALS:
        assert name in text and total in text
    for formula in ("65÷40×20=32.5", "(60+40×(4000−3000)÷(11000−3000))×25÷100=16.25"):
        assert formula in text
    assert "封顶24分" in text and "欠进度1.0个百分点" in text
    for name in NOT_CREDITED:
        assert name in text
    assert "核对提示" in text and "仅列出，未更正" in text and "未作任何更正" in text


def test_the_ranking_rows_read_in_order_on_the_page(pdf: bytes, tmp_path: Path) -> None:
    first = layout_pages(pdf, tmp_path)[0]
    rows = [line.split() for line in first if re.match(r"\s*[123]\s+\S+区|\s*[123]\s+\S+县", line)]
    got = [(int(r[0]), r[1], r[2:8], r[8]) for r in rows[:3]]
    assert [(rank, name, total) for rank, name, _, total in got] == TOTALS
    assert {name: scores for _, name, scores, _ in got} == HAND


def test_the_pdf_is_a4_landscape_with_the_font_embedded(pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    (size,) = [line for line in info.stdout.splitlines() if line.startswith("Page size:")]
    width, height = (float(v) for v in re.findall(r"[\d.]+", size)[:2])
    assert (round(width), round(height)) == (842, 595)  # A4 on its side, in points
    fonts = pdf_fonts(pdf, tmp_path)
    assert fonts and all(row[-5] == "yes" for row in fonts), fonts  # emb column


def test_the_detail_header_repeats_on_every_page(tmp_path: Path, report: AssessmentReport) -> None:
    # forty units: the detail table runs over several pages, each with its header
    many = replace(
        report.assessment,
        results=tuple(replace(r, name=f"{r.name}{i}") for i in range(14) for r in report.results),
    )
    data, _ = render_pdf(AssessmentReport(many), "zh")
    pages = pdf_text(data, tmp_path)
    assert len(pages) >= 4
    detail_pages = [p for p in pages if "计分公式" in p]
    assert len(detail_pages) >= 3
    assert all("指标完成值" in p and "封顶/扣分" in p for p in detail_pages)


def test_the_english_pdf(report: AssessmentReport, tmp_path: Path) -> None:
    data, warnings = render_pdf(report, "en")
    assert warnings == []
    text = "".join(pdf_text(data, tmp_path))
    assert "Investmentpromotionassessment,2026" in text and "cappedat24" in text


def test_csv_opens_in_excel_with_the_totals(report: AssessmentReport, tmp_path: Path) -> None:
    out = tmp_path / "考核.csv"
    written = write_report(report, "csv", out, "zh")
    assert [p.name for p in written.paths] == ["考核.csv", "考核-detail.csv", "考核-notes.csv"]
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert lines[0] == ["2026年招商引资工作考核结果"] and lines[1] == [BASIS]
    header = lines[3]
    assert header[:2] == ["名次", "单位"]
    table = [dict(zip(header, row, strict=True)) for row in lines[4:]]
    assert [(int(r["名次"]), r["单位"], r["总分"]) for r in table] == TOTALS
    assert {r["单位"]: [r[h] for h in header[2:8]] for r in table} == HAND  # 0.00, -4.00 kept
    notes = (tmp_path / "考核-notes.csv").read_text(encoding="utf-8-sig")
    assert "仅列出，未更正" in notes


def test_xlsx_holds_the_totals(report: AssessmentReport, tmp_path: Path) -> None:
    out = tmp_path / "考核.xlsx"
    write_report(report, "xlsx", out, "zh")
    book = load_workbook(out)
    assert book.sheetnames == ["总分与排名", "计分明细", "说明"]
    ws = book["总分与排名"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1][0] == BASIS
    assert rows[3][:2] == ("名次", "单位")
    got = [(r[0], r[1], f"{r[8]:.2f}") for r in rows[4:]]
    assert got == TOTALS
    assert ws.cell(5, 9).number_format == "0.00"
    assert ws.freeze_panes == "A5"
