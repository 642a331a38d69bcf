"""GUI fixtures: a real ledger, a session with settings in a temporary folder, the main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.storage.ledger import Ledger
from desktop.ui.fonts import use_shipped_font
from desktop.ui.i18n import install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session
from tests.conftest import TODAY


@pytest.fixture
def session(qapp: QApplication, ledger: Ledger, tmp_path: Path) -> Iterator[Session]:
    use_shipped_font(qapp)
    install_language(qapp, "zh")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield Session(ledger, settings, TODAY, "zh")
    install_language(qapp, "zh")


@pytest.fixture
def window(qtbot, session: Session) -> MainWindow:
    w = MainWindow(session, "ledger.db")
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes are an OS boundary: record what they would have said."""
    said: list[str] = []

    def record(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "information", record)
    return said
