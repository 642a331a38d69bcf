"""单位排序: the office's official order of its units and of its groups, put in order by drag and
drop or with 上移 / 下移. The dialog returns the two lists; the page saves them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.screen_fit import keep_on_screen


def names_in_order(ordered: Sequence[str], in_use: Iterable[str]) -> list[str]:
    """The order as set, then the names in use it does not hold yet, as reports place them
    (in character order)."""
    rest = sorted({n for n in in_use if n} - set(ordered))
    return [*ordered, *rest]


class OrderListWidget(QWidget):
    """One list to put in order: drag an item, or select it and press 上移 / 下移."""

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.addItems(list(names))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.up = QPushButton(self.tr("Move up"))
        self.down = QPushButton(self.tr("Move down"))
        side = QVBoxLayout()
        side.addWidget(self.up)
        side.addWidget(self.down)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(side)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        if self.list.count():
            self.list.setCurrentRow(0)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]


class OrderDialog(QDialog):
    def __init__(self, parent: QWidget | None, units: Sequence[str], groups: Sequence[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Official order of units"))
        self.resize(480, 520)
        keep_on_screen(self)
        self.units = OrderListWidget(units)
        self.groups = OrderListWidget(groups)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.units, self.tr("Units"))
        self.tabs.addTab(self.groups, self.tr("Groups"))
        hint = QLabel(
            self.tr(
                "Reports list units and groups in this order where the custom is a fixed "
                "order, and break ties with it elsewhere. Drag a name, or select it and move it."
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def orders(self) -> dict[str, list[str]]:
        """kind ("unit", "group") -> the names in the order chosen."""
        return {"unit": self.units.names(), "group": self.groups.names()}
