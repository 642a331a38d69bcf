"""The 12-month trend's figures: which months it shows, which are gaps, which is the month so far;
and the chart drawn from them (a broken line, a hollow point named 本月至今)."""

from __future__ import annotations

import math
from datetime import date

import pytest
from matplotlib.colors import to_hex

from desktop.domain.periods import Period
from desktop.domain.rules import Rules
from desktop.domain.share import ShareResult, Totals, compute_share
from desktop.domain.workcalendar import WorkCalendar
from desktop.reports.charts import figure_png
from desktop.reports.trend_chart import (
    PointKind,
    TrendPoint,
    logged_span,
    share_trend,
    trend_months,
    trend_points,
)

CAL = WorkCalendar()
RULES = Rules()
TODAY = date(2026, 11, 20)  # a Friday: 15 of November's 21 working days done
FULL, SO_FAR, GAP = PointKind.FULL, PointKind.SO_FAR, PointKind.GAP


def result(code: str, today: date, promotion: float, to_date: float = 0.0, leave: float = 0.0):
    return compute_share(
        Period.parse(code), CAL, Totals(promotion, leave, to_date, leave), RULES, today
    )


@pytest.mark.parametrize(
    ("end", "first", "last"),
    [
        (date(2026, 11, 30), "2025-12", "2026-11"),
        (date(2026, 12, 31), "2026-01", "2026-12"),  # a year's period: its twelve months
        (date(2026, 1, 31), "2025-02", "2026-01"),
        (date(2026, 2, 28), "2025-03", "2026-02"),
    ],
)
def test_the_twelve_months_end_with_the_periods_last(end: date, first: str, last: str) -> None:
    months = trend_months(end)
    assert len(months) == 12 and len(set(months)) == 12
    assert (months[0].code, months[-1].code) == (first, last)
    assert months == sorted(months, key=lambda m: m.start)


@pytest.mark.parametrize(
    ("code", "span"),
    [
        ("2026-10", (date(2026, 10, 1), date(2026, 10, 31))),  # gone by: all of it
        ("2026-11", (date(2026, 11, 1), TODAY)),  # in progress: up to today
        ("2026-12", None),  # after today: nothing is logged there yet
    ],
)
def test_a_months_entries_count_up_to_today(code: str, span: tuple[date, date] | None) -> None:
    got = logged_span(Period.parse(code), TODAY)
    assert (None if got is None else (got.start, got.end)) == span


def _points(
    today: date, rows: list[tuple[str, list[ShareResult], bool]]
) -> list[tuple[str, PointKind, float | None]]:
    points = trend_points(
        [Period.parse(c) for c, _, _ in rows], [r for _, r, _ in rows], [x for *_, x in rows], today
    )
    return [(p.month.code, p.kind, None if p.share is None else round(p.share, 4)) for p in points]


def test_gone_by_months_are_their_share_and_months_without_entries_are_gaps() -> None:
    rows = [
        ("2026-07", [result("2026-07", TODAY, 23 / 3)], True),  # 23 working days
        ("2026-08", [result("2026-08", TODAY, 0.0)], False),  # not a single entry
        ("2026-09", [result("2026-09", TODAY, 0.0)], True),  # entries, none of them promotion
        ("2026-10", [result("2026-10", TODAY, 1.0, leave=18.0)], True),  # all 18 days on leave
    ]
    assert _points(TODAY, rows) == [
        ("2026-07", FULL, 0.3333),
        ("2026-08", GAP, None),
        ("2026-09", FULL, 0.0),  # a month's real 0 %, not a gap
        ("2026-10", GAP, None),  # no base days: no share to draw
    ]


def test_the_month_in_progress_is_its_share_so_far_and_later_months_are_left_out() -> None:
    nov = result("2026-11", TODAY, promotion=6.0, to_date=5.0)  # a trip planned for the 26th
    assert nov.share == pytest.approx(6 / 21)  # what the chart drew before: the whole month's base
    rows = [
        ("2026-10", [result("2026-10", TODAY, 4.0)], True),
        ("2026-11", [nov], True),
        ("2026-12", [result("2026-12", TODAY, 2.0)], False),
    ]
    assert _points(TODAY, rows) == [
        ("2026-10", FULL, round(4 / 18, 4)),  # October 2026: 18 working days
        ("2026-11", SO_FAR, round(5 / 15, 4)),  # 5 days of 15 working days so far
    ]


