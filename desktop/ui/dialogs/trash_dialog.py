"""回收站: deleted entries, trips and projects, to put back; and one record's history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import LedgerError
from desktop.domain.history_text import Names, details, local_time
from desktop.domain.trash import TrashItem
from desktop.storage.changelog import Change
from desktop.ui.rows_model import RowsTableModel


class TrashDialog(QDialog):
    """restore(item) puts an item back (through the undo stack) or raises LedgerError."""

    def __init__(
        self,
        parent: QWidget | None,
        items: list[TrashItem],
        restore: Callable[[TrashItem], object],
        lang: str = "zh",
    ) -> None:
        super().__init__(parent)
        self._items = items
        self._restore = restore
        self._lang = lang
        self.setWindowTitle(self.tr("Recycle bin"))
        self.resize(760, 420)
        self.model = RowsTableModel(
            # what it was, the long one, last: it takes the room left and cuts no other column
            [self.tr("Deleted at"), self.tr("Kind"), self.tr("Deleted by"), self.tr("What")]
        )
        self.model.set_rows(self._rows(), [i.id for i in items])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        restore_button = buttons.addButton(
            self.tr("Put back"), QDialogButtonBox.ButtonRole.ActionRole
        )
        restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Deleted records stay here until put back.")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.setStyleSheet("color: #c0392b;")
            self.message.setText(
                self.tr("The recycle bin is empty.")
                if not self._items
                else self.tr("Select the record to put back in the list first.")
            )
            return
        row = rows[0].row()
        item = self._items[row]
        try:
            self._restore(item)
        except LedgerError as exc:
            self.message.setStyleSheet("color: #c0392b;")
            self.message.setText(exc.message(self._lang))
            return
        del self._items[row]
        self.model.set_rows(self._rows(), [i.id for i in self._items])
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Put back: %1").replace("%1", item.label))

    def _rows(self) -> list[list[str]]:
        kinds = {"entry": self.tr("Entry"), "trip": self.tr("Trip"), "project": self.tr("Project")}
        return [
            [local_time(i.deleted_at), kinds.get(i.kind, i.kind), i.deleted_by, i.label]
            for i in self._items
        ]


class HistoryDialog(QDialog):
    """Who changed a record, when (local time) and what, each field as old → new."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        changes: list[Change],
        names: Names | None = None,
        lang: str = "zh",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History: %1").replace("%1", title))
        self.resize(820, 420)
        actions = {
            "insert": self.tr("added"),
            "update": self.tr("changed"),
            "delete": self.tr("deleted"),
            "restore": self.tr("put back"),
            "import": self.tr("imported"),
            "undo_import": self.tr("import undone"),
            "redo_import": self.tr("import redone"),
            "demo": self.tr("sample data"),
            "intake": self.tr("taken in"),
        }
        names = names or Names()
        model = RowsTableModel(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details")]
        )
        model.set_rows(
            [
                [
                    local_time(c.at),
                    c.actor or "—",
                    actions.get(c.action, c.action),
                    details(c.before, c.after, names, lang),
                ]
                for c in changes
            ],
            list(range(len(changes))),
        )
        table = QTableView()
        table.setModel(model)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnsToContents()
        table.setColumnWidth(3, 520)
        table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
