"""The circular's tables as sheets (CSV, XLSX and the GUI's preview): the ranking — by unit or
group the published form, with its share figures as a second table — the persons below the
target and the units that did not submit."""

from __future__ import annotations

from desktop.reports.circular import (
    CircularReport,
    CircularRow,
    destinations_text,
    met_text,
    row_name,
)
from desktop.reports.labels import label
from desktop.reports.sheet import Column, Kind, Sheet, Value
from desktop.reports.summary_table import round_up


def work_done(row: CircularRow, lang: str = "zh") -> str:
    """工作开展情况 as published: every destination, in the order first visited."""
    return destinations_text(row.travel, lang, limit=max(1, len(row.travel.destinations)))


def circular_sheet(report: CircularReport, lang: str = "zh") -> Sheet:
    if report.published:
        return published_sheet(report, lang)
    columns = [
        Column("seq", Kind.INT, 5),
        Column("name", Kind.TEXT, 16),
        Column("unit_title", Kind.TEXT, 24),
        Column("promotion_days", Kind.DAYS, 9),
        Column("base_days", Kind.DAYS, 9),
        Column("share", Kind.SHARE, 9),
        Column("met", Kind.TEXT, 9),
        Column("trips", Kind.INT, 8),
        Column("days_out", Kind.DAYS, 8),
        Column("destinations", Kind.TEXT, 40),
        Column("new_talks", Kind.INT, 8),
        Column("new_signed", Kind.INT, 8),
        Column("new_started", Kind.INT, 8),
    ]
    rows = [_person_cells(i, r, lang) for i, r in enumerate(report.rows, start=1)]
    rows.append(_person_cells(None, report.total, lang))
    return Sheet("circular", label("sheet_circular", lang), tuple(columns), rows, lang)


def _person_cells(seq: int | None, row: CircularRow, lang: str) -> list[Value]:
    second = row.detail if seq is not None else f"{row.persons}{label('people_suffix', lang)}"
    return [
        seq,
        row_name(row, seq is None, lang),
        second,
        row.share.promotion_days,
        row.share.base_days,
        row.share.share,
        met_text(row, lang),
        row.travel.trips,
        row.travel.days_out,
        destinations_text(row.travel, lang) if seq is not None else "",
        row.projects.talks,
        row.projects.signed,
        row.projects.started,
    ]


def published_sheet(report: CircularReport, lang: str = "zh") -> Sheet:
    """序号, 单位/招商组, 外出人数, 外出天数, 工作开展情况 — and the 合计 row."""
    columns = (
        Column("seq", Kind.INT, 5),
        Column(report.by, Kind.TEXT, 22),
        Column("persons_out", Kind.INT, 8),
        Column("days_out", Kind.DAYS, 8),
        Column("work_done", Kind.TEXT, 50),
    )
    rows: list[list[Value]] = [
        [i, row_name(r, False, lang), r.persons_out, r.travel.days_out, work_done(r, lang)]
        for i, r in enumerate(report.rows, start=1)
    ]
    t = report.total
    rows.append([None, row_name(t, True, lang), t.persons_out, t.travel.days_out, ""])
    return Sheet("circular", label("sheet_circular", lang), columns, rows, lang)


def share_columns(report: CircularReport) -> list[Column]:
    columns = [
        Column("seq", Kind.INT, 5),
        Column(report.by, Kind.TEXT, 22),
        Column("persons", Kind.INT, 6),
        Column("promotion_days", Kind.DAYS, 9),
        Column("base_days", Kind.DAYS, 9),
        Column("share", Kind.SHARE, 9),
        Column("met_count", Kind.TEXT, 9),
        Column("trips", Kind.INT, 8),
    ]
    if report.year_to_date is not None:
        columns += [Column("ytd_trips", Kind.INT, 10), Column("ytd_days", Kind.DAYS, 10)]
    columns += [
        Column("new_talks", Kind.INT, 8),
        Column("new_signed", Kind.INT, 8),
        Column("new_started", Kind.INT, 8),
    ]
    return columns


def share_cells(
    report: CircularReport, seq: int | None, row: CircularRow, lang: str
) -> list[Value]:
    cells: list[Value] = [
        seq,
        row_name(row, seq is None, lang),
        row.persons,
        row.share.promotion_days,
        row.share.base_days,
        row.share.share,
        met_text(row, lang),
        row.travel.trips,
    ]
    if report.year_to_date is not None:
        cells += [row.year.trips, row.year.days_out]
    return [*cells, row.projects.talks, row.projects.signed, row.projects.started]


def share_sheet(report: CircularReport, lang: str = "zh") -> Sheet:
    """The share figures of the same rows, in the same order: the second table."""
    rows = [share_cells(report, i, r, lang) for i, r in enumerate(report.rows, start=1)]
    rows.append(share_cells(report, None, report.total, lang))
    title = label("sheet_circular_share", lang)
    return Sheet("share", title, tuple(share_columns(report)), rows, lang)


def below_sheet(report: CircularReport, lang: str = "zh") -> Sheet:
    columns = (
        Column("seq", Kind.INT, 5),
        Column("name", Kind.TEXT, 10),
        Column("unit", Kind.TEXT, 20),
        Column("title", Kind.TEXT, 12),
        Column("promotion_days", Kind.DAYS, 9),
        Column("base_days", Kind.DAYS, 9),
        Column("share", Kind.SHARE, 9),
        Column("days_needed", Kind.DAYS, 9),
    )
    rows: list[list[Value]] = [
        [
            i,
            item.person.name,
            item.person.unit,
            item.person.title,
            item.result.promotion_days,
            item.result.base_days,
            item.result.share,
            round_up(item.result.days_needed),
        ]
        for i, item in enumerate(report.below, start=1)
    ]
    return Sheet("below", label("sheet_below", lang), columns, rows, lang)


def not_submitted_sheet(report: CircularReport, lang: str = "zh") -> Sheet:
    columns = (
        Column("seq", Kind.INT, 5),
        Column("unit", Kind.TEXT, 24),
        Column("not_submitted_persons", Kind.TEXT, 40),
    )
    rows: list[list[Value]] = [
        [i, unit, names] for i, (unit, names) in enumerate(report.not_submitted_units(lang), 1)
    ]
    return Sheet("not_submitted", label("sheet_not_submitted", lang), columns, rows, lang)
