"""The pipeline report: the domain's four rates with their definitions, big projects, funds."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.domain.periods import Period
from desktop.domain.pipeline import DEFINITIONS_ZH, pipeline_figures
from desktop.domain.projects import Currency, Stage
from desktop.reports.export import csv_bytes, render_pdf, xlsx_bytes
from desktop.reports.pipeline_report import PipelineReport, big_name
from desktop.reports.sources import gather_pipeline
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY
from tests.reports.conftest import OCTOBER, pdf_text, squash


def pipeline(ledger: Ledger, period: Period = OCTOBER) -> PipelineReport:
    return gather_pipeline(ledger, period, TODAY)


def test_figures_are_the_domains(city: Ledger) -> None:
    report = pipeline(city)
    assert report.figures == pipeline_figures(city.projects(), OCTOBER)
    rates = {key: (rate, ratio) for key, rate, ratio in report.rates()}
    # signed in October: 长安 (first signing), 顺丰 (straight to 签约), 博世 — 京东方's second
    # 签约 is a capital increase and not a new signing
    assert rates["success"] == (1.0, "3 / 3")
    assert rates["landing"] == (pytest.approx(1 / 3), "1 / 3")
    assert rates["start"] == (pytest.approx(1 / 3), "1 / 3")
    # funds rate in 万元: 100000 + 20000 + 3000 arrived ÷ 500000 + 20000 (increment) + 9000
    assert rates["funds"] == (pytest.approx(123000 / 529000), "123,000 / 529,000")
    assert rates["funds_usd"] == (pytest.approx(0.2), "1,000 / 5,000")
    assert report.at_end[Stage.TALKS] == 2 and report.at_end[Stage.ENDED] == 1


def test_big_projects_are_counted_apart(city: Ledger) -> None:
    all_cny, yi, ten_yi = pipeline(city).big
    assert (big_name(all_cny), all_cny.projects, all_cny.signed) == ("全部项目（万元）", 6, 2)
    assert (big_name(yi), yi.projects, yi.signed) == ("1 亿元及以上", 5, 1)
    assert (big_name(ten_yi), ten_yi.projects, ten_yi.signed) == ("10 亿元及以上", 2, 1)
    assert ten_yi.contracted == Decimal(500000) and ten_yi.arrived == Decimal(100000)


def test_funds_against_contracted_amounts(city: Ledger) -> None:
    report = pipeline(city)
    chains = {c.chain: c for c in report.chains}
    cars = chains["新能源汽车产业链"]  # 长安 signed; 比亚迪 in talks; 博世 is in 万美元, apart
    assert (cars.projects, cars.signed, cars.contracted, cars.arrived) == (2, 1, 500000, 100000)
    assert sum(c.contracted for c in report.chains) == report.figures.contracted[Currency.CNY]
    lines = {x.name: x for x in report.funds}
    assert set(lines) == {
        "长安新能源电池项目",
        "京东方显示模组项目",
        "顺丰智慧物流园",
        "博世汽车电子项目",
    }
    boe = lines["京东方显示模组项目"]
    assert (boe.amount, boe.signed, boe.arrived) == (Decimal(80000), Decimal(20000), Decimal(20000))
    assert boe.arrived_rate == pytest.approx(0.25)
    assert lines["博世汽车电子项目"].currency is Currency.USD
    assert pipeline(city, Period.month(2026, 8)).funds == ()


def test_pdf_prints_each_rate_beside_its_definition(city: Ledger, tmp_path: Path) -> None:
    data, warnings = render_pdf(pipeline(city), invariant=True)
    assert warnings == []
    text = "".join(pdf_text(data, tmp_path))
    assert "2026年10月招商项目推进情况" in text
    for definition in DEFINITIONS_ZH.values():
        assert squash(definition) in text
    for expected in ("成功率100.0%3/3", "落地率33.3%1/3", "10亿元及以上", "长安新能源电池项目"):
        assert expected in text, expected
    assert "合计（万元）" in text and "589,000529,000123,000123,000" in text  # the total row


def test_csv_and_xlsx(city: Ledger) -> None:
    sheets = pipeline(city).sheets()
    assert [s.key for s in sheets] == ["stages", "rates", "big", "chains", "funds"]
    rows = list(csv.DictReader(io.StringIO(csv_bytes(sheets[1]).decode("utf-8-sig"))))
    assert rows[0]["指标"] == "成功率" and rows[0]["数值"] == "1"
    assert rows[0]["口径"] == DEFINITIONS_ZH["success"]
    book = load_workbook(io.BytesIO(xlsx_bytes(sheets)))
    funds = book["资金到位"]
    heads = [c.value for c in funds[1]]
    assert funds.cell(2, heads.index("协议投资额") + 1).number_format == "#,##0.00"
    assert funds.cell(2, heads.index("签约日期") + 1).number_format == "yyyy-mm-dd"


def test_english_reports(city: Ledger, tmp_path: Path) -> None:
    from desktop.reports.sources import gather_circular, gather_monthly

    (monthly,) = gather_monthly(city, [city.find_person("张伟")], OCTOBER, TODAY)
    reports = [monthly, gather_circular(city, OCTOBER, "unit", TODAY), pipeline(city)]
    expected = ["Monthly report on investment promotion", "Circular", "Investment projects"]
    for report, title in zip(reports, expected, strict=True):
        data, warnings = render_pdf(report, "en", invariant=True)
        assert warnings == []
        text = "".join(pdf_text(data, tmp_path))
        assert squash(title) in text and "Page1of" in text
        # stage names, period and the parentheses of the English reports are English too
        for word in ("签约", "投产", "2026年", "（", "：", "；"):
            assert word not in text, (title, word)
    stage_names = pipeline(city).sheets("en")[0].rows
    assert [row[0] for row in stage_names][:3] == ["Lead", "In talks", "Signed"]
