"""Raw entries as CSV in the same columns the import reads, so an export can be imported back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import IO

from desktop.domain.entries import Entry, format_clock
from desktop.domain.entry_rows import CHINESE_HEADER, ENGLISH_HEADER
from desktop.domain.people import Activity, Person
from desktop.domain.projects import Project
from desktop.reports.csv_out import Cell, write_csv


def entry_cells(
    e: Entry,
    persons: Mapping[int | None, Person],
    activities: Mapping[int | None, Activity],
    projects: Mapping[int | None, Project],
) -> list[Cell]:
    person = persons[e.person_id]
    if e.day_part is not None:
        hours: Cell = e.day_part.label
    else:
        hours = round((e.minutes or 0) / 60, 4)
    return [
        e.day.isoformat(),
        person.name,
        person.title,
        format_clock(e.start) if e.start is not None else "",
        format_clock(e.end) if e.end is not None else "",
        hours,
        activities[e.activity_id].name,
        projects[e.project_id].name if e.project_id is not None else "",
        e.location,
        e.note,
    ]


def write_entries_csv(
    stream: IO[str],
    entries: Iterable[Entry],
    persons: Mapping[int | None, Person],
    activities: Mapping[int | None, Activity],
    projects: Mapping[int | None, Project],
    lang: str = "zh",
) -> int:
    header = ENGLISH_HEADER if lang == "en" else CHINESE_HEADER
    return write_csv(
        stream, header, (entry_cells(e, persons, activities, projects) for e in entries)
    )
