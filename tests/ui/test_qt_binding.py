"""The installed PySide6 keeps Python's reference counts right. PySide6 6.12.0 lowered None's
count by one on every call of a Qt method that returns nothing (setEnabled, processEvents …);
on Python 3.11 the interpreter then aborts with "none_dealloc" after a few thousand calls, or
at exit. pyproject.toml leaves that release out."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QWidget


def test_qt_calls_that_return_nothing_leave_nones_count_alone(qapp: QApplication) -> None:
    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(500):
        widget.setEnabled(True)
        QApplication.activeModalWidget()
    # a little slack for what the interpreter itself does meanwhile; the fault is -1000
    assert abs(sys.getrefcount(None) - before) < 50
    widget.deleteLater()
