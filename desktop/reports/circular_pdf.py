"""The city-wide circular as an A4 landscape PDF: overview, ranking table, shortfalls, charts."""

from __future__ import annotations

from typing import IO

from reportlab.platypus import KeepTogether, Table

from desktop.domain.workcalendar import basis_notice
from desktop.reports.charts import days_out_distribution, share_distribution
from desktop.reports.circular import (
    CircularReport,
    CircularRow,
    destinations_text,
    met_text,
    row_name,
)
from desktop.reports.circular_sheets import share_cells, work_done
from desktop.reports.fonts import FontWarning
from desktop.reports.labels import label, paren, semicolon
from desktop.reports.pdf_base import Col, PdfDoc, day_text, days_text, share_text
from desktop.reports.summary_table import round_up


def render_circular_pdf(
    report: CircularReport, stream: IO[bytes], lang: str = "zh", *, invariant: bool = False
) -> list[FontWarning]:
    """Write the circular to stream; returns the characters the font could not draw."""
    title = label("doc_circular", lang).format(period=report.period.text(lang))
    doc = PdfDoc(title, lang, wide=True, size=8.5)
    doc.add(doc.para(title, "title", doc.styles.title))
    by = label(f"by_{report.by}", lang)
    scope = label("c_scope", lang).format(
        start=day_text(report.period.start, lang),
        end=day_text(report.period.end, lang),
        target=share_text(report.target),
        by=by,
    )
    generated = label("generated", lang).format(date=day_text(report.today, lang))
    doc.add(
        doc.para(f"{scope}{' ' if lang == 'en' else ''}{generated}", "scope", doc.styles.subtitle)
    )
    _overview(doc, report)
    doc.heading(label("c_sec_table", lang).format(by=by))
    if report.published:
        _published(doc, report, by)
    else:
        doc.add(_ranking(doc, report))
    doc.add(doc.para(label("c_projects_note", lang), "note", doc.styles.note))
    _below(doc, report)
    _charts(doc, report)
    return doc.build(stream, invariant=invariant)


def _overview(doc: PdfDoc, report: CircularReport) -> None:
    lang, total = doc.lang, report.total
    doc.heading(label("c_sec_overview", lang))
    text = label("c_overview", lang).format(
        persons=total.persons,
        met=total.share.met_count,
        below=len(report.below),
        trips=total.travel.trips,
        days_out=days_text(total.travel.days_out),
        not_out=report.not_out,
        talks=total.projects.talks,
        signed=total.projects.signed,
        started=total.projects.started,
    )
    doc.add(doc.para(text, "overview"))
    if report.unassigned_projects:
        new = report.unassigned
        line = label("c_unassigned", lang).format(
            n=report.unassigned_projects, talks=new.talks, signed=new.signed, started=new.started
        )
        doc.add(doc.para(line, "unassigned"))
    if report.not_submitted:
        units = report.not_submitted_units(lang)
        names = semicolon(lang).join(paren(unit, n, lang) for unit, n in units)
        missing = label("c_not_submitted", lang).format(
            units=len(units), persons=len(report.not_submitted), names=names
        )
        doc.add(doc.para(missing, "not_submitted", doc.styles.alert))
    if report.basis:
        doc.add(
            doc.para(
                basis_notice(report.basis, lang),
                "calendar",
                doc.styles.alert if report.fallback_years else doc.styles.body,
            )
        )


def _columns(doc: PdfDoc, by: str) -> list[Col]:
    lang = doc.lang
    first = [Col(label("seq", lang), 0.9, "CENTRE")]
    if by == "person":
        first += [
            Col(label("name", lang), 1.7, wrap=True),
            Col(label("unit_title", lang), 4.1, wrap=True),
        ]
        met = Col(label("met", lang), 1.5, "CENTRE")
    else:
        first += [
            Col(label(by, lang), 4.6, wrap=True),
            Col(label("persons", lang), 1.2, "CENTRE"),
        ]
        met = Col(label("met_count", lang), 1.5, "CENTRE")
    return [
        *first,
        Col(label("promotion_days", lang), 1.5, "RIGHT"),
        Col(label("base_days", lang), 1.5, "RIGHT"),
        Col(label("share", lang), 1.6, "RIGHT"),
        met,
        Col(label("trips", lang), 1.45, "CENTRE"),
        Col(label("days_out", lang), 1.45, "RIGHT"),
        Col(label("destinations", lang), 6.5, wrap=True),
        Col(label("new_talks", lang), 1.45, "CENTRE"),
        Col(label("new_signed", lang), 1.45, "CENTRE"),
        Col(label("new_started", lang), 1.45, "CENTRE"),
    ]


def _cells(doc: PdfDoc, seq: int | None, row: CircularRow, by: str) -> list[str]:
    lang = doc.lang
    name = row_name(row, seq is None, lang)
    if by == "person":
        second = row.detail if seq is not None else f"{row.persons}{label('people_suffix', lang)}"
    else:
        second = str(row.persons)
    return [
        "" if seq is None else str(seq),
        name,
        second,
        days_text(row.share.promotion_days),
        days_text(row.share.base_days),
        share_text(row.share.share),
        met_text(row, lang),
        str(row.travel.trips),
        days_text(row.travel.days_out),
        destinations_text(row.travel, lang) if seq is not None else "",
        str(row.projects.talks),
        str(row.projects.signed),
        str(row.projects.started),
    ]


