"""Report charts as matplotlib Figures (never pyplot): the same figure goes on screen and on paper.

Every label passes through a `FontCheck` first, so a character the font lacks shows as □ with a
warning rather than as an empty box.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import pairwise
from typing import TYPE_CHECKING

from desktop.reports.fonts import FontCheck, matplotlib_family
from desktop.reports.labels import label
from desktop.reports.text_fit import shorten

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from PIL.Image import Image as PILImage

PROMOTION_COLOUR = "#b22222"  # the red of official documents
OTHER_COLOUR = "#8c8c8c"
LEAVE_COLOUR = "#c8c8c8"
BAR_COLOUR = "#35608f"
MAX_LABEL = 12  # characters of an activity's name on the chart


@contextmanager
def chart_style() -> Iterator[None]:
    from matplotlib import rc_context

    family = matplotlib_family()
    with rc_context(
        {
            "font.family": [family],
            "font.size": 9,
            "axes.unicode_minus": False,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.hashsalt": "onethird",
        }
    ):
        yield


def _figure(width_cm: float, height_cm: float, left_cm: float = 1.4) -> Figure:
    """A figure with fixed margins: a layout engine would draw every chart twice, and 300
    monthly reports at a time cannot afford it."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_cm / 2.54, height_cm / 2.54))
    left_cm = min(left_cm, width_cm / 2)  # the plot keeps at least half the width
    fig.subplots_adjust(
        left=left_cm / width_cm,
        right=1 - 0.4 / width_cm,
        bottom=1.1 / height_cm,
        top=1 - 0.8 / height_cm,
    )
    return fig


def _finish(ax: Axes) -> None:
    # tick labels are made at draw time: name the font on them so a canvas drawn outside
    # chart_style() (the GUI's) uses it too
    ax.tick_params(labelfontfamily=matplotlib_family())


