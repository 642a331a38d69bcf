"""The one-third table (per person, unit or group) as headers and rows, ready to print or save."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.share import GroupShare, PersonShare, group_shares
from desktop.reports.labels import label


@dataclass(frozen=True, slots=True)
class Table:
    keys: tuple[str, ...]
    header: tuple[str, ...]
    rows: list[list[Any]]  # plain values: str, int, float, bool, None


def round_up(value: float, places: int = 1) -> float:
    """Days still needed are rounded up, so "还需 0.0 天" never hides a shortfall."""
    factor = 10**places
    return float(math.ceil(value * factor - 1e-9) / factor)


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def summary_table(items: Sequence[PersonShare], by: str = "person", lang: str = "zh") -> Table:
    if by == "person":
        keys: tuple[str, ...] = (
            "name",
            "title",
            "unit",
            "group",
            "workdays",
            "leave_days",
            "base_days",
            "promotion_days",
            "share",
            "met",
            "days_needed",
            "pace",
        )
        rows: list[list[Any]] = []
        for item in items:
            r, p = item.result, item.person
            pace = None
            if r.pace is not None:
                pace = label(r.pace.status.value, lang)
            rows.append(
                [
                    p.name,
                    p.title,
                    p.unit,
                    p.group,
                    r.workdays,
                    round(r.leave_days, 2),
                    round(r.base_days, 2),
                    round(r.promotion_days, 2),
                    _share(r.share),
                    r.met,
                    round_up(r.days_needed),
                    pace,
                ]
            )
    else:
        attr = "unit" if by == "unit" else "group"
        groups: list[GroupShare] = group_shares(
            (getattr(item.person, attr), item.result) for item in items
        )
        keys = (attr, "persons", "base_days", "promotion_days", "share", "met_count", "days_needed")
        rows = [
            [
                g.name,
                g.persons,
                round(g.base_days, 2),
                round(g.promotion_days, 2),
                _share(g.share),
                g.met_count,
                round_up(g.days_needed),
            ]
            for g in groups
        ]
    return Table(keys, tuple(label(k, lang) for k in keys), rows)


def display_cell(key: str, value: Any, lang: str = "zh") -> str:
    """A value as a person reads it: 35.2%, 达标/未达标, empty for none."""
    if value is None:
        return "—" if key == "share" else ""
    if key == "share":
        return f"{value * 100:.1f}%"
    if key == "met":
        return label("yes" if value else "no", lang)
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)
