"""The pipeline report as an A4 PDF: stages, the four rates and their definitions, funds."""

from __future__ import annotations

from decimal import Decimal
from typing import IO

from desktop.domain.projects import Currency
from desktop.reports.charts import stage_chart
from desktop.reports.fonts import FontWarning
from desktop.reports.labels import colon, label, paren, semicolon
from desktop.reports.pdf_base import Col, PdfDoc, amount_text, day_text, share_text
from desktop.reports.pipeline_report import (
    REACHED,
    STAGES,
    PipelineReport,
    big_name,
    definition,
)


def render_pipeline_pdf(
    report: PipelineReport, stream: IO[bytes], lang: str = "zh", *, invariant: bool = False
) -> list[FontWarning]:
    """Write the report to stream; returns the characters the font could not draw."""
    title = label("doc_pipeline", lang).format(period=report.period.text(lang))
    doc = PdfDoc(title, lang, size=8.5)
    doc.add(doc.para(title, "title", doc.styles.title))
    span = f"{day_text(report.period.start, lang)} — {day_text(report.period.end, lang)}"
    generated = label("generated", lang).format(date=day_text(report.today, lang))
    scope = f"{label('period', lang)}{colon(lang)}{span}{semicolon(lang)}{generated}"
    doc.add(doc.para(scope, "scope", doc.styles.subtitle))
    doc.add(doc.para(label("p_amount_note", lang), "note", doc.styles.note))
    _stages(doc, report)
    _rates(doc, report)
    _big(doc, report)
    _funds(doc, report)
    return doc.build(stream, invariant=invariant)


def _stages(doc: PdfDoc, report: PipelineReport) -> None:
    lang = doc.lang
    doc.heading(label("p_sec_stages", lang))
    names = [s.text(lang) for s in STAGES]
    at_end = [report.at_end.get(s, 0) for s in STAGES]
    reached = [report.figures.count(s) if s in REACHED else None for s in STAGES]
    cols = [Col(label("stage", lang), 3.0, "CENTRE")]
    cols += [Col(name, 1.5, "CENTRE") for name in names]
    cols.append(Col(label("total", lang), 2.0, "CENTRE"))
    none = report.at_end.get(None, 0)
    rows = [
        [label("projects_at_end", lang), *map(str, at_end), str(sum(at_end) + none)],
        [label("reached_in_period", lang), *("—" if r is None else str(r) for r in reached), ""],
    ]
    doc.add(doc.table(cols, rows, long=False))
    if none:
        doc.add(doc.para(f"{label('no_stage', lang)}{colon(lang)}{none}", "note", doc.styles.note))
    doc.space(0.2)
    doc.add(doc.figure(stage_chart(names, at_end, reached, lang), 15.5))


def _rates(doc: PdfDoc, report: PipelineReport) -> None:
    lang = doc.lang
    doc.heading(label("p_sec_rates", lang))
    cols = [
        Col(label("indicator", lang), 2.6, wrap=True),
        Col(label("rate", lang), 1.7, "RIGHT"),
        Col(label("ratio", lang), 4.3, "CENTRE", wrap=True),
        Col(label("definition", lang), 8.4, wrap=True),
    ]
    rows = [
        [label(f"rate_{key}", lang), share_text(rate), ratio, definition(key, lang)]
        for key, rate, ratio in report.rates()
    ]
    doc.add(doc.table(cols, rows, long=False))
    doc.add(doc.para(label("p_rate_note", lang), "note", doc.styles.note))


def _big(doc: PdfDoc, report: PipelineReport) -> None:
    lang = doc.lang
    doc.heading(label("p_sec_big", lang))
    wan = label("wan_yuan", lang)
    cols = [
        Col(label("size_band", lang), 3.8),
        Col(label("project_count", lang), 2.6, "RIGHT"),
        Col(label("signed_in_period", lang), 2.6, "RIGHT"),
        Col(paren(label("contracted_in_period", lang), wan, lang), 4.0, "RIGHT"),
        Col(paren(label("arrived_in_period", lang), wan, lang), 4.0, "RIGHT"),
    ]
    rows = [
        [
            big_name(b, lang),
            str(b.projects),
            str(b.signed),
            amount_text(float(b.contracted)),
            amount_text(float(b.arrived)),
        ]
        for b in report.big
    ]
    doc.add(doc.table(cols, rows, long=False))


def _funds(doc: PdfDoc, report: PipelineReport) -> None:
    lang = doc.lang
    doc.heading(label("p_sec_funds", lang))
    if not report.funds:
        doc.add(doc.para(label("p_no_funds", lang), "funds"))
        return
    _chains(doc, report)
    doc.add(doc.para(label("p_by_project", lang), "funds", doc.styles.body))
    doc.space(0.1)
    cols = [
        Col(label("seq", lang), 0.9, "CENTRE"),
        Col(label("project", lang), 4.55, wrap=True),
        Col(label("leader", lang), 1.4, "CENTRE", wrap=True),
        Col(label("first_signed", lang), 1.75, "CENTRE"),
        Col(label("amount", lang), 1.8, "RIGHT"),
        Col(label("contracted_in_period", lang), 1.8, "RIGHT"),
        Col(label("arrived_in_period", lang), 1.8, "RIGHT"),
        Col(label("arrived_total", lang), 1.8, "RIGHT"),
        Col(label("arrived_rate", lang), 1.2, "RIGHT"),
    ]
    rows = []
    for i, x in enumerate(report.funds, start=1):
        usd = x.currency is Currency.USD
        rows.append(
            [
                str(i),
                paren(x.name, label("wan_usd", lang), lang) if usd else x.name,
                x.leader,
                x.first_signed.isoformat() if x.first_signed else "",
                amount_text(float(x.amount)),
                amount_text(float(x.signed)),
                amount_text(float(x.arrived)),
                amount_text(float(x.arrived_total)),
                share_text(x.arrived_rate),
            ]
        )
    cny = [x for x in report.funds if x.currency is Currency.CNY]
    if cny:
        rows.append(
            [
                "",
                paren(label("total", lang), label("wan_yuan", lang), lang),
                "",
                "",
                amount_text(float(sum((x.amount for x in cny), Decimal(0)))),
                amount_text(float(sum((x.signed for x in cny), Decimal(0)))),
                amount_text(float(sum((x.arrived for x in cny), Decimal(0)))),
                amount_text(float(sum((x.arrived_total for x in cny), Decimal(0)))),
                "",
            ]
        )
    doc.add(doc.table(cols, rows, total=bool(cny)))


def _chains(doc: PdfDoc, report: PipelineReport) -> None:
    lang = doc.lang
    doc.add(doc.para(label("p_by_chain", lang), "funds", doc.styles.body))
    doc.space(0.1)
    cols = [
        Col(label("chain", lang), 4.6, wrap=True),
        Col(label("project_count", lang), 2.2, "RIGHT"),
        Col(label("signed_in_period", lang), 2.2, "RIGHT"),
        Col(label("contracted_in_period", lang), 2.8, "RIGHT"),
        Col(label("arrived_in_period", lang), 2.8, "RIGHT"),
        Col(label("rate_funds", lang), 2.4, "RIGHT"),
    ]
    rows = [
        [
            c.chain or label("unassigned", lang),
            str(c.projects),
            str(c.signed),
            amount_text(float(c.contracted)),
            amount_text(float(c.arrived)),
            share_text(c.funds_rate),
        ]
        for c in report.chains
    ]
    doc.add(doc.table(cols, rows, long=False))
    doc.space(0.3)
