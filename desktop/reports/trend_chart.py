"""The 12-month trend of a share against the target line, as a matplotlib Figure."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.reports.charts import BAR_COLOUR, PROMOTION_COLOUR, chart_style
from desktop.reports.fonts import matplotlib_family

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def share_trend(
    months: Sequence[str],
    shares: Sequence[float | None],
    target: float,
    title: str,
    target_label: str,
) -> Figure:
    """months like "2026-09"; a None share (no base days) leaves a gap in the line."""
    from matplotlib.figure import Figure

    with chart_style():
        fig = Figure(figsize=(6.4, 2.8), layout="constrained")
        ax = fig.add_subplot()
        xs = list(range(len(months)))
        ys = [float("nan") if s is None else s * 100 for s in shares]
        ax.plot(xs, ys, marker="o", color=BAR_COLOUR, linewidth=2)
        ax.axhline(
            target * 100, color=PROMOTION_COLOUR, linestyle="--", linewidth=1.2, label=target_label
        )
        ax.set_xticks(xs, [m[2:].replace("-", ".") for m in months])
        top = max([target * 100 * 1.5, *[y for y in ys if y == y]])
        ax.set_ylim(0, top * 1.1)
        ax.yaxis.set_major_formatter("{x:.0f}%")
        ax.set_title(title, fontsize=10)
        ax.legend(frameon=False, loc="upper left")
        ax.tick_params(labelfontfamily=matplotlib_family())
    return fig
