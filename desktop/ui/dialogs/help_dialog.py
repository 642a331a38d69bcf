"""帮助 › 使用说明 (the short manual) and 帮助 › 数据位置 (where the database, its backups and the
logs are, each with a button that opens its folder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.manual import manual
from desktop.ui.screen_fit import keep_on_screen


class ManualDialog(QDialog):
    def __init__(self, parent: QWidget | None, lang: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("How to use OneThird"))
        self.resize(720, 620)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(manual(lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        keep_on_screen(self)


class DataLocationDialog(QDialog):
    """Each place as its path (selectable, to paste in a mail to the IT office) and a button."""

    def __init__(self, parent: QWidget | None, places: list[tuple[str, Path]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Where the data is"))
        grid = QGridLayout()
        for row, (what, path) in enumerate(places):
            grid.addWidget(QLabel(what), row, 0)
            shown = QLabel(str(path))
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(shown, row, 1)
            folder = path if path.is_dir() or not path.suffix else path.parent
            button = QPushButton(self.tr("Open folder"))
            button.setEnabled(folder.is_dir())
            button.clicked.connect(lambda _=False, f=folder: _open(f))
            grid.addWidget(button, row, 2)
        grid.setColumnStretch(1, 1)
        note = QLabel(
            self.tr(
                "Keep the database on this PC's disk. Backups are made when the program is first"
                " opened each day and before imports and intake; copy the backup folder to a USB"
                " disk now and then."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())
        keep_on_screen(self)


def _open(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
