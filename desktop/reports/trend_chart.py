"""The 12-month trend of a share against the target line: the months' figures, then the Figure.

Which months the line shows is decided here, not by the widget that draws it: months after
today are left out, the month holding today is its share so far (本月至今), and a month without
a single entry, or without base days, is a gap rather than a 0 % point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from desktop.domain.periods import Period
from desktop.domain.share import ShareResult
from desktop.reports.charts import BAR_COLOUR, PROMOTION_COLOUR, chart_style
from desktop.reports.fonts import matplotlib_family

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

TREND_MONTHS = 12


def trend_months(end: date) -> list[Period]:
    """The twelve months up to and including the month of end, oldest first."""
    index = end.year * 12 + end.month - 1
    return [Period.month(i // 12, i % 12 + 1) for i in range(index - TREND_MONTHS + 1, index + 1)]


def logged_span(month: Period, today: date) -> Period | None:
    """The days of month whose entries say whether it has any: up to today; None after it."""
    if month.start > today:
        return None
    return Period.between(month.start, min(month.end, today))


class PointKind(StrEnum):
    FULL = "full"  # a month gone by
    SO_FAR = "so_far"  # the month holding today: its share so far
    GAP = "gap"  # no entries at all, or no base days: no point, the line broken


@dataclass(frozen=True, slots=True)
class TrendPoint:
    month: Period
    kind: PointKind
    share: float | None  # None exactly when kind is GAP

    @property
    def label(self) -> str:
        """The month as the axis names it: 26.09."""
        return f"{self.month.start.year % 100:02d}.{self.month.start.month:02d}"


def trend_points(
    months: Sequence[Period],
    results: Sequence[Sequence[ShareResult]],
    logged: Sequence[bool],
    today: date,
) -> list[TrendPoint]:
    """One point per month up to today's (later months left out). results are each month's
    shares of the persons shown (one person, or everyone: Σ promotion days ÷ Σ base days), as
    computed with the same today; logged says whether a month has any entry dated in its
    logged_span()."""
    points = []
    for month, shares, any_entry in zip(months, results, logged, strict=True):
        if month.start > today:
            continue
        share: float | None
        if month.end < today:
            kind, share = PointKind.FULL, _ratio(shares, so_far=False)
        else:  # the month in progress: what is done so far, not the whole month's base
            kind, share = PointKind.SO_FAR, _ratio(shares, so_far=True)
        if not any_entry or share is None:
            kind, share = PointKind.GAP, None
        points.append(TrendPoint(month, kind, share))
    return points


def _ratio(shares: Sequence[ShareResult], so_far: bool) -> float | None:
    promotion = base = 0.0
    for r in shares:
        # without a pace today is the month's last day: its share is its share so far
        if so_far and r.pace is not None:
            promotion += r.pace.promotion_days_to_date
            base += r.pace.base_days_to_date
        else:
            promotion += r.promotion_days
            base += r.base_days
    return promotion / base if base > 0 else None


def share_trend(
    points: Sequence[TrendPoint],
    target: float,
    title: str,
    target_label: str,
    so_far_label: str,
    empty_label: str = "",
) -> Figure:
    """Months gone by as a solid line with filled points, broken at gaps; the month so far as a
    hollow point joined to the month before by a dashed segment, named so_far_label."""
    from matplotlib.figure import Figure

    with chart_style():
        fig = Figure(figsize=(6.4, 2.8), layout="constrained")
        ax = fig.add_subplot()
        xs = list(range(len(points)))
        ys = [float("nan") if p.share is None else p.share * 100 for p in points]
        full = [
            y if p.kind is PointKind.FULL else float("nan") for p, y in zip(points, ys, strict=True)
        ]
        ax.plot(xs, full, marker="o", color=BAR_COLOUR, linewidth=2)
        for x, p in enumerate(points):
            if p.kind is PointKind.SO_FAR:
                _so_far(ax, x, ys, so_far_label)
        ax.axhline(
            target * 100, color=PROMOTION_COLOUR, linestyle="--", linewidth=1.2, label=target_label
        )
        ax.set_xticks(xs, [p.label for p in points])
        if points:
            ax.set_xlim(-0.5, len(points) - 0.5)
        top = max([target * 100 * 1.5, *[y for y in ys if y == y]])
        ax.set_ylim(0, top * 1.1)
        ax.yaxis.set_major_formatter("{x:.0f}%")
        ax.set_title(title, fontsize=10)
        ax.legend(frameon=False, loc="upper left")
        if empty_label and all(p.kind is PointKind.GAP for p in points):
            ax.text(0.5, 0.5, empty_label, transform=ax.transAxes, ha="center", color="#777777")
        ax.tick_params(labelfontfamily=matplotlib_family())
    return fig


def _so_far(ax: Axes, x: int, ys: Sequence[float], text: str) -> None:
    y = ys[x]
    before = ys[x - 1] if x > 0 else float("nan")
    if before == before:  # the month before has a point: join it, dashed
        ax.plot([x - 1, x], [before, y], color=BAR_COLOUR, linewidth=1.5, linestyle="--")
    ax.plot(
        [x],
        [y],
        marker="o",
        markersize=7,
        markerfacecolor="white",
        markeredgecolor=BAR_COLOUR,
        markeredgewidth=1.8,
        linestyle="--",
        color=BAR_COLOUR,
        label=text,
    )
    # the value on the side away from the dashed segment, so that the line does not cross it
    below = before == before and before > y
    ax.annotate(
        f"{y:.1f}%",
        (x, y),
        xytext=(0, -8 if below else 7),
        textcoords="offset points",
        ha="center",
        va="top" if below else "bottom",
        color=BAR_COLOUR,
        fontsize=8,
    )
