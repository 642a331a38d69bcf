"""导入台账: check an Excel-era ledger (CSV or XLSX), choose what becomes of its columns and of
the activities, persons and projects it names that the ledger does not know, then import it."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import UndoImport
from desktop.storage.import_results import ColumnUse, ImportOptions, ImportRefused, ImportResult
from desktop.storage.ledger import Ledger
from desktop.ui.dialogs.import_columns import ImportColumnsWidget
from desktop.ui.dialogs.import_job import ImportJob
from desktop.ui.file_folders import Folders
from desktop.ui.screen_fit import keep_on_screen

PERMILLE = 1000  # the progress bar's steps


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult, after an import that wrote rows

    def __init__(
        self,
        parent: QWidget | None,
        ledger: Ledger,
        today: date,
        lang: str = "zh",
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._ledger, self._today, self._lang = ledger, today, lang
        self._folders = None if settings is None else Folders(settings)
        self.job: ImportJob | None = None
        self._checked = False  # the last check passed with rows to import
        self._began = 0.0  # when the running job started (time.monotonic)
        self.setWindowTitle(self.tr("Import a ledger"))
        self.resize(900, 680)
        keep_on_screen(self)
        self.file = QLineEdit()
        self.file.setPlaceholderText(self.tr("the path of a CSV, TXT or Excel file, or choose one"))
        self.file.textEdited.connect(self._on_file_edited)  # a path may be typed or pasted
        choose = QPushButton(self.tr("Choose file…"))
        self.sheet = QLineEdit()
        self.sheet.setPlaceholderText(self.tr("first sheet"))
        self.create_persons = QCheckBox(self.tr("Add the persons this ledger does not know"))
        self.columns = ImportColumnsWidget()
        self.mapping_box = QWidget()
        self.mapping = QFormLayout(self.mapping_box)
        self._map_combos: dict[str, QComboBox] = {}
        self.unknown_persons = QLabel()
        self.unknown_persons.setWordWrap(True)
        self.projects_box = QWidget()
        self._projects = QVBoxLayout(self.projects_box)
        self._projects.setContentsMargins(0, 0, 0, 0)
        self.project_boxes: dict[str, QCheckBox] = {}
        self.summary = QLabel(self.tr("Choose a CSV or Excel file, then check it."))
        self.summary.setWordWrap(True)
        self.notices = QLabel()
        self.notices.setWordWrap(True)
        self.notices.hide()
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
        columns_group = QGroupBox(self.tr("Columns of the file"))
        QVBoxLayout(columns_group).addWidget(_scrolled(self.columns))
        unknown = QWidget()
        unknown_layout = QVBoxLayout(unknown)
        self.mapping_intro = QLabel(
            self.tr(
                "Activities this ledger names that OneThird does not "
                "know — choose what each one is:"
            )
        )
        self.mapping_intro.setWordWrap(True)
        self.mapping_intro.hide()  # until a check finds such activities
        unknown_layout.addWidget(self.mapping_intro)
        unknown_layout.addWidget(self.mapping_box)
        unknown_layout.addWidget(self.unknown_persons)
        unknown_layout.addWidget(self.projects_box)
        unknown_layout.addStretch(1)
        unknown_group = QGroupBox(self.tr("Not in the ledger"))
        QVBoxLayout(unknown_group).addWidget(_scrolled(unknown))
        choices = QHBoxLayout()
        choices.addWidget(columns_group, 1)
        choices.addWidget(unknown_group, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(choices, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.notices)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        choose.clicked.connect(self._on_choose_clicked)
        self.check_button.clicked.connect(lambda: self.start(dry_run=True))
        self.import_button.clicked.connect(lambda: self.start(dry_run=False))
        buttons.rejected.connect(self.reject)

    def undo_step(self, result: ImportResult) -> tuple[str, UndoImport]:
        """The import just made, for the undo stack: its name and the change that takes it
        back (on the window's ledger, which holds the rows an undo takes out for the redo)."""
        assert result.import_id is not None
        name = self.tr("Import %1").replace("%1", Path(self.file.text()).name)
        return name, UndoImport(result.import_id)

    def _on_choose_clicked(self) -> None:
        folders = self._folders
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Ledger file"),
            "" if folders is None else folders.start("import"),
            self.tr("Ledgers (*.csv *.txt *.tsv *.xlsx);;All files (*)"),
        )
        if name and folders is not None:
            folders.remember("import", name)
        if name:
            self.file.setText(name)
            self._on_file_edited()

    def _on_file_edited(self) -> None:
        self._checked = False  # another file: it is to be checked again before importing
        self.import_button.setEnabled(False)

    def options(self) -> ImportOptions:
        mapping = {
            name: combo.currentText()
            for name, combo in self._map_combos.items()
            if combo.currentIndex() > 0
        }
        return ImportOptions(
            self.sheet.text().strip() or None,
            mapping,
            self.create_persons.isChecked(),
            create_projects=frozenset(
                name for name, box in self.project_boxes.items() if box.isChecked()
            ),
            columns=self.columns.chosen(),
        )

    def start(self, dry_run: bool) -> ImportJob | None:
        if self.job is not None:
            return None
        if not self.file.text().strip():
            self.summary.setText(self.tr("Choose the file to import first (Choose file…)."))
            return None
        ledger = self._ledger
        job = ImportJob(
            self,
            ledger.path,
            ledger.calendar,
            self._today,
            ledger.actor,
            Path(self.file.text().strip()),
            self.options(),
            dry_run,
            self._lang,
        )
        job.progressed.connect(self._on_job_progressed)
        job.succeeded.connect(self._on_job_succeeded)
        job.refused.connect(self._on_job_refused)
        job.failed.connect(self._on_job_failed)
        job.finished.connect(self._on_job_finished)
        self.job = job
        self._checked = False
        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self._began = time.monotonic()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.problems.clear()
        self.notices.hide()
        self.summary.setText(self.tr("Checking…") if dry_run else self.tr("Importing…"))
        job.launch()
        return job

    def _on_job_progressed(self, done: int, total: int) -> None:
        if total <= 0 or done >= total:
            self.progress.setRange(0, 0)  # read through: the rows are checked (or written)
            return
        self.progress.setRange(0, PERMILLE)
        self.progress.setValue(done * PERMILLE // total)
        elapsed = time.monotonic() - self._began
        left = elapsed * (total - done) / done if done else 0.0
        if left >= 90:
            text = self.tr("%p% — about %1 min left").replace("%1", str(round(left / 60)))
        else:
            text = self.tr("%p% — about %1 s left").replace("%1", str(max(1, round(left))))
        self.progress.setFormat(text)

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
        if result.new_projects:
            text += " " + self.tr("New projects: %1").replace("%1", "、".join(result.new_projects))
        if result.previous:
            text += " " + self.tr("This very file was imported before.")
        if result.dry_run:
            self.summary.setText(self.tr("Check passed: ") + text)
            self._checked = result.rows > 0
        else:
            self.summary.setText(self.tr("Imported: ") + text)
            if result.import_id is not None:  # something was written, to be undone
                self.imported.emit(result)
        self.columns.show_columns(result.columns)
        self._show_skipped(result.skipped)
        for name, rows in result.per_person:
            self.problems.addItem(f"{name}: {rows}")

    def _on_job_refused(self, refused: ImportRefused, columns: tuple[ColumnUse, ...]) -> None:
        self.summary.setText(refused.message(self._lang))
        self.problems.addItems(refused.lines(self._lang))
        with_text = [
            str(p.error.params.get("value", ""))
            for p in refused.problems
            if p.error.code == "extra_column"
        ]
        if columns:
            self.columns.show_columns(columns, with_text)
        self._show_skipped(refused.skipped)
        self._offer_mapping(list(refused.unknown_activities))
        self._show_unknown_persons(list(refused.unknown_persons))
        self._offer_projects(list(refused.unknown_projects))

    def _offer_mapping(self, unknown: list[str]) -> None:
        if unknown:
            self.mapping_intro.show()
        names = [a.name for a in self._ledger.activities()]
        for name in unknown:
            if name in self._map_combos:
                continue
            combo = QComboBox()
            combo.addItem(self.tr("(not mapped)"))
            combo.addItems(names)
            self.mapping.addRow(name, combo)
            self._map_combos[name] = combo

    def _show_unknown_persons(self, names: list[str]) -> None:
        text = ""
        if names:
            text = self.tr("Persons not in the ledger: %1 (tick “%2” above to add them)")
            text = text.replace("%1", "、".join(names)).replace("%2", self.create_persons.text())
        self.unknown_persons.setText(text)

    def _offer_projects(self, unknown: list[str]) -> None:
        if unknown and not self.project_boxes:
            intro = QLabel(self.tr("Projects not in the ledger — tick each one to create it:"))
            intro.setWordWrap(True)
            self._projects.addWidget(intro)
        for name in unknown:
            if name not in self.project_boxes:
                box = QCheckBox(self.tr("Create project “%1”").replace("%1", name))
                # as wide as its text: a click beside the text would not tick it
                self._projects.addWidget(box, 0, Qt.AlignmentFlag.AlignLeft)
                self.project_boxes[name] = box

    def _show_skipped(self, skipped: tuple[tuple[int, str], ...]) -> None:
        if not skipped:
            return
        rows = "、".join(
            self.tr("line %1 (%2)").replace("%1", str(line)).replace("%2", word or self.tr("sums"))
            for line, word in skipped
        )
        self.notices.setText(
            self.tr("Rows of totals skipped, not imported: %1").replace("%1", rows)
        )
        self.notices.show()

    def _on_job_failed(self, message: str) -> None:
        self.summary.setText(message)

    def _on_job_finished(self) -> None:
        # the buttons come back only now: a click before this would find the job still running
        self.job = None
        self.progress.hide()
        self.progress.resetFormat()
        self.check_button.setEnabled(True)
        self.import_button.setEnabled(self._checked)
