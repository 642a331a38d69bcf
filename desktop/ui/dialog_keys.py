"""Keys every dialog and table shares: Ctrl+Enter saves a dialog from any field, Enter or F2
opens a table's selected row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QDialog

SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")  # Enter is the keypad's
OPEN_KEYS = ("Return", "Enter", "F2")


def save_on_ctrl_enter(dialog: QDialog, save: QAbstractButton) -> None:
    """Ctrl+Enter presses save, also from a multi-line note where Enter starts a new line."""
    for keys in SAVE_KEYS:
        QShortcut(QKeySequence(keys), dialog, save.click)


def open_on_enter(view: QAbstractItemView, open_row: Callable[[], object]) -> None:
    """Enter or F2 on the table opens its selected row (the table only: not the search box)."""
    for keys in OPEN_KEYS:
        shortcut = QShortcut(QKeySequence(keys), view, open_row)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
