"""What all pages share: the session, and refreshing only when shown and out of date."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.errors import LedgerError
from desktop.domain.periods import Period
from desktop.storage.cycles import no_cycle_collection
from desktop.ui.feedback import Feedback
from desktop.ui.session import Session


class Page(QWidget):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._stale = True
        session.person_changed.connect(self._mark_stale)
        session.period_changed.connect(self._mark_stale)
        session.data_changed.connect(self._mark_stale)

    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh_now()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh_now()

    def refresh_now(self) -> None:
        self._stale = False
        with no_cycle_collection():  # a page's rows make thousands of objects, no cycles
            self.refresh()

    def refresh(self) -> None:
        """Re-read what the page shows from the ledger."""

    def new_record(self) -> bool:
        """Start making this page's kind of record (Ctrl+N); False where a page has none."""
        return False

    def refuse(self, error: LedgerError) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), error.message(self.session.lang))

    def tell_saved(self, record: str, first: date | None = None, last: date | None = None) -> None:
        """Say that record was saved; a record dated outside the period shown says so and
        offers to show its month, so that it does not seem lost."""
        s = self.session
        text = self.tr("Saved: %1.").replace("%1", record)
        last = last or first
        if first is None or last is None or (s.period.start <= first and last <= s.period.end):
            s.tell(Feedback(text))
            return
        month = Period.month(first.year, first.month)
        text = (
            self.tr("Saved: %1. It lies outside the period shown (%2).")
            .replace("%1", record)
            .replace("%2", s.period.text(s.lang))
        )
        show = self.tr("Show %1").replace("%1", month.text(s.lang))
        s.tell(Feedback(text, action=(show, lambda: s.set_period(month))))

    def tell_deleted(self, record: str) -> None:
        self.session.tell(
            Feedback(
                self.tr("Deleted: %1. Undo (Ctrl+Z) or the recycle bin brings it back.").replace(
                    "%1", record
                )
            )
        )
