"""设置 › 备份与恢复: the database's backups as a list (when, why, how big), 立即备份 off the GUI
thread, and 恢复 of the chosen one (or of another file) after a confirmation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.storage.backups import BackupInfo, BackupReason
from desktop.storage.ledger import Ledger
from desktop.ui.jobs import LedgerJob, Progress
from desktop.ui.rows_model import RowsTableModel
from desktop.ui.screen_fit import keep_on_screen


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{max(1, round(n / 1024))} KB"


class BackupsDialog(QDialog):
    """restore(path) replaces the ledger with that backup (the window does it and closes us)."""

    def __init__(
        self,
        parent: QWidget | None,
        ledger: Ledger,
        today: date,
        lang: str,
        restore: Callable[[Path], None],
    ) -> None:
        super().__init__(parent)
        self._ledger, self._today, self._lang, self._restore = ledger, today, lang, restore
        self._items: list[BackupInfo] = []
        self.job: LedgerJob | None = None
        self.setWindowTitle(self.tr("Backups"))
        self.resize(620, 420)
        self.model = RowsTableModel([self.tr("Made at"), self.tr("Why"), self.tr("Size")])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.backup_button = buttons.addButton(self.tr("Back up now"), role)
        restore_button = buttons.addButton(self.tr("Restore the chosen backup…"), role)
        other = buttons.addButton(self.tr("Restore another file…"), role)
        self.backup_button.clicked.connect(self.back_up_now)
        restore_button.clicked.connect(self.restore_selected)
        other.clicked.connect(self.restore_other)
        buttons.rejected.connect(self.reject)
        intro = QLabel(
            self.tr(
                "A backup is made when the program is first opened each day and before imports,"
                " intake and restores; the newest are kept."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reload()
        keep_on_screen(self)

    def reload(self) -> None:
        self._items = self._ledger.backups()
        reasons = {
            BackupReason.DAILY: self.tr("daily"),
            BackupReason.MANUAL: self.tr("asked for"),
            BackupReason.IMPORT: self.tr("before an import"),
            BackupReason.MIGRATION: self.tr("before an upgrade"),
            BackupReason.RESTORE: self.tr("before a restore"),
            BackupReason.INTAKE: self.tr("before intake"),
        }
        self.model.set_rows(
            [
                [f"{b.made_at:%Y-%m-%d %H:%M:%S}", reasons.get(b.reason, b.reason), _size(b.size)]
                for b in self._items
            ],
            list(range(len(self._items))),
            right_aligned=(2,),
        )
        self.table.resizeColumnsToContents()
        if not self._items:
            self._say(self.tr("There is no backup yet."))

    def back_up_now(self) -> None:
        def work(ledger: Ledger, progressed: Progress) -> BackupInfo:
            return ledger.backup_now()

        self.backup_button.setEnabled(False)
        self._say(self.tr("Backing up…"))
        job = LedgerJob(self, self._ledger, self._today, self._lang, work)
        job.succeeded.connect(self._on_backed_up)
        job.failed.connect(lambda text: self._say(text, problem=True))
        job.finished.connect(self._on_job_finished)
        self.job = job
        job.launch()

    def _on_job_finished(self) -> None:
        self.job = None
        self.backup_button.setEnabled(True)

    def _on_backed_up(self, info: BackupInfo) -> None:
        self.reload()
        text = self.tr("Backed up: %1 (%2).")
        self._say(text.replace("%1", info.path.name).replace("%2", _size(info.size)))

    def restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._say(self.tr("Choose a backup in the list first."), problem=True)
            return
        self._ask_and_restore(self._items[rows[0].row()].path)

    def restore_other(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Backup to restore"), "", self.tr("Backups (*.db)")
        )
        if name:
            self._ask_and_restore(Path(name))

    def _ask_and_restore(self, path: Path) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Restore from a backup"),
            self.tr(
                "Replace the ledger with the backup %1? The present state is backed up first."
            ).replace("%1", path.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.accept()
            self._restore(path)

    def _say(self, text: str, problem: bool = False) -> None:
        self.message.setStyleSheet("color: #c0392b;" if problem else "")
        self.message.setText(text)
