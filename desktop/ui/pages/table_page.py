"""Pages over a table of records, used as a spreadsheet is (hint_table.py): ListPage holds what
工作记录, 外出招商, 项目, 人员 and 报送 share — deleting the selected rows as one undo step, and
导出当前列表… writing the table as shown (filtered, sorted) to XLSX or CSV; TablePage is the
shape of those with a toolbar of buttons over an in-memory table."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from desktop.domain.changes import Change
from desktop.domain.errors import LedgerError
from desktop.domain.file_names import file_name
from desktop.reports.csv_out import Cell, write_csv
from desktop.reports.export import write_tables
from desktop.reports.sheet import Column, Kind, Sheet, Value
from desktop.ui.feedback import Feedback
from desktop.ui.file_folders import Folders
from desktop.ui.hint_table import HintTableView
from desktop.ui.pages.base import Page
from desktop.ui.rows_model import RowsTableModel, natural_value
from desktop.ui.session import Session

SIZED_ROWS = 200
WIDEST_SHEET_COLUMN = 60  # characters
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class ShownSheet(Sheet):
    """A table as the window shows it, with its own headings (not the reports' labels)."""

    headings: tuple[str, ...] = ()

    @property
    def header(self) -> list[str]:
        return list(self.headings)


def shown_sheet(
    title: str, headings: Sequence[str], rows: Iterable[Sequence[str]], numeric: Iterable[int] = ()
) -> ShownSheet:
    """The rows as a spreadsheet holds them: a column of days as dates, a numbers column
    (numeric: those the table aligns right) as numbers, all else as the text shown. The
    writers keep text from being read as a formula, whatever it starts with."""
    values: list[list[Value]] = [list(r) for r in rows]  # converted in place, column by column
    numbers = set(numeric)
    columns: list[Column] = []
    for c, heading in enumerate(headings):
        cells = [str(r[c] or "") for r in values]
        filled = [t for t in cells if t]
        width = max((_width(t) for t in [heading, *filled[:SIZED_ROWS]]), default=8)
        kind = Kind.TEXT
        if filled and all(_ISO_DAY.fullmatch(t) for t in filled):
            kind = Kind.DATE
            for r, t in zip(values, cells, strict=True):
                r[c] = date.fromisoformat(t) if t else None
        elif c in numbers:
            for r, t in zip(values, cells, strict=True):
                r[c] = natural_value(t) if t else None
        columns.append(Column(f"c{c}", kind, min(width, WIDEST_SHEET_COLUMN)))
    return ShownSheet("list", title, tuple(columns), values, headings=tuple(headings))


def write_shown(
    path: Path,
    fmt: str,
    title: str,
    headings: Sequence[str],
    rows: Iterable[Sequence[str]],
    numeric: Iterable[int] = (),
) -> int:
    """Write rows as shown to path as XLSX or CSV (shown_sheet's values); the number of rows.
    A CSV is written as the rows come (a year of entries is not held twice), to a file beside
    path that then replaces it, so a failed write leaves no half file."""
    if fmt != "csv":
        sheet = shown_sheet(title, headings, rows, numeric)
        write_tables([sheet], fmt, path)
        return len(sheet.rows)
    numbers = set(numeric)

    def cells(row: Sequence[str]) -> list[Cell]:
        return [natural_value(t) if c in numbers and t else t for c, t in enumerate(row)]

    partial = path.with_name(f".{path.name}.tmp")
    try:
        with partial.open("w", encoding="utf-8", newline="") as stream:
            written = write_csv(stream, headings, (cells(r) for r in rows))
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return written


def _width(text: str) -> int:
    """Characters a spreadsheet column needs for text: a CJK character counts two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def delete_on_key(view: HintTableView, delete: Callable[[], object]) -> None:
    """The Delete key on the table deletes its selected rows (the table only: not a field)."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), view, delete)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)


def chosen_format(name: str, chosen_filter: str) -> tuple[Path, str]:
    """The file and its format: by the name's suffix, else by the filter chosen in the dialog
    (whose suffix the name then gets)."""
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".csv"):
        return path, suffix[1:]
    fmt = "csv" if "*.csv" in chosen_filter else "xlsx"
    return path.with_name(f"{path.name}.{fmt}"), fmt


