"""What every page follows: the ledger, the chosen person and period, and the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.domain.errors import LedgerError
from desktop.domain.periods import Period
from desktop.storage.ledger import Ledger
from desktop.ui.feedback import Feedback


class LedgerCommand(QUndoCommand):
    """One change, already done once when pushed; undo and redo call the ledger again."""

    def __init__(
        self, session: Session, text: str, redo: Callable[[], Any], undo: Callable[[], Any]
    ) -> None:
        super().__init__(text)
        self._session = session
        self._redo = redo
        self._undo = undo
        self._done_once = True

    def redo(self) -> None:
        if self._done_once:
            self._done_once = False
            return
        self._session.call(self._redo, self)

    def undo(self) -> None:
        self._session.call(self._undo, self)


class Session(QObject):
    person_changed = Signal()
    period_changed = Signal()
    data_changed = Signal()
    failed = Signal(str)  # an undo/redo the ledger refused: the reason, to show
    told = Signal(object)  # Feedback: how something the person did ended, for the message bar

    def __init__(self, ledger: Ledger, settings: QSettings, today: date, lang: str = "zh") -> None:
        super().__init__()
        self.ledger = ledger
        self.settings = settings
        self.today = today
        self.lang = lang
        self.undo_stack = QUndoStack(self)
        self.person_id: int | None = None
        self.period = Period.month(today.year, today.month)
        remembered = settings.value("session/person", None)
        if remembered not in (None, ""):
            try:
                person_id = int(str(remembered))
                self.person_id = ledger.person(person_id).id
            except (ValueError, LedgerError):
                self.person_id = None

    def set_person(self, person_id: int | None) -> None:
        if person_id != self.person_id:
            self.person_id = person_id
            self.settings.setValue("session/person", "" if person_id is None else person_id)
            self.person_changed.emit()

    def set_period(self, period: Period) -> None:
        if period != self.period:
            self.period = period
            self.period_changed.emit()

    def tell(self, feedback: Feedback) -> None:
        self.told.emit(feedback)

    def run(
        self,
        text: str,
        do: Callable[[], Any],
        undo: Callable[[], Any],
        redo: Callable[[], Any] | None = None,
    ) -> Any:
        """Do a change now; when it succeeds, put it on the undo stack. Refusals propagate."""
        result = do()
        self.undo_stack.push(LedgerCommand(self, text, redo or do, undo))
        self.data_changed.emit()
        return result

    def call(self, action: Callable[[], Any], command: QUndoCommand) -> None:
        try:
            action()
        except LedgerError as exc:
            command.setObsolete(True)
            self.failed.emit(exc.message(self.lang))
        self.data_changed.emit()