def activity_chart(
    lines: Sequence[tuple[str, str, float]], check: FontCheck, lang: str = "zh"
) -> Figure:
    """Horizontal bars of day-equivalents per activity; lines are (name, kind, days)."""
    # a label is cut to MAX_LABEL characters: the margin for a longer one would leave the bars
    # no room (the full names stand in the table beside the chart)
    names = [shorten(check.text(name, label("activity", lang)), MAX_LABEL) for name, _, _ in lines]
    widest = max((len(n) for n in names), default=2)
    with chart_style():
        fig = _figure(8.5, 1.6 + 0.5 * max(1, len(lines)), left_cm=0.5 + 0.34 * widest)
        fig.subplots_adjust(bottom=0.3 / (1.6 + 0.5 * max(1, len(lines))))
        ax = fig.add_subplot()
        colours = {"promotion": PROMOTION_COLOUR, "leave": LEAVE_COLOUR}
        ys = list(range(len(lines)))[::-1]
        values = [days for _, _, days in lines]
        ax.barh(ys, values, color=[colours.get(kind, OTHER_COLOUR) for _, kind, _ in lines])
        ax.set_yticks(ys, names)
        for y, v in zip(ys, values, strict=True):
            ax.annotate(f"{v:.1f}", (v, y), xytext=(3, 0), textcoords="offset points", va="center")
        # the values stand at the bars' ends: no x axis (fewer texts to draw, 300 times over)
        ax.xaxis.set_visible(False)
        ax.spines["bottom"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        ax.set_title(label("chart_activities", lang), fontsize=10)
        ax.margins(x=0.15)
        if not lines:
            _say_empty(ax, label("chart_no_entries", lang))
            ax.set_yticks([])
            for side in ("left", "bottom"):
                ax.spines[side].set_visible(False)
        _finish(ax)
    return fig


def _say_empty(ax: Axes, text: str, y: float = 0.5) -> None:
    """An empty chart says why, rather than show bare (or negative) axes."""
    ax.text(0.5, y, text, transform=ax.transAxes, ha="center", va="center", color="#777777")


def _bars(
    ax: Axes, names: Sequence[str], counts: Sequence[int], colours: Sequence[str], lang: str
) -> None:
    from matplotlib.ticker import MaxNLocator

    xs = range(len(names))
    ax.bar(xs, counts, color=colours, width=0.65)
    ax.set_xticks(list(xs), names)
    for x, n in zip(xs, counts, strict=True):
        ax.annotate(str(n), (x, n), xytext=(0, 2), textcoords="offset points", ha="center")
    ax.set_ylabel(label("chart_people", lang))
    ax.margins(y=0.15)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    _finish(ax)


def share_distribution(shares: Sequence[float | None], target: float, lang: str = "zh") -> Figure:
    """How many persons fall in each band of share; the bands below the target in red."""
    edges = sorted({0.1, 0.2, target, 0.5})
    names = [f"<{edges[0]:.0%}"]
    names += [f"{lo:.0%}–{hi:.0%}" for lo, hi in pairwise(edges)]
    names.append(f"≥{edges[-1]:.0%}")
    counts = [0] * len(names)
    for s in shares:
        if s is not None:
            counts[sum(1 for edge in edges if s + 1e-9 >= edge)] += 1
    colours = [
        PROMOTION_COLOUR if i < edges.index(target) + 1 else BAR_COLOUR for i in range(len(names))
    ]
    with chart_style():
        fig = _figure(12, 7)
        ax = fig.add_subplot()
        _bars(ax, names, counts, colours, lang)
        ax.set_title(label("chart_share", lang), fontsize=10)
    return fig


def days_out_distribution(days: Sequence[float], lang: str = "zh") -> Figure:
    """How many persons went out how long: none, up to 2 days, 2–5, 5–10, more."""
    edges = (0.0, 2.0, 5.0, 10.0)
    names = [label("not_out", lang), "≤2", "2–5", "5–10", ">10"]
    counts = [0] * len(names)
    for d in days:
        counts[sum(1 for edge in edges if d > edge + 1e-9)] += 1
    colours = [OTHER_COLOUR] + [BAR_COLOUR] * (len(names) - 1)
    with chart_style():
        fig = _figure(12, 7)
        ax = fig.add_subplot()
        _bars(ax, names, counts, colours, lang)
        ax.set_title(label("chart_days_out", lang), fontsize=10)
        ax.set_xlabel(label("chart_days", lang))
    return fig


def stage_chart(
    stages: Sequence[str], at_end: Sequence[int], reached: Sequence[int | None], lang: str = "zh"
) -> Figure:
    """Projects at each stage at the period's end, and how many reached it in the period."""
    from matplotlib.ticker import MaxNLocator

    with chart_style():
        fig = _figure(16, 6.5, left_cm=1.6)
        ax = fig.add_subplot()
        xs = list(range(len(stages)))
        ax.bar(
            [x - 0.2 for x in xs],
            at_end,
            width=0.4,
            color=BAR_COLOUR,
            label=label("projects_at_end", lang),
        )
        ax.bar(
            [x + 0.2 for x in xs],
            [r or 0 for r in reached],
            width=0.4,
            color=PROMOTION_COLOUR,
            label=label("reached_in_period", lang),
        )
        for x, a, r in zip(xs, at_end, reached, strict=True):
            ax.annotate(
                str(a), (x - 0.2, a), xytext=(0, 2), textcoords="offset points", ha="center"
            )
            if r is not None:
                ax.annotate(
                    str(r), (x + 0.2, r), xytext=(0, 2), textcoords="offset points", ha="center"
                )
        ax.set_xticks(xs, stages)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylabel(label("project_count", lang))
        ax.margins(y=0.15)
        if not any(at_end) and not any(reached):
            ax.set_ylim(0, 1)
            _say_empty(ax, label("chart_no_projects", lang), y=0.6)
        ax.legend(frameon=False)
        ax.set_title(label("chart_stages", lang), fontsize=10)
        _finish(ax)
    return fig


def figure_image(fig: Figure, dpi: int = 200) -> PILImage:
    """The figure drawn as an RGB image, straight from the renderer's buffer (no PNG to encode
    here and decode again in the PDF; no alpha channel, which would add a soft mask)."""
    from PIL import Image

    raw = io.BytesIO()
    with chart_style():
        fig.savefig(raw, format="rgba", dpi=dpi, facecolor="white")
    w, h = (int(x * dpi) for x in fig.get_size_inches())  # as the Agg renderer sizes it
    return Image.frombuffer("RGBA", (w, h), raw.getvalue(), "raw", "RGBA", 0, 1).convert("RGB")


def figure_png(fig: Figure, dpi: int = 200) -> bytes:
    """The figure as PNG bytes, the same for the same figure (no timestamp, no version)."""
    out = io.BytesIO()
    figure_image(fig, dpi).save(out, format="PNG")
    return out.getvalue()
