"""The personal monthly report as an A4 PDF for signature."""

from __future__ import annotations

from typing import IO, Any

from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Table, TableStyle

from desktop.domain.workcalendar import basis_notice
from desktop.reports.charts import activity_chart
from desktop.reports.fonts import FontWarning
from desktop.reports.labels import amount_unit, calendar_basis_text, colon, joined, label, paren
from desktop.reports.monthly import (
    MonthlyReport,
    TripLine,
    companies_text,
    progress_text,
    stage_text,
)
from desktop.reports.pdf_base import (
    LINE,
    Col,
    PdfDoc,
    amount_text,
    day_text,
    days_text,
    share_text,
)
from desktop.reports.summary_table import round_up


def render_monthly_pdf(
    report: MonthlyReport, stream: IO[bytes], lang: str = "zh", *, invariant: bool = False
) -> list[FontWarning]:
    """Write the report to stream; returns the characters the font could not draw."""
    title = label("doc_monthly", lang)
    doc = PdfDoc(f"{title} · {report.person.name} · {report.period.text(lang)}", lang)
    doc.add(doc.para(title, "title", doc.styles.title))
    doc.add(doc.para(report.period.text(lang), "period", doc.styles.subtitle))
    _header(doc, report)
    _summary(doc, report)
    _trips(doc, report)
    _talks(doc, report)
    _projects(doc, report)
    _activities(doc, report)
    _signatures(doc, report)
    return doc.build(stream, invariant=invariant)


def _header(doc: PdfDoc, report: MonthlyReport) -> None:
    p, lang = report.person, doc.lang
    period = report.period
    span = f"{day_text(period.start, lang)} — {day_text(period.end, lang)}"
    items = [
        (label("name", lang), p.name),
        (label("title", lang), p.title),
        (label("unit", lang), p.unit),
        (label("group", lang), p.group),
        (label("period", lang), span),
        (label("recorded_by", lang), report.recorded_by),
    ]
    doc.add(doc.pairs(items, 2, [2.2, 6.3, 2.2, 6.3]))


def _summary(doc: PdfDoc, report: MonthlyReport) -> None:
    r, lang = report.result, doc.lang
    doc.heading(label("m_sec_summary", lang))
    unit = label("chart_days", lang)
    items = [
        (label("workdays", lang), f"{r.workdays} {unit}"),
        (label("leave_days", lang), f"{days_text(r.leave_days)} {unit}"),
        (label("base_days", lang), f"{days_text(r.base_days)} {unit}"),
        (label("promotion_days", lang), f"{days_text(r.promotion_days)} {unit}"),
        (label("share", lang), share_text(r.share)),
        (label("target", lang), share_text(r.target)),
        (label("met", lang), label("yes" if r.met else "no", lang)),
        (label("days_needed", lang), f"{days_text(round_up(r.days_needed))} {unit}"),
        (label("trips", lang), str(len(report.trips))),
        (label("days_out", lang), f"{days_text(report.days_out)} {unit}"),
    ]
    basis = calendar_basis_text(r.basis, lang)
    items.append((label("calendar_basis", lang), basis))
    if r.pace is not None:
        items.append((label("pace", lang), label(r.pace.status.value, lang)))
    doc.add(doc.pairs(items, 3, [2.3, 3.37] * 3))
    doc.space(0.2)
    share = share_text(r.share)
    needed = days_text(round_up(r.days_needed))
    if r.share is None:
        sentence = label("m_no_base", lang)
    elif r.pace is not None:
        pace = label(r.pace.status.value, lang)
        today = day_text(report.today, lang)
        sentence = label("m_in_progress", lang).format(
            today=today, share=share, days=needed, pace=pace
        )
    elif r.met:
        sentence = label("m_met", lang).format(share=share)
    else:
        sentence = label("m_not_met", lang).format(share=share, days=needed)
    style = doc.styles.body if r.met else doc.styles.alert
    doc.add(doc.para(sentence, "summary", style))
    if r.basis:
        style = doc.styles.alert if r.flagged else doc.styles.body
        doc.add(doc.para(basis_notice(r.basis, lang), "calendar", style))


