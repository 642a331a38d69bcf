"""Dialogs that fit the screen they open on: on a 1366×768 laptop at 150 % a window has 911×512
to live in, so a tall form scrolls while its buttons stay in reach below it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFrame, QScrollArea, QWidget

# a window manager's border and title bar, before it has said how big they are
FRAME_WIDTH, FRAME_HEIGHT = 20, 50


class _BodyArea(QScrollArea):
    """Asks for as much room as its body wants (a plain scroll area asks for a capped size);
    the dialog is then shrunk to the screen, and only then does the body scroll."""

    def sizeHint(self) -> QSize:
        body = self.widget()
        wanted = body.sizeHint() if body is not None else super().sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(wanted.width() + bar, wanted.height())


def scrolling(body: QWidget) -> QScrollArea:
    """body in a frameless area that scrolls when the dialog is shorter than body wants."""
    area = _BodyArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(body)
    return area


class _KeepOnScreen(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            keep_inside(watched)
        return False


def keep_on_screen(dialog: QDialog) -> None:
    """Each time dialog is shown, shrink it to the screen's free area and move it onto it."""
    dialog.installEventFilter(_KeepOnScreen(dialog))


def keep_inside(window: QWidget) -> None:
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    free = screen.availableGeometry()
    # as big as it asks to be (Qt first caps a window at 2/3 of the screen), as the screen allows
    wanted = window.size().expandedTo(window.sizeHint())
    width = min(wanted.width(), free.width() - FRAME_WIDTH)
    height = min(wanted.height(), free.height() - FRAME_HEIGHT)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), free.left()), free.right() - frame.width() + 1)
    y = min(max(frame.y(), free.top()), free.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)
