"""A place on a page for a matplotlib Figure; matplotlib is imported only when one is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGraphicsOpacityEffect, QLabel, QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from matplotlib.figure import Figure

STALE_OPACITY = 0.3  # a chart of what the page no longer shows, until its new one is drawn


class ChartWidget(QWidget):
    """Shows one figure. A page that changes what it is about calls mark_stale() at once: the
    old picture is greyed out and the widget disabled until set_figure() gives it the new one,
    so that no chart passes for the current one while the page's heading names something else."""

    def __init__(self, placeholder: str = "") -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._canvas: QWidget | None = None
        self._figure: Figure | None = None
        self._placeholder = QLabel(placeholder)
        self._layout.addWidget(self._placeholder)
        self.setMinimumHeight(150)  # the dashboard's two rows still fit a 1024×640 window
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def figure(self) -> Figure | None:
        """The figure shown (greyed out while the widget is stale), None before the first."""
        return self._figure

    @property
    def stale(self) -> bool:
        return not self.isEnabled()

    def mark_stale(self) -> None:
        self.setEnabled(False)
        if self._canvas is not None and self._canvas.graphicsEffect() is None:
            effect = QGraphicsOpacityEffect(self._canvas)
            effect.setOpacity(STALE_OPACITY)
            self._canvas.setGraphicsEffect(effect)

    def set_figure(self, figure: Figure) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        if self._canvas is not None:
            self._layout.removeWidget(self._canvas)
            self._canvas.deleteLater()
        self._placeholder.hide()
        self._layout.addWidget(canvas)
        self._canvas = canvas
        self._figure = figure
        self.setEnabled(True)
        canvas.draw_idle()  # type: ignore[no-untyped-call]
