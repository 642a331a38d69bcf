"""Charts with nothing to show say so instead of drawing bare or negative axes."""

from __future__ import annotations

from desktop.reports.charts import activity_chart, stage_chart
from desktop.reports.fonts import FontCheck


def _texts(fig: object) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]  # type: ignore[attr-defined]


def test_an_activity_chart_without_entries_says_so() -> None:
    assert _texts(activity_chart([], FontCheck(), "zh")) == ["本期没有工作记录"]
    assert _texts(activity_chart([], FontCheck(), "en")) == ["No entries in this period"]
    assert "本期没有工作记录" not in _texts(
        activity_chart([("外出招商", "promotion", 1.0)], FontCheck(), "zh")
    )


def test_a_stage_chart_without_projects_starts_at_zero_and_says_so() -> None:
    fig = stage_chart(["线索", "在谈"], [0, 0], [None, 0], "zh")
    (ax,) = fig.axes
    assert ax.get_ylim() == (0.0, 1.0)
    assert "本期没有项目" in _texts(fig)
    fig = stage_chart(["线索", "在谈"], [2, 0], [None, 1], "zh")
    assert fig.axes[0].get_ylim()[0] >= 0 and "本期没有项目" not in _texts(fig)
