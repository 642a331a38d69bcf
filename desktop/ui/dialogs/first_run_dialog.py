"""The first start: say what the program is for and ask for the unit and the first person."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import LedgerError
from desktop.domain.people import Person


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None, db_path: str, lang: str = "zh") -> None:
        super().__init__(parent)
        self._lang = lang
        self.setWindowTitle(self.tr("Welcome to OneThird"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "OneThird keeps the ledger of how much effort each principal leader spends on "
                "investment promotion, against the one-third rule.\n\n"
                "A new database will be created at:\n%1\n\n"
                "Enter your unit and the first leader whose work you will log, and your own name:"
                " what you enter is recorded as filled in by you. You can add more people later."
            ).replace("%1", db_path)
        )
        intro.setWordWrap(True)
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("e.g. City Government"))
        self.name = QLineEdit()
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Mayor"))
        self.operator = QLineEdit()
        self.operator.setPlaceholderText(self.tr("you, who fill in the ledger on this PC"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("optional"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        for field in (self.unit, self.name, self.title, self.operator, self.phone):
            field.textEdited.connect(self.error.hide)  # corrected: the message goes
        form = QFormLayout()
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Leader's name"), self.name)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Filled in by"), self.operator)
        form.addRow(self.tr("Phone"), self.phone)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._on_start_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def person(self) -> Person:
        return Person(self.name.text(), self.title.text(), self.unit.text())

    def _on_start_clicked(self) -> None:
        fields = {"person": self.name, "name": self.name, "title": self.title, "unit": self.unit}
        if not self.name.text().strip():
            self._refuse(self.tr("Please enter the leader's name."), self.name)
            return
        if len(self.operator.text().strip()) > 50:
            self._refuse(self.tr("Your name is too long (at most 50 characters)."), self.operator)
            return
        try:
            self.person().validated()
        except LedgerError as exc:
            self._refuse(exc.message(self._lang), fields.get(exc.field, self.name))
            return
        self.accept()

    def _refuse(self, text: str, field: QLineEdit) -> None:
        """Say what is wrong and put the cursor in the field to correct."""
        self.error.setText(text)
        self.error.show()
        field.setFocus()
        field.selectAll()
