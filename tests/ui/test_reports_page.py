"""The 报告 page: preview the tables, export off the GUI thread, open the file."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.reports_page import ReportsPage
from desktop.ui.report_job import ReportRequest
from tests.conftest import activity_id


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()))
    return urls


def _seed(ledger: Ledger, person: Person) -> None:
    assert person.id is not None
    for d in (8, 9, 12):
        ledger.add_entry(
            Entry(
                person.id,
                date(2026, 10, d),
                activity_id(ledger, "外出招商"),
                day_part=DayPart.FULL,
                location="重庆",
            )
        )


def test_preview_and_export_a_monthly_report(
    qtbot,
    window: MainWindow,
    ledger: Ledger,
    zhang: Person,
    tmp_path: Path,
    opened: list[str],
    warnings: list[str],
) -> None:
    _seed(ledger, zhang)
    window.session.set_person(zhang.id)
    window.session.set_period(Period.parse("2026-10"))
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)
    assert not page.hint.isVisible()
    assert page.sheet.count() >= 2 and page.model.rowCount() > 0
    out = tmp_path / "张伟-2026-10.pdf"
    job = page.start(ReportRequest("monthly", window.session.period, "pdf", out, zhang.id))
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    assert warnings == []
    assert out.exists() and opened == [str(out)]
    assert window.feedback.text.text().startswith("已生成：")
    assert window.feedback.open_file.isVisible() and window.feedback.open_folder.isVisible()
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "张伟" in text and "三分之一" in text


def test_circular_as_xlsx_and_the_monthly_needs_a_month(
    qtbot,
    window: MainWindow,
    ledger: Ledger,
    zhang: Person,
    tmp_path: Path,
    opened: list[str],
    warnings: list[str],
) -> None:
    _seed(ledger, zhang)
    window.session.set_period(Period.parse("2026Q4"))
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)
    assert page.hint.isVisible() and not page.export_button.isEnabled()
    page.kinds.select("circular")
    assert not page.hint.isVisible() and page.export_button.isEnabled()
    out = tmp_path / "circular.xlsx"
    job = page.start(ReportRequest("circular", window.session.period, "xlsx", out))
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    from openpyxl import load_workbook

    book = load_workbook(out)
    cells = [c.value for row in book.worksheets[0].iter_rows() for c in row]
    assert "张伟" in cells and "合计" in cells


def test_every_monthly_report_gets_its_own_file_when_two_names_clean_alike(
    qtbot, window: MainWindow, ledger: Ledger, tmp_path: Path, opened: list[str]
) -> None:
    # the same file name on Windows, which ignores case: the second gets -2
    for name in ("Li Na", "li na"):
        _seed(ledger, ledger.add_person(Person(name, "副区长", "高新区")))
    window.session.set_period(Period.parse("2026-10"))
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)
    folder = tmp_path / "all"
    job = page.start(ReportRequest("monthly_all", window.session.period, "csv", folder, None))
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    written = sorted(
        p.name for p in folder.iterdir() if "-" not in p.stem.removeprefix("2026-10-高新区-")
    )
    mains = [n for n in sorted(p.name for p in folder.iterdir()) if n.count("-") in (3, 4)]
    assert written == ["2026-10-高新区-Li_Na.csv"], written
    assert "2026-10-高新区-li_na-2.csv" in mains, mains
