"""外出招商情况上报表 as an A4 landscape PDF in the house style: title, scope, one table whose
header repeats on every page, a trip's figures written once above its further company rows."""

from __future__ import annotations

from typing import IO

from desktop.reports.fonts import FontWarning
from desktop.reports.labels import label
from desktop.reports.pdf_base import Col, PdfDoc, day_text, days_text
from desktop.reports.trip_form import TripForm

WIDTHS = {
    "unit": (3.6, "LEFT"),
    "seq": (1.0, "CENTRE"),
    "name": (1.7, "CENTRE"),
    "title": (2.0, "LEFT"),
    "trip_start": (2.0, "CENTRE"),
    "trip_end": (2.0, "CENTRE"),
    "days": (1.2, "RIGHT"),
    "trip_destinations": (3.0, "LEFT"),
    "company_visited": (5.2, "LEFT"),
    "contact_name": (1.9, "CENTRE"),
    "contact_title": (3.0, "LEFT"),
}


def render_trip_form_pdf(
    form: TripForm, stream: IO[bytes], lang: str = "zh", *, invariant: bool = False
) -> list[FontWarning]:
    """Write the form to stream; returns the characters the font could not draw."""
    title = label("doc_trip_form", lang).format(period=form.period.text(lang))
    doc = PdfDoc(title, lang, wide=True, size=8.5)
    doc.add(doc.para(title, "title", doc.styles.title))
    span = f"{day_text(form.period.start, lang)} — {day_text(form.period.end, lang)}"
    generated = label("generated", lang).format(date=day_text(form.today, lang))
    doc.add(doc.para(f"{span}  {generated}", "scope", doc.styles.subtitle))
    if not form.rows:
        doc.add(doc.para(label("t_none", lang), "none"))
        return doc.build(stream, invariant=invariant)
    firsts = [r for r in form.rows if r.first]
    summary = label("t_summary", lang).format(
        units=len({r.unit for r in firsts}),
        persons=len({(r.unit, r.name) for r in firsts}),
        trips=form.trips,
        days=days_text(form.days),
        companies=sum(1 for r in form.rows if r.company),
    )
    doc.add(doc.para(summary, "summary"))
    cols = [Col(label(k, lang), w, align, wrap=align == "LEFT") for k, (w, align) in WIDTHS.items()]
    rows: list[list[str]] = []
    unit: str | None = None
    for r in form.rows:
        shown_unit = (r.unit or label("unassigned", lang)) if r.unit != unit else ""
        unit = r.unit
        # dates as 2026-10-13: a date in words would not fit the column
        trip = [r.name, r.title, r.start.isoformat(), r.end.isoformat(), days_text(r.days)]
        if not r.first:
            trip = [""] * len(trip)
        where = r.destinations if r.first else ""
        seq = str(r.seq) if r.first else ""
        rows.append([shown_unit, seq, *trip, where, r.company, r.contact, r.contact_title])
    doc.add(doc.table(cols, rows))
    return doc.build(stream, invariant=invariant)
