"""Table model over one report Sheet, showing values as the printed report does."""

from __future__ import annotations

from datetime import date
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

    def set_sheet(self, sheet: Sheet | None) -> None:
        self.beginResetModel()
        self._sheet = sheet
        self.endResetModel()

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
