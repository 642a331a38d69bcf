"""The rows of the 报送 board: by person or by unit, coloured by how near the deadline is, and
the month's counts (已报送 3/5 · 已审核 1 · …)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.domain.submission import MonthState, MonthStatus, UnitStatus, Urgency, local_text
from desktop.ui.rows_model import RowsTableModel

COLOURS = {Urgency.DUE_SOON: QColor("#fff3b0"), Urgency.OVERDUE: QColor("#f8c9c4")}


class BoardTableModel(RowsTableModel):
    """The rows of the board, coloured by how close the deadline is for those not in."""

    def __init__(self, headers: list[str]) -> None:
        super().__init__(headers)
        self.urgency: list[Urgency] = []

    def cell(self, row: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            return COLOURS.get(self.urgency[row]) if row < len(self.urgency) else None
        return super().cell(row, column, role)


def person_rows(statuses: Sequence[MonthStatus], lang: str) -> list[list[str]]:
    return [
        [
            m.person.name,
            m.person.unit,
            m.state.board_label(lang),
            local_text(m.submitted_at),
            m.deadline.isoformat(),
            str(m.revision or ""),
            m.opinion,
        ]
        for m in statuses
    ]


def unit_rows(units: Sequence[UnitStatus]) -> list[list[str]]:
    return [
        [
            u.unit,
            str(u.persons),
            str(u.submitted),
            str(u.accepted),
            str(u.returned),
            "、".join(u.missing),
            u.deadline.isoformat(),
        ]
        for u in units
    ]


def counts(statuses: Sequence[MonthStatus]) -> tuple[int, int, int, int, int]:
    """(in, expected, accepted, returned, not submitted) for the counts line."""
    states = [m.state for m in statuses]
    given = sum(st in (MonthState.SUBMITTED, MonthState.ACCEPTED) for st in states)
    return (
        given,
        len(states),
        states.count(MonthState.ACCEPTED),
        states.count(MonthState.RETURNED),
        states.count(MonthState.DRAFT),
    )
