"""The window's title names the database file and its role; a new record's date field starts
inside the period shown, not on today when today is outside it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.storage.ledger import Ledger
from desktop.ui.date_field import DateField
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session
from tests.ui.scenarios.drive import CTRL, click_item, in_dialog, press, shortcut


def test_the_title_names_the_file_and_a_unit(start: Callable[[], MainWindow]) -> None:
    window = start()
    assert window.windowTitle() == "ledger.db（单位）— 三分之一招商台账"


def test_new_records_start_inside_the_period_shown(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, session: Session
) -> None:
    ledger.add_person(Person("张伟", "市长", "市人民政府"))
    session.set_period(Period.month(2026, 10))  # today is 2026-11-20
    window = start()
    shown: list[str] = []

    def read(dialog: QDialog) -> None:
        shown.extend(f.text() for f in dialog.findChildren(DateField) if f.isVisible())
        press(dialog, "取消")

    for page in ("工作记录", "外出招商"):
        click_item(window.sidebar, page)
        in_dialog(qtbot, lambda: shortcut(window, Qt.Key.Key_N, CTRL), read)
    assert shown == ["2026-10-01", "2026-10-01", "2026-10-01"]
