"""报告: choose a report, its period and scope, see its tables, export PDF / XLSX / CSV."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from desktop.domain.errors import LedgerError
from desktop.domain.periods import PeriodKind
from desktop.reports.assessment_report import gather_assessment
from desktop.reports.export import Report, monthly_file_name
from desktop.reports.sheet import Sheet
from desktop.reports.sources import (
    gather_monthly,
    gather_pipeline,
    gather_trip_form,
    printed_circular,
)
from desktop.ui.choices import Choices
from desktop.ui.feedback import Feedback, open_file
from desktop.ui.file_folders import Folders
from desktop.ui.hint_table import HintTableView
from desktop.ui.pages.base import Page
from desktop.ui.report_job import ReportJob, ReportOutcome, ReportRequest
from desktop.ui.session import Session
from desktop.ui.sheet_model import SheetTableModel

MAX_COLUMN_WIDTH = 360  # pixels
FORMATS = (("pdf", "PDF (*.pdf)"), ("xlsx", "Excel (*.xlsx)"), ("csv", "CSV (*.csv)"))


TOPIC = "report"  # the message bar's messages about a report written
PRINT_KEY = QKeySequence("Ctrl+P")  # the print preview of the report chosen


class ReportsPage(Page):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.kind = QComboBox()
        self.kinds = Choices(
            self.kind,
            (
                (self.tr("Monthly report (one person)"), "monthly"),
                (self.tr("City circular"), "circular"),
                (self.tr("Project pipeline"), "pipeline"),
                (self.tr("Promotion trips form"), "trips"),
                (self.tr("Assessment results"), "assessment"),
            ),
        )
        self.by = QComboBox()
        self.bys: Choices[str] = Choices(self.by)
        self._by_kind = ""  # the report kind the by choices are for
        self._by_chosen: dict[str, str] = {}  # report kind -> the scope last chosen for it
        self.fmt = QComboBox()
        self.fmts = Choices(self.fmt, ((text.split(" ")[0], key) for key, text in FORMATS))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_all_button = QPushButton(self.tr("Everyone's monthly reports…"))
        # printed from the same PDF as the export writes, whatever the format chosen
        self.preview_button = QPushButton(self.tr("Print preview…"))
        self.preview_button.setToolTip(PRINT_KEY.toString(QKeySequence.SequenceFormat.NativeText))
        self.print_button = QPushButton(self.tr("Print…"))
        self.open_after = QCheckBox(self.tr("Open the file when written"))
        self.open_after.setChecked(bool(session.settings.value("reports/open", True, bool)))
        self.open_after.toggled.connect(lambda on: session.settings.setValue("reports/open", on))
        self.sheet = QComboBox()
        # 总分与排名 and the like: as wide as the table names of the report chosen
        self.sheet.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #a05a00;")
        self.hint.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        # what a table says of itself above its header (考核结果: the scheme and its 文号)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.hide()
        self.model = SheetTableModel()
        # sorted by a heading click, rows selected and copied (Ctrl+C) as the other lists are
        self.table = HintTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        bar = QHBoxLayout()
        for w in (
            QLabel(self.tr("Report")),
            self.kind,
            self.by,
            QLabel(self.tr("Table")),
            self.sheet,
        ):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.preview_button)
        bar.addWidget(self.print_button)
        # a row of its own, so that the page fits a 1024-pixel-wide window in either language
        exports = QHBoxLayout()
        for widget in (
            QLabel(self.tr("Format")),
            self.fmt,
            self.export_button,
            self.export_all_button,
            self.open_after,
        ):
            exports.addWidget(widget)
        exports.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(exports)
        layout.addWidget(self.hint)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self._report: Report | None = None
        self._sheets: list[Sheet] = []
        self.job: ReportJob | None = None
        self.kind.currentIndexChanged.connect(self.refresh_now)
        # another report chosen: what was said of the last one written goes
        self.kind.currentIndexChanged.connect(lambda: session.forget(TOPIC))
        self.by.currentIndexChanged.connect(self.refresh_now)
        self.sheet.currentIndexChanged.connect(self._on_sheet_chosen)
        self.export_button.clicked.connect(self.export)
        self.export_all_button.clicked.connect(self.export_all_monthly)
        self.preview_button.clicked.connect(self.print_preview)
        self.print_button.clicked.connect(self.print_report)
        QShortcut(PRINT_KEY, self, self.print_preview)  # while the page is shown

    def _problem(self) -> str:
        """Why the chosen report cannot be made for the chosen person and period, or ""."""
        s = self.session
        if self.kinds.current() == "monthly":
            if s.period.kind is not PeriodKind.MONTH:
                return self.tr("A monthly report needs a month: choose Month as the period.")
            if s.person_id is None:
                return self.tr("Choose a person at the top for the monthly report.")
        if self.kinds.current() == "assessment" and s.ledger.scheme() is None:
            return self.tr(
                "No assessment scheme is held yet: set one first in Settings › Assessment scheme."
            )
        return ""

    def _fill_by(self, kind: str) -> None:
        """The scopes the chosen report is made by: the circular's person, unit or group; the
        assessment's unit or person (as its scheme scores, until another is chosen)."""
        if kind == self._by_kind:
            return
        if self._by_kind and self.by.count():
            self._by_chosen[self._by_kind] = self.bys.current()
        self._by_kind = kind
        self.by.blockSignals(True)
        self.bys.clear()
        if kind == "assessment":
            self.bys.extend(((self.tr("by unit"), "unit"), (self.tr("by person"), "person")))
            scheme = self.session.ledger.scheme()
            default = scheme.by if scheme is not None else "unit"
        else:
            self.bys.extend(
                (
                    (self.tr("by person"), "person"),
                    (self.tr("by unit"), "unit"),
                    (self.tr("by group"), "group"),
                )
            )
            default = "person"
        self.bys.select(self._by_chosen.get(kind, default))
        self.by.blockSignals(False)

    def _by(self) -> str:
        return self.bys.current() if self.by.count() else "person"

    def refresh(self) -> None:
        kind = self.kinds.current()
        self._fill_by(kind)
        self.by.setVisible(kind in ("circular", "assessment"))
        self.export_all_button.setVisible(kind == "monthly")
        problem = self._problem()
        self._report = None
        if not problem:
            try:
                self._report = self._build()
            except LedgerError as exc:  # what the ledger cannot make of it, said as the hint
                problem = exc.message(self.session.lang)
        self.hint.setText(problem)
        self.hint.setVisible(bool(problem))
        for b in self._report_buttons:
            b.setEnabled(not problem and self.job is None)
        at = self.sheet.currentIndex()
        shown = self._sheets[at].key if 0 <= at < len(self._sheets) else ""
        self._sheets = self._report.sheets(self.session.lang) if self._report else []
        self.sheet.blockSignals(True)
        self.sheet.clear()
        for sheet in self._sheets:
            self.sheet.addItem(sheet.title)
        # the table looked at stays in view when the period or the data change
        keys = [sheet.key for sheet in self._sheets]
        self.sheet.setCurrentIndex(keys.index(shown) if shown in keys else 0)
        self.sheet.blockSignals(False)
        self._on_sheet_chosen()

    @property
    def _report_buttons(self) -> tuple[QPushButton, ...]:
        """The buttons that make the report chosen, off while it cannot be made or is being."""
        return (self.export_button, self.preview_button, self.print_button)

    def _build(self) -> Report:
        s, ledger = self.session, self.session.ledger
        kind = self.kinds.current()
        if kind == "monthly":
            assert s.person_id is not None
            (report,) = gather_monthly(ledger, [ledger.person(s.person_id)], s.period, s.today)
            return report
        if kind == "circular":
            return printed_circular(ledger, s.period, self._by(), s.today)
        if kind == "assessment":
            return gather_assessment(ledger, s.period, self._by())
        if kind == "trips":
            return gather_trip_form(ledger, s.period, s.today)
        return gather_pipeline(ledger, s.period, s.today)

    def _on_sheet_chosen(self) -> None:
        i = self.sheet.currentIndex()
        sheet = self._sheets[i] if 0 <= i < len(self._sheets) else None
        self.model.set_sheet(sheet)
        caption = "\n".join(sheet.caption) if sheet is not None else ""
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        self.table.resizeColumnsToContents()
        # 工作开展情况 and the destinations run long: wrapped in a column of readable width
        for c in range(self.model.columnCount()):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), MAX_COLUMN_WIDTH))
        self.table.resizeRowsToContents()

    def _default_name(self, fmt: str) -> str:
        report = self._report
        if report is not None and self.kinds.current() == "monthly":
            from desktop.reports.monthly import MonthlyReport

            if isinstance(report, MonthlyReport):
                return monthly_file_name(report, fmt)
        title = {
            "circular": self.tr("circular"),
            "pipeline": self.tr("pipeline"),
            "trips": self.tr("trips-form"),
            "assessment": self.tr("assessment"),
        }
        return f"{title.get(self.kinds.current(), 'report')}-{self.session.period.code}.{fmt}"

    def export(self) -> None:
        fmt = self.fmts.current()
        filters = dict(FORMATS)
        folders = Folders(self.session.settings)
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export report"),
            folders.start("reports", self._default_name(fmt)),
            filters[fmt],
        )
        if name:
            folders.remember("reports", name)
            s = self.session
            self.start(
                ReportRequest(
                    self.kinds.current(),
                    s.period,
                    fmt,
                    Path(name),
                    s.person_id,
                    self._by(),
                    s.lang,
                )
            )

    def export_all_monthly(self) -> None:
        if self.session.period.kind is not PeriodKind.MONTH:
            QMessageBox.information(
                self,
                self.tr("Choose a month"),
                self.tr("A monthly report needs a month: choose Month as the period."),
            )
            return
        folders = Folders(self.session.settings)
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the reports"), folders.start("reports")
        )
        if folder:
            folders.remember("reports", folder)
            s = self.session
            self.start(
                ReportRequest(
                    "monthly_all",
                    s.period,
                    self.fmts.current(),
                    Path(folder),
                    None,
                    "person",
                    s.lang,
                )
            )

    def print_preview(self) -> None:
        self._print(preview=True)

    def print_report(self) -> None:
        self._print(preview=False)

    def _print(self, preview: bool) -> None:
        """The report chosen written as PDF to a temporary file by the export's own job, then
        shown in the print preview or sent to the printer chosen in the printer dialog."""
        problem = self._problem()
        if problem:
            QMessageBox.information(self, self.tr("Not printed"), problem)
            return
        if self.job is not None:  # a report is being written: the buttons are off meanwhile
            return
        from desktop.ui.printing import PrintOrder

        s = self.session
        request = ReportRequest(
            self.kinds.current(), s.period, "pdf", Path(), s.person_id, self._by(), s.lang
        )
        order = PrintOrder(request, Path(self._default_name("pdf")).stem, preview)
        job = self.start(order.request, lambda outcome: order.written(self, outcome))
        job.finished.connect(order.remove)

    def start(
        self, request: ReportRequest, then: Callable[[ReportOutcome], None] | None = None
    ) -> ReportJob:
        """Write off the GUI thread; the window stays usable and shows the progress. then: what
        is done with what was written, instead of saying where it is (printing it, say)."""
        job = ReportJob(self, self.session.ledger, self.session.today, request)
        job.progressed.connect(self._on_job_progressed)
        if then is None:
            job.succeeded.connect(self._on_job_succeeded)
        else:
            job.succeeded.connect(lambda outcome: self._on_written_to_print(outcome, then))
        job.failed.connect(self._on_job_failed)
        job.finished.connect(self._on_job_finished)
        self.job = job
        for b in (*self._report_buttons, self.export_all_button):
            b.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Writing…"))
        job.launch()
        return job

    def _on_job_progressed(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_job_succeeded(self, outcome: ReportOutcome) -> None:
        paths = outcome.paths
        text = self.tr("Written: %1").replace(
            "%1",
            str(paths[0])
            if len(paths) == 1
            else self.tr("%1 files in %2")
            .replace("%1", str(len(paths)))
            .replace("%2", str(paths[0].parent) if paths else ""),
        )
        if outcome.warnings:
            text += "\n" + "\n".join(outcome.warnings)
        self.status.clear()
        feedback = Feedback(text, problem=bool(outcome.warnings), files=tuple(paths), topic=TOPIC)
        self.session.tell(feedback)
        if len(paths) == 1 and self.open_after.isChecked():
            open_file(paths[0])

    def _on_written_to_print(
        self, outcome: ReportOutcome, then: Callable[[ReportOutcome], None]
    ) -> None:
        self.status.clear()
        if outcome.warnings:  # a character the font lacks, printed as □
            self.session.tell(Feedback("\n".join(outcome.warnings), problem=True, topic=TOPIC))
        then(outcome)

    def _on_job_failed(self, message: str) -> None:
        self.status.clear()
        self.session.tell(Feedback(message, problem=True, topic=TOPIC))
        QMessageBox.warning(self, self.tr("Not written"), message)

    def _on_job_finished(self) -> None:
        self.progress.hide()
        self.job = None
        for b in self._report_buttons:
            b.setEnabled(not self._problem())
        self.export_all_button.setEnabled(True)

    def refuse(self, error: LedgerError) -> None:
        self.status.setText(error.message(self.session.lang))
