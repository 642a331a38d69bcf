"""A table model over a small list of rows already turned into text (people, trips, projects),
and the proxy that sorts it by a clicked column."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
# a number as the tables show one: 2.5, -3, 1,200.50, 5,000 万元 (what follows is its unit)
_NUMBER = re.compile(r"\s*([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(.*)", re.S)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LEADING_ZERO = re.compile(r"\s*[-+]?0\d")
SortKey = tuple[Any, ...]


def natural_key(text: str) -> SortKey:
    """What a cell sorts by: empty first, then numbers by their value (a unit after them
    breaking ties), then text, dates among it (ISO dates sort as text does) — the code points
    of the text, so Chinese sorts the same on every PC."""
    if not text.strip():
        return (0,)
    if not _DATE.match(text):
        number = _NUMBER.fullmatch(text)
        if number is not None:
            try:
                return (1, Decimal(number.group(1).replace(",", "")), number.group(2))
            except InvalidOperation:  # pragma: no cover  (the pattern admits only numbers)
                pass
    return (2, text)


def natural_value(text: str) -> str | int | float:
    """A cell as a spreadsheet should hold it: a plain number as a number, else the text."""
    number = _NUMBER.fullmatch(text)
    if number is None or number.group(2) or _DATE.match(text) or _LEADING_ZERO.match(text):
        return text  # 007 stays a code, not the number 7
    value = Decimal(number.group(1).replace(",", ""))
    return int(value) if value == value.to_integral_value() and "." not in text else float(value)


class RowsTableModel(QAbstractTableModel):
    """headers are already translated; keys carry the record id of each row."""

    def __init__(self, headers: Sequence[str]) -> None:
        super().__init__()
        self._headers = list(headers)
        self._rows: list[list[str]] = []
        self._keys: list[int] = []
        self._right: set[int] = set()
        self._sort_keys: dict[int, list[SortKey]] = {}

    def set_rows(
        self, rows: Sequence[Sequence[str]], keys: Sequence[int], right_aligned: Sequence[int] = ()
    ) -> None:
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self._keys = list(keys)
        self._right = set(right_aligned)
        self._sort_keys = {}
        self.endResetModel()

    def key(self, row: int) -> int:
        return self._keys[row]

    def row_of(self, key: int) -> int:
        return self._keys.index(key) if key in self._keys else -1

    def sort_key(self, row: int, column: int) -> SortKey:
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = self._sort_keys[column] = [natural_key(r[column]) for r in self._rows]
        return keys[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class RowsSortProxy(QSortFilterProxyModel):
    """A RowsTableModel as the table shows it, sorted by the clicked column's natural_key.

    The rows stay where they are in the model (a page may keep more per row, such as the
    board's deadline colours); rows that tie keep the model's order in either direction.
    Column -1 is the model's own order."""

    def lessThan(self, left: Index, right: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RowsTableModel)
        column = left.column()
        return model.sort_key(left.row(), column) < model.sort_key(right.row(), column)
