"""The date field of every dialog: takes a date as it is typed in any of the forms people use
(desktop.domain.typed_dates), shows a day that does not exist as an error under the field
instead of moving to another day, and keeps the holiday-marking popup calendar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QLabel, QVBoxLayout, QWidget

from desktop.domain.errors import LedgerError
from desktop.domain.typed_dates import FIRST_YEAR, LAST_YEAR, may_become_date, read_date
from desktop.domain.workcalendar import WorkCalendar
from desktop.ui.work_calendar_popup import use_work_calendar_popup

# keys that edit the text as in a plain line edit; QDateTimeEdit would jump between its
# sections on them and carry a typed day into the next month (2026-11-20 became 2026-12-11)
_TEXT_KEYS = {
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Delete,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
}
_ENTER = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
# reached by Tab, Shift+Tab or a label's shortcut: the whole text is selected, to type over
KEYBOARD_FOCUS = {
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
}


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class DateField(QDateEdit):
    """field names the value in messages (e.g. "start_date"); today is asked when a month and
    day are typed without a year. The error label goes under the field (under_field)."""

    def __init__(
        self,
        field: str,
        lang: str = "zh",
        calendar: Callable[[], WorkCalendar] | None = None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._field = field
        self._lang = lang
        self._today = today
        self.setDisplayFormat("yyyy-MM-dd")
        # outside these QDateEdit would clamp a typed year silently; the parser refuses it
        self.setDateRange(QDate(FIRST_YEAR, 1, 1), QDate(LAST_YEAR, 12, 31))
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        use_work_calendar_popup(self, calendar or WorkCalendar, lang)
        self.error = QLabel()
        self.error.setObjectName(f"{field}_error")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.dateChanged.connect(self._on_date_changed)

    def set_error_label(self, label: QLabel) -> None:
        """Show errors in label (a form's own row under the field) instead of the field's."""
        self.error = label

    def typed_date(self) -> date:
        """The date the field reads; raises ValidationError naming the field if it reads none,
        and shows that error under the field."""
        try:
            day = read_date(self.lineEdit().text(), self._today(), self._field)
        except LedgerError as exc:
            self.error.setText(exc.message(self._lang))
            self.error.show()
            raise
        return day

    def set_day(self, day: date) -> None:
        self.setDate(_qdate(day))

    # Qt's side: the text is checked by domain rules, not by QDateTimeEdit's sections

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if not may_become_date(text):
            return QValidator.State.Invalid, text, pos
        try:
            read_date(text, self._today(), self._field)
        except LedgerError:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        return text  # never turn a typed text into another date

    def dateTimeFromText(self, text: str) -> QDateTime:
        try:
            day = read_date(text, self._today(), self._field)
        except LedgerError:
            return self.dateTime()
        return QDateTime(_qdate(day), QTime(0, 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.lineEdit().selectAll()  # QDateTimeEdit would select one section only
            return
        if event.key() in _ENTER:
            if not self._check():
                event.ignore()  # the dialog's default button refuses to save, naming the field
                return
            self._show_as_read()
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            QAbstractSpinBox.keyPressEvent(self, event)
            return
        if event.key() in _TEXT_KEYS or (plain and event.text() and event.text().isprintable()):
            QAbstractSpinBox.keyPressEvent(self, event)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in KEYBOARD_FOCUS:
            # QDateTimeEdit would select the year only: 2026-11-16 typed became 2026-11-1611-20
            self.lineEdit().selectAll()

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab leaves the field as it leaves any other, instead of stepping through its sections
        return QWidget.focusNextPrevChild(self, next)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        typed = self.lineEdit().text()
        good = self._check()
        super().focusOutEvent(event)
        if not good:
            # Qt put the previous date back; the person's text stays, with its error under it
            self.lineEdit().setText(typed)
        else:
            self._show_as_read()

    def _check(self) -> bool:
        try:
            self.typed_date()
        except LedgerError:
            return False
        self.error.hide()
        return True

    def _show_as_read(self) -> None:
        """Write the date read back in the field's one format, so the person sees which day."""
        self.setDate(_qdate(self.typed_date()))
        self.lineEdit().setText(self.textFromDateTime(self.dateTime()))

    def _on_date_changed(self) -> None:
        if self.lineEdit().text() == self.textFromDateTime(self.dateTime()):
            self.error.hide()


def under_field(field: DateField) -> QWidget:
    """The field with its error label below it, for a form row."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(field.error)
    return box


class OptionalDateField(DateField):
    """A date that may be left empty (a project's 开工 day not known yet): the field shows
    nothing, and typed_day() reads None. Emptied by deleting its text."""

    def __init__(
        self,
        field: str,
        lang: str = "zh",
        calendar: Callable[[], WorkCalendar] | None = None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(field, lang, calendar, today, parent)
        # the day before the first a person may type stands for none: Qt shows it as the blank
        self.setMinimumDate(QDate(FIRST_YEAR - 1, 12, 31))
        self.setSpecialValueText(" ")
        # typed over the blank, a day read halfway (2026-03-1 of 2026-03-15) would be written
        # back in the field's format, the cursor before the rest: read once typing is done
        self.setKeyboardTracking(False)
        self.set_day(None)

    def set_day(self, day: date | None) -> None:
        if day is None:
            self.setDate(self.minimumDate())
            self.error.hide()
        else:
            super().set_day(day)

    def _blank(self) -> bool:
        return not self.lineEdit().text().strip()

    def typed_day(self) -> date | None:
        """The date the field reads, None when it is empty; ValidationError as typed_date."""
        if self._blank():
            self.error.hide()
            return None
        return self.typed_date()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if not text.strip():
            return QValidator.State.Acceptable, text, pos  # emptied: none
        return super().validate(text, pos)

    def dateTimeFromText(self, text: str) -> QDateTime:
        if not text.strip():
            return QDateTime(self.minimumDate(), QTime(0, 0))  # the blank
        return super().dateTimeFromText(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        blank = self._blank()
        super().focusOutEvent(event)
        if blank:  # Qt put the previous date back
            self.set_day(None)

    def _check(self) -> bool:
        if self._blank():
            self.error.hide()
            return True
        return super()._check()

    def _show_as_read(self) -> None:
        if self._blank():
            self.set_day(None)
        else:
            super()._show_as_read()
