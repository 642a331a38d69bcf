"""Add or change a person: name, title, unit, group and whether the one-third rule applies."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
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
from desktop.ui.dialog_keys import save_on_ctrl_enter


class PersonDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        save: Callable[[Person], object],
        person: Person | None = None,
        lang: str = "zh",
        unit: str = "",
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._lang = lang
        self._id = person.id if person else None
        self.setWindowTitle(self.tr("Edit person") if person else self.tr("New person"))
        self.setMinimumWidth(420)
        self.name = QLineEdit(person.name if person else "")
        self.title = QLineEdit(person.title if person else "")
        self.unit = QLineEdit(person.unit if person else unit)
        self.group = QLineEdit(person.group if person else "")
        self.subject = QCheckBox(self.tr("Principal leader (the one-third rule applies)"))
        self.subject.setChecked(person.subject_to_rule if person else True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Group / chain"), self.group)
        form.addRow("", self.subject)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        save_on_ctrl_enter(self, buttons.button(QDialogButtonBox.StandardButton.Save))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def person(self) -> Person:
        return Person(
            self.name.text(),
            self.title.text(),
            self.unit.text(),
            self.group.text(),
            self.subject.isChecked(),
            self._id,
        )

    def _on_save_clicked(self) -> None:
        try:
            self._save(self.person())
        except LedgerError as exc:
            self.error.setText(exc.message(self._lang))
            self.error.show()
            return
        self.accept()
