"""The clock fields of the entry dialog (起止时间): a time typed whole, as people type it (14:30,
9:30, 9点半, 9点30分), reads as the time meant. QTimeEdit types into one section at a time: 14:30
typed over a selected 09:00 became 09:30, and typed after Tab (which selects the minutes only
when coming back with Shift+Tab) 09:14, without a word. Here the text is edited as in a line
edit, Tab selects all of it, and a text that names no time stays as typed and is refused on
saving, naming the field."""

from __future__ import annotations

import re

from PySide6.QtCore import QDateTime, Qt, QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QTimeEdit, QWidget

from desktop.domain.entries import DAY_MINUTES
from desktop.domain.errors import LedgerError, ValidationError
from desktop.domain.ledger_parsing import parse_ledger_clock
from desktop.ui.date_field import KEYBOARD_FOCUS

# what a time is made of while it is being typed (full-width forms too); one colon: 09:14:30
# is what 14:30 typed over the minutes of 09:00 makes, not a time a person means
_TYPING = re.compile(r"[\d０-９点时分半\s]*(?:[:：][\d０-９\s]*)?")
# keys that edit the text as in a line edit, not step or jump between sections
_TEXT_KEYS = {
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Delete,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
}


class TimeField(QTimeEdit):
    """field names the value in messages ("start" or "end")."""

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field = field
        self.setDisplayFormat("HH:mm")
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)

    def typed_minutes(self) -> int:
        """Minutes after midnight the field reads; ValidationError naming the field if none."""
        text = self.lineEdit().text()
        minutes = parse_ledger_clock(text, self._field)
        if minutes >= DAY_MINUTES:  # 24:00 is no time a clock field can hold
            raise ValidationError(self._field, "bad_time", value=text.strip())
        return minutes

    def _read(self, text: str) -> QTime | None:
        if _TYPING.fullmatch(text) is None:
            return None
        try:
            minutes = parse_ledger_clock(text, self._field)
        except LedgerError:
            return None
        return QTime(minutes // 60, minutes % 60) if minutes < DAY_MINUTES else None

    # Qt's side: the text is read whole, not section by section

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if _TYPING.fullmatch(text) is None:
            return QValidator.State.Invalid, text, pos
        if self._read(text) is None:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        return text  # never turn a typed text into another time

    def dateTimeFromText(self, text: str) -> QDateTime:
        time = self._read(text)
        return self.dateTime() if time is None else QDateTime(self.date(), time)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.lineEdit().selectAll()  # QTimeEdit would select one section only
            return
        if event.key() in _TEXT_KEYS or (plain and event.text() and event.text().isprintable()):
            QAbstractSpinBox.keyPressEvent(self, event)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in KEYBOARD_FOCUS:
            self.lineEdit().selectAll()  # QTimeEdit would select one section only

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab leaves the field as it leaves any other, instead of stepping through its sections
        return QWidget.focusNextPrevChild(self, next)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        typed = self.lineEdit().text()
        good = self._read(typed) is not None
        super().focusOutEvent(event)
        # a time read is shown in the one format; a text that is none stays, to be refused
        self.lineEdit().setText(self.textFromDateTime(self.dateTime()) if good else typed)
