"""Rows of an entry ledger (CSV or sheet): header names and aliases, and the parsing of one row."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from desktop.domain.entries import DayPart, check_date, latest_allowed
from desktop.domain.errors import LedgerError, ValidationError
from desktop.domain.ledger_parsing import (
    cell_text,
    clean,
    parse_ledger_clock,
    parse_ledger_date,
    parse_ledger_duration,
)
from desktop.domain.texts import LIST_MAX, NAME_MAX, ORG_MAX, clean_name, clean_note

# canonical field -> accepted header names; the first two are what exports write (zh, en).
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "date": ("日期", "date", "时间", "工作日期", "活动日期", "日期时间", "day"),
    "person": (
        "姓名",
        "person",
        "人员",
        "领导",
        "领导姓名",
        "责任人",
        "负责同志",
        "name",
        "leader",
    ),
    "title": ("职务", "title", "职位", "position"),
    "unit": ("单位", "unit", "所在单位", "工作单位", "department"),
    "start": ("开始", "start", "开始时间", "起始时间", "起", "from"),
    "end": ("结束", "end", "结束时间", "截止时间", "止", "to"),
    "hours": ("时长", "hours", "用时", "小时数", "工时", "时数", "耗时", "duration"),
    "activity": ("活动类型", "activity", "活动", "类型", "工作类型", "类别", "type", "kind"),
    "project": ("项目", "project", "项目名称", "洽谈项目"),
    "location": ("地点", "location", "外出地点", "目的地", "地址", "place"),
    "counterpart": ("客商", "counterpart", "企业", "客商/企业", "对接企业", "客商企业", "company"),
    "note": ("备注", "note", "进展成效", "成效", "说明", "notes", "remark", "remarks"),
    # the work done, the most important text of many ledgers: the note, before a 备注 beside it
    "content": ("工作内容", "content", "工作情况", "主要内容", "内容", "事由"),
    "recorded_by": ("填报人", "recorded_by", "记录人", "录入人"),
    # a row number: nothing to keep, so listed as not imported without asking
    "seq": ("序号", "seq", "编号", "行号", "no", "no."),
}
NOT_KEPT = frozenset(("seq",))  # fields read but not kept (listed as such in a dry run)
NOTE_SEPARATOR = "；"
TOTAL_WORDS = ("合计", "小计", "总计", "累计")
REQUIRED = ("date", "person", "activity")
EXPORTED: tuple[str, ...] = ("date", "person", "title", "start", "end", "hours", "activity")
EXPORTED += ("project", "location", "note")
CHINESE_HEADER = tuple(COLUMNS[f][0] for f in EXPORTED)
ENGLISH_HEADER = tuple(COLUMNS[f][1] for f in EXPORTED)
HEADER_SCAN = 10  # title rows above the header that Excel ledgers often carry

_UNIT_SUFFIX = re.compile(r"\(.*\)$|[*:]+$")
_LOOKUP = {alias.lower(): field for field, aliases in COLUMNS.items() for alias in aliases}


def header_key(cell: object) -> str:
    """'时长（小时）', ' Date* ', '日 期' all reduce to the alias they spell."""
    text = "".join(clean(cell_text(cell)).split()).lower()
    return _UNIT_SUFFIX.sub("", text) or text


def _match(header: Sequence[object]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, name in enumerate(header):
        key = header_key(name)
        field = _LOOKUP.get(key)
        if field is None and "/" in key:  # '日期/时间'
            field = next((_LOOKUP[k] for k in key.split("/") if k in _LOOKUP), None)
        if field is not None and field not in found:
            found[field] = i
    return found


def _missing(found: Mapping[str, int]) -> list[str]:
    missing = [f for f in REQUIRED if f not in found]
    if "hours" not in found and not ("start" in found and "end" in found):
        missing.append("hours")
    return missing


def map_header(header: Sequence[object]) -> dict[str, int]:
    """Column index of each known field; raises if a required column is missing."""
    found = _match(header)
    missing = _missing(found)
    if missing:
        raise ValidationError(
            "header", "bad_header", value="、".join(COLUMNS[f][0] for f in missing)
        )
    return found


def column_letter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA', as Excel names columns."""
    letters = ""
    n = index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in the file: its row as Excel numbers it, its column (0-based) if known."""

    line: int
    column: int | None
    error: LedgerError

    def where(self, lang: str = "zh") -> str:
        if lang == "en":
            col = f", column {column_letter(self.column)}" if self.column is not None else ""
            return f"line {self.line}{col}"
        col = f" {column_letter(self.column)} 列" if self.column is not None else ""
        return f"第 {self.line} 行{col}"

    def text(self, lang: str = "zh") -> str:
        sep = ": " if lang == "en" else " "
        return f"{self.where(lang)}{sep}{self.error.message(lang)}"


# which column to point at for an error about a field that has no column of its own
_FALLBACK: Mapping[str, tuple[str, ...]] = {
    "hours": ("hours", "start", "end"),
    "minutes": ("hours", "start"),
    "start": ("start", "hours"),
    "end": ("end", "hours"),
}


def field_column(columns: Mapping[str, int], field: str) -> int | None:
    for name in _FALLBACK.get(field, (field,)):
        if name in columns:
            return columns[name]
    return None


@dataclass(frozen=True, slots=True)
class HeaderFound:
    line: int
    columns: dict[str, int]
    header: tuple[str, ...] = ()  # the header row's cells as text


def find_header(rows: Iterator[tuple[int, Sequence[object]]]) -> HeaderFound:
    """The first of the first HEADER_SCAN non-empty rows that names the required columns.

    Raises a Problem-carrying HeaderError naming what the best candidate row lacks."""
    best: tuple[int, int, list[str]] | None = None  # (recognised count, line, missing)
    seen = 0
    for line, values in rows:
        if is_blank(values):
            continue
        found = _match(values)
        missing = _missing(found)
        if not missing:
            return HeaderFound(line, found, tuple(cell_text(v) for v in values))
        if best is None or len(found) > best[0]:
            best = (len(found), line, missing)
        seen += 1
        if seen >= HEADER_SCAN:
            break
    if best is None:
        raise ValidationError("file", "no_rows")
    error = ValidationError("header", "bad_header", value="、".join(COLUMNS[f][0] for f in best[2]))
    raise HeaderError(Problem(best[1], None, error))


class HeaderError(LedgerError):
    """No header row with the required columns; `problem` says where the best candidate was."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.error.field, problem.error.code, **problem.error.params)