@pytest.mark.parametrize(
    ("today", "promotion", "to_date", "logged", "expected"),
    [
        # the 1st, nothing logged yet: no point rather than 0 %
        (date(2026, 12, 1), 0.0, 0.0, False, (GAP, None)),
        (date(2026, 12, 1), 1.0, 1.0, True, (SO_FAR, 1.0)),
        # a trip planned for later in the month is not counted so far
        (date(2026, 12, 2), 3.0, 1.0, True, (SO_FAR, 0.5)),
        # the month's last day: the month is its share so far (no pace on the last day)
        (date(2026, 12, 31), 8.0, 8.0, True, (SO_FAR, round(8 / 23, 4))),
    ],
)
def test_the_month_holding_today(
    today: date,
    promotion: float,
    to_date: float,
    logged: bool,
    expected: tuple[PointKind, float | None],
) -> None:
    rows = [("2026-12", [result("2026-12", today, promotion, to_date)], logged)]
    assert _points(today, rows) == [("2026-12", *expected)]


def test_a_holiday_start_of_the_month_has_no_share_so_far() -> None:
    today = date(2026, 10, 3)  # National Day: not one working day of October done yet
    rows = [("2026-10", [result("2026-10", today, 1.0, 1.0)], True)]  # a trip on the holiday
    assert _points(today, rows) == [("2026-10", GAP, None)]


def test_everyone_together_is_the_sum_of_days_over_the_sum_of_base_days() -> None:
    oct_ = [result("2026-10", TODAY, 17.0), result("2026-10", TODAY, 0.0, leave=7.0)]
    nov = [result("2026-11", TODAY, 5.0, 5.0), result("2026-11", TODAY, 9.0, 1.0)]
    rows = [("2026-10", oct_, True), ("2026-11", nov, True)]
    assert _points(TODAY, rows) == [
        ("2026-10", FULL, round(17 / (18 + 11), 4)),
        ("2026-11", SO_FAR, round(6 / 30, 4)),
    ]


def _chart_points() -> list[TrendPoint]:
    months = trend_months(date(2026, 12, 31))
    shares = {
        "2026-01": 0.30,
        "2026-02": 0.25,
        "2026-03": 0.40,
        "2026-05": 0.35,
        "2026-06": 0.33,
        "2026-07": 0.36,
        "2026-09": 0.28,
        "2026-10": 0.31,
    }  # April and August without entries
    points = [
        TrendPoint(m, FULL, shares[m.code]) if m.code in shares else TrendPoint(m, GAP, None)
        for m in months[:10]
    ]
    return [*points, TrendPoint(months[10], SO_FAR, 0.2)]  # November so far; December left out


def test_the_chart_breaks_the_line_at_gaps_and_draws_the_month_so_far_hollow(
    tmp_path,
) -> None:
    points = _chart_points()
    fig = share_trend(points, 1 / 3, "近12个月招商精力占比", "目标 33.3%", "本月至今")
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.get_xticklabels()] == [p.label for p in points]
    assert "26.12" not in [p.label for p in points]
    solid = ax.lines[0]
    ys = list(solid.get_ydata())  # type: ignore[arg-type]
    # April, August: no point, the line broken; November not on the solid line
    assert [i for i, y in enumerate(ys) if math.isnan(y)] == [3, 7, 10]
    assert solid.get_linestyle() == "-"
    (hollow,) = [line for line in ax.lines if line.get_label() == "本月至今"]
    assert list(hollow.get_xdata()) == [10]  # type: ignore[arg-type]
    assert list(hollow.get_ydata()) == [pytest.approx(20.0)]  # type: ignore[arg-type]
    assert to_hex(hollow.get_markerfacecolor()) == "#ffffff"
    # October to November: a dashed segment, the month not yet done
    (dashed,) = [line for line in ax.lines if list(line.get_xdata()) == [9, 10]]  # type: ignore[arg-type]
    assert dashed.get_linestyle() == "--"
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == ["本月至今", "目标 33.3%"]
    png = figure_png(fig, dpi=100)
    assert png.startswith(b"\x89PNG")
    (tmp_path / "trend.png").write_bytes(png)


def test_a_gap_before_the_month_so_far_leaves_it_unjoined() -> None:
    points = _chart_points()
    points[9] = TrendPoint(points[9].month, GAP, None)  # nothing in October
    fig = share_trend(points, 1 / 3, "", "目标", "本月至今")
    (ax,) = fig.axes
    assert not [line for line in ax.lines if list(line.get_xdata()) == [9, 10]]  # type: ignore[arg-type]


def test_a_chart_of_gaps_only_says_so() -> None:
    points = [TrendPoint(m, GAP, None) for m in trend_months(date(2026, 11, 30))]
    fig = share_trend(points, 1 / 3, "", "目标", "本月至今", "这些月份没有工作记录")
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.texts] == ["这些月份没有工作记录"]
