"""Background jobs (QThread) that live until the window has handled their finished signal.

A QThread whose last Python reference goes while it runs, or while its signals are still queued
for the GUI thread, is deleted under Qt's feet: "QThread: Destroyed while thread is still
running", or a crash in the event loop later. So a job is a child of the widget that starts it
(Qt, not Python's garbage collector, owns it), and deletes itself only after every slot
connected to `finished` has run.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from desktop.domain.errors import LedgerError
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.ledger import Ledger

Progress = Callable[[int, int], object]


class Job(QThread):
    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)

    def launch(self) -> None:
        """Start, once the owner has connected its slots: the clean-up is connected last, so
        it runs after them."""
        self.finished.connect(self._on_finished)
        self.start()

    def _on_finished(self) -> None:
        self.wait()  # finished is sent from the thread just before it ends: let it end
        self.deleteLater()


class LedgerJob(Job):
    """work(ledger, progressed) run off the GUI thread on a connection of its own to the
    window's database file (reading and writing files, rendering PDFs: nothing of that on the
    GUI thread). Its result, or the refusal's message, comes back as a signal."""

    progressed = Signal(int, int)  # steps done, steps in all
    succeeded = Signal(object)  # what work returned
    failed = Signal(str)  # a refusal, in the person's language

    def __init__(
        self,
        owner: QObject,
        ledger: Ledger,
        today: date,
        lang: str,
        work: Callable[[Ledger, Progress], object],
    ) -> None:
        super().__init__(owner)
        self._where: tuple[Path, WorkCalendar, str] = (ledger.path, ledger.calendar, ledger.actor)
        self._today, self._lang, self._work = today, lang, work

    def run(self) -> None:
        path, calendar, actor = self._where
        today = self._today
        try:
            with Ledger.open(path, calendar, actor, lambda: today) as ledger:
                result = self._work(ledger, self.progressed.emit)
            self.succeeded.emit(result)
        except LedgerError as exc:
            self.failed.emit(exc.message(self._lang))
        except OSError as exc:
            self.failed.emit(f"{exc.filename or ''} {exc.strerror or exc}".strip())
