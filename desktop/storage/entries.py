"""Work entries in the database: add with the day checks, list with filters, delete."""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date
from itertools import chain
from typing import Any, TypeVar

from desktop.domain.entries import DayPart, Entry, check_day
from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.periods import Period
from desktop.storage import text_index
from desktop.storage.base import Store

ENTRY_COLUMNS = (
    "id, person_id, date, activity_id, minutes, day_part, start_min, end_min,"
    " project_id, trip_id, location, counterpart, note, recorded_by"
)
INSERT_COLUMNS = (  # every column but the id
    "person_id, date, activity_id, minutes, day_part, start_min, end_min, project_id, trip_id,"
    " location, counterpart, note, recorded_by"
)
# the values are entry_params(e), with the id appended for INSERT_WITH_ID
DISPLAY_ORDER = "e.date, e.person_id, e.start_min, e.id"
_E_COLUMNS = ", ".join(f"e.{c.strip()}" for c in ENTRY_COLUMNS.split(","))  # joined to the index
_DISPLAY_TERMS = ("e.date", "e.person_id", "e.start_min", "e.id")
# a text found in more entries than this (市 in half of a year's) is listed walking the display
# order's index, each window checked against the text index's matches, rather than every match
# sorted for its id up front (docs/architecture.md, "Listing entries")
MANY_MATCHES = 100_000
# a text column with at most this many values is sorted over part of the entries (a year of
# several) one value at a time: each value's rows of the period found by seeking in the index,
# not by stepping over the other years' rows of that value
FEW_VALUES = 1_000
INSERT = f"INSERT INTO entries ({INSERT_COLUMNS}) VALUES ({', '.join('?' * 13)})"
INSERT_WITH_ID = f"INSERT INTO entries ({INSERT_COLUMNS}, id) VALUES ({', '.join('?' * 14)})"


@dataclass(frozen=True)
class EntryOrder:
    """The order of a list of entries: by one of SORTS, ascending, or exactly reversed.

    Rows that tie on the column keep the display order (day, person, start, id), so every order
    is total and the same at each reading. Names sort by the name (the code points of the
    text, as Python compares str), an entry without a project, time or text first; 时长 sorts
    the hours given by their length, then half days, then full days."""

    by: str = "date"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.by not in SORTS:
            raise ValueError(f"no order by {self.by!r}")

    @property
    def is_default(self) -> bool:
        return self.by == "date" and not self.descending


@dataclass(frozen=True)
class _Sort:
    terms: tuple[str, ...]  # ORDER BY, ascending
    index: str = ""  # the index that holds the rows in that order (schema m011)
    join: str = ""  # the other table whose name the rows sort by, as x, joined on e
    key: str = ""  # its column in entries
    where: str = ""  # the term that lets a query use a partial index
    # the entries' column that leads the index: a text whose few values a walk over part of
    # the entries seeks one by one (see _few_values)
    column: str = ""


_DURATION = "CASE e.day_part WHEN 'full' THEN 2 WHEN 'half' THEN 1 ELSE 0 END"
SORTS: dict[str, _Sort] = {
    "date": _Sort(_DISPLAY_TERMS),
    "person": _Sort(
        ("x.name", "x.unit", "e.date", "e.start_min", "e.id"),
        "idx_entries_by_person",
        "persons",
        "person_id",
    ),
    "time": _Sort(
        ("e.start_min", "e.end_min", "e.date", "e.person_id", "e.id"), "idx_entries_by_time"
    ),
    "duration": _Sort((_DURATION, "e.minutes", *_DISPLAY_TERMS), "idx_entries_by_duration"),
    "activity": _Sort(
        ("x.name", *_DISPLAY_TERMS),
        "idx_entries_by_activity",
        "activities",
        "activity_id",
        "e.activity_id > 0",
    ),
    "project": _Sort(
        ("x.name", *_DISPLAY_TERMS), "idx_entries_by_project", "projects", "project_id"
    ),
    "location": _Sort(
        ("e.location", *_DISPLAY_TERMS), "idx_entries_by_location", column="location"
    ),
    "counterpart": _Sort(
        ("e.counterpart", *_DISPLAY_TERMS), "idx_entries_by_counterpart", column="counterpart"
    ),
    "note": _Sort(("e.note", *_DISPLAY_TERMS), "idx_entries_by_note", column="note"),
    "recorded_by": _Sort(
        ("e.recorded_by", *_DISPLAY_TERMS), "idx_entries_by_recorder", column="recorded_by"
    ),
}


