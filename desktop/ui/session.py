"""What every page follows: the ledger, the chosen person and period, and the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.domain.changes import Change
from desktop.domain.errors import LedgerError
from desktop.domain.periods import Period
from desktop.storage.ledger import Ledger
from desktop.ui.feedback import Feedback
from desktop.ui.ledger_memory import LedgerMemory


class ChangeCommand(QUndoCommand):
    """One change on the undo stack, already done when pushed. It holds the change that takes
    it back; undoing applies that and keeps its inverse for the redo, and so on, so each step
    acts on the ids the ledger holds then. A step the ledger refuses (the month was submitted
    since, say) is said, and the stack stays where it was."""

    def __init__(self, session: Session, text: str, inverse: Change) -> None:
        super().__init__(text)
        self._session = session
        self._back: Change | None = inverse  # what undo applies
        self._again: Change | None = None  # what redo applies (none before the first undo)
        self._refused = False

    def undo(self) -> None:
        if self._take_refusal() or self._back is None:
            return
        inverse = self._session.step(self._back)
        if inverse is None:
            self._stay(self._session.undo_stack.redo)
            return
        self._again, self._back = inverse, None

    def redo(self) -> None:
        if self._take_refusal() or self._again is None:
            return  # the first redo is the push: done already
        inverse = self._session.step(self._again)
        if inverse is None:
            self._stay(self._session.undo_stack.undo)
            return
        self._back, self._again = inverse, None

    def _stay(self, move_back: Callable[[], None]) -> None:
        """The stack has already moved past this command: move it back, doing nothing."""
        self._refused = True
        QTimer.singleShot(0, move_back)

    def _take_refusal(self) -> bool:
        refused, self._refused = self._refused, False
        return refused


class Session(QObject):
    person_changed = Signal()
    period_changed = Signal()
    data_changed = Signal()
    failed = Signal(str)  # an undo/redo the ledger refused: the reason, to show
    told = Signal(object)  # Feedback: how something the person did ended, for the message bar
    forgotten = Signal(str)  # a topic whose message no longer applies

    def __init__(self, ledger: Ledger, settings: QSettings, today: date, lang: str = "zh") -> None:
        super().__init__()
        self.ledger = ledger
        self.settings = settings
        self.today = today
        self.lang = lang
        self.undo_stack = QUndoStack(self)
        self.person_id: int | None = None
        self.period = Period.month(today.year, today.month)
        self.memory = LedgerMemory(settings, ledger.path)  # what is remembered of this file
        remembered = self.memory.value("person", None)
        if remembered not in (None, ""):
            try:
                person_id = int(str(remembered))
                self.person_id = ledger.person(person_id).id
            except (ValueError, LedgerError):
                self.person_id = None

    def set_person(self, person_id: int | None) -> None:
        if person_id != self.person_id:
            self.person_id = person_id
            self.memory.setValue("person", "" if person_id is None else person_id)
            self.person_changed.emit()

    def set_period(self, period: Period) -> None:
        if period != self.period:
            self.period = period
            self.period_changed.emit()

    def tell(self, feedback: Feedback) -> None:
        self.told.emit(feedback)

    def forget(self, topic: str) -> None:
        self.forgotten.emit(topic)

    def apply(self, text: str, change: Change) -> Any:
        """Do a change now; when the ledger takes it, put it on the undo stack under text and
        return what it made. A refusal (LedgerError) propagates, and nothing is pushed."""
        applied = self.ledger.apply(change)
        self.record(text, applied.inverse)
        return applied.result

    def record(self, text: str, inverse: Change) -> None:
        """Put a change done elsewhere (an import, by its job) on the undo stack."""
        self.undo_stack.push(ChangeCommand(self, text, inverse))
        self.data_changed.emit()

    def step(self, change: Change) -> Change | None:
        """Undo or redo one step: its inverse, or None when the ledger refused (said)."""
        try:
            applied = self.ledger.apply(change)
        except LedgerError as exc:
            self.failed.emit(exc.message(self.lang))
            return None
        finally:
            self.data_changed.emit()
        return applied.inverse
