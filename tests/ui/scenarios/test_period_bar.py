"""The period bar driven by its combos, its year field and ◀/▶: every page follows the period the
bar shows, and the dashboard's share is what onethird-cli computes for that period."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.dashboard_page import DashboardPage
from desktop.ui.pages.reports_page import ReportsPage
from tests.conftest import activity_id
from tests.test_cli import ok
from tests.ui.scenarios.drive import choose, click, click_choice, click_item, type_and_enter


def _arrange(ledger: Ledger, zhang: Person) -> None:
    """Promotion days that differ from month to month, over 2025 and 2026."""
    assert zhang.id is not None
    out = activity_id(ledger, "外出招商")
    day = date(2025, 1, 6)
    while day < date(2026, 11, 20):
        if day.weekday() < 5 and day.day % (day.month % 4 + 2) == 0:
            ledger.add_entry(Entry(zhang.id, day, out, day_part=DayPart.FULL))
        day += timedelta(days=1)


def _cli_share(db: Path, code: str) -> str:
    said = json.loads(ok(db, "summary", "--period", code, "--person", "张伟", "--format", "json"))
    (row,) = said["rows"]
    return f"{row['share'] * 100:.1f}%"


def test_the_period_chosen_in_the_bar_is_the_period_every_page_shows(
    start: Callable[[], MainWindow], ledger: Ledger, zhang: Person, db_path: Path
) -> None:
    _arrange(ledger, zhang)
    main = start()
    bar = main.period_bar
    dashboard = main.page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    choose(bar.person, "张伟（市长）")
    seen: list[str] = []

    def shows(code: str, label: str, kind: str, year: int, part: str | None) -> None:
        """The bar reads kind/year/part; the dashboard names the period and its CLI share."""
        assert (bar.kind.currentText(), bar.year.value()) == (kind, year)
        assert bar.part.isVisible() == (part is not None)
        if part is not None:
            assert bar.part.currentText() == part
        assert dashboard.heading.text() == f"张伟 · {label}"
        assert dashboard.share_text.text() == _cli_share(db_path, code), code
        seen.append(dashboard.share_text.text())

    shows("2026-11", "2026年11月", "月度", 2026, "11月")
    choose(bar.part, "10月")
    shows("2026-10", "2026年10月", "月度", 2026, "10月")
    click(bar.previous)
    shows("2026-09", "2026年9月", "月度", 2026, "9月")
    choose(bar.kind, "季度")
    assert [bar.part.itemText(i) for i in range(bar.part.count())] == [
        f"第{q}季度" for q in range(1, 5)
    ]
    shows("2026Q3", "2026年第三季度", "季度", 2026, "第3季度")  # the quarter of that month
    click_choice(bar.part, "第2季度")
    shows("2026Q2", "2026年第二季度", "季度", 2026, "第2季度")
    click(bar.next)
    click(bar.next)
    shows("2026Q4", "2026年第四季度", "季度", 2026, "第4季度")
    type_and_enter(bar.year, "2025")
    shows("2025Q4", "2025年第四季度", "季度", 2025, "第4季度")
    click(bar.previous)
    shows("2025Q3", "2025年第三季度", "季度", 2025, "第3季度")
    choose(bar.kind, "年度")
    shows("2025", "2025年", "年度", 2025, None)
    click(bar.next)
    shows("2026", "2026年", "年度", 2026, None)
    choose(bar.kind, "月度")
    choose(bar.part, "12月")
    shows("2026-12", "2026年12月", "月度", 2026, "12月")
    click(bar.previous)
    type_and_enter(bar.year, "2025")
    click(bar.next)
    click(bar.next)
    shows("2026-01", "2026年1月", "月度", 2026, "1月")
    assert len(set(seen)) > 5  # the periods chosen really differ in share

    # the reports page follows the same period: a month is chosen, so the monthly report is offered
    click_item(main.sidebar, "报告")
    reports = main.page("reports")
    assert isinstance(reports, ReportsPage)
    assert reports.kind.currentText() == "个人月报"
    assert not reports.hint.isVisible() and reports.export_button.isEnabled()
    assert reports.model.rowCount() > 0