def _dates(t: TripLine, lang: str) -> str:
    if lang != "zh":
        return t.start.isoformat() if t.start == t.end else f"{t.start} —\n{t.end}"
    first = f"{t.start.month}月{t.start.day}日"
    if t.start == t.end:
        return first
    last = (
        f"{t.end.day}日"
        if (t.end.year, t.end.month) == (t.start.year, t.start.month)
        else (f"{t.end.month}月{t.end.day}日")
    )
    return f"{first}—{last}"


def _trips(doc: PdfDoc, report: MonthlyReport) -> None:
    lang = doc.lang
    doc.heading(label("m_sec_trips", lang))
    if not report.trips:
        doc.add(doc.para(label("no_trips", lang), "trips"))
        return
    cols = [
        Col(label("seq", lang), 0.9, "CENTRE"),
        Col(label("date", lang), 2.6, "CENTRE", wrap=True),
        Col(label("trip_days", lang), 1.2, "CENTRE"),
        Col(label("trip_destinations", lang), 2.1, wrap=True),
        Col(label("companies", lang), 3.8, wrap=True),
        Col(label("trip_projects", lang), 2.9, wrap=True),
        Col(label("results", lang), 3.5, wrap=True),
    ]
    rows = []
    for i, t in enumerate(report.trips, start=1):
        where = joined(t.destinations, lang)
        if t.companions:
            inner = label("companions", lang) + colon(lang) + joined(t.companions, lang)
            where += f"\n（{inner}）" if lang == "zh" else f"\n({inner})"
        rows.append(
            [
                str(i),
                _dates(t, lang),
                days_text(t.days),
                where,
                companies_text(t.companies, lang),
                "、".join(t.projects),
                t.results,
            ]
        )
    doc.add(doc.table(cols, rows))


def _talks(doc: PdfDoc, report: MonthlyReport) -> None:
    """项目洽谈, 接待客商考察 and 签约活动 one by one: whom, on what, and what came of it."""
    lang = doc.lang
    doc.heading(label("m_sec_talks", lang))
    if not report.talks:
        doc.add(doc.para(label("no_talks", lang), "talks"))
        return
    cols = [
        Col(label("seq", lang), 0.9, "CENTRE"),
        Col(label("date", lang), 1.9, "CENTRE"),
        Col(label("activity", lang), 2.3, wrap=True),
        Col(label("counterpart", lang), 3.6, wrap=True),
        Col(label("project", lang), 3.3, wrap=True),
        Col(label("talk_result", lang), 5.0, wrap=True),
    ]
    rows = [
        [
            str(i),
            f"{t.day.month}月{t.day.day}日" if lang == "zh" else t.day.isoformat(),
            t.activity,
            t.counterpart,
            t.project,
            t.result,
        ]
        for i, t in enumerate(report.talks, start=1)
    ]
    doc.add(doc.table(cols, rows))


def _projects(doc: PdfDoc, report: MonthlyReport) -> None:
    lang = doc.lang
    doc.heading(label("m_sec_projects", lang))
    if not report.projects:
        doc.add(doc.para(label("no_projects", lang), "projects"))
        return
    wan = label("wan_yuan", lang)
    cols = [
        Col(label("seq", lang), 0.9, "CENTRE"),
        Col(label("project", lang), 3.8, wrap=True),
        Col(paren(label("amount", lang), wan, lang), 2.0, "RIGHT"),
        Col(label("stage_start", lang), 1.6, "CENTRE"),
        Col(label("stage_end", lang), 1.6, "CENTRE"),
        Col(label("progress", lang), 5.1, wrap=True),
        Col(paren(label("funds_month", lang), wan, lang), 2.0, "RIGHT"),
    ]
    rows = []
    for i, p in enumerate(report.projects, start=1):
        name = f"{p.name}\n{p.investor}" if p.investor else p.name
        usd = f" {amount_unit(p.currency, lang)}" if p.currency.value == "USD" else ""
        amount = amount_text(None if p.amount is None else float(p.amount))
        rows.append(
            [
                str(i),
                name,
                amount + usd if amount else "",
                stage_text(p.stage_start, lang),
                stage_text(p.stage_end, lang),
                progress_text(p, lang),
                amount_text(float(p.funds)) + usd if p.funds else "",
            ]
        )
    doc.add(doc.table(cols, rows))


