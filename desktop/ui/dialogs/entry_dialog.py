"""Add or change one work entry: keyboard-first, remembers the last activity and project."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.entries import DayPart, Entry, parse_hours
from desktop.domain.errors import LedgerError, UnknownNameError, ValidationError
from desktop.domain.people import Activity, Person
from desktop.domain.workcalendar import WorkCalendar
from desktop.ui.choices import Choices, fixed_width
from desktop.ui.date_field import DateField
from desktop.ui.dialog_keys import save_on_ctrl_enter
from desktop.ui.ledger_memory import LedgerMemory
from desktop.ui.time_field import TimeField

DURATION_MODES = ("full", "half", "span", "hours")


def _searchable(combo: QComboBox) -> None:
    """An editable combo that completes what is typed anywhere in the names."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    fixed_width(combo, 16)  # then as wide as the form gives it
    completer = combo.completer()
    if completer is None:
        return
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)


class EntryDialog(QDialog):
    """Returns an Entry through `save`, a callable that writes it or raises LedgerError."""

    def __init__(
        self,
        parent: QWidget | None,
        persons: list[Person],
        activities: list[Activity],
        projects: list[tuple[int, str]],  # (id, name): what the list shows
        places: list[str],
        settings: LedgerMemory,  # what is remembered of this ledger: the last choices
        save: Callable[[Entry], object],
        entry: Entry | None = None,
        person_id: int | None = None,
        day: date | None = None,
        lang: str = "zh",
        calendar: Callable[[], WorkCalendar] | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._lang = lang
        self._settings = settings
        self._original = entry
        self.setWindowTitle(self.tr("Edit entry") if entry else self.tr("New entry"))
        self.setMinimumWidth(520)

        self.person = QComboBox()
        self.persons: Choices[int | None] = Choices(
            self.person, ((f"{p.name}（{p.unit}）" if p.unit else p.name, p.id) for p in persons)
        )
        _searchable(self.person)
        this_day = today or date.today()
        self.date = DateField("date", lang, calendar, lambda: this_day)
        self.activity = QComboBox()
        self.activities: Choices[int | None] = Choices(
            self.activity, ((a.name, a.id) for a in activities)
        )
        self.project = QComboBox()
        self.projects: Choices[int | None] = Choices(self.project, [("", None)])
        self.projects.extend((name, pid) for pid, name in projects)
        _searchable(self.project)

        self.modes = QButtonGroup(self)
        mode_row = QHBoxLayout()
        labels = (self.tr("Full day"), self.tr("Half day"), self.tr("From–to"), self.tr("Hours"))
        for i, text in enumerate(labels):
            button = QRadioButton(text)
            self.modes.addButton(button, i)
            mode_row.addWidget(button)
        self.start = TimeField("start")
        self.end = TimeField("end")
        self.hours = QDoubleSpinBox()
        # room above 24 so that a typed 25 reads as 25 (and is refused as more than a day), not 2
        self.hours.setRange(0.25, 99.75)
        self.hours.setSingleStep(0.5)
        self.hours.setDecimals(2)
        self.hours.setSuffix(self.tr(" h"))
        time_row = QHBoxLayout()
        for w in (self.start, QLabel("–"), self.end, self.hours):
            time_row.addWidget(w)
        time_row.addStretch(1)
        mode_row.addStretch(1)

        self.location = QLineEdit()
        self.location.setCompleter(QCompleter(places, self))
        self.counterpart = QLineEdit()
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)

        form = QFormLayout()
        self._errors: dict[str, QLabel] = {}
        rows = (
            ("person", self.tr("Person"), self.person),
            ("date", self.tr("Date"), self.date),
            ("activity", self.tr("Activity"), self.activity),
            ("hours", self.tr("Duration"), mode_row),
            ("start", "", time_row),
            ("project", self.tr("Project"), self.project),
            ("location", self.tr("Location"), self.location),
            ("counterpart", self.tr("Counterpart"), self.counterpart),
            ("note", self.tr("Progress"), self.note),
        )
        for field, text, widget in rows:
            form.addRow(text, widget)
            error = QLabel()
            error.setStyleSheet("color: #c0392b;")
            error.setWordWrap(True)
            error.hide()
            form.addRow("", error)
            self._errors[field] = error
        self._errors["end"] = self._errors["start"]
        self._errors["entry_person"] = self._errors["person"]
        self.date.set_error_label(self._errors["date"])
        self._errors["minutes"] = self._errors["hours"]

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        save_on_ctrl_enter(self, buttons.button(QDialogButtonBox.StandardButton.Save))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        self.read_only_reason = QLabel()
        self.read_only_reason.setWordWrap(True)
        self.read_only_reason.setStyleSheet(
            "background: #fff3cd; color: #6b4e00; padding: 6px 10px; border: 1px solid #e0c97a;"
        )
        self.read_only_reason.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_reason)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.modes.idToggled.connect(self._on_mode_toggled)
        self._fill(entry, person_id, day)

    def _fill(self, entry: Entry | None, person_id: int | None, day: date | None) -> None:
        # the fields of the other ways to give a duration hold values a person would start
        # from, also when a 全天 or 半天 entry is opened (they once read 00:00–00:00, 0.25 h)
        self.start.setTime(QTime(9, 0))
        self.end.setTime(QTime(11, 0))
        self.hours.setValue(2)
        if entry is None:
            d = day or date.today()
            self.date.setDate(QDate(d.year, d.month, d.day))
            self._select(self.persons, person_id)
            self._select(self.activities, self._settings.value("entry/last_activity", None, int))
            self._select(self.projects, self._settings.value("entry/last_project", None, int))
            mode = str(self._settings.value("entry/last_mode", "span"))
        else:
            self.date.setDate(QDate(entry.day.year, entry.day.month, entry.day.day))
            self._select(self.persons, entry.person_id)
            self._select(self.activities, entry.activity_id)
            self._select(self.projects, entry.project_id)
            self.location.setText(entry.location)
            self.counterpart.setText(entry.counterpart)
            self.note.setPlainText(entry.note)
            if entry.day_part is not None:
                mode = "full" if entry.day_part is DayPart.FULL else "half"
            elif entry.start is not None and entry.end is not None:
                mode = "span"
                self.start.setTime(QTime(entry.start // 60, entry.start % 60))
                self.end.setTime(QTime(entry.end // 60 % 24, entry.end % 60))
            else:
                mode = "hours"
                self.hours.setValue((entry.minutes or 0) / 60)
        self.modes.button(DURATION_MODES.index(mode) if mode in DURATION_MODES else 2).setChecked(
            True
        )
        self._on_mode_toggled()

    @staticmethod
    def _select(choices: Choices[int | None], value: object) -> None:
        if value is not None:
            choices.select(value)

    def _on_mode_toggled(self) -> None:
        mode = DURATION_MODES[max(self.modes.checkedId(), 0)]
        self.start.setEnabled(mode == "span")
        self.end.setEnabled(mode == "span")
        self.hours.setEnabled(mode == "hours")

    def entry(self) -> Entry:
        """The entry as typed; names are resolved, rules are checked by the ledger on save."""
        mode = DURATION_MODES[max(self.modes.checkedId(), 0)]
        minutes = start = end = None
        part = None
        if mode == "full":
            part = DayPart.FULL
        elif mode == "half":
            part = DayPart.HALF
        elif mode == "span":
            start = self.start.typed_minutes()
            end = self.end.typed_minutes()
        else:
            minutes = round(self.hours.value() * 60)
        project_id = self._matched(self.projects)
        base = self._original or Entry(0, date.today(), 0)
        return replace(
            base,
            person_id=self._matched(self.persons) or 0,
            day=self.date.typed_date(),
            activity_id=self.activities.current() or 0,
            minutes=minutes,
            day_part=part,
            start=start,
            end=end,
            project_id=project_id,
            location=self.location.text().strip(),
            counterpart=self.counterpart.text().strip(),
            note=self.note.toPlainText().strip(),
        )

    @staticmethod
    def _matched(choices: Choices[int | None]) -> int | None:
        """The id of the item whose text is typed, or None for an empty or unknown text."""
        combo = choices.combo
        index = combo.findText(combo.currentText().strip())
        return choices.value_at(index) if index >= 0 else None

    def make_read_only(self, reason: str) -> None:
        """Show the entry without letting it change (its month was submitted): the fields
        read-only, no 保存, the reason at the top."""
        self.setWindowTitle(self.tr("Entry (read-only)"))
        self.read_only_reason.setText(reason)
        self.read_only_reason.show()
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QAbstractButton | QComboBox | QAbstractSpinBox | QLineEdit):
                widget.setEnabled(False)
        self.note.setReadOnly(True)
        self.save_button.hide()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))

    def show_error(self, error: LedgerError, lang: str) -> None:
        for label in self._errors.values():
            label.hide()
        label = self._errors.get(error.field, self._errors["note"])
        label.setText(error.message(lang))
        label.show()
        self.adjustSize()  # room for the line, so that it covers no field

    def _on_save_clicked(self) -> None:
        try:
            entry = self.entry()
            if entry.minutes is not None:
                parse_hours(f"{entry.minutes / 60:g}")  # more than 24 h is refused, naming 时长
            if entry.person_id == 0:
                typed = self.person.currentText().strip()
                if not typed:
                    code = "required" if self.person.count() else "no_persons"
                    raise ValidationError("entry_person", code)
                raise UnknownNameError("entry_person", "unknown_person", value=typed)
            if self.project.currentText().strip() and entry.project_id is None:
                raise UnknownNameError(
                    "project", "unknown_project", value=self.project.currentText().strip()
                )
            self._save(entry)
        except LedgerError as exc:
            self.show_error(exc, self._lang)
            return
        self._settings.setValue("entry/last_activity", entry.activity_id)
        self._settings.setValue("entry/last_project", entry.project_id or 0)
        self._settings.setValue("entry/last_mode", DURATION_MODES[max(self.modes.checkedId(), 0)])
        self.accept()
