"""What every page follows: the ledger, the chosen person and period, and the undo stack."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.domain.changes import Applied, Change
from desktop.domain.errors import LedgerError
from desktop.domain.periods import Period
from desktop.storage.ledger import Ledger
from desktop.ui.feedback import Feedback
from desktop.ui.ledger_memory import LedgerMemory


class ChangeCommand(QUndoCommand):
    """One step on the undo stack, already done when pushed: a change, or several done as one
    (the rows deleted together). It holds the changes that take it back; undoing applies them
    and keeps their inverses for the redo, and so on, so each step acts on the ids the ledger
    holds then. A step the ledger refuses (the month was submitted since, say) is said, and the
    stack and the database stay where they were."""

    def __init__(self, session: Session, text: str, inverse: Change | list[Change]) -> None:
        super().__init__(text)
        self._session = session
        back = list(inverse) if isinstance(inverse, list) else [inverse]
        self._back: list[Change] | None = back  # what undo applies, in turn
        self._again: list[Change] | None = None  # what redo applies (none before the first undo)
        self._refused = False

    def undo(self) -> None:
        if self._take_refusal() or self._back is None:
            return
        inverse = self._session.step_all(self._back)
        if inverse is None:
            self._stay(self._session.undo_stack.redo)
            return
        self._again, self._back = inverse, None

    def redo(self) -> None:
        if self._take_refusal() or self._again is None:
            return  # the first redo is the push: done already
        inverse = self._session.step_all(self._again)
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

    def apply_all(self, text: str, changes: Sequence[Change]) -> list[Any]:
        """Do several changes as one step (the rows selected, deleted): all of them or none.
        When the ledger refuses one, those done before it are taken back, so the database is as
        it was, and the refusal propagates with nothing pushed. Taken, they are one step on the
        undo stack under text; what each made is returned."""
        try:
            done = self._apply_all(changes)
        finally:
            self.data_changed.emit()
        self.undo_stack.push(ChangeCommand(self, text, [a.inverse for a in reversed(done)]))
        return [a.result for a in done]

    def _apply_all(self, changes: Sequence[Change]) -> list[Applied[Any]]:
        done: list[Applied[Any]] = []
        try:
            for change in changes:
                done.append(self.ledger.apply(change))
        except LedgerError:
            for applied in reversed(done):
                self.ledger.apply(applied.inverse)
            raise
        return done

    def record(self, text: str, inverse: Change) -> None:
        """Put a change done elsewhere (an import, by its job) on the undo stack."""
        self.undo_stack.push(ChangeCommand(self, text, inverse))
        self.data_changed.emit()

    def step(self, change: Change) -> Change | None:
        """Undo or redo one step: its inverse, or None when the ledger refused (said)."""
        inverse = self.step_all([change])
        return None if inverse is None else inverse[0]

    def step_all(self, changes: Sequence[Change]) -> list[Change] | None:
        """Undo or redo a step of several changes, all or none: the changes that take it back
        (in the order to apply them), or None when the ledger refused one (said; those done
        before it taken back)."""
        try:
            done = self._apply_all(changes)
        except LedgerError as exc:
            self.failed.emit(exc.message(self.lang))
            return None
        finally:
            self.data_changed.emit()
        return [a.inverse for a in reversed(done)]
