"""Dates typed into the dialogs as secretaries type them read as the day meant; a day that does
not exist is named under its field and nothing is saved; hours read as typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from desktop.domain.people import Person
from desktop.storage.ledger import Ledger
from desktop.ui.date_field import DateField
from desktop.ui.main_window import MainWindow
from tests.ui.scenarios.drive import CTRL, find, in_dialog, key, press, shortcut, type_into

# today (tests.conftest.TODAY) is 2026-11-20; each form names another day of the year
FORMS = [
    ("2026-11-12", "2026-11-12"),
    ("2026/10/03", "2026-10-03"),
    ("20261105", "2026-11-05"),
    ("2026.09.30", "2026-09-30"),
    ("10-08", "2026-10-08"),
    ("10.9", "2026-10-09"),
    ("2026年8月7日", "2026-08-07"),
]


def _shown(label: QLabel) -> str:
    return label.text() if label.isVisible() else ""


def test_every_typed_form_reads_as_the_day_meant_and_a_day_that_is_not_is_refused(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger
) -> None:
    ledger.add_person(Person("张伟", "市长", "市人民政府"))
    window = start()
    read: list[tuple[str, str]] = []

    def fill(dialog: QDialog) -> None:
        field = find(dialog, DateField)
        for typed, _ in FORMS:
            type_into(field, typed)
            key(field, Qt.Key.Key_Tab)
            read.append((typed, field.text()))
        for impossible in ("20260230", "2026-02-30", "2026-13-01"):
            type_into(field, impossible)
            press(dialog, "保存")
            assert dialog.isVisible(), f"saved with {impossible}"
            assert field.text() == impossible  # the typed text stays, it is not moved
            assert _shown(field.error) == f"日期：“{impossible}”这一天不存在，请检查年、月、日"
        type_into(field, "2026-11-02")
        key(field, Qt.Key.Key_Tab)
        assert not field.error.isVisible()
        press(dialog, "保存")

    in_dialog(qtbot, lambda: shortcut(window, Qt.Key.Key_N, CTRL), fill)
    assert read == FORMS
    assert [e.day for e in ledger.entries()] == [date(2026, 11, 2)]


def test_hours_read_as_typed_and_more_than_a_day_is_refused(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger
) -> None:
    ledger.add_person(Person("张伟", "市长", "市人民政府"))
    window = start()

    def fill(dialog: QDialog) -> None:
        press(dialog, "小时数")
        hours = dialog.findChild(QLabel, "hours_error")
        assert hours is None or not hours.isVisible()
        field = dialog.hours  # the hours box of the dialog
        type_into(field, "25")
        assert field.value() == 25
        press(dialog, "保存")
        assert dialog.isVisible()
        shown = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
        assert any(t.startswith("时长：") and "25" in t for t in shown), shown
        type_into(field, "2.5")
        press(dialog, "保存")

    in_dialog(qtbot, lambda: shortcut(window, Qt.Key.Key_N, CTRL), fill)
    assert [e.minutes for e in ledger.entries()] == [150]