def is_blank(values: Sequence[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


class EntryRow(NamedTuple):
    """One parsed row, names not yet resolved to ids (a named tuple: a ledger makes hundreds of
    thousands, and a tuple is made at a third of a frozen dataclass's cost)."""

    day: date
    person: str
    title: str
    activity: str
    minutes: int | None
    day_part: DayPart | None
    start: int | None
    end: int | None
    project: str
    location: str
    note: str
    unit: str = ""
    counterpart: str = ""
    recorded_by: str = ""  # as the file says (our own export writes it); else who imports


TYPED = frozenset(("date", "start", "end", "hours"))  # cells whose date/time/number type counts


def _cell(field: str, value: object) -> object:
    """A cell that is not text: kept as it is for a typed field, written out for a text field."""
    if value is None:
        return ""
    if field in TYPED and not isinstance(value, bool):
        return value
    return cell_text(value)


# A ledger repeats the same names, days and clock times on thousands of rows: each spelling is
# checked once (the functions are pure; a refused value raises again each time, uncached)
_SEEN = 1 << 16


@lru_cache(maxsize=_SEEN)
def _name(text: str, field: str, limit: int = NAME_MAX, required: bool = False) -> str:
    return clean_name(text, field, limit, required)


@lru_cache(maxsize=_SEEN)
def _text_day(text: str, today: date, high: date | None) -> date:
    return check_date(parse_ledger_date(text), today, high=high)


@lru_cache(maxsize=_SEEN)
def _text_clock(text: str, field: str) -> int:
    return parse_ledger_clock(text, field)


@lru_cache(maxsize=_SEEN)
def _text_duration(text: str) -> tuple[int | None, DayPart | None]:
    return parse_ledger_duration(text)


def _day(value: Any, today: date, high: date | None) -> date:
    if value.__class__ is str:
        return _text_day(value, today, high)
    return check_date(parse_ledger_date(value), today, high=high)


def _clock(value: Any, field: str) -> int:
    return _text_clock(value, field) if value.__class__ is str else parse_ledger_clock(value, field)


def _duration(value: Any) -> tuple[int | None, DayPart | None]:
    return _text_duration(value) if value.__class__ is str else parse_ledger_duration(value)


class RowFields:
    """How a row's cells are read for the fields of a header, worked out once for a file."""

    def __init__(self, columns: Mapping[str, int]) -> None:
        self.columns = columns
        self.names = tuple(columns)
        indexes = tuple(columns.values())
        self.width = max(indexes, default=-1) + 1
        self.getter = _getter(indexes) if indexes else None

    def cells(self, values: Sequence[object]) -> dict[str, Any]:
        """Each field's cell, text stripped once; a typed cell (from a workbook) by _cell."""
        n = len(values)
        if self.getter is not None and n >= self.width:
            try:  # a row of text, as every CSV row is: read in C
                return dict(zip(self.names, map(str.strip, self.getter(values)), strict=True))
            except TypeError:
                pass
        return {
            f: (v.strip() if (v := values[i]).__class__ is str else _cell(f, v)) if i < n else ""
            for f, i in self.columns.items()
        }


def _getter(indexes: tuple[int, ...]) -> Callable[[Sequence[object]], tuple[Any, ...]]:
    """The cells at indexes, as a tuple (itemgetter of one index gives the cell alone)."""
    if len(indexes) == 1:
        (i,) = indexes
        return lambda values: (values[i],)
    return itemgetter(*indexes)


def parse_row(
    values: Sequence[object],
    columns: Mapping[str, int] | RowFields,
    today: date,
    high: date | None = None,
    extras: Sequence[NoteColumn] = (),
) -> EntryRow:
    """One row's cells (text, numbers, dates or times); raises naming the field at fault.

    `high` (latest_allowed(today)) and RowFields(columns) may be passed when parsing many rows
    (read_rows does). The note is the work content (工作内容 …), then the 备注, then the `extras`
    columns chosen to go into it, joined by ；."""
    fields = columns if isinstance(columns, RowFields) else RowFields(columns)
    get = fields.cells(values).get
    raw_date = get("date", "")
    if raw_date == "":
        raise ValidationError("date", "required")
    day = _day(raw_date, today, high)
    person: str = get("person", "")
    if not person:
        raise ValidationError("person", "required")
    activity: str = get("activity", "")
    if not activity:
        raise ValidationError("activity", "required")
    raw_start, raw_end, raw_hours = get("start", ""), get("end", ""), get("hours", "")
    start = _clock(raw_start, "start") if raw_start != "" else None
    end = _clock(raw_end, "end") if raw_end != "" else None
    if (start is None) != (end is None):
        raise ValidationError("end" if end is None else "start", "required")
    minutes: int | None = None
    part: DayPart | None = None
    if raw_hours != "":
        minutes, part = _duration(raw_hours)
    if start is not None and end is not None:
        if end <= start:
            raise ValidationError(
                "end", "end_before_start", start=cell_text(raw_start), end=cell_text(raw_end)
            )
        if part is not None:
            raise ValidationError("hours", "bad_hours", value=cell_text(raw_hours))
        if minutes is not None and minutes != end - start:
            raise ValidationError(
                "hours", "hours_mismatch", hours=cell_text(raw_hours), minutes=end - start
            )
        minutes = end - start
    elif minutes is None and part is None:
        raise ValidationError("hours", "required")
    # the rule every door applies to names and notes (domain/texts.py)
    return EntryRow(
        day,
        _name(person, "person", required=True),
        _name(get("title", ""), "title"),
        _name(activity, "activity"),
        minutes,
        part,
        start,
        end,
        _name(get("project", ""), "project", ORG_MAX),
        _name(get("location", ""), "location", LIST_MAX),
        clean_note(_note(get("content", ""), get("note", ""), values, extras)),
        _name(get("unit", ""), "unit"),
        _name(get("counterpart", ""), "counterpart", LIST_MAX),
        _name(get("recorded_by", ""), "recorded_by", ORG_MAX),
    )


@dataclass(frozen=True, slots=True)
class NoteColumn:
    """A column no field reads whose text goes into the note: as it is ("note") or after its
    header ("append": 联系电话：138…)."""

    index: int
    name: str
    mode: str  # "note" or "append"


def _note(content: str, note: str, values: Sequence[object], extras: Sequence[NoteColumn]) -> str:
    parts = [content, note] if content else [note]
    n = len(values)
    for x in extras:
        text = cell_text(values[x.index]) if x.index < n else ""
        if text:
            parts.append(f"{x.name}：{text}" if x.mode == "append" and x.name else text)
    return NOTE_SEPARATOR.join(p for p in parts if p)


def total_word(values: Sequence[object]) -> str | None:
    """合计/小计/总计/累计 when a cell of the row says it (spaces inside do not count)."""
    for v in values:
        if isinstance(v, str) and v:
            text = "".join(v.split())
            for word in TOTAL_WORDS:
                if word in text:
                    return word
    return None


def only_numbers(values: Sequence[object]) -> list[float] | None:
    """The row's values when every non-empty cell is a number (a row of sums), else None."""
    out: list[float] = []
    for v in values:
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        if isinstance(v, bool):
            return None
        if isinstance(v, int | float):
            out.append(float(v))
            continue
        try:
            out.append(float(clean(cell_text(v))))
        except ValueError:
            return None
    return out or None


@dataclass(frozen=True, slots=True)
class TotalRow:
    """A row of totals (合计 …, or only the sums of the columns above), skipped and listed."""

    line: int
    word: str  # the word the row carries, or "" for a row of sums


def read_rows(
    rows: Iterable[tuple[int, Sequence[object]]],
    columns: Mapping[str, int],
    today: date,
    extras: Sequence[NoteColumn] = (),
) -> Iterator[tuple[int, EntryRow | Problem | TotalRow]]:
    """Every non-blank row parsed, reported as a Problem with its line and column, or skipped as
    a row of totals: a row without a date that says 合计/小计/总计/累计 in any cell, or whose only
    values are numbers with the hours column at the sum of the hours above it (since the last
    total row)."""
    high = latest_allowed(today)
    fields = RowFields(columns)
    hours_col = columns.get("hours")
    date_col = columns.get("date", 0)
    running = 0.0  # hours typed as numbers since the last total row
    for line, values in rows:
        try:
            row = parse_row(values, fields, today, high, extras)
        except LedgerError as exc:
            if is_blank(values):
                continue
            if exc.field == "date":
                raw = values[date_col] if date_col < len(values) else None
                if not _is_date(raw):
                    word = total_word(values)
                    if word is not None:
                        running = 0.0
                        yield line, TotalRow(line, word)
                        continue
                    if _sums(values, hours_col, running):
                        running = 0.0
                        yield line, TotalRow(line, "")
                        continue
            yield line, Problem(line, field_column(columns, exc.field), exc)
            continue
        if hours_col is not None and hours_col < len(values):
            running += _hours_number(values[hours_col])
        yield line, row


def _hours_number(value: object) -> float:
    """The hours cell as a number for the running sum (0 when it is not one)."""
    if value.__class__ is str:
        return _text_hours(value)
    number = only_numbers([value])
    return number[0] if number else 0.0


@lru_cache(maxsize=_SEEN)
def _text_hours(text: str) -> float:
    number = only_numbers([text])
    return number[0] if number else 0.0


def _is_date(value: object) -> bool:
    try:
        parse_ledger_date(value)
    except LedgerError:
        return False
    return True


def _sums(values: Sequence[object], hours_col: int | None, running: float) -> bool:
    """Only numbers, and the hours column at the sum of the hours above."""
    if hours_col is None or hours_col >= len(values) or only_numbers(values) is None:
        return False
    hours = only_numbers([values[hours_col]])
    return hours is not None and running > 0 and abs(hours[0] - running) < 0.005


def parse_rows(
    rows: Iterable[tuple[int, Sequence[object]]], columns: Mapping[str, int], today: date
) -> tuple[list[tuple[int, EntryRow]], list[Problem]]:
    """Every non-blank row either parsed or reported as a Problem with its line and column
    (rows of totals are left out of both)."""
    parsed: list[tuple[int, EntryRow]] = []
    problems: list[Problem] = []
    for line, item in read_rows(rows, columns, today):
        if isinstance(item, EntryRow):
            parsed.append((line, item))
        elif isinstance(item, Problem):
            problems.append(item)
    return parsed, problems
