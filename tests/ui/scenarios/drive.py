"""Driving the window as a person does: clicks, keys and typed text on the widgets they touch,
and reading back what they see. Nothing here calls the session, the ledger or a page's methods."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QWidget,
)
from pytestqt.exceptions import TimeoutError

W = TypeVar("W", bound=QWidget)
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, LEFT)


def button(parent: QWidget, text: str) -> QAbstractButton:
    """The one visible button of parent whose text (without & accelerators) is text."""
    found = [
        b
        for b in parent.findChildren(QAbstractButton)
        if b.text().replace("&", "") == text and b.isVisible()
    ]
    assert len(found) == 1, f"{len(found)} visible buttons “{text}” in {parent}"
    return found[0]


def press(parent: QWidget, text: str) -> None:
    """Click the button labelled text (it must be enabled, as for a person)."""
    b = button(parent, text)
    assert b.isEnabled(), f"“{text}” is disabled"
    click(b)


def key(widget: QWidget, k: Qt.Key, modifiers: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    QTest.keyClick(widget, k, modifiers)


def shortcut(window: QWidget, k: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A menu shortcut typed wherever the keyboard focus is in the window."""
    target = QApplication.focusWidget()
    QTest.keyClick(
        target if target is not None and target.window() is window else window, k, modifiers
    )


def type_into(field: QWidget, text: str) -> None:
    """Click the field, select what it holds and type text over it. Letters a keyboard has are
    keys; Chinese arrives as an input method commits it (QTest cannot type it as keys)."""
    click(field)
    QTest.keyClick(field, Qt.Key.Key_A, CTRL)
    if not text:
        QTest.keyClick(field, Qt.Key.Key_Delete)
    target = field.lineEdit() if isinstance(field, QComboBox | QAbstractSpinBox) else field
    run = ""
    for char in text:
        if char.isascii():
            run += char
            continue
        if run:
            QTest.keyClicks(field, run)
            run = ""
        commit = QInputMethodEvent("", [])
        commit.setCommitString(char)
        QApplication.sendEvent(target or field, commit)
    if run:
        QTest.keyClicks(field, run)