def _activities(doc: PdfDoc, report: MonthlyReport) -> None:
    lang = doc.lang
    doc.heading(label("m_sec_activities", lang))
    if not report.activities:
        doc.add(doc.para(label("no_entries", lang), "activities"))
        return
    cols = [
        Col(label("activity", lang), 2.6),
        Col(label("counts_as_promotion", lang), 1.8, "CENTRE"),
        Col(label("entry_count", lang), 1.4, "RIGHT"),
        Col(label("day_equivalents", lang), 1.8, "RIGHT"),
    ]
    rows = [
        [a.name, label(f"kind_{a.kind.value}", lang), str(a.count), days_text(a.days)]
        for a in report.activities
    ]
    promo = [a for a in report.activities if a.kind.value == "promotion"]
    promo_days = sum(a.days for a in promo)
    rows.append(
        [
            label("total", lang),
            "",
            str(sum(a.count for a in report.activities)),
            days_text(sum(a.days for a in report.activities)),
        ]
    )
    # under the total, the part of it that is promotion: 其中：招商工作, across two columns
    of_which = (
        label("of_which", lang) + ("" if lang == "zh" else " ") + label("kind_promotion", lang)
    )
    rows.append([of_which, "", str(sum(a.count for a in promo)), days_text(promo_days)])
    table = doc.table(cols, rows, total=True, long=False, breakdown=1)
    table.setStyle(TableStyle([("SPAN", (0, -1), (1, -1))]))
    lines = [(a.name, a.kind.value, a.days) for a in report.activities]
    chart = doc.figure(activity_chart(lines, doc.check, lang), 8.8)
    side = doc.side_by_side([table, chart], [7.9, 9.1])
    doc.add(side)
    if abs(report.result.promotion_days - promo_days) > 1e-6:
        doc.add(doc.para(label("weekend_note", lang), "note", doc.styles.note))


def _signatures(doc: PdfDoc, report: MonthlyReport) -> None:
    lang = doc.lang
    regular, bold = doc.fonts
    data: list[list[Any]] = [
        [
            label("sign_recorder", lang),
            doc.text(report.recorded_by, label("recorded_by", lang)),
            label("sign_date", lang),
            day_text(report.today, lang),
        ],
        [label("sign_person", lang), "", label("sign_on", lang), ""],
        [label("sign_review", lang), "", "", ""],
        [label("sign_reviewer", lang), "", label("sign_on", lang), ""],
    ]
    table = Table(
        data,
        colWidths=[2.4 * cm, 7.1 * cm, 2.4 * cm, 5.1 * cm],
        rowHeights=[0.9 * cm, 1.2 * cm, 2.8 * cm, 1.0 * cm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), regular, 10),
                ("FONT", (0, 0), (0, -1), bold, 10),
                ("FONT", (2, 0), (2, -1), bold, 10),
                ("GRID", (0, 0), (-1, -1), 0.5, LINE),
                ("SPAN", (1, 2), (3, 2)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("VALIGN", (1, 2), (3, 2), "TOP"),
                ("ALIGN", (0, 0), (0, -1), "CENTRE"),
                ("ALIGN", (2, 0), (2, -1), "CENTRE"),
            ]
        )
    )
    heading = doc.para(label("m_sec_sign", lang), "heading", doc.styles.heading)
    doc.add(KeepTogether([heading, table]))
