"""A table that says what to do when it has no rows, instead of showing an empty grid."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QTableView


class HintTableView(QTableView):
    def __init__(self) -> None:
        super().__init__()
        self._hint = ""

    def set_empty_hint(self, text: str) -> None:
        self._hint = text
        self.viewport().update()

    def empty_hint(self) -> str:
        """The hint shown now: its text when the table has no rows, else ""."""
        model = self.model()
        return self._hint if model is None or model.rowCount() == 0 else ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        hint = self.empty_hint()
        if not hint:
            return
        p = QPainter(self.viewport())
        p.setPen(QColor("#666666"))
        area = self.viewport().rect().adjusted(24, 24, -24, -24)
        p.drawText(
            QRect(area.left(), area.top(), area.width(), min(area.height(), 120)),
            int(
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            ),
            hint,
        )
        p.end()
