"""Table model over the entries matching a filter, fetched from SQL in windows of rows."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from desktop.domain.entries import Entry, format_clock
from desktop.domain.periods import Period
from desktop.storage.entries import EntryOrder
from desktop.storage.ledger import Ledger

Index = QModelIndex | QPersistentModelIndex
(
    COL_DATE,
    COL_PERSON,
    COL_TIME,
    COL_DAYS,
    COL_ACTIVITY,
    COL_PROJECT,
    COL_LOCATION,
    COL_COUNTERPART,
    COL_NOTE,
    COL_RECORDED_BY,
) = range(10)
# translated when shown, so a language switch takes effect (lupdate reads these markers)
_SOURCE_HEADERS = (
    QT_TRANSLATE_NOOP("EntriesTableModel", "Date"),
    QT_TRANSLATE_NOOP("EntriesTableModel", "Person"),
    QT_TRANSLATE_NOOP("EntriesTableModel", "Time"),
    QT_TRANSLATE_NOOP("EntriesTableModel", "Duration"),
    QT_TRANSLATE_NOOP("EntriesTableModel", "Activity"),
    QT_TRANSLATE_NOOP("EntriesTableModel", "Project"),
    QT_TRANSLATE_NOOP("EntriesTableModel", "Location"),
    QT_TRANSLATE_NOOP("EntriesTableModel", "Counterpart"),
    QT_TRANSLATE_NOOP("EntriesTableModel", "Progress"),
    QT_TRANSLATE_NOOP("EntriesTableModel", "Recorded by"),
)
# what a click on each heading sorts by, in SQL (storage/entries.py)
SORT_BY = (
    "date",
    "person",
    "time",
    "duration",
    "activity",
    "project",
    "location",
    "counterpart",
    "note",
    "recorded_by",
)
PAGE = 200
MAX_PAGES = 50  # at most 10,000 rows held in memory


@dataclass(frozen=True)
class EntryTexts:
    """What a row of the table needs besides its entry: the names of the ids, and the words
    of the 时长 column in the language shown. Plain values, so a job can turn a year of
    entries into the table's rows off the GUI thread."""

    persons: dict[int | None, str]
    activities: dict[int | None, str]
    projects: dict[int | None, str]
    full_day: str = "Full day"
    half_day: str = "Half day"
    hours: str = "%1 h"

    def cell(self, e: Entry, col: int) -> str:
        """The text of one cell, as the table shows it."""
        if col == COL_DATE:
            return e.day.isoformat()
        if col == COL_PERSON:
            return self.persons.get(e.person_id, "")
        if col == COL_TIME:
            if e.start is None or e.end is None:
                return ""
            return f"{format_clock(e.start)}–{format_clock(e.end)}"
        if col == COL_DAYS:
            if e.day_part is not None:
                return self.full_day if e.day_part.days == 1 else self.half_day
            return self.hours.replace("%1", f"{(e.minutes or 0) / 60:g}")
        if col == COL_ACTIVITY:
            return self.activities.get(e.activity_id, "")
        if col == COL_PROJECT:
            return self.projects.get(e.project_id, "")
        return (e.location, e.counterpart, e.note, e.recorded_by)[col - COL_LOCATION]

    def row(self, e: Entry) -> list[str]:
        return [self.cell(e, c) for c in range(len(_SOURCE_HEADERS))]


@dataclass(frozen=True)
class EntryFilter:
    person_id: int | None = None
    period: Period | None = None
    activity_id: int | None = None
    project_id: int | None = None
    text: str = ""

    def kwargs(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "period": self.period,
            "activity_id": self.activity_id,
            "project_id": self.project_id,
            "text": self.text,
        }


