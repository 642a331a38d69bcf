"""Background jobs (QThread) that live until the window has handled their finished signal.

A QThread whose last Python reference goes while it runs, or while its signals are still queued
for the GUI thread, is deleted under Qt's feet: "QThread: Destroyed while thread is still
running", or a crash in the event loop later. So a job is a child of the widget that starts it
(Qt, not Python's garbage collector, owns it), and deletes itself only after every slot
connected to `finished` has run.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread


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
