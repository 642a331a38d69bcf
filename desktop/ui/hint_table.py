"""The table every page shows its records in, used as a spreadsheet is: says what to do when it
has no rows; a click on a heading sorts by that column (again: the other way round); Shift and
Ctrl select several rows, Ctrl+C copies them with the headings as tab-separated text (pasted
into Excel or WPS as cells); a cell cut short shows its whole text as a tooltip; the column
widths a person sets are remembered for the next time."""

from __future__ import annotations

import heapq
import html
from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QRect, QSettings, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QTableView,
    QToolTip,
)

from desktop.ui.rows_model import RowsSortProxy, RowsTableModel

WIDEST_FITTED = 320  # a column sized to its contents is at most this wide (a long note)


def tsv(rows: Sequence[Sequence[str]]) -> str:
    """Rows as Excel puts them on the clipboard: cells by tabs, rows by line breaks; a cell
    holding a tab, a line break or a quote is quoted, its quotes doubled."""

    def cell(text: str) -> str:
        if any(c in text for c in '\t\n\r"'):
            return '"' + text.replace('"', '""') + '"'
        return text

    return "".join("\t".join(cell(t) for t in row) + "\n" for row in rows)


FITTED_ROWS = 200
MEASURED_TEXTS = 40  # the longest texts of a column (by characters) measured to fit it


