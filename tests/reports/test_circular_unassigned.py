"""New projects without a responsible leader (包联领导): no row of the circular holds them, so the
circular counts them on a line of their own instead of leaving them out."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.projects import Project, Stage, StageChange
from desktop.reports.circular import CircularReport, ProjectCounts
from desktop.reports.export import render_pdf
from desktop.reports.sources import gather_circular
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY
from tests.reports.conftest import OCTOBER, pdf_text, squash


def _without_leaders(city: Ledger) -> None:
    signed = city.add_project(Project("宁德时代储能项目", "宁德时代", amount=Decimal(200000)))
    talks = city.add_project(Project("华为云数据中心项目", "华为技术有限公司"))
    old = city.add_project(Project("旧厂房改造项目"))  # signed last year: not new
    assert signed.id is not None and talks.id is not None and old.id is not None
    city.add_stage(signed.id, StageChange(date(2026, 10, 12), Stage.SIGNED, "", Decimal(200000)))
    city.add_stage(talks.id, StageChange(date(2026, 10, 20), Stage.TALKS))
    city.add_stage(old.id, StageChange(date(2025, 5, 1), Stage.SIGNED))


@pytest.mark.parametrize("by", ["person", "unit", "group"])
def test_the_report_counts_projects_without_a_leader_apart(city: Ledger, by: str) -> None:
    before = gather_circular(city, OCTOBER, by, TODAY)
    assert (before.unassigned_projects, before.unassigned) == (0, ProjectCounts())
    _without_leaders(city)
    report = gather_circular(city, OCTOBER, by, TODAY)
    # 宁德时代 signed (and so reached 在谈 that day too), 华为 in talks
    assert report.unassigned == ProjectCounts(talks=2, signed=1, started=0)
    assert report.unassigned_projects == 2
    # the rows and their total are the leaders' projects, as before
    assert report.total.projects == before.total.projects == ProjectCounts(3, 3, 1)


LINE = "未指定包联领导的项目2个：新增在谈2个、签约1个、开工0个，未计入上述包联项目。"


def circular_text(report: CircularReport, tmp_path: Path, lang: str = "zh") -> str:
    return squash("".join(pdf_text(render_pdf(report, lang, invariant=True)[0], tmp_path)))


def test_the_pdf_says_how_many_have_no_leader(city: Ledger, tmp_path: Path) -> None:
    assert "未指定包联领导" not in circular_text(
        gather_circular(city, OCTOBER, "person", TODAY), tmp_path
    )
    _without_leaders(city)
    for by in ("person", "unit"):
        report = gather_circular(city, OCTOBER, by, TODAY)
        text = circular_text(report, tmp_path)
        overview = text[text.index("一、总体情况") : text.index("二、分")]
        assert "包联项目新增在谈3个、签约3个、开工1个。" in overview
        assert LINE in overview, overview
        english = circular_text(report, tmp_path, "en")
        assert "Projectswithoutaresponsibleleader:2(2newintalks,1signed,0started)" in english
