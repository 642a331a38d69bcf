"""On an office laptop's 1366×768 screen, at 100 % and at 150 % (run the suite with --scale 1.5):
the main window opens inside the screen, a remembered size that no longer fits is not used, and
every dialog a person opens has its buttons on the screen, where they can be clicked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QWidget

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.storage.ledger import Ledger
from desktop.ui.hint_table import HintTableView
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session
from tests.conftest import TODAY, activity_id
from tests.ui.scenarios.drive import (
    CTRL,
    LEFT,
    NO_MODIFIER,
    click_item,
    in_dialog,
    key,
    menu_item,
    press,
    shortcut,
)


def _screen() -> QRect:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def _outside(widget: QWidget) -> list[str]:
    """The dialog's own buttons (its button box's) whose rectangle is not wholly on the screen."""
    screen = _screen()
    far: list[str] = []
    for box in widget.findChildren(QDialogButtonBox):
        for b in box.findChildren(QAbstractButton):
            if not b.isVisible():
                continue
            rect = QRect(b.mapToGlobal(b.rect().topLeft()), b.size())
            if not screen.contains(rect):
                far.append(f"{b.text()} at {rect.getRect()}")
    if not screen.contains(widget.frameGeometry()):
        far.append(f"the dialog itself at {widget.frameGeometry().getRect()}")
    return far


def test_the_main_window_opens_inside_the_screen(start: Callable[[], MainWindow]) -> None:
    window = start()
    assert _screen().contains(window.frameGeometry()), (window.frameGeometry(), _screen())


def test_a_remembered_size_too_big_for_this_screen_is_not_used(
    qtbot, session: Session, start: Callable[[], MainWindow]
) -> None:
    window = start()
    window.setGeometry(0, 0, 2400, 1500)  # as saved on a bigger monitor at the office
    window.save_state()
    window.close()
    again = start()
    assert _screen().contains(again.frameGeometry()), again.frameGeometry()


def test_every_dialog_s_buttons_are_on_the_screen(
    qtbot, ledger: Ledger, zhang: Person, start: Callable[[], MainWindow]
) -> None:
    assert zhang.id is not None
    ledger.add_entry(Entry(zhang.id, TODAY, activity_id(ledger, "项目洽谈"), day_part=DayPart.FULL))
    window = start()
    problems: dict[str, list[str]] = {}

    def check(name: str) -> Callable[[QDialog], None]:
        def look(dialog: QDialog) -> None:
            problems[name] = _outside(dialog)
            dialog.reject()

        return look

    for page in ("工作记录", "外出招商", "项目", "人员"):
        click_item(window.sidebar, page)
        in_dialog(qtbot, lambda: shortcut(window, Qt.Key.Key_N, CTRL), check(page))
    in_dialog(qtbot, lambda: shortcut(window, Qt.Key.Key_I, CTRL), check("导入台账"))
    click_item(window.sidebar, "工作记录")
    table = window.stack.currentWidget().findChild(HintTableView)
    first = table.visualRect(table.model().index(0, 0)).center()
    QTest.mouseClick(table.viewport(), LEFT, NO_MODIFIER, first)
    in_dialog(qtbot, lambda: press(window.stack.currentWidget(), "历史"), check("历史"))
    QTest.mouseClick(table.viewport(), LEFT, NO_MODIFIER, first)
    in_dialog(qtbot, lambda: key(table, Qt.Key.Key_Return), check("编辑记录"))
    in_dialog(qtbot, lambda: menu_item(window, "编辑", "回收站…"), check("回收站"))
    click_item(window.sidebar, "设置")
    settings = window.stack.currentWidget()
    for text in ("节假日安排…", "单位排序…", "考核方案…"):
        in_dialog(qtbot, lambda t=text: press(settings, t), check(text))
    off = {name: far for name, far in problems.items() if far}
    assert len(problems) == 11 and not off, off