def type_and_enter(field: QWidget, text: str) -> None:
    type_into(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


def items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def choose(combo: QComboBox, text: str) -> None:
    """Open the combo's list with a click and pick text with the arrow keys and Enter."""
    names = items(combo)
    assert text in names, f"“{text}” not among {names}"
    _shown(combo)
    assert combo.isVisible() and combo.isEnabled(), f"cannot reach {combo}"
    click(combo)
    view = combo.view()
    assert view.isVisible(), "the list did not open"
    QTest.keyClick(view, Qt.Key.Key_Home)
    for _ in range(names.index(text)):
        QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert combo.currentText() == text
    _active_again(combo.window())


def click_choice(combo: QComboBox, text: str) -> None:
    """Open the combo's list with a click and click text in it."""
    names = items(combo)
    assert text in names, f"“{text}” not among {names}"
    click(combo)
    view = combo.view()
    assert view.isVisible(), "the list did not open"
    # a release sooner than a double-click after the list opened is taken as the opening click's
    QTest.qWait(QApplication.doubleClickInterval() + 50)
    rect = view.visualRect(combo.model().index(names.index(text), 0))
    # the offscreen platform may draw the list narrower than its items: stay inside it
    point = QPoint(min(rect.center().x(), view.viewport().width() // 2), rect.center().y())
    QTest.mouseMove(view.viewport(), point)
    QTest.mouseClick(view.viewport(), LEFT, NO_MODIFIER, point)
    assert combo.currentText() == text, (rect, view.viewport().rect(), view.isVisible(), point)
    _active_again(combo.window())


def _shown(widget: QWidget) -> None:
    """A widget added to a dialog already on the screen is shown a moment later (Qt shows it
    queued): a person sees it appear and then uses it."""
    for _ in range(100):
        if widget.isVisible():
            return
        QTest.qWait(10)


def _active_again(window: QWidget) -> None:
    """What a window manager does once a combo's list has closed: the window is active again.
    The offscreen platform, a moment after the list closes, makes the hidden list the active
    window, and a dialog opened then would hand activation back to it when it closes."""
    QTest.qWait(50)
    for _ in range(100):
        if window.isActiveWindow():
            return
        window.activateWindow()
        QTest.qWait(10)
    raise AssertionError(f"{window.windowTitle()} did not become active again")


def cells(view: QAbstractItemView) -> list[list[str]]:
    """What the table shows, row by row, through its model."""
    model = view.model()
    return [
        [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def column(view: QAbstractItemView, header: str) -> list[str]:
    model = view.model()
    names = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [row[names.index(header)] for row in cells(view)]


def double_click_row(view: QAbstractItemView, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    center = view.visualRect(index).center()
    QTest.mouseClick(view.viewport(), LEFT, NO_MODIFIER, center)
    QTest.mouseDClick(view.viewport(), LEFT, NO_MODIFIER, center)


def modal() -> QDialog | None:
    widget = QApplication.activeModalWidget()
    return widget if isinstance(widget, QDialog) else None


def in_dialog(
    qtbot, open_it: Callable[[], None], handle: Callable[[QDialog], None], closes: bool = True
) -> None:
    """Do open_it (the click or key that opens a modal dialog), then handle(dialog) once the
    dialog is up. Works for dialogs run by exec() (handled inside their own event loop) and by
    open(). closes: handle ends by pressing a button that closes the dialog; if it is still
    open (a slot failed, say), it is closed and the test fails instead of waiting forever."""
    done: list[bool] = []
    errors: list[BaseException] = []
    window = QApplication.activeWindow()

    def when_shown() -> None:
        dialog = modal()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(10, when_shown)
            return
        if not dialog.isActiveWindow():
            # what a window manager does when a dialog opens; the offscreen platform does not,
            # and a field of a window that is not active gets no focus-out when left
            dialog.activateWindow()
            QTimer.singleShot(10, when_shown)
            return
        try:
            handle(dialog)
            if closes and dialog.isVisible():
                raise AssertionError(f"{dialog.windowTitle()} is still open")
        except BaseException as exc:  # re-raised below, once the dialog's loop has ended
            errors.append(exc)
            dialog.reject()
        done.append(True)

    QTimer.singleShot(0, when_shown)
    open_it()
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    if errors:
        raise errors[0]
    if window is not None and modal() is None:
        # what a window manager does when a modal dialog closes; the offscreen platform does not
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)


def find(parent: QWidget, kind: type[W], name: str = "") -> W:
    """The one visible child of kind (with objectName name, when given)."""
    found = [
        w
        for w in parent.findChildren(kind)
        if w.isVisible() and (not name or w.objectName() == name)
    ]
    assert len(found) == 1, f"{len(found)} visible {kind.__name__} in {parent}"
    return found[0]


def click_item(view: QListWidget, text: str) -> None:
    """Click the list's item that reads text (a page's name in the sidebar, say)."""
    found = [view.item(i) for i in range(view.count()) if view.item(i).text() == text]
    assert len(found) == 1, f"{len(found)} items “{text}”"
    view.scrollToItem(found[0])
    center = view.visualItemRect(found[0]).center()
    QTest.mouseClick(view.viewport(), LEFT, NO_MODIFIER, center)


def wait_for_text(qtbot, label: QLabel, start: str, timeout: int = 30_000) -> str:
    """Wait until the label reads something that starts with start (a job's outcome); its text."""
    try:
        qtbot.waitUntil(lambda: label.text().startswith(start), timeout=timeout)
    except TimeoutError as exc:  # say what the label read instead
        raise AssertionError(f"waited for “{start}…”, the label reads “{label.text()}”") from exc
    return label.text()


def _shown_text(text: str) -> str:
    """A menu's text as a person reads it: without the & and the (&E) of an accelerator."""
    return re.sub(r"\(&.\)", "", text).replace("&", "")


def menu_item(window: QMainWindow, menu: str, item: str) -> None:
    """Click the menu bar's menu, then the item in the list that opens."""
    bar = window.menuBar()
    titles = {_shown_text(a.text()): a for a in bar.actions()}
    assert menu in titles, f"no menu “{menu}” among {list(titles)}"
    QTest.mouseClick(bar, LEFT, NO_MODIFIER, bar.actionGeometry(titles[menu]).center())
    opened = titles[menu].menu()
    assert isinstance(opened, QMenu) and opened.isVisible(), f"menu “{menu}” did not open"
    entries = {_shown_text(a.text()): a for a in opened.actions() if not a.isSeparator()}
    assert item in entries, f"no “{item}” among {list(entries)}"
    QTest.mouseClick(opened, LEFT, NO_MODIFIER, opened.actionGeometry(entries[item]).center())


def feedback(window: QMainWindow) -> str:
    """What the window's message bar says ("" when there is none to see)."""
    bar = window.findChild(QWidget, "feedback")
    assert bar is not None
    label = bar.findChild(QLabel)
    return label.text() if bar.isVisible() and label is not None else ""


def wait_for_feedback(qtbot, window: QMainWindow, start: str, timeout: int = 60_000) -> str:
    """Wait until the message bar says something that starts with start; what it says."""
    try:
        qtbot.waitUntil(lambda: feedback(window).startswith(start), timeout=timeout)
    except TimeoutError as exc:
        raise AssertionError(f"waited for “{start}…”, the bar says “{feedback(window)}”") from exc
    return feedback(window)


def press_and_wait(qtbot, parent: QWidget, text: str, timeout: int = 60_000) -> None:
    """Press a button whose work runs in the background (it is off until the work is done),
    then wait, as a person does, until it can be pressed again."""
    b = button(parent, text)
    press(parent, text)
    qtbot.waitUntil(b.isEnabled, timeout=timeout)


def open_import(qtbot, window: QMainWindow) -> QDialog:
    """Ctrl+I, as a person opens 导入台账; the dialog, once it is up."""
    shortcut(window, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: modal() is not None)
    dialog = modal()
    assert dialog is not None and dialog.windowTitle() == "导入台账"
    return dialog


def close_import(qtbot, window: QMainWindow, dialog: QDialog) -> None:
    """关闭, and the window active again (the window manager's part when a dialog closes)."""
    press(dialog, "关闭")
    qtbot.waitUntil(lambda: modal() is None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
