"""What all pages share: the session, and refreshing only when shown and out of date."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.errors import LedgerError
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
        self.refresh()

    def refresh(self) -> None:
        """Re-read what the page shows from the ledger."""

    def new_record(self) -> bool:
        """Start making this page's kind of record (Ctrl+N); False where a page has none."""
        return False

    def refuse(self, error: LedgerError) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), error.message(self.session.lang))
