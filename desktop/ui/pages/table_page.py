"""A page with a toolbar of buttons over a table of records: the shape of 外出招商, 项目, 人员."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
)

from desktop.ui.hint_table import HintTableView
from desktop.ui.pages.base import Page
from desktop.ui.rows_model import RowsTableModel
from desktop.ui.session import Session

SIZED_ROWS = 200


class TablePage(Page):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.model = RowsTableModel([])
        self.table = HintTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # columns sized from the rows in view and around them, not every row of a long table
        self.table.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
        self.buttons: list[QPushButton] = []
        self.toolbar = QHBoxLayout()
        self.toolbar.addStretch(1)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.toolbar)
        self.body.addWidget(self.table, 1)

    def setup(self, headers: Sequence[str], buttons: Sequence[str]) -> list[QPushButton]:
        """Column headings and toolbar buttons, in the subclass's own translation context."""
        self.model = RowsTableModel(headers)
        self.table.setModel(self.model)
        for i, text in enumerate(buttons):
            button = QPushButton(text)
            self.toolbar.insertWidget(i, button)
            self.buttons.append(button)
        return self.buttons

    def selected_key(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.key(rows[0].row()) if rows else None

    def fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col) + 16, 320))
