"""The window's message bar: how saving, exporting, submitting and taking in end. It stays until
the person closes it or the next outcome replaces it, and where a file was written it offers to
open the file or the folder it is in."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QProcess, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

DONE_STYLE = "#feedback { background: #e8f5e9; border-bottom: 1px solid #a5d6a7; }"
PROBLEM_STYLE = "#feedback { background: #fdecea; border-bottom: 1px solid #f5b7b1; }"


@dataclass(frozen=True)
class Feedback:
    text: str
    problem: bool = False
    files: tuple[Path, ...] = ()  # files written: one is offered to open; their folder too
    action: tuple[str, Callable[[], object]] | None = None  # a button's text and what it does
    topic: str = ""  # what it is about ("report"): Session.forget(topic) takes it away


def open_file(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_folder(path: Path) -> None:
    """The folder the file is in; on Windows, Explorer opens with the file selected."""
    if sys.platform == "win32" and QProcess.startDetached("explorer", [f"/select,{path}"])[0]:
        return
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class FeedbackBar(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("feedback")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_file = QPushButton(self.tr("Open file"))
        self.open_folder = QPushButton(self.tr("Open folder"))
        self.action = QPushButton()
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("Close this message"))
        self.close_button.setAutoRaise(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 4, 4)
        row.addWidget(self.text, 1)
        for b in (self.action, self.open_file, self.open_folder, self.close_button):
            row.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
        self.open_file.clicked.connect(lambda: self._with_file(open_file))
        self.open_folder.clicked.connect(lambda: self._with_file(open_folder))
        self.action.clicked.connect(self._on_action)
        self.close_button.clicked.connect(self.hide)
        self._file: Path | None = None
        self._do: Callable[[], object] | None = None
        self._topic = ""
        self.hide()

    def forget(self, topic: str) -> None:
        """Take the message away when it is about topic (the report chosen has changed)."""
        if self._topic == topic and self.isVisible():
            self.hide()

    def show_feedback(self, feedback: Feedback) -> None:
        self._topic = feedback.topic
        self.text.setText(feedback.text)
        self.setStyleSheet(PROBLEM_STYLE if feedback.problem else DONE_STYLE)
        self._file = feedback.files[0] if feedback.files else None
        self.open_file.setVisible(len(feedback.files) == 1)
        self.open_folder.setVisible(bool(feedback.files))
        self._do = feedback.action[1] if feedback.action else None
        self.action.setText(feedback.action[0] if feedback.action else "")
        self.action.setVisible(feedback.action is not None)
        self.show()

    def _with_file(self, do: Callable[[Path], None]) -> None:
        if self._file is not None:
            do(self._file)

    def _on_action(self) -> None:
        do = self._do
        self.hide()
        if do is not None:
            do()
