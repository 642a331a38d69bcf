"""A table model over a small list of rows already turned into text (people, trips, projects),
and the proxy that sorts it by a clicked column."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
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

    def texts(self, column: int) -> list[str]:
        """Every row's text in that column, in the model's order."""
        return [r[column] for r in self._rows]

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
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class RowsSortProxy(QAbstractProxyModel):
    """A RowsTableModel as the table shows it: in the model's order, or sorted by a clicked
    column's natural_key (a sort done in Python over the keys, once: a few milliseconds for
    5,000 rows, where comparing in Qt called back into Python for each pair).

    The rows stay where they are in the model (a page may keep more per row, such as the
    board's deadline colours); rows that tie keep the model's order, either way round; the
    selection stays on its rows. Column -1 is the model's own order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._order: list[int] = []  # the model's row shown at each row
        self._where: list[int] = []  # the row each of the model's rows is shown at
        self._column = -1
        self._descending = False

    def setSourceModel(self, model: QAbstractItemModel | None) -> None:
        assert isinstance(model, RowsTableModel)
        self.beginResetModel()
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.dataChanged.connect(self._source_changed)
        model.headerDataChanged.connect(self.headerDataChanged)
        self._arrange()
        self.endResetModel()

    def rows_model(self) -> RowsTableModel:
        return self._rows()

    def _rows(self) -> RowsTableModel:
        model = self.sourceModel()
        assert isinstance(model, RowsTableModel)
        return model

    def _arrange(self) -> None:
        model = self._rows()
        rows = list(range(model.rowCount()))
        if 0 <= self._column < model.columnCount():
            column = self._column
            rows.sort(key=lambda r: model.sort_key(r, column))  # stable: ties keep their order
            if self._descending:
                rows = _reversed_keeping_ties(rows, [model.sort_key(r, column) for r in rows])
        self._order = rows
        self._where = [0] * len(rows)
        for shown, row in enumerate(rows):
            self._where[row] = shown

    def _source_reset(self) -> None:
        self._arrange()
        self.endResetModel()

    def _source_changed(self, top: QModelIndex, bottom: QModelIndex, roles: list[int]) -> None:
        for row in range(top.row(), bottom.row() + 1):
            left = self.mapFromSource(self._rows().index(row, top.column()))
            right = self.mapFromSource(self._rows().index(row, bottom.column()))
            self.dataChanged.emit(left, right, roles)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        rows = [self._order[i.row()] if i.isValid() else -1 for i in kept]
        self._column, self._descending = column, order == Qt.SortOrder.DescendingOrder
        self._arrange()
        moved = [
            self.index(self._where[r], i.column()) if r >= 0 else QModelIndex()
            for r, i in zip(rows, kept, strict=True)
        ]
        self.changePersistentIndexList(kept, moved)
        self.layoutChanged.emit()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._order)):
            return QModelIndex()
        if not 0 <= column < self.columnCount():
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        model = self.sourceModel()
        return 0 if parent.isValid() or model is None else model.columnCount()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell straight from the model's rows (what mapToSource would reach, without
        making a QModelIndex for it: a table asks several roles of every cell it measures)."""
        if not index.isValid() or index.row() >= len(self._order):
            return None
        return self._rows().cell(self._order[index.row()], index.column(), role)

    def mapToSource(self, proxy: Index) -> QModelIndex:
        if not proxy.isValid() or proxy.row() >= len(self._order):
            return QModelIndex()
        return self._rows().index(self._order[proxy.row()], proxy.column())

    def mapFromSource(self, source: Index) -> QModelIndex:
        if not source.isValid() or source.row() >= len(self._where):
            return QModelIndex()
        return self.index(self._where[source.row()], source.column())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        model = self.sourceModel()
        return None if model is None else model.headerData(section, orientation, role)


def _reversed_keeping_ties(rows: list[int], keys: list[SortKey]) -> list[int]:
    """rows (sorted by keys) the other way round, rows of equal keys still in their order."""
    out: list[int] = []
    end = len(rows)
    while end > 0:
        start = end - 1
        while start > 0 and keys[start - 1] == keys[end - 1]:
            start -= 1
        out += rows[start:end]
        end = start
    return out
