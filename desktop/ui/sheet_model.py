"""Table model over one report Sheet, showing values as the printed report does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.reports.sheet import Kind, Sheet

Index = QModelIndex | QPersistentModelIndex


def shown(value: Any, kind: Kind) -> str:
    if value is None:
        return ""
    if kind is Kind.SHARE and isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    if kind is Kind.DAYS and isinstance(value, int | float):
        return f"{value:.1f}"
    if kind is Kind.AMOUNT and isinstance(value, int | float):
        return f"{value:,.2f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class SheetTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._sheet: Sheet | None = None
        self._rows: list[list[Any]] = []  # in the report's own order
        self._order: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def set_sheet(self, sheet: Sheet | None) -> None:
        self.beginResetModel()
        self._sheet = sheet
        self._rows = [] if sheet is None else list(sheet.rows)
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By a column's values (numbers as numbers, dates as dates, empty first), ties in the
        report's order; column -1 is the report's own order."""
        self.layoutAboutToBeChanged.emit()
        self._order = (column, order)
        self._arrange()
        self.layoutChanged.emit()

    def _arrange(self) -> None:
        if self._sheet is None:
            return
        column, order = self._order
        rows = list(self._rows)
        if 0 <= column < len(self._sheet.columns):
            descending = order == Qt.SortOrder.DescendingOrder
            rows.sort(key=lambda r: _sort_key(r[column]), reverse=descending)
        self._sheet = replace(self._sheet, rows=rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._sheet is None else len(self._sheet.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._sheet is None else len(self._sheet.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._sheet is None:
            return None
        column = self._sheet.columns[index.column()]
        value = self._sheet.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(value, column.kind)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind is not Kind.TEXT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and self._sheet is not None
        ):
            return self._sheet.header[section]
        return None


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None or value == "":
        return (0, 0)
    if isinstance(value, bool):
        return (1, int(value))
    if isinstance(value, int | float | Decimal):  # scores are Decimal: sorted as numbers
        return (1, value)
    if isinstance(value, date):
        return (2, value.isoformat())
    return (3, str(value))
