"""工作记录: the entries of the chosen person and period, filtered, with add/edit/delete."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from desktop.domain.changes import AddEntry, DeleteEntry, UpdateEntry
from desktop.domain.entries import Entry
from desktop.domain.errors import ValidationError
from desktop.domain.periods import PeriodKind, day_within
from desktop.storage.cycles import no_cycle_collection
from desktop.storage.ledger import Ledger
from desktop.ui.choices import Choices, fixed_width
from desktop.ui.dialog_keys import open_on_enter
from desktop.ui.dialogs.entry_dialog import EntryDialog
from desktop.ui.dialogs.trash_dialog import HistoryDialog
from desktop.ui.entries_model import COL_DATE, EntriesTableModel, EntryFilter
from desktop.ui.feedback import Feedback
from desktop.ui.hint_table import HintTableView
from desktop.ui.jobs import LedgerJob, Progress
from desktop.ui.pages.table_page import ListPage, write_shown
from desktop.ui.session import Session

EXPORT_STEP = 5000  # rows read between two reports of the export's progress


class EntriesPage(ListPage):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.activity = QComboBox()
        self.activities: Choices[int | None] = Choices(self.activity)
        self.project = QComboBox()
        self.projects: Choices[int | None] = Choices(self.project)
        fixed_width(self.project, 16)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Search location, counterpart, progress…"))
        self.text.setClearButtonEnabled(True)
        self.count = QLabel()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3b0; padding: 6px;")
        self.banner.hide()
        self.add_button = QPushButton(self.tr("New entry"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.history_button = QPushButton(self.tr("History"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Activity")))
        bar.addWidget(self.activity)
        bar.addWidget(QLabel(self.tr("Project")))
        bar.addWidget(self.project)
        bar.addWidget(self.text, 1)
        bar.addWidget(self.count)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button, self.history_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        self.model = EntriesTableModel(session.ledger)
        self.table = HintTableView()
        self.table.setModel(self.model)
        # the rows come in the display order, by date: said by the heading's arrow
        self.table.horizontalHeader().setSortIndicator(COL_DATE, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((96, 80, 100, 70, 110, 180, 120, 140, 240)):
            self.table.setColumnWidth(col, width)
        self.table.remember_widths(session.settings, type(self).__name__)
        self.job: LedgerJob | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filter)
        self.text.textChanged.connect(self._debounce.start)
        self.activity.currentIndexChanged.connect(self.apply_filter)
        self.project.currentIndexChanged.connect(self.apply_filter)
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button.clicked.connect(self.edit_entry)
        self.delete_button.clicked.connect(self.delete_entry)
        self.table.doubleClicked.connect(self.edit_entry)
        self.history_button.clicked.connect(self.show_history)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_entry)
        open_on_enter(self.table, self.edit_entry)
        self._fill_choices()
        self._places: list[str] | None = None  # for completion; a GROUP BY over every entry
        session.data_changed.connect(self._forget_places)

    def _fill_choices(self) -> None:
        ledger = self.session.ledger
        for combo in (self.activity, self.project):
            combo.blockSignals(True)
        self.activities.clear()
        self.activities.add(self.tr("All activities"), None)
        self.activities.extend((a.name, a.id) for a in ledger.activities())
        self.projects.clear()
        self.projects.add(self.tr("All projects"), None)
        self.projects.extend((name, pid) for pid, name in ledger.project_names())
        for combo in (self.activity, self.project):
            combo.blockSignals(False)

    def current_filter(self) -> EntryFilter:
        return EntryFilter(
            self.session.person_id,
            self.session.period,
            self.activities.current(),
            self.projects.current(),
            self.text.text().strip(),
        )

    def refresh(self) -> None:
        self.apply_filter(read_names=True)
        self._show_month_state()

    def _show_month_state(self) -> None:
        """A submitted month is read-only until returned: say so, with the reviewer's opinion."""
        s = self.session
        text, locked = "", False
        if s.person_id is not None:
            for status in s.ledger.month_statuses(s.person_id, s.period):
                line = status.banner(s.lang)
                if line:
                    text += ("\n" if text else "") + line
                locked = locked or (status.locked and s.period.kind is PeriodKind.MONTH)
        self.banner.setText(text)
        self.banner.setVisible(bool(text))
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setEnabled(not locked)

    def apply_filter(self, *, read_names: bool = False) -> None:
        """The table for the filter chosen; the names it shows are read again on a refresh (the
        data changed), not when only a filter did."""
        self._debounce.stop()
        f = self.current_filter()
        with no_cycle_collection():  # a page of rows: many objects, no cycles
            self.model.set_filter(f, read_names=read_names)
        self.count.setText(self.tr("%1 entries").replace("%1", f"{self.model.rowCount():,}"))
        if f.text or f.activity_id is not None or f.project_id is not None:
            hint = self.tr("No entries match these filters.")
        else:
            hint = self.tr(
                "No work entries in this period yet. Click “New entry” (Ctrl+N) to log one, or"
                " bring in an Excel ledger with File › Import a ledger."
            )
        self.table.set_empty_hint(hint)

    def _selected(self) -> Entry | None:
        """The entry Enter opens: the row last clicked among those selected."""
        row = self.table.current_source_row()
        return None if row is None else self.model.shown_entry(row)

    def _selected_entries(self) -> list[Entry]:
        shown = (self.model.shown_entry(r) for r in self.table.selected_rows())
        return [e for e in shown if e is not None]

    def _dialog(self, entry: Entry | None) -> EntryDialog:
        ledger = self.session.ledger
        return EntryDialog(
            self,
            ledger.persons(),
            ledger.activities(),
            ledger.project_names(),
            self._place_names(),
            self.session.memory,
            self._save,
            entry,
            self.session.person_id,
            day_within(self.session.period, self.session.today),
            self.session.lang,
            calendar=lambda: self.session.ledger.calendar,
            today=self.session.today,
        )

    def _place_names(self) -> list[str]:
        if self._places is None:
            self._places = self.session.ledger.distinct_places()
        return self._places

    def _forget_places(self) -> None:
        self._places = None

    def _save(self, entry: Entry) -> None:
        if entry.id is None:
            self.session.apply(self.tr("Add entry"), AddEntry(entry))
        else:
            self.session.apply(self.tr("Edit entry"), UpdateEntry(entry))
        self.tell_saved(self._record(entry), entry.day)

    def _record(self, entry: Entry) -> str:
        return self.tr("the entry of %1").replace("%1", entry.day.isoformat())

    def new_record(self) -> bool:
        self.add_entry()
        return True

    def add_entry(self) -> None:
        if not self.session.ledger.persons():
            message = ValidationError("entry_person", "no_persons").message(self.session.lang)
            self.session.tell(Feedback(message, problem=True))
            return
        self._dialog(None).exec()

    def edit_entry(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        if entry.trip_id is not None:
            QMessageBox.information(
                self,
                self.tr("Trip entry"),
                self.tr("This entry belongs to a trip; change it on the Trips page."),
            )
            return
        dialog = self._dialog(entry)
        locked = self.session.ledger.locked_months([(entry.person_id, entry.day)])
        if locked:  # a submitted month: shown, not changed
            dialog.make_read_only(next(iter(locked.values())).message(self.session.lang))
        dialog.exec()

    def delete_entry(self) -> None:
        """The selected entries (Delete, or the button), as one undo step: all or none."""
        entries = [e for e in self._selected_entries() if e.id is not None]
        if len(entries) == 1:
            step, record = self.tr("Delete entry"), self._record(entries[0])
        else:
            count = str(len(entries))
            step = self.tr("Delete %1 entries").replace("%1", count)
            record = self.tr("the %1 selected entries").replace("%1", count)
        self.delete_rows([DeleteEntry(e.id) for e in entries if e.id is not None], step, record)

    def export_title(self) -> str:
        return self.tr("Work entries")

    def write_list(self, path: Path, fmt: str) -> None:
        """Every entry of the filter, in the order shown, as the table shows it: read and
        written off the GUI thread (a year of every person is 300,000 rows)."""
        if self.job is not None:
            return
        model = self.model
        texts, headings, order = model.texts(), model.headers(), model.order
        kwargs, total, title = model.entry_filter.kwargs(), model.rowCount(), self.export_title()

        def work(ledger: Ledger, progressed: Progress) -> int:
            def rows() -> Iterator[list[str]]:
                for n, e in enumerate(ledger.each_entry(**kwargs, order=order), 1):
                    yield texts.row(e)
                    if n % EXPORT_STEP == 0:
                        progressed(n, total)

            return write_shown(path, fmt, title, headings, rows())

        s = self.session
        self.job = job = LedgerJob(self, s.ledger, s.today, s.lang, work)
        job.progressed.connect(self._export_progressed)
        job.succeeded.connect(lambda rows: self.tell_written(int(rows), path))
        job.failed.connect(self.not_written)
        job.finished.connect(self._export_finished)
        self.export_button.setEnabled(False)
        self._export_progressed(0, total)
        job.launch()

    def _export_progressed(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 0
        self.export_button.setText(self.tr("Exporting… %1%").replace("%1", str(percent)))

    def _export_finished(self) -> None:
        self.job = None
        self.export_button.setText(self.export_text)
        self.export_button.setEnabled(True)

    def show_history(self) -> None:
        entry = self._selected()
        if entry is not None and entry.id is not None:
            changes = self.session.ledger.record_history("entry", entry.id)
            HistoryDialog(
                self,
                f"{entry.day.isoformat()} #{entry.id}",
                changes,
                self.session.ledger.history_names(),
                self.session.lang,
            ).open()
