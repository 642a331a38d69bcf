"""What the monthly report's tables say, read back from the PDF as a reader sees the page."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.reports.export import render_pdf
from desktop.reports.sources import gather_monthly
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY
from tests.reports.conftest import OCTOBER, layout_pages, squash


def monthly_lines(city: Ledger, name: str, tmp_path: Path, lang: str = "zh") -> list[str]:
    (report,) = gather_monthly(city, [city.find_person(name)], OCTOBER, TODAY)
    data, _ = render_pdf(report, lang, invariant=True)
    return [line for page in layout_pages(data, tmp_path) for line in page]


def test_the_promotion_subtotal_reads_as_part_of_the_total(city: Ledger, tmp_path: Path) -> None:
    """四、时间分布: 合计, then under it 其中：招商工作 with its entries and days."""
    lines = [squash(line) for line in monthly_lines(city, "张伟", tmp_path)]
    (total,) = [i for i, line in enumerate(lines) if re.fullmatch(r"合计\d+\d+\.\d", line)]
    assert lines[total] == "合计2915.7"
    assert lines[total + 1] == "其中：招商工作1610.0"
    assert not any(line.startswith("其中招商") for line in lines)  # the old, unlabelled row
    english = [squash(line) for line in monthly_lines(city, "张伟", tmp_path, "en")]
    at = english.index("Total2915.7")
    assert english[at + 1] == "ofwhich:promotion1610.0"
