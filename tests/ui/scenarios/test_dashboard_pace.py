"""工作台's pace through the window, on days of December 2026: on its first working days, with
nothing logged yet, it reads 刚开始 in a neutral colour, not 落后."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.ledger import Ledger
from desktop.ui.fonts import use_shipped_font
from desktop.ui.i18n import install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.dashboard_page import DashboardPage
from desktop.ui.session import Session
from tests.conftest import activity_id
from tests.ui.scenarios.drive import choose

# the dashboard's colours for falling short and for on track
RED, GREEN = "#b22222", "#2e7d32"


@pytest.fixture
def today() -> date:
    return date(2026, 12, 1)


@pytest.fixture
def ledger(db_path: Path, today: date) -> Iterator[Ledger]:
    """The test's database, its "today" the test's day (the window opens on that month)."""
    with Ledger.open(db_path, WorkCalendar(), actor="测试秘书", today=lambda: today) as led:
        yield led


@pytest.fixture
def session(qapp: QApplication, ledger: Ledger, tmp_path: Path, today: date) -> Iterator[Session]:
    use_shipped_font(qapp)
    install_language(qapp, "zh")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield Session(ledger, settings, today, "zh")
    install_language(qapp, "zh")


def _opened_on(start: Callable[[], MainWindow], person: str) -> DashboardPage:
    main = start()
    choose(main.period_bar.person, person)
    page = main.page("dashboard")
    assert isinstance(page, DashboardPage)
    assert page.heading.text() == "张伟 · 2026年12月"
    return page


@pytest.mark.parametrize(
    ("today", "logged", "pace"),
    [
        (date(2026, 12, 1), [], "进度：刚开始"),  # a Tuesday, the month's first working day
        (date(2026, 12, 2), [], "进度：刚开始"),
        (date(2026, 12, 3), [], "进度：落后"),  # a whole day of promotion due by now
        (date(2026, 12, 1), [1], "进度：正常"),
        (date(2026, 12, 3), [1], "进度：正常"),
    ],
)
def test_the_first_working_days_with_nothing_logged_read_just_started(
    start: Callable[[], MainWindow],
    ledger: Ledger,
    zhang: Person,
    today: date,
    logged: list[int],
    pace: str,
) -> None:
    assert zhang.id is not None
    out = activity_id(ledger, "外出招商")
    for day in logged:
        ledger.add_entry(Entry(zhang.id, date(2026, 12, day), out, day_part=DayPart.FULL))
    page = _opened_on(start, "张伟（市长）")
    (said,) = [label for label in _shown(page) if "进度" in label.text()]
    assert pace in said.text()
    others = {"进度：刚开始", "进度：正常", "进度：落后"} - {pace}
    assert not [label.text() for label in _shown(page) if any(o in label.text() for o in others)]
    if pace == "进度：刚开始":
        assert page.share_text.text() == "0.0%"
        assert RED not in said.styleSheet() and GREEN not in said.styleSheet()
        # the days still needed are said, but not in the colour of falling short
        assert page.status.text() == "还需 7.7 天"
        assert RED not in page.status.styleSheet()
    elif pace == "进度：落后":
        assert RED in said.styleSheet() and RED in page.status.styleSheet()


def test_everyone_together_shows_no_pace(start: Callable[[], MainWindow], zhang: Person) -> None:
    main = start()
    page = main.page("dashboard")
    assert isinstance(page, DashboardPage)
    assert page.heading.text() == "全部人员 · 2026年12月"
    assert not [label.text() for label in _shown(page) if "进度" in label.text()]


def _shown(page: DashboardPage) -> list[QLabel]:
    return [label for label in page.findChildren(QLabel) if label.isVisible()]