def _order_by(terms: Sequence[str], descending: bool) -> str:
    return ", ".join(f"{t} DESC" if descending else t for t in terms)


def entry_from_row(r: Sequence[Any]) -> Entry:
    return Entry(
        id=r[0],
        person_id=r[1],
        day=date.fromisoformat(r[2]),
        activity_id=r[3],
        minutes=r[4],
        day_part=DayPart(r[5]) if r[5] else None,
        start=r[6],
        end=r[7],
        project_id=r[8],
        trip_id=r[9],
        location=r[10],
        counterpart=r[11],
        note=r[12],
        recorded_by=r[13],
    )


def entry_params(e: Entry) -> list[Any]:
    return [
        e.person_id,
        e.day.isoformat(),
        e.activity_id,
        e.minutes,
        e.day_part.value if e.day_part else None,
        e.start,
        e.end,
        e.project_id,
        e.trip_id,
        e.location,
        e.counterpart,
        e.note,
        e.recorded_by,
    ]


def entry_record(e: Entry) -> dict[str, Any]:
    record = asdict(e)
    record["day"] = e.day.isoformat()
    record["day_part"] = e.day_part.value if e.day_part else None
    return record


_Filters = tuple[int | None, Period | None, int | None, int | None, str]
_T = TypeVar("_T")


