"""导入台账: check an Excel-era ledger (CSV or XLSX), map its unknown activities, then import it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import LedgerError
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.import_results import ImportOptions, ImportRefused, ImportResult
from desktop.storage.ledger import Ledger
from desktop.ui.jobs import Job


class ImportJob(Job):
    """Checks or imports a file on a connection of its own, so the window stays usable."""

    succeeded = Signal(object)  # ImportResult
    refused = Signal(object)  # ImportRefused
    failed = Signal(str)

    def __init__(
        self,
        owner: QObject,
        db_path: Path,
        calendar: WorkCalendar,
        today: date,
        actor: str,
        path: Path,
        options: ImportOptions,
        dry_run: bool,
        lang: str,
    ) -> None:
        super().__init__(owner)
        self.args = (db_path, calendar, today, actor)
        self.path, self.options, self.dry_run, self.lang = path, options, dry_run, lang

    def run(self) -> None:
        db_path, calendar, today, actor = self.args
        try:
            with Ledger.open(db_path, calendar, actor, lambda: today) as ledger:
                self.succeeded.emit(ledger.import_entries(self.path, self.options, self.dry_run))
        except ImportRefused as exc:
            self.refused.emit(exc)
        except LedgerError as exc:
            self.failed.emit(exc.message(self.lang))
        except OSError as exc:
            self.failed.emit(f"{exc.filename or ''} {exc.strerror or exc}")


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult, after a real import

    def __init__(
        self, parent: QWidget | None, ledger: Ledger, today: date, lang: str = "zh"
    ) -> None:
        super().__init__(parent)
        self._ledger, self._today, self._lang = ledger, today, lang
        self.job: ImportJob | None = None
        self._checked = False  # the last check passed with rows to import
        self.setWindowTitle(self.tr("Import a ledger"))
        self.resize(760, 520)
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        choose = QPushButton(self.tr("Choose file…"))
        self.sheet = QLineEdit()
        self.sheet.setPlaceholderText(self.tr("first sheet"))
        self.create_persons = QCheckBox(self.tr("Add the persons this ledger does not know"))
        self.mapping_box = QWidget()
        self.mapping = QFormLayout(self.mapping_box)
        self._map_combos: dict[str, QComboBox] = {}
        self.summary = QLabel(self.tr("Choose a CSV or Excel file, then check it."))
        self.summary.setWordWrap(True)
        self.problems = QListWidget()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Sheet (XLSX)"), self.sheet)
        form.addRow("", self.create_persons)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.check_button = buttons.addButton(
            self.tr("Check"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Activities this ledger names that OneThird does not "
                    "know — choose what each one is:"
                )
            )
        )
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        choose.clicked.connect(self._on_choose_clicked)
        self.check_button.clicked.connect(lambda: self.start(dry_run=True))
        self.import_button.clicked.connect(lambda: self.start(dry_run=False))
        buttons.rejected.connect(self.reject)

    def _on_choose_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Ledger file"), "", self.tr("Ledgers (*.csv *.xlsx);;All files (*)")
        )
        if name:
            self.file.setText(name)
            self._checked = False
            self.import_button.setEnabled(False)

    def options(self) -> ImportOptions:
        mapping = {
            name: combo.currentText()
            for name, combo in self._map_combos.items()
            if combo.currentIndex() > 0
        }
        return ImportOptions(
            self.sheet.text().strip() or None, mapping, self.create_persons.isChecked()
        )

    def start(self, dry_run: bool) -> ImportJob | None:
        if not self.file.text() or self.job is not None:
            return None
        ledger = self._ledger
        job = ImportJob(
            self,
            ledger.path,
            ledger.calendar,
            self._today,
            ledger.actor,
            Path(self.file.text()),
            self.options(),
            dry_run,
            self._lang,
        )
        job.succeeded.connect(self._on_job_succeeded)
        job.refused.connect(self._on_job_refused)
        job.failed.connect(self._on_job_failed)
        job.finished.connect(self._on_job_finished)
        self.job = job
        self._checked = False
        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.progress.show()
        self.problems.clear()
        self.summary.setText(self.tr("Checking…") if dry_run else self.tr("Importing…"))
        job.launch()
        return job

    def _on_job_succeeded(self, result: ImportResult) -> None:
        text = self.tr("%1 new entries of %2 persons, %3 to %4; %5 already in the ledger.")
        text = (
            text.replace("%1", str(result.rows))
            .replace("%2", str(result.persons))
            .replace("%3", str(result.first_day or ""))
            .replace("%4", str(result.last_day or ""))
            .replace("%5", str(result.duplicates))
        )
        if result.new_persons:
            text += " " + self.tr("New persons: %1").replace("%1", "、".join(result.new_persons))
        if result.previous:
            text += " " + self.tr("This very file was imported before.")
        if result.dry_run:
            self.summary.setText(self.tr("Check passed: ") + text)
            self._checked = result.rows > 0
        else:
            self.summary.setText(self.tr("Imported: ") + text)
            self.imported.emit(result)
        for name, rows in result.per_person:
            self.problems.addItem(f"{name}: {rows}")

    def _on_job_refused(self, refused: ImportRefused) -> None:
        self.summary.setText(refused.message(self._lang))
        self.problems.addItems(refused.lines(self._lang))
        self._offer_mapping(list(refused.unknown_activities))

    def _offer_mapping(self, unknown: list[str]) -> None:
        names = [a.name for a in self._ledger.activities()]
        for name in unknown:
            if name in self._map_combos:
                continue
            combo = QComboBox()
            combo.addItem(self.tr("(not mapped)"))
            combo.addItems(names)
            self.mapping.addRow(name, combo)
            self._map_combos[name] = combo

    def _on_job_failed(self, message: str) -> None:
        self.summary.setText(message)

    def _on_job_finished(self) -> None:
        # the buttons come back only now: a click before this would find the job still running
        self.job = None
        self.progress.hide()
        self.check_button.setEnabled(True)
        self.import_button.setEnabled(self._checked)