class ListPage(Page):
    """A page whose records are the rows of self.table."""

    table: HintTableView

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.export_text = self.tr("Export list…")
        self.export_button = QPushButton(self.export_text)
        self.export_button.setObjectName("export_list")
        self.export_button.setToolTip(
            self.tr("Write the list as shown (filtered and sorted) to an Excel workbook or CSV")
        )
        self.export_button.clicked.connect(self.export_list)

    # -- deleting the selected rows ---------------------------------------------------------

    def delete_rows(self, changes: Sequence[Change], step: str, record: str) -> bool:
        """Delete the selected rows (changes: one each) as one undo step under step, said as
        record. A refusal of any of them (a submitted month, say) deletes none, and says so."""
        if not changes:
            return False
        try:
            if len(changes) == 1:
                self.session.apply(step, changes[0])
            else:
                self.session.apply_all(step, changes)
        except LedgerError as exc:
            if len(changes) == 1:
                self.refuse(exc)
            else:
                QMessageBox.warning(
                    self,
                    self.tr("Not deleted"),
                    self.tr("Nothing was deleted: %1").replace(
                        "%1", exc.message(self.session.lang)
                    ),
                )
            return False
        self.tell_deleted(record)
        return True

    # -- 导出当前列表 ------------------------------------------------------------------------

    def export_title(self) -> str:
        """The list's name, for its sheet and the file name offered."""
        return ""

    def export_list(self) -> None:
        """Ask where, then write the table as shown; the format by the file chosen."""
        parts = [self.export_title(), self.session.period.code]
        folders = Folders(self.session.settings)
        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export list"),
            folders.start("lists", file_name(parts, ".xlsx")),
            ";;".join((self.tr("Excel workbook (*.xlsx)"), self.tr("CSV, UTF-8 (*.csv)"))),
        )
        if not name:
            return
        folders.remember("lists", name)
        path, fmt = chosen_format(name, chosen)
        self.write_list(path, fmt)

    def write_list(self, path: Path, fmt: str) -> None:
        """The rows in view, written on the spot (a page's lists are small; the entries page
        writes its own off the GUI thread)."""
        table = self.table
        shown = table.shown_rows(range(table.model().rowCount()))
        numeric = [c for c in table.shown_columns() if _right_aligned(table, c)]
        title = self.export_title() or "Sheet"
        try:
            write_shown(path, fmt, title, shown[0], shown[1:], numeric)
        except OSError as exc:
            self.not_written(f"{exc.filename or path} {exc.strerror or exc}".strip())
            return
        self.tell_written(len(shown) - 1, path)

    def tell_written(self, rows: int, path: Path) -> None:
        text = self.tr("Exported %1 rows: %2").replace("%1", f"{rows:,}").replace("%2", str(path))
        self.session.tell(Feedback(text, files=(path,)))

    def not_written(self, reason: str) -> None:
        QMessageBox.warning(self, self.tr("Not exported"), reason)


def _right_aligned(table: HintTableView, column: int) -> bool:
    model = table.model()
    if model.rowCount() == 0:
        return False
    align = model.index(0, column).data(Qt.ItemDataRole.TextAlignmentRole)
    return align is not None and bool(int(align) & int(Qt.AlignmentFlag.AlignRight))


class TablePage(ListPage):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.model = RowsTableModel([])
        self.table = HintTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # columns sized from the rows in view and around them, not every row of a long table
        self.table.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
        self.buttons: list[QPushButton] = []
        self.toolbar = QHBoxLayout()
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(self.export_button)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.toolbar)
        self.body.addWidget(self.table, 1)

    def setup(self, headers: Sequence[str], buttons: Sequence[str]) -> list[QPushButton]:
        """Column headings and toolbar buttons, in the subclass's own translation context."""
        self.model = RowsTableModel(headers)
        self.table.setModel(self.model)
        self.table.remember_widths(self.session.settings, type(self).__name__)
        for i, text in enumerate(buttons):
            button = QPushButton(text)
            self.toolbar.insertWidget(i, button)
            self.buttons.append(button)
        return self.buttons

    def selected_key(self) -> int | None:
        """The record of the row Enter opens (the one last clicked among those selected)."""
        row = self.table.current_source_row()
        return None if row is None else self.model.key(row)

    def selected_keys(self) -> list[int]:
        """The records of the selected rows, from the top of the table down."""
        return [self.model.key(r) for r in self.table.selected_source_rows()]

    def fit_columns(self) -> None:
        self.table.fit_columns()