class EntryStore(Store):
    _kept: tuple[tuple[int, int], dict[Hashable, Any]] | None = None  # see _until_changed

    def _check_references(self, entries: Iterable[Entry]) -> None:
        persons = {r[0] for r in self.db.execute("SELECT id FROM persons").fetchall()}
        activities = {a.id for a in self.ctx.people.activities()}
        for e in entries:
            if e.person_id not in persons:
                raise NotFoundError("person", "not_found", value=e.person_id)
            if e.activity_id not in activities:
                raise NotFoundError("activity", "not_found", value=e.activity_id)
            if (
                e.project_id is not None
                and self.db.execute(
                    "SELECT 1 FROM projects WHERE id = ?", [e.project_id]
                ).fetchone()
                is None
            ):
                raise NotFoundError("project", "not_found", value=e.project_id)

    def entries_on(self, person_id: int, day: date) -> list[Entry]:
        rows = self.db.execute(
            f"SELECT {ENTRY_COLUMNS} FROM entries WHERE person_id = ? AND date = ?",
            [person_id, day.isoformat()],
        ).fetchall()
        return [entry_from_row(r) for r in rows]

    def _check_days(self, new: Sequence[Entry], ignore_ids: frozenset[int] = frozenset()) -> None:
        """Every person-day touched by `new` stays within 24 h and free of overlaps."""
        per_day = self.rules().minutes_per_day
        by_day: dict[tuple[int, date], list[Entry]] = defaultdict(list)
        for e in new:
            by_day[(e.person_id, e.day)].append(e)
        names: dict[int, str] = {}
        for (pid, day), items in by_day.items():
            existing = [e for e in self.entries_on(pid, day) if e.id not in ignore_ids]
            if pid not in names:
                names[pid] = self.ctx.people.person(pid).name
            check_day(names[pid], day, [*existing, *items], per_day)

    def _insert_entries(self, entries: Sequence[Entry]) -> list[Entry]:
        saved = []
        for e in entries:
            eid = self._insert(INSERT, entry_params(e))
            saved.append(replace(e, id=eid))
        return saved

    def add_entry(self, entry: Entry) -> Entry:
        e = entry.validated(self.today())
        if not e.recorded_by:
            e = replace(e, recorded_by=self.actor)
        self._check_references([e])
        with self.db.atomic():
            self._check_days([e])
            (saved,) = self._insert_entries([e])
            self._log("insert", "entries", saved.id, None, entry_record(saved))
        return saved

    def entry(self, entry_id: int) -> Entry:
        row = self.db.execute(
            f"SELECT {ENTRY_COLUMNS} FROM entries WHERE id = ?", [entry_id]
        ).fetchone()
        if row is None:
            raise NotFoundError("entry", "not_found", value=entry_id)
        return entry_from_row(row)

    def update_entry(self, entry: Entry) -> Entry:
        if entry.id is None:
            raise NotFoundError("entry", "not_found", value=None)
        before = self.entry(entry.id)
        e = entry.validated(self.today())
        self._check_references([e])
        with self.db.atomic():
            self._check_days([e], ignore_ids=frozenset({entry.id}))
            params = entry_params(e)
            self.db.execute(
                "UPDATE entries SET person_id = ?, date = ?, activity_id = ?, minutes = ?,"
                " day_part = ?, start_min = ?, end_min = ?, project_id = ?, trip_id = ?,"
                " location = ?, counterpart = ?, note = ?, recorded_by = ? WHERE id = ?",
                [*params, entry.id],
            )
            self._log("update", "entries", entry.id, entry_record(before), entry_record(e))
        return e

    def delete_entry(self, entry_id: int) -> Entry:
        before = self.entry(entry_id)
        if before.trip_id is not None:
            raise ValidationError("entry", "owned_by_trip", value=entry_id, trip=before.trip_id)
        with self.db.atomic():
            self.db.execute("DELETE FROM entries WHERE id = ?", [entry_id])
            self._log("delete", "entries", entry_id, entry_record(before), None)
        return before

    def entries(
        self,
        *,
        person_id: int | None = None,
        period: Period | None = None,
        activity_id: int | None = None,
        project_id: int | None = None,
        text: str = "",
        limit: int | None = None,
        offset: int = 0,
        order: EntryOrder | None = None,
    ) -> list[Entry]:
        """The matching entries in display order, or in `order`; a window of them with limit."""
        filters = (person_id, period, activity_id, project_id, text)
        if order is not None and not order.is_default:
            return list(self._ordered(filters, order, limit, offset))
        if limit is not None and self._many_matches(filters):
            return list(self._ordered(filters, EntryOrder(), limit, offset))
        source, params = self._filters(*filters)
        sql = f"SELECT {_E_COLUMNS}{source} ORDER BY {DISPLAY_ORDER}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [entry_from_row(r) for r in self.db.execute(sql, params).fetchall()]

    def each_entry(
        self,
        *,
        person_id: int | None = None,
        period: Period | None = None,
        activity_id: int | None = None,
        project_id: int | None = None,
        text: str = "",
        order: EntryOrder | None = None,
    ) -> Iterator[Entry]:
        """Every matching entry in `order`, read as it is used (a year of them to a file)."""
        return self._ordered(
            (person_id, period, activity_id, project_id, text), order or EntryOrder(), None, 0
        )

    def ordered_entry_ids(
        self,
        *,
        person_id: int | None = None,
        period: Period | None = None,
        activity_id: int | None = None,
        project_id: int | None = None,
        text: str = "",
        order: EntryOrder | None = None,
    ) -> array[int] | None:
        """The ids of the matching entries in `order`, when the quick way to page through them
        is by id: a text search, or an order other than the display order under a filter of a
        person, activity or project (a sort of those rows, done once). None when each window is
        better read on its own with entries(order=…, limit=…, offset=…): the display order, or
        only a period (up to every entry of a year), whose order an index holds."""
        order = order or EntryOrder()
        if not text and (order.is_default or _only_period(person_id, activity_id, project_id)):
            return None
        filters = (person_id, period, activity_id, project_id, text)
        if order.by == "date" and self._many_matches(filters):
            return None  # each window read with entries(order=…, limit=…, offset=…)
        sort = SORTS[order.by]
        source, params = self._filters(*filters)
        join, _ = self._join(sort, left=True)
        terms = _order_by(sort.terms, order.descending)
        sql = f"SELECT e.id{_with_join(source, join)} ORDER BY {terms}"
        # as they come, into machine integers: 1.5M ids in 27 MB, not the 157 MB of a list
        return array("q", (r[0] for r in self.db.execute(sql, params)))

    def _ordered(
        self,
        filters: _Filters,
        order: EntryOrder,
        limit: int | None,
        offset: int,
    ) -> Iterator[Entry]:
        person_id, period, activity_id, project_id, text = filters
        sort = SORTS[order.by]
        if order.by == "date" and limit is not None and self._many_matches(filters):
            return self._walked(text, period, limit, offset, order.descending)
        if text or not _only_period(person_id, activity_id, project_id) or not sort.index:
            # a narrower filter: its rows sorted, which the planner does from its own index
            source, params = self._filters(*filters)
            join, _ = self._join(sort, left=True)
            sql = f"SELECT {_E_COLUMNS}{_with_join(source, join)}"
            return self._sorted_rows(sql, params, sort.terms, order.descending, limit, offset)
        # a whole period: each window read walking the order's index, not sorting every row
        where, params = ("", []) if period is None else _period_where(period)
        if sort.where:
            where += f" AND {sort.where}" if where else f" WHERE {sort.where}"
        if not sort.join:
            values = self._few_values(sort) if period and not self._all_days(period) else None
            if values:
                where += f" AND e.{sort.column} IN ({', '.join('?' * len(values))})"
                params = [*params, *values]
            sql = f"SELECT {_E_COLUMNS} FROM entries e INDEXED BY {sort.index}{where}"
            return self._sorted_rows(sql, params, sort.terms, order.descending, limit, offset)
        join, nullable = self._join(sort, left=False)
        named = f"SELECT {_E_COLUMNS} FROM {join}{where}"
        if not nullable:
            return self._sorted_rows(named, params, sort.terms, order.descending, limit, offset)
        # rows without a project sort as "": before the named ones, after them reversed
        missing = (
            f"SELECT {_E_COLUMNS} FROM entries e INDEXED BY {sort.index}"
            f"{where or ' WHERE 1'} AND e.{sort.key} IS NULL"
        )
        parts = [(missing, _DISPLAY_TERMS), (named, sort.terms)]
        if order.descending:
            parts.reverse()
        (first, first_terms), (second, second_terms) = parts
        if limit is None:
            return chain(
                self._sorted_rows(first, params, first_terms, order.descending, None, 0),
                self._sorted_rows(second, params, second_terms, order.descending, None, 0),
            )
        head = list(self._sorted_rows(first, params, first_terms, order.descending, limit, offset))
        if len(head) >= limit:
            return iter(head)
        skip = 0  # the window starts within the first part, or past it by this many rows
        if not head:
            count = f"SELECT count(*) FROM ({first})"
            skip = max(offset - int(self.db.execute(count, params).fetchone()[0]), 0)
        tail = self._sorted_rows(
            second, params, second_terms, order.descending, limit - len(head), skip
        )
        return chain(head, tail)

    def _few_values(self, sort: _Sort) -> tuple[str, ...] | None:
        """The values of the sort's text column, when there are at most FEW_VALUES: with them
        in an IN list the walk over a period seeks each value's rows of that period (the index
        holds each value's rows by day), and still needs no sort. Read once until the data
        changes, by a loose scan of the index (one seek a value)."""
        if not sort.column:
            return None
        c, index = sort.column, sort.index
        first = f"SELECT {c} FROM entries INDEXED BY {index} ORDER BY {c} LIMIT 1"
        after = f"SELECT {c} FROM entries INDEXED BY {index} WHERE {c} > k.v ORDER BY {c} LIMIT 1"
        sql = (
            f"WITH RECURSIVE k(v) AS (SELECT ({first}) UNION ALL SELECT ({after}) FROM k"
            f" WHERE k.v IS NOT NULL) SELECT v FROM k WHERE v IS NOT NULL LIMIT ?"
        )

        def read() -> tuple[str, ...] | None:
            found = tuple(r[0] for r in self.db.execute(sql, [FEW_VALUES + 1]))
            return found if len(found) <= FEW_VALUES else None

        return self._until_changed(("values", c), read)

    def _sorted_rows(
        self,
        select: str,
        params: list[Any],
        terms: Sequence[str],
        descending: bool,
        limit: int | None,
        offset: int,
    ) -> Iterator[Entry]:
        sql = f"{select} ORDER BY {_order_by(terms, descending)}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, limit, offset]
        cursor = self.db.execute(sql, params)
        return (entry_from_row(r) for r in cursor)

    @staticmethod
    def _join(sort: _Sort, left: bool) -> tuple[str, bool]:
        """The table the order names come from, joined to entries e as x: after e (LEFT, for
        the planner to sort) or before it (its rows in name order, each one's entries through
        the order's index). Also whether an entry may have none (no project)."""
        nullable = sort.key == "project_id"
        if not sort.join:
            return "", nullable
        if left:
            kind = "LEFT JOIN" if nullable else "JOIN"
            return f" {kind} {sort.join} x ON x.id = e.{sort.key}", nullable
        # the table's index of its unique names (its UNIQUE constraint): rows in name order
        names = f"sqlite_autoindex_{sort.join}_1"
        return (
            f"{sort.join} x INDEXED BY {names}"
            f" CROSS JOIN entries e INDEXED BY {sort.index} ON e.{sort.key} = x.id",
            nullable,
        )

    def count_entries(
        self,
        *,
        person_id: int | None = None,
        period: Period | None = None,
        activity_id: int | None = None,
        project_id: int | None = None,
        text: str = "",
    ) -> int:
        """The number of entries the filters select, counted once until the data changes: a
        sort of the same rows asks again (at a province, 0.09 s for a year's 3M entries)."""
        filters = (person_id, period, activity_id, project_id, text)
        return self._until_changed(("count", filters), lambda: self._count(filters))

    def _count(self, filters: _Filters) -> int:
        match = self._whole_search(filters)
        if match is not None:
            return self._match_count(match)
        source, params = self._filters(*filters)
        return int(self.db.execute(f"SELECT count(*){source}", params).fetchone()[0])

    def _match_count(self, match: str) -> int:
        """The entries the text index finds for a MATCH expression, counted once until the
        data changes (a filter counts them, then decides how to read each window by them)."""
        sql = f"SELECT count(*) FROM {text_index.TABLE} WHERE {text_index.TABLE} MATCH ?"
        return self._until_changed(
            ("match", match), lambda: int(self.db.execute(sql, [match]).fetchone()[0])
        )

    def _until_changed(self, key: Hashable, read: Callable[[], _T]) -> _T:
        """What read() gives, read once until the data changes: `PRAGMA data_version` moves
        when another connection writes, the connection's total_changes when it writes itself.
        A filter asks for the same count, days and values several times, a sort again."""
        (version,) = self.db.execute("PRAGMA data_version").fetchone()
        now = (int(version), self.db.conn.total_changes)
        if self._kept is None or self._kept[0] != now:
            self._kept = (now, {})
        kept = self._kept[1]
        if key not in kept:
            kept[key] = read()
        return kept[key]  # type: ignore[no-any-return]  # the key says what was kept

    def _all_days(self, period: Period | None) -> bool:
        """Whether the period holds every entry's day (or there is none)."""
        if period is None:
            return True
        first, last = self._until_changed(
            "days",
            lambda: self.db.execute(
                "SELECT (SELECT min(date) FROM entries), (SELECT max(date) FROM entries)"
            ).fetchone(),
        )
        return first is None or (
            period.start.isoformat() <= first and last <= period.end.isoformat()
        )

    def _whole_search(self, filters: _Filters) -> str | None:
        """The MATCH expression of a text search over a period that holds every entry's day
        (or none) and no narrower filter: its count is the text index's own."""
        person_id, period, activity_id, project_id, text = filters
        match = text_index.match_expression(text.strip())
        if match is None or not _only_period(person_id, activity_id, project_id):
            return None
        return match if self._all_days(period) else None

    def _many_matches(self, filters: _Filters) -> bool:
        """A whole search (_whole_search) that finds more than MANY_MATCHES entries. Over a
        part of the entries, counting the matches looks each one up for its day either way,
        and their ids sorted are then quicker to page."""
        match = self._whole_search(filters)
        return match is not None and self._match_count(match) > MANY_MATCHES

    def _walked(
        self, text: str, period: Period | None, limit: int, offset: int, descending: bool
    ) -> Iterator[Entry]:
        """A window of a text's matches in the display order (or its reverse), walking the
        order's index and keeping the rows the text index finds: no sort of every match. (A
        window in the second half is asked for from the far end by the table's model.)"""
        where, params = ("", []) if period is None else _period_where(period)
        where += " AND" if where else " WHERE"
        match = text_index.match_expression(text.strip())
        sql = (
            f"SELECT {_E_COLUMNS} FROM entries e INDEXED BY idx_entries_order{where} e.id IN"
            f" (SELECT rowid FROM {text_index.TABLE} WHERE {text_index.TABLE} MATCH ?)"
            f" ORDER BY {_order_by(_DISPLAY_TERMS, descending)} LIMIT ? OFFSET ?"
        )
        rows = self.db.execute(sql, [*params, match, limit, offset])
        return (entry_from_row(r) for r in rows)

    @staticmethod
    def _filters(
        person_id: int | None,
        period: Period | None,
        activity_id: int | None,
        project_id: int | None,
        text: str,
    ) -> tuple[str, list[Any]]:
        """The FROM and WHERE clauses (entries as e) and their parameters."""
        source = " FROM entries e"
        where: list[str] = []
        params: list[Any] = []
        match = text_index.match_expression(text.strip())
        if match is not None:
            # the index's matches drive the query; each is then looked up by id
            source = f" FROM {text_index.TABLE} t JOIN entries e ON e.id = t.rowid"
            where.append(f"t.{text_index.TABLE} MATCH ?")
            params.append(match)
        if period is not None:
            where.append("e.date BETWEEN ? AND ?")
            params += [period.start.isoformat(), period.end.isoformat()]
        if person_id is not None:
            where.append("e.person_id = ?")
            params.append(person_id)
        if activity_id is not None:
            where.append("e.activity_id = ?")
            params.append(activity_id)
        if project_id is not None:
            where.append("e.project_id = ?")
            params.append(project_id)
        return source + (" WHERE " + " AND ".join(where) if where else ""), params


def _only_period(person_id: int | None, activity_id: int | None, project_id: int | None) -> bool:
    return person_id is None and activity_id is None and project_id is None


def _period_where(period: Period) -> tuple[str, list[Any]]:
    return " WHERE e.date BETWEEN ? AND ?", [period.start.isoformat(), period.end.isoformat()]


def _with_join(source: str, join: str) -> str:
    """FROM … [JOIN x] WHERE …: the join put between the filters' tables and their WHERE."""
    if not join:
        return source
    head, where, tail = source.partition(" WHERE ")
    return head + join + where + tail
