"""工作台 driven through the period bar: its charts are drawn when it opens, and when another
person or period is chosen no chart passes for the current one while it still shows the
previous choice (it is greyed out, disabled, until the new one is drawn)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from matplotlib.figure import Figure
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QComboBox

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.dashboard_page import DashboardPage
from tests.conftest import activity_id
from tests.ui.scenarios.drive import choose

DRAWN_WITHIN_MS = 5_000


@pytest.fixture
def li(ledger: Ledger) -> Person:
    return ledger.add_person(Person("李娜", "副市长", "市人民政府", "生物医药产业链"))


def _arrange(ledger: Ledger, zhang: Person, li: Person) -> None:
    """张伟 goes out (外出招商), 李娜 negotiates (项目洽谈): their activity charts differ."""
    assert zhang.id is not None and li.id is not None
    out, talks = activity_id(ledger, "外出招商"), activity_id(ledger, "项目洽谈")
    for day in (3, 4, 5, 10, 11):
        ledger.add_entry(Entry(zhang.id, date(2026, 11, day), out, day_part=DayPart.FULL))
        ledger.add_entry(Entry(zhang.id, date(2026, 10, day + 10), out, day_part=DayPart.FULL))
    for day in (6, 12):
        ledger.add_entry(Entry(li.id, date(2026, 11, day), talks, day_part=DayPart.HALF))
        ledger.add_entry(Entry(li.id, date(2026, 10, day + 7), talks, day_part=DayPart.HALF))


def _dashboard(main: MainWindow) -> DashboardPage:
    page = main.page("dashboard")
    assert isinstance(page, DashboardPage)
    return page


def _drawn(page: DashboardPage) -> bool:
    return all(c.figure is not None and not c.stale for c in page.charts)


def _activities(page: DashboardPage) -> list[str]:
    """The activities the activity chart shows bars for."""
    figure = page.activities.figure
    assert figure is not None
    (ax,) = figure.axes
    return [t.get_text() for t in ax.get_yticklabels()]


class FirstPaint(QObject):
    """What each chart showed when the heading was first painted after a choice: the frame in
    which a person first sees the new heading."""

    def __init__(self, page: DashboardPage) -> None:
        super().__init__()
        self.page = page
        self.seen: list[tuple[bool, Figure | None]] | None = None
        page.heading.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.seen is None:
            self.seen = [(c.stale, c.figure) for c in self.page.charts]
            watched.removeEventFilter(self)
        return False


def _choose_and_check(qtbot, page: DashboardPage, combo: QComboBox, text: str) -> None:
    """Choose text; right then, and in the first paint of the new heading, every chart is
    either stale (greyed out) or a figure drawn since the choice, never a previous one."""
    before = [c.figure for c in page.charts]
    heading = page.heading.text()
    first_paint = FirstPaint(page)
    choose(combo, text)
    assert page.heading.text() != heading
    for chart, old in zip(page.charts, before, strict=True):
        assert chart.stale or chart.figure is not old, f"{chart} shows the previous picture"
    qtbot.waitUntil(lambda: first_paint.seen is not None, timeout=DRAWN_WITHIN_MS)
    assert first_paint.seen is not None
    for (stale, figure), old in zip(first_paint.seen, before, strict=True):
        assert stale or figure is not old, "the new heading was painted over a previous chart"
    qtbot.waitUntil(lambda: _drawn(page), timeout=DRAWN_WITHIN_MS)


def test_the_charts_are_drawn_when_the_dashboard_opens(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, zhang: Person, li: Person
) -> None:
    _arrange(ledger, zhang, li)
    page = _dashboard(start())
    assert page.isVisible()
    qtbot.waitUntil(lambda: _drawn(page), timeout=DRAWN_WITHIN_MS)
    assert _activities(page) == ["外出招商", "项目洽谈"]  # 全部人员


def test_another_person_or_period_greys_the_old_charts_until_the_new_are_drawn(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, zhang: Person, li: Person
) -> None:
    _arrange(ledger, zhang, li)
    main = start()
    page, bar = _dashboard(main), main.period_bar
    qtbot.waitUntil(lambda: _drawn(page), timeout=DRAWN_WITHIN_MS)

    _choose_and_check(qtbot, page, bar.person, "张伟（市长）")
    assert page.heading.text() == "张伟 · 2026年11月"
    assert _activities(page) == ["外出招商"]

    _choose_and_check(qtbot, page, bar.person, "李娜（副市长）")
    assert page.heading.text() == "李娜 · 2026年11月"
    assert _activities(page) == ["项目洽谈"]

    _choose_and_check(qtbot, page, bar.part, "10月")
    assert page.heading.text() == "李娜 · 2026年10月"
    assert _activities(page) == ["项目洽谈"]


def _trend(page: DashboardPage) -> tuple[list[str], dict[str, float], list[str], list[str]]:
    """What the trend chart shows: its months, the months with a point on the solid line and
    their values, the months drawn as “so far”, and the legend's words."""
    figure = page.trend.figure
    assert figure is not None
    (ax,) = figure.axes
    months = [t.get_text() for t in ax.get_xticklabels()]
    solid = ax.lines[0]
    points = {
        months[int(x)]: float(y)
        for x, y in zip(solid.get_xdata(), solid.get_ydata(), strict=True)  # type: ignore[arg-type]
        if y == y
    }
    so_far = [
        months[int(x)]
        for line in ax.lines[1:]
        if line.get_marker() == "o" and line.get_markerfacecolor() in ("white", "w")
        for x in line.get_xdata()  # type: ignore[union-attr]
    ]
    legend = ax.get_legend()
    words = [] if legend is None else [t.get_text() for t in legend.get_texts()]
    return months, points, so_far, words


def test_the_trend_leaves_out_later_months_breaks_at_empty_ones_and_marks_this_month(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, zhang: Person, li: Person
) -> None:
    """张伟 logged nothing in June 2026; November (today the 20th) is not over yet."""
    _arrange(ledger, zhang, li)
    assert zhang.id is not None
    out = activity_id(ledger, "外出招商")
    for month in (1, 2, 3, 4, 5, 7, 8, 9):
        ledger.add_entry(Entry(zhang.id, date(2026, month, 15), out, day_part=DayPart.FULL))
    main = start()
    page, bar = _dashboard(main), main.period_bar
    choose(bar.person, "张伟（市长）")
    qtbot.waitUntil(lambda: _drawn(page), timeout=DRAWN_WITHIN_MS)
    months, points, so_far, words = _trend(page)
    assert months == ["25.12", *[f"26.{m:02d}" for m in range(1, 12)]]
    # December 2025 and June: no entries at all, so no point (not 0 %)
    assert "25.12" not in points and "26.06" not in points
    assert points["26.10"] == pytest.approx(500 / 18)  # 5 days of 18
    assert "26.11" not in points and so_far == ["26.11"]
    assert "本月至今" in words

    choose(bar.kind, "年度")  # 2026: December is still to come
    qtbot.waitUntil(lambda: _drawn(page), timeout=DRAWN_WITHIN_MS)
    months, points, so_far, words = _trend(page)
    assert months == [f"26.{m:02d}" for m in range(1, 12)]
    assert so_far == ["26.11"]
