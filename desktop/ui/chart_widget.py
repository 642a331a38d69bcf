"""A place on a page for a matplotlib Figure; matplotlib is imported only when one is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from matplotlib.figure import Figure


class ChartWidget(QWidget):
    def __init__(self, placeholder: str = "") -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._canvas: QWidget | None = None
        self._placeholder = QLabel(placeholder)
        self._layout.addWidget(self._placeholder)
        self.setMinimumHeight(150)  # the dashboard's two rows still fit a 1024×640 window
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

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
        canvas.draw_idle()  # type: ignore[no-untyped-call]