class HintTableView(QTableView):
    def __init__(self) -> None:
        super().__init__()
        self._hint = ""
        self._widths_key = ""
        self._settings: QSettings | None = None
        self._pressed_widths: list[int] = []
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the model's own order
        self.setSortingEnabled(True)
        header.viewport().installEventFilter(self)
        # fitting a column measures the rows on screen and this many more, not up to 1,000
        # (Qt's default), so a list of thousands is sized in a few hundredths of a second
        header.setResizeContentsPrecision(FITTED_ROWS)

    # -- the model, sorted ------------------------------------------------------------------

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """A RowsTableModel is shown through a RowsSortProxy; another model sorts itself
        (the entries, in SQL)."""
        if isinstance(model, RowsTableModel):
            proxy = RowsSortProxy(self)
            proxy.setSourceModel(model)
            model = proxy
        super().setModel(model)
        header = self.horizontalHeader()
        if model is not None:
            model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.restore_widths()

    def source_row(self, row: int) -> int:
        """The model's row shown at row (they differ once a RowsTableModel is sorted)."""
        model = self.model()
        if isinstance(model, RowsSortProxy):
            return model.mapToSource(model.index(row, 0)).row()
        return row

    def selected_rows(self) -> list[int]:
        """The rows selected, as the table shows them from the top."""
        selection = self.selectionModel()
        if selection is None:
            return []
        return sorted(i.row() for i in selection.selectedRows())

    def selected_source_rows(self) -> list[int]:
        return [self.source_row(r) for r in self.selected_rows()]

    def current_source_row(self) -> int | None:
        """The row Enter opens: the one last clicked, if selected; else the first selected."""
        rows = self.selected_rows()
        if not rows:
            return None
        current = self.currentIndex().row()
        return self.source_row(current if current in rows else rows[0])

    # -- Ctrl+C -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            event.accept()
            return
        super().keyPressEvent(event)

    def shown_columns(self) -> list[int]:
        header = self.horizontalHeader()
        model = self.model()
        count = 0 if model is None else model.columnCount()
        logical = (header.logicalIndex(v) for v in range(count))
        return [c for c in logical if not header.isSectionHidden(c)]

    def shown_rows(self, rows: Sequence[int]) -> list[list[str]]:
        """The headings, then these rows, as the table shows them."""
        model = self.model()
        if model is None:
            return []
        columns = self.shown_columns()
        horizontal = Qt.Orientation.Horizontal
        out = [[str(model.headerData(c, horizontal) or "") for c in columns]]
        for r in rows:
            out.append([_text(model.index(r, c).data()) for c in columns])
        return out

    def copy_selection(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            QGuiApplication.clipboard().setText(tsv(self.shown_rows(rows)))
        finally:
            QApplication.restoreOverrideCursor()

    # -- a cell's whole text ----------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.indexAt(event.pos())
            own = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
            if not own:
                text = _text(index.data()) if index.isValid() else ""
                if text and self.is_cut(index, text):
                    QToolTip.showText(
                        event.globalPos(), _tip(text), self.viewport(), self.visualRect(index)
                    )
                else:
                    QToolTip.hideText()
                    event.ignore()
                return True
        return super().viewportEvent(event)

    def is_cut(self, index: QModelIndex, text: str) -> bool:
        """Whether the cell shows less than its text: too wide for its column, or of lines."""
        if "\n" in text or "\r" in text:
            return True
        style = self.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        room = self.visualRect(index).width() - 2 * margin
        return self.fontMetrics().horizontalAdvance(text) > room

    # -- column widths ----------------------------------------------------------------------

    def remember_widths(self, settings: QSettings, key: str) -> None:
        """Keep the widths a person drags the columns to under key, and show them again."""
        self._settings, self._widths_key = settings, key
        self.restore_widths()

    def widths(self) -> list[int]:
        model = self.model()
        count = 0 if model is None else model.columnCount()
        return [self.columnWidth(c) for c in range(count)]

    def remembered_widths(self) -> list[int]:
        if self._settings is None or not self._widths_key:
            return []
        text = str(self._settings.value(f"tables/{self._widths_key}/widths", "") or "")
        try:
            widths = [int(w) for w in text.split(",") if w.strip()]
        except ValueError:
            return []
        return widths if len(widths) == len(self.widths()) and all(w > 0 for w in widths) else []

    def restore_widths(self) -> bool:
        widths = self.remembered_widths()
        last = len(widths) - 1 if self.horizontalHeader().stretchLastSection() else -1
        for col, width in enumerate(widths):
            if col != last:
                self.setColumnWidth(col, width)
        return bool(widths)

    def fit_columns(self) -> None:
        """Columns as wide as the person left them; before that, as their contents."""
        if self.restore_widths():
            return
        model = self.model()
        if isinstance(model, RowsSortProxy):
            self._fit_to_texts(model.rows_model())
        else:
            self.resizeColumnsToContents()
        for col in range(len(self.widths())):
            self.setColumnWidth(col, min(self.columnWidth(col) + 16, WIDEST_FITTED))

    def _fit_to_texts(self, model: RowsTableModel) -> None:
        """Each column as wide as its heading or its widest text, measured on the longest
        texts of all its rows (what resizeColumnsToContents finds, without asking the model
        for several roles of each of a thousand cells)."""
        metrics = self.fontMetrics()
        margin = 2 * (
            self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        )
        header = self.horizontalHeader()
        for col in range(model.columnCount()):
            longest = heapq.nlargest(MEASURED_TEXTS, set(model.texts(col)), key=len)
            lines = [line for text in longest for line in text.split("\n")]
            text = max((metrics.horizontalAdvance(t) for t in lines), default=0)
            self.setColumnWidth(col, max(text + margin, header.sectionSizeHint(col)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A drag of a heading's edge (or a double-click on it) ends with a release: the widths
        it left are kept."""
        if watched is self.horizontalHeader().viewport():
            kind = event.type()
            if kind == QEvent.Type.MouseButtonPress:
                self._pressed_widths = self.widths()
            elif kind == QEvent.Type.MouseButtonRelease and self._settings is not None:
                widths = self.widths()
                if self._widths_key and widths and widths != self._pressed_widths:
                    self._settings.setValue(
                        f"tables/{self._widths_key}/widths", ",".join(str(w) for w in widths)
                    )
                self._pressed_widths = widths
        return super().eventFilter(watched, event)

    # -- no rows ----------------------------------------------------------------------------

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


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _tip(text: str) -> str:
    """The text as a tooltip that wraps a long note instead of running off the screen."""
    return "<qt>" + html.escape(text).replace("\r\n", "\n").replace("\n", "<br>") + "</qt>"
