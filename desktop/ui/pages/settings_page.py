"""设置: the rule's settings, the language, the database file, the holiday override file, the
official order of units, and the signing keys with which report files are exchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.domain.changes import SetHolidayYear, SetOfficialOrder, SetRules, SetScheme
from desktop.domain.errors import LedgerError
from desktop.domain.holidays import YearArrangement
from desktop.domain.rules import Rules
from desktop.domain.workcalendar import parse_overrides
from desktop.storage.report_file import write_atomically
from desktop.ui import operator
from desktop.ui.choices import Choices
from desktop.ui.dialogs.backups_dialog import BackupsDialog
from desktop.ui.dialogs.holiday_dialog import HolidayDialog
from desktop.ui.dialogs.keys_dialog import KeysDialog
from desktop.ui.dialogs.order_dialog import OrderDialog, names_in_order
from desktop.ui.dialogs.scheme_dialog import SchemeDialog
from desktop.ui.feedback import Feedback
from desktop.ui.file_folders import Folders
from desktop.ui.i18n import LANGUAGES
from desktop.ui.pages.base import Page
from desktop.ui.session import Session


class SettingsPage(Page):
    language_chosen = Signal(str)
    open_database_requested = Signal()
    restore_requested = Signal(str)  # a backup file chosen to restore

    def __init__(self, session: Session, db_path: str) -> None:
        super().__init__(session)
        self.target = QDoubleSpinBox()
        self.target.setRange(1, 100)
        self.target.setDecimals(2)
        self.target.setSuffix(" %")
        self.hours = QDoubleSpinBox()
        self.hours.setRange(1, 24)
        self.hours.setSingleStep(0.5)
        self.hours.setSuffix(self.tr(" h"))
        self.weekends = QCheckBox(self.tr("Promotion work on weekends and holidays counts"))
        self.deadline = QSpinBox()
        self.deadline.setRange(1, 28)
        self.deadline.setPrefix(self.tr("day "))
        self.deadline.setSuffix(self.tr(" of the next month"))
        self.save_rules = QPushButton(self.tr("Apply"))
        self.operator_name = QLineEdit()
        self.operator_name.setPlaceholderText(self.tr("your name: recorded on what you enter"))
        self.operator_phone = QLineEdit()
        self.operator_phone.setPlaceholderText(self.tr("phone (optional)"))
        save_operator = QPushButton(self.tr("Save"))
        self.role = QComboBox()
        self.roles = Choices(
            self.role,
            [
                (self.tr("As its use says (office once it has taken in reports)"), ""),
                (self.tr("A unit"), "unit"),
                (self.tr("The supervision office"), "office"),
            ],
        )
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(session.lang))
        self.db_label = QLabel(db_path)
        self.db_label.setWordWrap(True)
        open_db = QPushButton(self.tr("Open another database…"))
        restore = QPushButton(self.tr("Backups and restore…"))
        self.override_label = QLabel()
        self.override_label.setWordWrap(True)
        load_override = QPushButton(self.tr("Load a holiday arrangement file…"))
        self.edit_holidays = QPushButton(self.tr("Public holidays…"))
        self.edit_order = QPushButton(self.tr("Official order of units…"))
        self.edit_keys = QPushButton(self.tr("Signing keys and registration…"))
        self.edit_scheme = QPushButton(self.tr("Assessment scheme…"))
        self.edit_scheme.setToolTip(
            self.tr("The scheme the assessment results on the reports page are scored by.")
        )
        self.send_to_units = QPushButton(self.tr("Export the file for the units…"))
        self.send_to_units.setToolTip(
            self.tr(
                "The holiday arrangements entered here (this year and later) and the official"
                " order of units, signed, for the units to take in on their submissions page."
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("Target share"), self.target)
        form.addRow(self.tr("Hours per working day"), self.hours)
        form.addRow("", self.weekends)
        form.addRow(self.tr("Reports due by"), self.deadline)
        form.addRow("", self.save_rules)
        operator_row = QHBoxLayout()
        operator_row.addWidget(self.operator_name, 2)
        operator_row.addWidget(self.operator_phone, 1)
        operator_row.addWidget(save_operator)
        form.addRow(self.tr("Filled in by"), operator_row)
        form.addRow(self.tr("This database is"), self.role)
        form.addRow(self.tr("Language"), self.language)
        db_row = QHBoxLayout()
        db_row.addWidget(self.db_label, 1)
        db_row.addWidget(open_db)
        db_row.addWidget(restore)
        form.addRow(self.tr("Database file"), db_row)
        cal_row = QHBoxLayout()
        cal_row.addWidget(self.override_label, 1)
        cal_row.addWidget(self.edit_holidays)
        cal_row.addWidget(load_override)
        form.addRow(self.tr("Holiday calendar"), cal_row)
        order_row = QHBoxLayout()
        order_row.addWidget(self.edit_order)
        order_row.addWidget(self.send_to_units)
        order_row.addStretch(1)
        form.addRow(self.tr("Reports"), order_row)
        form.addRow(self.tr("Report files"), self.edit_keys)
        scheme_row = QHBoxLayout()
        scheme_row.addWidget(self.edit_scheme)
        scheme_row.addStretch(1)
        form.addRow(self.tr("Assessment"), scheme_row)
        panel = QWidget()
        panel.setMaximumWidth(760)
        panel.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(panel)
        layout.addStretch(1)
        self.save_rules.clicked.connect(self.apply_rules)
        save_operator.clicked.connect(self.save_operator)
        self.role.activated.connect(lambda _: self.choose_role())
        self.operator_name.returnPressed.connect(self.save_operator)
        self.language.currentIndexChanged.connect(
            lambda: self.language_chosen.emit(self.language.currentData())
        )
        open_db.clicked.connect(self.open_database_requested.emit)
        restore.clicked.connect(self.choose_backup)
        load_override.clicked.connect(self.load_override)
        self.edit_holidays.clicked.connect(self._on_edit_holidays_clicked)
        self.edit_order.clicked.connect(self._on_edit_order_clicked)
        self.edit_keys.clicked.connect(self._on_edit_keys_clicked)
        self.edit_scheme.clicked.connect(self._on_edit_scheme_clicked)
        self.send_to_units.clicked.connect(self.export_for_units)

    def refresh(self) -> None:
        rules = self.session.ledger.rules()
        self.target.setValue(rules.target * 100)
        self.hours.setValue(rules.hours_per_day)
        self.weekends.setChecked(rules.count_weekend_promotion)
        self.deadline.setValue(self.session.ledger.deadline_day())
        self.roles.select(self.session.ledger.chosen_role())
        name, phone = operator.operator(self.session.settings, self.session.ledger.path)
        self.operator_name.setText(name)
        self.operator_phone.setText(phone)
        user_file = paths.calendar_override_files()[-1]
        calendar = self.session.ledger.calendar
        text = str(user_file) if user_file.exists() else self.tr("none (built-in calendar)")
        if calendar.overrides:
            years = ", ".join(map(str, sorted(calendar.overrides)))
            text += "  " + self.tr("years: %1").replace("%1", years)
        if calendar.entered:
            years = ", ".join(map(str, sorted(calendar.entered)))
            text += "\n" + self.tr("Entered in this program: %1").replace("%1", years)
        self.override_label.setText(text)

    def _on_edit_holidays_clicked(self) -> None:
        ledger = self.session.ledger

        def save(a: YearArrangement) -> None:
            self.session.apply(
                self.tr("Enter the public holidays of %1").replace("%1", str(a.year)),
                SetHolidayYear(a.year, a),
            )

        def remove(year: int) -> None:
            self.session.apply(
                self.tr("Remove the public holidays entered for %1").replace("%1", str(year)),
                SetHolidayYear(year, None),
            )

        dialog = HolidayDialog(
            self, lambda: ledger.calendar, save, remove, self.session.today, self.session.lang
        )
        dialog.exec()
        dialog.deleteLater()

    def _on_edit_order_clicked(self) -> None:
        ledger = self.session.ledger
        before = ledger.official_order()
        persons = ledger.persons()
        dialog = OrderDialog(
            self,
            names_in_order(before.units, (p.unit for p in persons)),
            names_in_order(before.groups, (p.group for p in persons)),
        )
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.orders()
        dialog.deleteLater()
        old = {"unit": list(before.units), "group": list(before.groups)}
        changed = {kind: names for kind, names in chosen.items() if names != old[kind]}
        if not accepted or not changed:
            return

        orders = tuple((kind, tuple(names)) for kind, names in changed.items())
        try:
            self.session.apply(self.tr("Set the official order of units"), SetOfficialOrder(orders))
        except LedgerError as exc:
            self.refuse(exc)

    def _on_edit_scheme_clicked(self) -> None:
        s = self.session
        held = s.ledger.scheme()
        dialog = SchemeDialog(self, held, s.settings, s.lang)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.scheme()
        dialog.deleteLater()
        if not accepted or chosen is None or chosen == held:
            return
        if held is None:
            text = self.tr("Set the assessment scheme")
        else:
            text = self.tr("Change the assessment scheme")
        try:
            s.apply(text, SetScheme(chosen))
        except LedgerError as exc:
            self.refuse(exc)

    def choose_role(self) -> None:
        """A unit or the office: the office's review buttons and 待核对 follow it."""
        s = self.session
        s.ledger.set_role(self.roles.current())
        s.data_changed.emit()

    def save_operator(self) -> None:
        """The 填报人 of this database on this PC: from now on changes are recorded as theirs."""
        s = self.session
        name = " ".join(self.operator_name.text().split())
        if not name or len(name) > 50:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("Enter your name (at most 50 characters): it is recorded on every change."),
            )
            return
        operator.remember(s.settings, s.ledger.path, name, self.operator_phone.text())
        s.ledger.actor = name
        s.forget("operator")
        s.tell(Feedback(self.tr("From now on what you enter is recorded as filled in by %1.")
                        .replace("%1", name)))  # fmt: skip

    def export_for_units(self) -> None:
        """The signed calendar file (.otc) with the years entered here and the unit order."""
        s = self.session
        years = sorted(y for y in s.ledger.holiday_years() if y >= s.today.year)
        try:
            data = s.ledger.calendar_file(years, "督查室")
        except LedgerError as exc:
            self.refuse(exc)
            return
        suggested = self.tr("%1-for-the-units.otc").replace("%1", s.today.isoformat())
        folders = Folders(s.settings)
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the file for the units"),
            folders.start("units", suggested),
            self.tr("Calendar files (*.otc)"),
        )
        if not name:
            return
        folders.remember("units", name)
        path = Path(name) if name.endswith(".otc") else Path(name + ".otc")
        try:
            write_atomically(path, data)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not written"), str(exc))
            return
        held = "、".join(map(str, years)) or self.tr("none")
        order = s.ledger.official_order()
        scheme = s.ledger.scheme()
        text = self.tr(
            "Wrote %1 (holiday years: %2; units in the order: %3; assessment scheme: %4)."
            " Each unit takes it in on its submissions page."
        )
        text = (
            text.replace("%1", path.name)
            .replace("%2", held)
            .replace("%3", str(len(order.units)))
            .replace("%4", (scheme.name or scheme.document) if scheme else self.tr("none"))
        )
        s.tell(Feedback(text, files=(path,)))

    def _on_edit_keys_clicked(self) -> None:
        dialog = KeysDialog(self, self.session.ledger, self.session.lang)
        dialog.exec()
        dialog.deleteLater()

    def apply_rules(self) -> None:
        ledger, deadline = self.session.ledger, self.deadline.value()  # read before a refresh
        held = ledger.rules().target
        # the box shows two decimals: 33.33 % left as it was shown keeps the exact 1/3
        shown = self.target.value()
        target = held if round(held * 100, 2) == round(shown, 2) else shown / 100
        rules = Rules(target, self.hours.value(), self.weekends.isChecked())
        try:
            if deadline != ledger.deadline_day():
                ledger.set_deadline_day(deadline)
            if rules != ledger.rules():
                self.session.apply(self.tr("Change settings"), SetRules(rules))
            else:
                self.session.data_changed.emit()
        except LedgerError as exc:
            self.refuse(exc)

    def load_override(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Holiday arrangement file"), "", "JSON (*.json)"
        )
        if not name:
            return
        try:
            overrides = parse_overrides(Path(name).read_text(encoding="utf-8-sig"))
        except (LedgerError, OSError, UnicodeDecodeError) as exc:
            text = exc.message(self.session.lang) if isinstance(exc, LedgerError) else str(exc)
            QMessageBox.warning(self, self.tr("Not loaded"), text)
            return
        target = paths.calendar_override_files()[-1]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(name, target)
        ledger = self.session.ledger
        ledger.calendar = ledger.calendar.with_overrides(overrides)
        self.session.data_changed.emit()

    def choose_backup(self) -> None:
        s = self.session
        dialog = BackupsDialog(
            self, s.ledger, s.today, s.lang, lambda path: self.restore_requested.emit(str(path))
        )
        dialog.exec()
        dialog.deleteLater()
