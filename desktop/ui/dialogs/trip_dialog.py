"""A promotion trip: travellers, dates with half days, destinations, companies met, projects."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import LedgerError, ValidationError
from desktop.domain.people import Person
from desktop.domain.trips import CompanyVisit, Trip
from desktop.domain.workcalendar import WorkCalendar
from desktop.ui.choices import Choices
from desktop.ui.company_grid import CompanyGridView
from desktop.ui.date_field import DateField, under_field
from desktop.ui.dialog_keys import save_on_ctrl_enter

COMPANY_ROWS = 8


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class TripDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        persons: list[Person],
        projects: list[tuple[int, str]],  # (id, name)
        save: Callable[[Trip], object],
        trip: Trip | None = None,
        leader_id: int | None = None,
        today: date | None = None,
        lang: str = "zh",
        calendar: Callable[[], WorkCalendar] | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._lang = lang
        self._trip = trip
        self.setWindowTitle(self.tr("Edit trip") if trip else self.tr("New trip"))
        self.setMinimumWidth(640)
        self.leader = QComboBox()
        self.leaders: Choices[int | None] = Choices(self.leader)
        self.companions = QListWidget()
        self.companions.setMaximumHeight(110)
        for p in persons:
            self.leaders.add(p.name, p.id)
            item = QListWidgetItem(f"{p.name}（{p.title}）" if p.title else p.name)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.companions.addItem(item)
        this_day = today or date.today()
        self.start = DateField("start_date", lang, calendar, lambda: this_day)
        self.end = DateField("end_date", lang, calendar, lambda: this_day)
        self.start_half = QCheckBox(self.tr("leaves at noon (half day)"))
        self.end_half = QCheckBox(self.tr("back at noon (half day)"))
        self.days = QLabel()
        self.destinations = QLineEdit()
        self.destinations.setPlaceholderText(self.tr("e.g. Chongqing, Zhengzhou"))
        self.companies = QStandardItemModel(COMPANY_ROWS, 3, self)
        self.companies.setHorizontalHeaderLabels(
            [self.tr("Company"), self.tr("Contact"), self.tr("Contact's title")]
        )
        table = CompanyGridView()
        table.setModel(self.companies)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setMaximumHeight(150)
        self.projects = QListWidget()
        self.projects.setMaximumHeight(110)
        for pid, name in projects:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.projects.addItem(item)
        self.results = QPlainTextEdit()
        self.results.setTabChangesFocus(True)
        self.results.setFixedHeight(70)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        # each day's half-day box under its date: one line would not fit 911 px in English
        dates = QGridLayout()
        top = Qt.AlignmentFlag.AlignTop
        dates.addWidget(under_field(self.start), 0, 0, top)
        dates.addWidget(QLabel("—"), 0, 1, top)
        dates.addWidget(under_field(self.end), 0, 2, top)
        dates.addWidget(self.days, 0, 3, top)
        dates.addWidget(self.start_half, 1, 0)
        dates.addWidget(self.end_half, 1, 2)
        dates.setColumnStretch(4, 1)
        form = QFormLayout()
        form.addRow(self.tr("Leader"), self.leader)
        form.addRow(self.tr("Companions"), self.companions)
        form.addRow(self.tr("Dates"), dates)
        form.addRow(self.tr("Destinations"), self.destinations)
        form.addRow(self.tr("Companies visited"), table)
        form.addRow(self.tr("Projects discussed"), self.projects)
        form.addRow(self.tr("Results"), self.results)
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
        for signal in (
            self.start.dateChanged,
            self.end.dateChanged,
            self.start_half.toggled,
            self.end_half.toggled,
        ):
            signal.connect(self._on_dates_changed)
        self._fill(trip, leader_id, today or date.today())

    def _fill(self, trip: Trip | None, leader_id: int | None, today: date) -> None:
        if trip is None:
            self.start.setDate(_qdate(today))
            self.end.setDate(_qdate(today))
            if leader_id is not None:
                self.leaders.select(leader_id)
            self._on_dates_changed()
            return
        self.leaders.select(trip.traveller_ids[0])
        for i in range(self.companions.count()):
            item = self.companions.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in trip.traveller_ids[1:]:
                item.setCheckState(Qt.CheckState.Checked)
        self.start.setDate(_qdate(trip.start_date))
        self.end.setDate(_qdate(trip.end_date))
        self.start_half.setChecked(trip.start_half)
        self.end_half.setChecked(trip.end_half)
        self.destinations.setText("、".join(trip.destinations))
        for row, c in enumerate(trip.companies[:COMPANY_ROWS]):
            for col, value in enumerate((c.company, c.contact, c.title)):
                self.companies.setItem(row, col, QStandardItem(value))
        for i in range(self.projects.count()):
            item = self.projects.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in trip.project_ids:
                item.setCheckState(Qt.CheckState.Checked)
        self.results.setPlainText(trip.results)
        self._on_dates_changed()

    def _on_dates_changed(self) -> None:
        try:
            days = self._draft().days_away
        except (LedgerError, ValueError):
            days = 0
        text = self.tr("%1 day") if days == 1 else self.tr("%1 days")
        self.days.setText(text.replace("%1", f"{days:g}"))

    def _draft(self, typed: bool = False) -> Trip:
        """The trip as the form holds it; typed: its dates as typed, refused if they name no day
        (the live day count reads the fields' last good dates instead)."""
        travellers = [self.leaders.current() if self.leader.count() else None]
        for i in range(self.companions.count()):
            item = self.companions.item(i)
            pid = item.data(Qt.ItemDataRole.UserRole)
            if item.checkState() == Qt.CheckState.Checked and pid not in travellers:
                travellers.append(pid)
        companies = []
        for row in range(COMPANY_ROWS):
            cells = [
                (self.companies.item(row, col) or QStandardItem()).text().strip()
                for col in range(3)
            ]
            if cells[0]:
                companies.append(CompanyVisit(*cells))
        projects = [
            self.projects.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.projects.count())
            if self.projects.item(i).checkState() == Qt.CheckState.Checked
        ]
        places = [s for s in re.split(r"[、,，;；\s]+", self.destinations.text()) if s]
        base = self._trip
        return Trip(
            tuple(t for t in travellers if t is not None),
            self.start.typed_date() if typed else _pydate(self.start.date()),
            self.end.typed_date() if typed else _pydate(self.end.date()),
            self.start_half.isChecked(),
            self.end_half.isChecked(),
            tuple(places),
            tuple(companies),
            tuple(projects),
            self.results.toPlainText().strip(),
            base.recorded_by if base else "",
            base.id if base else None,
        )

    def trip(self) -> Trip:
        trip = self._draft(typed=True)
        if not trip.destinations:
            raise ValidationError("destinations", "required")
        return trip

    def _on_save_clicked(self) -> None:
        try:
            self._save(self.trip())
        except LedgerError as exc:
            self.error.setText(exc.message(self._lang))
            self.error.show()
            return
        self.accept()