def _ranking(doc: PdfDoc, report: CircularReport) -> Table:
    cols = _columns(doc, report.by)
    rows = [_cells(doc, i, r, report.by) for i, r in enumerate(report.rows, start=1)]
    rows.append(_cells(doc, None, report.total, report.by))
    # a person below the target: 未达标 in red; a row that did not go out: 未外出 in red
    red = [(6, i) for i, r in enumerate(report.rows) if r.person is not None and not r.share.met]
    red += [(9, i) for i, r in enumerate(report.rows) if not r.travel.went_out]
    return doc.table(cols, rows, total=True, red=red)


def _published(doc: PdfDoc, report: CircularReport, by: str) -> None:
    """The table as offices publish it, the year to date under it, then the share figures."""
    lang = doc.lang
    cols = [
        Col(label("seq", lang), 1.2, "CENTRE"),
        Col(label(report.by, lang), 6.0, wrap=True),
        Col(label("persons_out", lang), 2.4, "CENTRE"),
        Col(label("days_out", lang), 2.4, "RIGHT"),
        Col(label("work_done", lang), 14.5, wrap=True),
    ]
    rows = [
        [
            str(i),
            row_name(r, False, lang),
            str(r.persons_out),
            days_text(r.travel.days_out),
            work_done(r, lang),
        ]
        for i, r in enumerate(report.rows, start=1)
    ]
    t = report.total
    rows.append(["", row_name(t, True, lang), str(t.persons_out), days_text(t.travel.days_out), ""])
    red = [(4, i) for i, r in enumerate(report.rows) if not r.travel.went_out]
    doc.add(doc.table(cols, rows, total=True, red=red))
    span = report.year_to_date
    if span is not None:
        text = label("c_year_to_date", lang).format(
            start=day_text(span.start, lang),
            end=day_text(span.end, lang),
            trips=t.year.trips,
            days=days_text(t.year.days_out),
        )
        doc.add(doc.para(text, "year_to_date"))
    doc.heading(label("c_sec_share", lang).format(by=by))
    heads = [
        "seq",
        report.by,
        "persons",
        "promotion_days",
        "base_days",
        "share",
        "met_count",
        "trips",
    ]
    if span is not None:
        heads += ["ytd_trips", "ytd_days"]
    heads += ["new_talks", "new_signed", "new_started"]
    widths = {"seq": 0.9, report.by: 4.6, "share": 1.6}
    share_cols = [
        Col(
            label(k, lang),
            widths.get(k, 1.7 if span is not None else 2.0),
            "LEFT" if k == report.by else "CENTRE",
            wrap=k == report.by,
        )
        for k in heads
    ]
    table = [_share_texts(report, i, r, lang) for i, r in enumerate(report.rows, start=1)]
    table.append(_share_texts(report, None, t, lang))
    doc.add(doc.table(share_cols, table, total=True))


def _share_texts(report: CircularReport, seq: int | None, row: CircularRow, lang: str) -> list[str]:
    cells = share_cells(report, seq, row, lang)
    out = []
    for i, v in enumerate(cells):
        if v is None:
            out.append("")
        elif i == 5:
            out.append(share_text(row.share.share))
        elif isinstance(v, float):
            out.append(days_text(v))
        else:
            out.append(str(v))
    return out


def _below(doc: PdfDoc, report: CircularReport) -> None:
    lang = doc.lang
    doc.heading(label("c_sec_below", lang))
    if not report.below:
        doc.add(doc.para(label("c_none_below", lang), "below"))
        return
    cols = [
        Col(label("seq", lang), 1.0, "CENTRE"),
        Col(label("name", lang), 2.8, wrap=True),
        Col(label("unit", lang), 7.2, wrap=True),
        Col(label("title", lang), 4.6, wrap=True),
        Col(label("promotion_days", lang), 2.7, "RIGHT"),
        Col(label("base_days", lang), 2.7, "RIGHT"),
        Col(label("share", lang), 3.0, "RIGHT"),
        Col(label("days_needed", lang), 2.7, "RIGHT"),
    ]
    rows = [
        [
            str(i),
            item.person.name,
            item.person.unit,
            item.person.title,
            days_text(item.result.promotion_days),
            days_text(item.result.base_days),
            share_text(item.result.share),
            days_text(round_up(item.result.days_needed)),
        ]
        for i, item in enumerate(report.below, start=1)
    ]
    doc.add(doc.table(cols, rows))


def _charts(doc: PdfDoc, report: CircularReport) -> None:
    lang = doc.lang
    heading = doc.para(label("c_sec_charts", lang), "heading", doc.styles.heading)
    shares = [item.result.share for item in report.persons]
    left = doc.figure(share_distribution(shares, report.target, lang), 12.5)
    right = doc.figure(days_out_distribution(report.days_out(), lang), 12.5)
    pair = doc.side_by_side([left, right], [13.35, 13.35])
    doc.add(KeepTogether([heading, pair]))
