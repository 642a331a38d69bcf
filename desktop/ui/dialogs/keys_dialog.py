"""签名密钥与登记: this database's key fingerprint, read out by phone; its registration file
written for the other office; registration files of other offices accepted once their
fingerprint agrees with the one read out; the keys trusted here, revoked when lost; and a new
key for this database (docs/submission.md, "Signed files")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import LedgerError
from desktop.domain.submission import local_text
from desktop.storage.keys import Registration, TrustedKey
from desktop.storage.ledger import Ledger
from desktop.storage.report_file import write_atomically
from desktop.ui.rows_model import RowsTableModel
from desktop.ui.screen_fit import keep_on_screen, scrolling

ERROR_STYLE = "color: #c0392b;"
YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return label


def _large(label: QLabel) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.8)
    font.setBold(True)
    font.setLetterSpacing(font.SpacingType.PercentageSpacing, 110)
    label.setFont(font)
    return _selectable(label)


def _wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _line(*parts: QWidget | None, grow: QWidget | None = None) -> QHBoxLayout:
    """Widgets side by side; None is a stretch; grow takes the room left."""
    line = QHBoxLayout()
    for part in parts:
        if part is None:
            line.addStretch(1)
        else:
            line.addWidget(part, int(part is grow))
    return line


def _when(at: str | None) -> str:
    return local_text(datetime.fromisoformat(at)) if at else ""


def _fill(text: str, *values: object) -> str:
    """A translated text with its %1, %2 … filled in."""
    for n, value in enumerate(values, 1):
        text = text.replace(f"%{n}", str(value))
    return text


def _ask(parent: QWidget, title: str, text: str) -> bool:
    """A question whose safe answer, No, is the default."""
    return QMessageBox.question(parent, title, text, YES | NO, NO) == YES


class AcceptKeyDialog(QDialog):
    """What a registration file says, and the fingerprint read out by phone to compare with it.
    accept(typed) registers the key or raises LedgerError (a mismatch: nothing registered)."""

    def __init__(
        self,
        parent: QWidget | None,
        reg: Registration,
        roles: dict[str, str],
        accept: Callable[[str], TrustedKey],
        lang: str,
    ) -> None:
        super().__init__(parent)
        self._accept = accept
        self._lang = lang
        self.registered: TrustedKey | None = None
        self.setWindowTitle(self.tr("Accept a registration file"))
        self.resize(560, 420)
        keep_on_screen(self)
        persons = _selectable(_wrapped("、".join(reg.persons) or self.tr("none")))
        self.fingerprint = QLineEdit()
        self.fingerprint.setPlaceholderText("XXXX-XXXX-XXXX")
        self.error = _wrapped()
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        hint = self.tr(
            "Ask the other office to read out its key's fingerprint by phone and type it here. "
            "The key is registered only if the two agree."
        )
        form = QFormLayout()
        form.addRow(self.tr("Role"), QLabel(roles.get(reg.role, reg.role)))
        form.addRow(self.tr("Unit"), _selectable(QLabel(reg.unit or roles.get(reg.role, ""))))
        form.addRow(_fill(self.tr("Persons (%1)"), len(reg.persons)), persons)
        form.addRow(self.tr("Fingerprint in the file"), _large(QLabel(reg.signature.key)))
        form.addRow(_wrapped(hint))
        form.addRow(self.tr("Fingerprint read out by phone"), self.fingerprint)
        form.addRow(self.error)
        body = QWidget()
        body.setLayout(form)
        ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok | cancel)
        buttons.button(cancel).setText(self.tr("Cancel"))
        register = buttons.button(ok)
        register.setText(self.tr("Register"))
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(buttons)
        buttons.accepted.connect(self._on_register_clicked)
        buttons.rejected.connect(self.reject)
        self.fingerprint.setFocus()  # typed at once; Enter registers

    def _on_register_clicked(self) -> None:
        typed = self.fingerprint.text().strip()
        text = self.tr(
            "No fingerprint was typed, so this file is not checked against the code the other "
            "office reads out: anyone could have made it. Register its key without comparing?"
        )
        if not typed and not _ask(self, self.tr("Register without comparing"), text):
            return
        try:
            self.registered = self._accept(typed)
        except LedgerError as exc:
            self.error.setText(exc.message(self._lang))
            self.error.show()
            return
        self.accept()


class KeysDialog(QDialog):
    """The signing key and the registrations of this ledger; every write goes to the ledger at
    once (they are not steps of the undo stack)."""

    def __init__(self, parent: QWidget | None, ledger: Ledger, lang: str) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self._lang = lang
        self._keys: list[TrustedKey] = []
        self.roles = {"unit": self.tr("Unit"), "office": self.tr("Supervision office")}
        self.setWindowTitle(self.tr("Signing keys and registration"))
        self.resize(860, 500)
        keep_on_screen(self)
        self.own = _large(QLabel())
        self.own.setObjectName("fingerprint")
        hint = self.tr(
            "Files this database sends are signed with this key. Read its fingerprint out by "
            "phone when the other office accepts this database's registration file."
        )
        self.role = QComboBox()
        for code, text in self.roles.items():
            self.role.addItem(text, code)
        self.role.setCurrentIndex(1 if ledger.is_office() else 0)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        units = sorted({p.unit for p in ledger.persons() if p.unit})
        self.unit.addItems(units)
        self.unit.setCurrentIndex(0 if len(units) == 1 else -1)
        self.unit.setMinimumContentsLength(10)
        export = self._button(self.tr("Export registration file…"), self._on_export_clicked)
        export.setDefault(True)  # Enter in the unit's field writes the file, not Close
        renew = self._button(self.tr("Use a new key…"), self._on_renew_clicked)
        headers = [self.tr("Fingerprint"), self.tr("Role"), self.tr("Unit"), self.tr("Persons")]
        self.model = RowsTableModel([*headers, self.tr("Accepted at"), self.tr("Revoked at")])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(90)
        take = self._button(self.tr("Accept a registration file…"), self._on_accept_clicked)
        revoke = self._button(self.tr("Revoke"), self._on_revoke_clicked)
        self.message = _wrapped()
        self.message.setObjectName("message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        layout = QVBoxLayout(self)
        layout.addLayout(
            _line(QLabel(self.tr("This database's key:")), self.own, renew, grow=self.own)
        )
        layout.addWidget(_wrapped(hint))
        register_as, unit = QLabel(self.tr("Register as")), QLabel(self.tr("Unit"))
        layout.addLayout(_line(register_as, self.role, unit, self.unit, export, grow=self.unit))
        layout.addWidget(QLabel(self.tr("Keys of other offices registered here:")))
        layout.addWidget(self.table, 1)
        layout.addLayout(_line(take, revoke, None))
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.role.currentIndexChanged.connect(self._on_role_changed)
        buttons.rejected.connect(self.reject)
        self._on_role_changed()
        self._refresh()

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)  # Enter in the unit's field does not press it
        button.clicked.connect(slot)
        return button

    def _refresh(self) -> None:
        self.own.setText(self._ledger.own_key().fingerprint)
        self._keys = self._ledger.trusted_keys()
        rows = [self._row(k) for k in self._keys]
        self.model.set_rows(rows, list(range(len(rows))))
        self.table.resizeColumnsToContents()

    def _say(self, text: str, problem: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if problem else "")
        self.message.setText(text)

    def _row(self, k: TrustedKey) -> list[str]:
        role, persons = self.roles.get(k.role, k.role), "、".join(k.persons)
        return [k.fingerprint, role, k.unit, persons, _when(k.accepted_at), _when(k.revoked_at)]

    def _who(self, key: TrustedKey) -> str:
        return key.unit or self.roles.get(key.role, key.role)

    def _refuse(self, error: LedgerError | OSError) -> None:
        if isinstance(error, LedgerError):
            text = error.message(self._lang)
        else:
            text = self.tr("The file %1 could not be written (%2).")
            text = _fill(text, error.filename or "", error.strerror or "")
        self._say(text, problem=True)
        QMessageBox.warning(self, self.tr("Not done"), text)

    def _on_role_changed(self) -> None:
        self.unit.setEnabled(self.role.currentData() == "unit")

    def _on_export_clicked(self) -> None:
        role = str(self.role.currentData())
        unit = " ".join(self.unit.currentText().split()) if role == "unit" else ""
        if role == "unit" and not unit:
            self._say(self.tr("Type the name of this unit first."), problem=True)
            return
        text = self.tr(
            "No person of this ledger belongs to “%1”, so the registration names no one whose "
            "reports the key signs. Write the registration file for “%1” all the same?"
        )
        if (
            unit
            and not any(p.unit == unit for p in self._ledger.persons())
            and not _ask(self, self.tr("Unknown unit"), _fill(text, unit))
        ):
            return
        name = _fill(self.tr("%1-registration.otk"), unit or self.roles["office"])
        out, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the registration file"), name, self.tr("Registration files (*.otk)")
        )
        if not out:
            return
        path = Path(out) if out.lower().endswith(".otk") else Path(out + ".otk")
        try:
            write_atomically(path, self._ledger.registration_file(role, unit))
        except (LedgerError, OSError) as exc:
            self._refuse(exc)
            return
        whom = self.tr("the supervision office") if role == "unit" else self.tr("each unit")
        text = self.tr("Wrote %1. Give it to %2 and read out this fingerprint by phone: %3")
        text = _fill(text, path, whom, self._ledger.own_key().fingerprint)
        self._say(text)
        QMessageBox.information(self, self.tr("Registration file written"), text)

    def _on_accept_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Registration file to accept"), "", self.tr("Registration files (*.otk)")
        )
        if not name:
            return
        try:
            reg = self._ledger.read_registration(name)
        except LedgerError as exc:
            self._refuse(exc)
            return
        if reg.signature.key == self._ledger.own_key().fingerprint:
            text = self.tr(
                "“%1” is this database's own registration file; accept the other office's file."
            )
            self._say(_fill(text, Path(name).name), problem=True)
            QMessageBox.warning(self, self.tr("Not registered"), _fill(text, Path(name).name))
            return

        def accept(typed: str) -> TrustedKey:
            return self._ledger.accept_registration(name, typed)

        dialog = AcceptKeyDialog(self, reg, self.roles, accept, self._lang)
        dialog.exec()
        key = dialog.registered
        dialog.deleteLater()
        if key is None:
            return
        self._refresh()
        found = [i for i, k in enumerate(self._keys) if k.fingerprint == key.fingerprint]
        if found:
            self.table.selectRow(found[0])
        text = self.tr("Registered the key %1 of %2 (%3 persons).")
        self._say(_fill(text, key.fingerprint, self._who(key), len(key.persons)))

    def _on_revoke_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._say(self.tr("Select the key to revoke in the list first."), problem=True)
            return
        key = self._keys[rows[0].row()]
        if key.revoked_at:
            self._say(_fill(self.tr("The key %1 is revoked already."), key.fingerprint))
            return
        text = self.tr(
            "Revoke the key %1 of %2? Files signed with it are refused from now on; to take "
            "them in again, accept a registration file of that office again."
        )
        if not _ask(self, self.tr("Revoke key"), _fill(text, key.fingerprint, self._who(key))):
            return
        try:
            done = self._ledger.revoke_key(key.fingerprint)
        except LedgerError as exc:
            self._refuse(exc)
            return
        self._refresh()
        self._say(_fill(self.tr("Revoked the key %1."), done.fingerprint))

    def _on_renew_clicked(self) -> None:
        text = self.tr(
            "Give this database a new signing key? Do so only when the key was lost or exposed. "
            "The files it sends are then refused until the other office has accepted a new "
            "registration file from here: export it and read the new fingerprint out by phone."
        )
        if not _ask(self, self.tr("Use a new key"), text):
            return
        try:
            pair = self._ledger.new_own_key()
        except LedgerError as exc:
            self._refuse(exc)
            return
        self._refresh()
        text = self.tr(
            "This database signs with the new key %1 now. Export a new registration file for "
            "the other office to accept."
        )
        self._say(_fill(text, pair.fingerprint))
