"""The circular built from reports taken in names the units that did not submit (未报送) and
leaves out of the ranking those of whom nothing came in."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.periods import Period
from desktop.domain.submission import Missing
from desktop.reports.export import csv_bytes, render_pdf
from desktop.reports.sources import gather_circular
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY
from tests.reports.conftest import OCTOBER, pdf_text


def test_the_missing_are_named_and_not_ranked(city: Ledger, tmp_path: Path) -> None:
    persons = {p.name: p for p in city.persons()}
    missing = [
        Missing(persons["赵敏"], (OCTOBER,), whole_period=True),
        Missing(persons["陈静"], (Period.month(2026, 9),), whole_period=False),
    ]
    report = gather_circular(city, OCTOBER, "person", TODAY, not_submitted=missing)
    names = [r.name for r in report.rows]
    assert "赵敏" not in names and "陈静" in names and report.total.persons == 5
    assert report.not_submitted_units() == [("市商务局", "赵敏"), ("高新区", "陈静（9月）")]
    *_, sheet = report.sheets()
    assert sheet.key == "not_submitted"
    assert "1,市商务局,赵敏" in csv_bytes(sheet).decode("utf-8-sig")
    text = "".join(pdf_text(render_pdf(report)[0], tmp_path))
    assert "未报送月报的单位2个（2人）：市商务局（赵敏）；高新区（陈静（9月））。" in text
    # without the list the circular is as it always was
    plain = gather_circular(city, OCTOBER, "person", TODAY)
    assert len(plain.sheets()) == 2 and plain.total.persons == 6
    assert "未报送" not in "".join(pdf_text(render_pdf(plain)[0], tmp_path))