class EntriesTableModel(QAbstractTableModel):
    def __init__(self, ledger: Ledger) -> None:
        super().__init__()
        self._ledger = ledger
        self._filter = EntryFilter()
        self._count = 0
        self._pages: OrderedDict[int, list[Entry]] = OrderedDict()
        self._texts = EntryTexts({}, {}, {})
        self._names_unread = True
        self._ids: Sequence[int] | None = None
        self._order = EntryOrder()
        self._stale = False  # a row counted is gone: the list is to be read again

    def set_filter(self, entry_filter: EntryFilter, *, read_names: bool = True) -> None:
        """Show the entries entry_filter selects. The persons', activities' and projects' names
        are read again unless read_names is False (another filter or order of unchanged data:
        ten thousand projects' names are worth not reading on every choice in a filter)."""
        self.beginResetModel()
        self._stale = False
        self._filter = entry_filter
        self._pages.clear()
        if read_names or self._names_unread:
            self._names_unread = False
            self._texts = EntryTexts(
                {p.id: p.name for p in self._ledger.persons()},
                {a.id: a.name for a in self._ledger.activities()},
                dict(self._ledger.project_names()),
            )
        # a text search, or a sort under a filter narrower than a period, sorts its matches
        # once for the ids, pages then fetched by id; else each page is read in its order
        kwargs = entry_filter.kwargs()
        self._ids = self._ledger.ordered_entry_ids(**kwargs, order=self._order)
        if self._ids is not None:
            self._count = len(self._ids)
        else:
            self._count = self._ledger.count_entries(**kwargs)
        self.endResetModel()

    def reload(self) -> None:
        self.set_filter(self._filter)

    @property
    def entry_filter(self) -> EntryFilter:
        return self._filter

    @property
    def order(self) -> EntryOrder:
        return self._order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a heading: the rows in that column's order (SQL), or the other way round;
        column -1 is the display order."""
        wanted = EntryOrder()
        if 0 <= column < len(SORT_BY):
            wanted = EntryOrder(SORT_BY[column], order == Qt.SortOrder.DescendingOrder)
        if wanted != self._order:
            self._order = wanted
            self.set_filter(self._filter, read_names=False)

    def texts(self) -> EntryTexts:
        """The names and words the rows are shown with now (for a copy or an export)."""
        return EntryTexts(
            self._texts.persons,
            self._texts.activities,
            self._texts.projects,
            self.tr("Full day"),
            self.tr("Half day"),
            self.tr("%1 h"),
        )

    def headers(self) -> list[str]:
        return [
            str(self.headerData(c, Qt.Orientation.Horizontal)) for c in range(self.columnCount())
        ]

    def entry_at(self, row: int) -> Entry:
        page = row // PAGE
        rows = self._pages.get(page)
        if rows is None:
            if self._ids is not None:
                rows = self._ledger.entries_by_ids(self._ids[page * PAGE : (page + 1) * PAGE])
            else:
                rows = self._page(page * PAGE)
            self._pages[page] = rows
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows[row - page * PAGE]

    def shown_entry(self, row: int) -> Entry | None:
        """The entry at row; None when it is gone since the rows were counted (another
        program deleted entries of the list), and the list is then read again."""
        try:
            return self.entry_at(row)
        except IndexError:
            if not self._stale:
                self._stale = True
                QTimer.singleShot(0, self.reload)
            return None

    def _page(self, start: int) -> list[Entry]:
        """The rows from `start`, read in SQL. A window in the second half is read from the far
        end in the reversed order (every order is total, and its reverse exact): an OFFSET walks
        every row before it, so the end of a long list would cost reading all of it."""
        kwargs = self._filter.kwargs()
        if start <= self._count // 2:
            return self._ledger.entries(limit=PAGE, offset=start, order=self._order, **kwargs)
        n = min(PAGE, self._count - start)
        back = EntryOrder(self._order.by, not self._order.descending)
        rows = self._ledger.entries(limit=n, offset=self._count - start - n, order=back, **kwargs)
        return rows[::-1]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_SOURCE_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._count:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_DAYS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        e = self.shown_entry(index.row())
        if e is None:
            return None
        col = index.column()
        if col == COL_DAYS:  # translated when shown, so a language switch takes effect
            if e.day_part is not None:
                return self.tr("Full day") if e.day_part.days == 1 else self.tr("Half day")
            return self.tr("%1 h").replace("%1", f"{(e.minutes or 0) / 60:g}")
        return self._texts.cell(e, col)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("EntriesTableModel", str(_SOURCE_HEADERS[section]))
        return None
