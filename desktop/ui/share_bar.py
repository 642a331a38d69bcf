"""The share against the target as a bar a leader reads at a glance."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

RED = QColor("#b22222")
GREEN = QColor("#2e7d32")
TRACK = QColor("#e6e6e6")


class ShareBar(QWidget):
    """A horizontal bar from 0 to max(60 %, share) with a line at the target."""

    def __init__(self) -> None:
        super().__init__()
        self.share: float | None = None
        self.target = 1 / 3
        self.setMinimumHeight(52)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_share(self, share: float | None, target: float) -> None:
        self.share, self.target = share, target
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale = max(0.6, (self.share or 0) * 1.1, self.target * 1.5)
        track = QRectF(8, 20, self.width() - 16, 24)  # the label above it, 0–16
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(TRACK)
        p.drawRoundedRect(track, 6, 6)
        if self.share is not None and self.share > 0:
            filled = QRectF(track)
            filled.setWidth(track.width() * min(1.0, self.share / scale))
            p.setBrush(GREEN if self.share + 1e-9 >= self.target else RED)
            p.drawRoundedRect(filled, 6, 6)
        x = track.left() + track.width() * self.target / scale
        p.setPen(QPen(QColor("#333333"), 2, Qt.PenStyle.DashLine))
        p.drawLine(int(x), int(track.top() - 3), int(x), int(track.bottom() + 6))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        p.setFont(font)
        p.setPen(QColor("#333333"))
        p.drawText(
            QRectF(x - 60, 0, 120, 16),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("Target %1").replace("%1", f"{self.target * 100:.1f}%"),
        )
        p.end()
