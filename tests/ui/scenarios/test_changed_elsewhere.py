"""Entries deleted by another program while the window lists them: scrolling to where they were
shows no gap and no crash; the list is read again, with the rows that are left."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.domain.entries import Entry
from desktop.domain.people import Person
from desktop.storage import text_index
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from tests.conftest import activity_id
from tests.ui.scenarios.drive import cells, click_item
from tests.ui.scenarios.test_tables_like_excel import page_table


def test_rows_deleted_by_another_program_are_read_again_when_scrolled_to(
    qtbot: QtBot, start: Callable[[], MainWindow], ledger: Ledger, zhang: Person
) -> None:
    talks = activity_id(ledger, "项目洽谈")
    assert zhang.id is not None
    for day in range(1, 31):  # 600 entries in November: three windows of the table
        for n in range(20):
            start_min = 360 + 30 * n
            ledger.add_entry(
                Entry(zhang.id, date(2026, 11, day), talks, 30, start=start_min,
                      end=start_min + 30, note=f"第{day}日第{n + 1}次")
            )  # fmt: skip
    window = start()
    click_item(window.sidebar, "工作记录")
    table = page_table(window, "entries")
    model = table.model()
    assert model.rowCount() == 600
    other = sqlite3.connect(ledger.path)  # not this program: no lock of ours stops it
    text_index.register(other)
    with other:
        other.execute("DELETE FROM entries WHERE date >= '2026-11-06'")
    other.close()
    first = table.visualRect(model.index(0, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first)
    for _ in range(40):  # page by page down to where the second window of rows was
        if model.rowCount() != 600 or table.currentIndex().row() >= 250:
            break
        QTest.keyClick(table, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: model.rowCount() == 100)
    assert window.isVisible()
    QTest.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    shown = cells(table)
    assert [r[0] for r in shown] == [f"2026-11-0{1 + n // 20}" for n in range(100)]
    assert "第5日第20次" in shown[-1]
