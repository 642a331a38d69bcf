"""The trip's grid of companies visited: Tab moves from cell to cell and leaves the grid after
its last cell; Ctrl+Tab (Ctrl+Shift+Tab) leaves it from any cell, as in a form."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)


class CompanyGridView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.setItemDelegate(_CellDelegate(self))

    def _at_edge(self, forward: bool) -> bool:
        model, here = self.model(), self.currentIndex()
        if model is None or not here.isValid():
            return True
        if forward:
            return here.row() == model.rowCount() - 1 and here.column() == model.columnCount() - 1
        return here.row() == 0 and here.column() == 0

    def _leave(self, forward: bool) -> None:
        QWidget.focusNextPrevChild(self, forward)

    def focusNextPrevChild(self, next: bool) -> bool:
        if self._at_edge(next):
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # Tab in the last cell's editor would wrap to the first cell; it leaves the grid instead
        forward = hint == QAbstractItemDelegate.EndEditHint.EditNextItem
        backward = hint == QAbstractItemDelegate.EndEditHint.EditPreviousItem
        if (forward or backward) and self._at_edge(forward):
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._leave(forward)
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        direction = _ctrl_tab(event)
        if direction is not None:
            self._leave(direction)
            return
        super().keyPressEvent(event)


class _CellDelegate(QStyledItemDelegate):
    """Ctrl+Tab in a cell being typed keeps the text and leaves the grid (the plain delegate
    reads it as Tab and moves to the next cell)."""

    def __init__(self, view: CompanyGridView) -> None:
        super().__init__(view)
        self._view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            direction = _ctrl_tab(event)
            if direction is not None and isinstance(watched, QWidget):
                self.commitData.emit(watched)
                self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
                self._view._leave(direction)
                return True
        return super().eventFilter(watched, event)


def _ctrl_tab(event: QKeyEvent) -> bool | None:
    """True for Ctrl+Tab, False for Ctrl+Shift+Tab, None for any other key."""
    if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return None
    if event.key() == Qt.Key.Key_Tab:
        return True
    if event.key() == Qt.Key.Key_Backtab:
        return False
    return None
