"""Scenario fixtures: the real main window on a real database file, shown and active, so that
typed shortcuts reach its menus; file dialogs and message boxes answered at the OS boundary."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session

# A combo's list is a popup: the offscreen platform says it cannot raise it or grab the keyboard
# for it. Not ours, and harmless: the list opens and takes the keys all the same.
OFFSCREEN_POPUP = ["This plugin does not support raise", "This plugin does not support grabbing"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP))


# What an exception's text looks like when it reaches a person: a class name, a traceback, the
# words Python uses for a missing attribute
EXCEPTION_TEXT = re.compile(
    r"Traceback|\b[A-Z][A-Za-z]*(Error|Exception)\b|has no attribute|NoneType|object is not"
)


@pytest.fixture(autouse=True)
def shown(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every message box a scenario brings up is answered (OK) and its text kept; the scenario
    fails when one of them shows an exception's text instead of a message for a person."""
    texts: list[str] = []

    def record(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        texts.append(text)
        return QMessageBox.StandardButton.Ok

    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, record)
    yield texts
    leaked = [t for t in texts if EXCEPTION_TEXT.search(t)]
    assert not leaked, f"a message box showed an exception: {leaked}"


@pytest.fixture
def warnings(shown: list[str]) -> list[str]:
    """What the message boxes said (warnings and notices alike)."""
    return shown


@pytest.fixture
def start(qtbot, session: Session) -> Callable[[], MainWindow]:
    """Start the main window on the test's database file, once its data is arranged; it is
    returned as a user finds it: shown, active, the keyboard in it."""

    def started() -> MainWindow:
        window = MainWindow(session, session.ledger.path.name)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return started


class FileAnswers:
    """What the user picks in the file dialogs, in turn; and what the dialogs were asked."""

    def __init__(self) -> None:
        self.open: list[str] = []
        self.save: list[str] = []
        self.asked: list[str] = []
        self.suggested: list[str] = []  # the file name a save dialog offered

    def _next(self, queue: list[str], title: str) -> tuple[str, str]:
        self.asked.append(title)
        return (queue.pop(0) if queue else "", "")


@pytest.fixture
def files(monkeypatch: pytest.MonkeyPatch) -> FileAnswers:
    answers = FileAnswers()

    def open_name(parent: object, title: str = "", *args: object, **kw: object) -> tuple[str, str]:
        return answers._next(answers.open, title)

    def save_name(parent: object, title: str = "", *args: object, **kw: object) -> tuple[str, str]:
        answers.suggested.append(str(args[0]) if args else str(kw.get("dir", "")))
        return answers._next(answers.save, title)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_name)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    return answers


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch, shown: list[str]) -> list[str]:
    """QMessageBox.question answered Yes; the texts asked (checked like every box's)."""
    asked: list[str] = []

    def yes(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        shown.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    return asked


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Files the program asked the desktop to open (a written report, say), not opened."""
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()))
    return urls
