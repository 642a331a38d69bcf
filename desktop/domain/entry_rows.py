"""Rows of the entry CSV format: header names (Chinese or English) and the parsing of one row."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from desktop.domain.entries import DayPart, check_date, parse_clock, parse_date, parse_hours
from desktop.domain.errors import ValidationError

# canonical field -> accepted header names (compared after strip/lower-casing)
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "date": ("日期", "date"),
    "person": ("姓名", "person", "name"),
    "title": ("职务", "title"),
    "start": ("开始", "start"),
    "end": ("结束", "end"),
    "hours": ("时长", "hours"),
    "activity": ("活动类型", "activity"),
    "project": ("项目", "project"),
    "location": ("地点", "location"),
    "note": ("备注", "note"),
}
REQUIRED = ("date", "person", "activity")
CHINESE_HEADER = tuple(names[0] for names in COLUMNS.values())
ENGLISH_HEADER = tuple(names[1] for names in COLUMNS.values())


def map_header(header: Sequence[str]) -> dict[str, int]:
    """Column index of each known field; raises if a required column is missing."""
    lookup = {alias.lower(): field for field, aliases in COLUMNS.items() for alias in aliases}
    found: dict[str, int] = {}
    for i, name in enumerate(header):
        field = lookup.get(name.strip().lstrip("\ufeff").lower())
        if field is not None and field not in found:
            found[field] = i
    missing = [f for f in REQUIRED if f not in found]
    if "hours" not in found and not ("start" in found and "end" in found):
        missing.append("hours")
    if missing:
        raise ValidationError(
            "header", "bad_header", value="、".join(COLUMNS[f][0] for f in missing)
        )
    return found


@dataclass(frozen=True, slots=True)
class EntryRow:
    """One parsed row, names not yet resolved to ids."""

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


def parse_row(
    values: Sequence[str], columns: Mapping[str, int], today: date, high: date | None = None
) -> EntryRow:
    """One row's values; `high` (latest_allowed(today)) may be passed when parsing many rows."""
    n = len(values)
    cells = {f: values[i].strip() if i < n else "" for f, i in columns.items()}
    get = cells.get
    day = check_date(parse_date(get("date", "")), today, high=high)
    person = get("person", "")
    if not person:
        raise ValidationError("person", "required")
    activity = get("activity", "")
    if not activity:
        raise ValidationError("activity", "required")
    start_text, end_text, hours_text = get("start", ""), get("end", ""), get("hours", "")
    start = parse_clock(start_text, "start") if start_text else None
    end = parse_clock(end_text, "end") if end_text else None
    if (start is None) != (end is None):
        raise ValidationError("end" if end is None else "start", "required")
    minutes: int | None = None
    part: DayPart | None = None
    if hours_text:
        minutes, part = parse_hours(hours_text)
    if start is not None and end is not None:
        if end <= start:
            raise ValidationError("end", "end_before_start", start=start_text, end=end_text)
        if part is not None:
            raise ValidationError("hours", "bad_hours", value=hours_text)
        if minutes is not None and minutes != end - start:
            raise ValidationError("hours", "hours_mismatch", hours=hours_text, minutes=end - start)
        minutes = end - start
    elif minutes is None and part is None:
        raise ValidationError("hours", "required")
    return EntryRow(
        day,
        person,
        get("title", ""),
        activity,
        minutes,
        part,
        start,
        end,
        get("project", ""),
        get("location", ""),
        get("note", ""),
    )
