"""报送: who has submitted the month, deadlines in colour; submit, take files in, return, accept."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
)

from desktop.domain.changes import DecideFlag
from desktop.domain.errors import LedgerError
from desktop.domain.intake_flags import FlagState, IntakeFlag, label
from desktop.domain.people import Person
from desktop.domain.periods import Period, PeriodKind
from desktop.domain.submission import MonthState, MonthStatus
from desktop.reports.sources import monthly_pdf
from desktop.storage.intake import IntakeRun
from desktop.storage.ledger import Ledger
from desktop.storage.report_file import write_atomically
from desktop.storage.submissions import report_file_name, review_file_name
from desktop.ui.board_rows import BoardTableModel, counts, person_rows, unit_rows
from desktop.ui.choices import Choices
from desktop.ui.dialogs.flags_dialog import FlagsDialog
from desktop.ui.feedback import Feedback, open_file
from desktop.ui.file_folders import Folders
from desktop.ui.jobs import LedgerJob, Progress
from desktop.ui.pages.table_page import TablePage
from desktop.ui.session import Session


class SubmissionsPage(TablePage):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        submit, take_in, give_back, accept, to_check, open_pdf, print_board = self.setup(
            [
                self.tr("Name"),
                self.tr("Unit"),
                self.tr("State"),
                self.tr("Submitted"),
                self.tr("Deadline"),
                self.tr("Revision"),
                self.tr("Opinion"),
            ],
            [
                self.tr("Submit this month…"),
                self.tr("Take in report files…"),
                self.tr("Return with an opinion…"),
                self.tr("Accept"),
                self.tr("Values to check…"),
                self.tr("Open the submitted PDF"),
                self.tr("Print the board…"),
            ],
        )
        self.board = BoardTableModel(
            [self.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
        )
        self.unit_board = BoardTableModel(
            [
                self.tr("Unit"),
                self.tr("Persons"),
                self.tr("Persons submitted"),
                self.tr("Accepted"),
                self.tr("Returned"),
                self.tr("Not submitted"),
                self.tr("Deadline"),
            ]
        )
        self.model = self.board
        self.table.setModel(self.board)
        self.view = QComboBox()
        self.views = Choices(
            self.view, [(self.tr("By person"), "person"), (self.tr("By unit"), "unit")]
        )
        self.toolbar.insertWidget(len(self.buttons), self.view)
        self.view.currentIndexChanged.connect(lambda _: self.refresh())
        self.table.set_empty_hint(self.tr("No people yet: add them on the People page."))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.body.insertWidget(1, self.hint)
        self.counts = QLabel()
        self.counts.setObjectName("board_counts")
        self.counts.setStyleSheet("font-weight: bold;")
        self.body.insertWidget(2, self.counts)
        self.statuses: list[MonthStatus] = []
        self.job: LedgerJob | None = None
        self.progress = QProgressBar()
        self.progress.hide()
        self.body.addWidget(self.progress)
        submit.clicked.connect(self.submit_selected)
        take_in.clicked.connect(self.choose_files)
        give_back.clicked.connect(lambda: self.review_selected(accept=False))
        accept.clicked.connect(lambda: self.review_selected(accept=True))
        to_check.clicked.connect(self.check_values)
        open_pdf.clicked.connect(self.open_submitted_pdf)
        print_board.clicked.connect(self.print_board)
        self.setAcceptDrops(True)

    def refresh(self) -> None:
        s = self.session
        # returning and accepting are the supervision office's: a unit does not see them
        office = s.ledger.is_office()
        for review in self.buttons[2:6]:
            review.setVisible(office)
        waiting = len(s.ledger.intake_flags(FlagState.OPEN)) if office else 0
        to_check = self.buttons[4]
        to_check.setText(
            self.tr("Values to check (%1)…").replace("%1", str(waiting))
            if waiting
            else self.tr("Values to check…")
        )
        to_check.setStyleSheet("font-weight: bold; color: #b9770e;" if waiting else "")
        if s.period.kind is not PeriodKind.MONTH:
            self.hint.setText(
                self.tr(
                    "Reports are submitted per month: choose Month as the "
                    "period. Drop report files here to take them in."
                )
            )
            self.statuses = []
        else:
            self.hint.setText(
                self.tr(
                    "Deadline: day %1 of the next month. Yellow: due within "
                    "3 days; red: overdue. Drop report files here to take "
                    "them in."
                ).replace("%1", str(s.ledger.deadline_day()))
            )
            self.statuses = s.ledger.submission_status(s.period)
        lang = s.lang
        by_unit = self.views.current() == "unit"
        for review in (self.buttons[0], *self.buttons[2:4], self.buttons[5]):
            review.setEnabled(not by_unit)
        self.counts.setText(self._counts_text())
        self.counts.setVisible(bool(self.statuses))
        if by_unit:
            units = s.ledger.unit_status(s.period) if self.statuses else []
            self.unit_board.urgency = [u.urgency for u in units]
            self.unit_board.set_rows(
                unit_rows(units), list(range(len(units))), right_aligned=(1, 2, 3, 4)
            )
            self._show(self.unit_board)
            self.fit_columns()
            return
        self._show(self.board)
        self.board.urgency = [m.urgency for m in self.statuses]
        self.model.set_rows(
            person_rows(self.statuses, lang), [m.person.id or 0 for m in self.statuses]
        )
        self.fit_columns()

    def _show(self, model: BoardTableModel) -> None:
        if self.model is not model:
            self.model = model
            self.table.setModel(model)

    def _counts_text(self) -> str:
        """已报送 3/5 · 已审核 1 · 已退回 0 · 未报送 2: the month at a glance."""
        text = self.tr("Submitted %1/%2 · accepted %3 · returned %4 · not submitted %5")
        values = counts(self.statuses)
        for i, value in reversed(list(enumerate(values, 1))):
            text = text.replace(f"%{i}", str(value))
        return text

    def print_board(self) -> None:
        """The view shown (by person or by unit), with the month and its counts, on A4."""
        from desktop.ui.board_print import board_html, preview_board

        s = self.session
        model = self.model
        headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(
            model.columnCount())]  # fmt: skip
        rows = [
            [str(model.data(model.index(r, c)) or "") for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]
        title = self.tr("Monthly reports of %1").replace("%1", s.period.text(s.lang))
        preview_board(self, board_html(title, self.counts.text(), headers, rows), title)

    def open_submitted_pdf(self) -> None:
        """The PDF inside the report file the unit sent, opened with the PC's PDF reader."""
        status = self._selected()
        s = self.session
        if status is None or status.person.id is None:
            self._tell_problem(self.tr("Select a person's row first."))
            return
        try:
            pdf = s.ledger.submitted_pdf(status.person.id, s.period)
        except LedgerError as exc:
            self._tell_problem(exc.message(s.lang))
            return
        folder = Path(tempfile.gettempdir()) / "onethird-received"
        name = report_file_name(status.person, s.period)
        path = folder / (Path(name).stem + ".pdf")
        try:
            write_atomically(path, pdf)
        except OSError as exc:
            self._tell_problem(str(exc))
            return
        open_file(path)

    def check_values(self) -> None:
        """The values intake held back, for the office to accept or keep its own."""
        s = self.session

        def decide(held: IntakeFlag, accept: bool) -> IntakeFlag:
            verb = self.tr("Accept %1") if accept else self.tr("Keep %1")
            text = verb.replace("%1", f"{held.project} · {label(held.what, s.lang)}")
            done: IntakeFlag = s.apply(text, DecideFlag(held.id, accept))
            return done

        dialog = FlagsDialog(
            self,
            lambda every: s.ledger.intake_flags(None if every else FlagState.OPEN),
            decide,
            s.lang,
        )
        dialog.exec()
        self.refresh()

    def _selected(self) -> MonthStatus | None:
        key = self.selected_key()
        return next((m for m in self.statuses if m.person.id == key), None)

    def submit_selected(self) -> None:
        status = self._selected()
        if status is None or status.person.id is None:
            return
        s = self.session
        question = (
            self.tr(
                "Submit the report of %1 for %2? The month becomes read-only until the"
                " supervision office returns it."
            )
            .replace("%1", status.person.name)
            .replace("%2", s.period.text(s.lang))
        )
        answer = QMessageBox.question(self, self.tr("Submit the month"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        name = report_file_name(status.person, s.period)
        folders = Folders(s.settings)
        out, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the report file"),
            folders.start("submit", name),
            self.tr("Report files (*.otr)"),
        )
        if out:
            folders.remember("submit", out)
            self.submit(status.person.id, Path(out))

    def submit(self, person_id: int, out: Path) -> LedgerJob | None:
        """Render the month's PDF and write the report file off the GUI thread."""
        s = self.session
        period, today, lang = s.period, s.today, s.lang

        def work(ledger: Ledger, progressed: Progress) -> Path:
            pdf, _ = monthly_pdf(ledger, ledger.person(person_id), period, today, lang)
            return ledger.submit_month(person_id, period, pdf, out).path

        job = self._start(work)
        if job is not None:
            job.succeeded.connect(self._on_submitted)
        return job

    def _on_submitted(self, path: Path) -> None:
        text = self.tr("Submitted; the file is %1. The month is now read-only.")
        self.session.tell(Feedback(text.replace("%1", str(path)), files=(path,)))
        self.session.data_changed.emit()

    def review_selected(self, accept: bool) -> None:
        status = self._selected()
        if status is None or status.person.id is None:
            return
        person_id = status.person.id
        s = self.session
        who = status.person.name
        if accept:
            question = (
                self.tr(
                    "Accept the report of %1 for %2? A newer submission of that month is then"
                    " refused until the month is returned."
                )
                .replace("%1", who)
                .replace("%2", s.period.text(s.lang))
            )
            if self._confirmed(self.tr("Accept the report"), question):
                self.review(person_id, accept=True)
            return
        if status.state is MonthState.RETURNED:
            # returned before: the unit may still need the file (lost, or never saved)
            out = self._return_file_name(status.person)
            if out is not None:
                self._write_return_file(person_id, out)
            return
        asking = QInputDialog(self)
        asking.setWindowTitle(self.tr("Return with an opinion"))
        asking.setLabelText(self.tr("Opinion for %1").replace("%1", status.person.name))
        asking.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        asking.setMinimumWidth(480)  # its title and the opinion are read whole
        ok = asking.exec() == QDialog.DialogCode.Accepted
        opinion = asking.textValue()
        asking.deleteLater()
        if not ok or not opinion.strip():
            return
        question = (
            self.tr(
                "Return the report of %1 for %2 with this opinion? Once the unit takes the"
                " return file in, the month can be changed there and submitted again."
            )
            .replace("%1", who)
            .replace("%2", s.period.text(s.lang))
        )
        if not self._confirmed(self.tr("Return the report"), question):
            return
        # where the unit's file goes is asked before anything changes: cancelling leaves the
        # month as it was, not returned without a file to send
        out = self._return_file_name(status.person)
        if out is not None and self.review(person_id, accept=False, opinion=opinion.strip()):
            self._write_return_file(person_id, out)

    def _confirmed(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def review(self, person_id: int, accept: bool, opinion: str = "") -> bool:
        s, ledger = self.session, self.session.ledger
        try:
            ledger.review_month(person_id, s.period, accept=accept, opinion=opinion)
        except LedgerError as exc:
            self._tell_problem(exc.message(s.lang))
            return False
        s.data_changed.emit()
        if accept:
            self.session.tell(Feedback(self.tr("Accepted.")))
        return True

    def _return_file_name(self, person: Person) -> Path | None:
        folders = Folders(self.session.settings)
        out, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the return file for the unit"),
            # named as onethird-cli review names it, in the folder used last time
            folders.start("return", review_file_name(person, self.session.period)),
            self.tr("Return files (*.otv)"),
        )
        if not out:
            return None
        folders.remember("return", out)
        return Path(out)

    def _write_return_file(self, person_id: int, out: Path) -> None:
        s = self.session
        try:
            s.ledger.write_review_file(person_id, s.period, out)
        except (LedgerError, OSError) as exc:
            reason = exc.message(s.lang) if isinstance(exc, LedgerError) else exc.strerror or ""
            text = self.tr(
                "The month is returned, but its file could not be written (%1). Select the row"
                " and press Return with an opinion… again to save the file."
            )
            self._tell_problem(text.replace("%1", reason))
            return
        text = self.tr("Returned; give the unit the file %1.").replace("%1", str(out))
        self.session.tell(Feedback(text, files=(out,)))

    def choose_files(self) -> None:
        folders = Folders(self.session.settings)
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Report files to take in"),
            folders.start("intake"),
            self.tr("Report, return and calendar files (*.otr *.otv *.otc)"),
        )
        if names:
            folders.remember("intake", names[0])
            self.take_in([Path(n) for n in names])

    def take_in(self, paths: list[Path]) -> LedgerJob | None:
        """Take the files in off the GUI thread; the page shows how far it has got."""
        job = self._start(lambda ledger, progressed: ledger.intake(paths, progressed=progressed))
        if job is not None:
            job.progressed.connect(self._on_intake_progressed)
            job.succeeded.connect(self._on_intake_done)
        return job

    def _start(self, work: Callable[[Ledger, Progress], object]) -> LedgerJob | None:
        """Run work on a connection of its own, the buttons off and a busy bar until it ends."""
        if self.job is not None:
            return None  # one at a time: the buttons are off while one runs
        s = self.session
        job = LedgerJob(self, s.ledger, s.today, s.lang, work)
        job.failed.connect(self._tell_problem)
        job.finished.connect(self._on_job_finished)
        self.job = job
        for b in self.buttons:
            b.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        job.launch()
        return job

    def _on_intake_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_intake_done(self, run: IntakeRun) -> None:
        s = self.session
        s.ledger.reload_calendar()  # a calendar file taken in changes the days counted
        lines = [o.message(s.lang) for o in run.outcomes]
        for o in run.outcomes:
            lines += o.warning_lines(s.lang)
        periods = (o.params.get("period") for o in run.outcomes if o.changed)
        months = sorted({p for p in periods if isinstance(p, Period)}, key=lambda p: p.start)
        if months and months[-1] != s.period:  # the board turns to what was taken in
            month = months[-1]
            s.set_period(month)
            lines.append(self.tr("Showing %1.").replace("%1", month.text(s.lang)))
        self.session.tell(Feedback("\n".join(lines), problem=bool(run.refused)))
        if run.refused:
            QMessageBox.warning(self, self.tr("Some files were refused"), "\n".join(lines))
        s.data_changed.emit()

    def _on_job_finished(self) -> None:
        self.job = None
        self.progress.hide()
        for b in self.buttons:
            b.setEnabled(True)

    def _tell_problem(self, text: str) -> None:
        self.session.tell(Feedback(text, problem=True))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.take_in(paths)
            event.acceptProposedAction()
