"""Raw entries and projects as report tables (for CSV and XLSX), in the columns the import reads."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from desktop.domain.entries import Entry
from desktop.domain.people import Activity, Person
from desktop.domain.projects import Project, Stage
from desktop.reports.entries_csv import entry_cells
from desktop.reports.labels import amount_unit, label
from desktop.reports.sheet import Column, Kind, Sheet, Value


def entries_sheet(
    entries: Iterable[Entry],
    persons: Mapping[int | None, Person],
    activities: Mapping[int | None, Activity],
    projects: Mapping[int | None, Project],
    lang: str = "zh",
) -> Sheet:
    """The import's columns first (so a saved sheet can be imported back), then two more."""
    columns = (
        Column("date", Kind.DATE, 11),
        Column("person", Kind.TEXT, 8),
        Column("title", Kind.TEXT, 10),
        Column("start", Kind.TEXT, 6),
        Column("end", Kind.TEXT, 6),
        Column("hours", Kind.TEXT, 6),
        Column("activity", Kind.TEXT, 12),
        Column("project", Kind.TEXT, 28),
        Column("location", Kind.TEXT, 14),
        Column("note", Kind.TEXT, 40),
        Column("counterpart", Kind.TEXT, 20),
        Column("recorded_by", Kind.TEXT, 8),
    )
    rows: list[list[Value]] = []
    for e in entries:
        _, *cells = entry_cells(e, persons, activities, projects)  # its date as text
        rows.append([e.day, *cells, e.counterpart, e.recorded_by])
    return Sheet("entries", label("sheet_entries", lang), columns, rows, lang)


def projects_sheet(
    projects: Iterable[Project], leaders: Mapping[int, str], day: date, lang: str = "zh"
) -> Sheet:
    """Every project with its stage on `day` and the funds arrived up to that day."""
    columns = (
        Column("id", Kind.INT, 6),
        Column("project", Kind.TEXT, 30),
        Column("investor", Kind.TEXT, 24),
        Column("chain", Kind.TEXT, 16),
        Column("amount", Kind.AMOUNT, 12),
        Column("currency", Kind.TEXT, 8),
        Column("leader", Kind.TEXT, 8),
        Column("park", Kind.TEXT, 14),
        Column("stage", Kind.TEXT, 8),
        Column("first_signed", Kind.DATE, 11),
        Column("arrived_total", Kind.AMOUNT, 12),
    )
    rows: list[list[Value]] = []
    for p in projects:
        stage = p.stage_on(day)
        signings = sorted(c.day for c in p.history if c.stage is Stage.SIGNED and c.day <= day)
        funds = p.funds_to(day)
        rows.append(
            [
                p.id,
                p.name,
                p.investor,
                p.chain,
                None if p.amount is None else float(p.amount),
                amount_unit(p.currency, lang),
                leaders.get(p.leader_id, "") if p.leader_id is not None else "",
                p.park,
                stage.text(lang) if stage else "",
                signings[0] if signings else None,
                float(funds),
            ]
        )
    return Sheet("projects", label("sheet_project_list", lang), columns, rows, lang)
