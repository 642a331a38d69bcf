"""考核结果 as an A4 landscape PDF in the circular's style: the scheme it rests on, the
ranking, each targeted item's 序时进度, the working of every score, then the notes and the
checks (shown, not corrected)."""

from __future__ import annotations

from typing import IO

from desktop.domain.assessment_scoring import progress_label
from desktop.reports.assessment_report import (
    AssessmentReport,
    figure,
    item_head,
    text,
    two_places,
)
from desktop.reports.fonts import FontWarning
from desktop.reports.pdf_base import Col, PdfDoc

ROOM = 26.7  # cm across an A4 landscape page inside its margins
SECTIONS = {
    "zh": ("一、总分与排名", "二、各项序时进度", "三、计分明细", "四、说明"),
    "en": ("1. Ranking", "2. Schedule by item", "3. Scoring detail", "4. Notes"),
}


def render_assessment_pdf(
    report: AssessmentReport, stream: IO[bytes], lang: str = "zh", *, invariant: bool = False
) -> list[FontWarning]:
    """Write the results to stream; returns the characters the font could not draw."""
    title = report.title(lang)
    doc = PdfDoc(title, lang, wide=True, size=8.5)
    doc.add(doc.para(title, "title", doc.styles.title))
    for line in (report.basis(lang), report.scope(lang)):
        if line:
            doc.add(doc.para(line, "scope", doc.styles.subtitle))
    heads = SECTIONS["en" if lang == "en" else "zh"]
    doc.heading(heads[0])
    _ranking(doc, report)
    if report.targeted():
        doc.heading(heads[1])
        _progress(doc, report)
    doc.heading(heads[2])
    _detail(doc, report)
    doc.heading(heads[3])
    _notes(doc, report)
    return doc.build(stream, invariant=invariant)


def _ranking(doc: PdfDoc, report: AssessmentReport) -> None:
    lang = doc.lang
    n = len(report.items)
    rank_w, total_w = 1.3, 1.8
    name_w = 4.6 if report.assessment.by == "person" else 3.6
    item_w = min(3.4, (ROOM - rank_w - name_w - total_w) / max(n, 1))
    cols = [
        Col(text("rank", lang), rank_w, "CENTRE"),
        Col(report.name_head(lang), name_w, wrap=True),
        *(Col(item_head(i), item_w, "RIGHT") for i in report.items),
        Col(text("total", lang), total_w, "RIGHT"),
    ]
    rows = [
        [str(r.rank), r.name, *(str(s.final) for s in r.items), str(r.total)]
        for r in report.results
    ]
    doc.add(doc.table(cols, rows, red=_deductions(report)))


def _deductions(report: AssessmentReport) -> list[tuple[int, int]]:
    """Scores below zero (a deduction taken) in red, as circulars mark them."""
    return [
        (2 + i, r)
        for r, result in enumerate(report.results)
        for i, s in enumerate(result.items)
        if s.final < 0
    ]


def _progress(doc: PdfDoc, report: AssessmentReport) -> None:
    lang = doc.lang
    targeted = report.targeted()
    name_w = 4.6 if report.assessment.by == "person" else 3.6
    width = min(5.0, (ROOM - name_w) / len(targeted))
    cols = [
        Col(report.name_head(lang), name_w, wrap=True),
        *(Col(item_head(i), width, "CENTRE", wrap=True) for i in targeted),
    ]
    rows: list[list[str]] = []
    red: list[tuple[int, int]] = []
    for r, result in enumerate(report.results):
        by_id = {s.item.id: s for s in result.items}
        row = [result.name]
        for i, item in enumerate(targeted, start=1):
            progress = by_id[item.id].progress
            row.append(progress_label(progress, lang))
            if progress is not None and progress < 0:
                red.append((i, r))
        rows.append(row)
    doc.add(doc.table(cols, rows, red=red))


def _detail(doc: PdfDoc, report: AssessmentReport) -> None:
    lang = doc.lang
    name_w = 3.2 if report.assessment.by == "person" else 2.4
    cols = [
        Col(report.name_head(lang), name_w, wrap=True),
        Col(text("item_id", lang), 1.3, "CENTRE", wrap=True),
        Col(text("item_name", lang), 3.2, wrap=True),
        Col(text("actual", lang), 1.9, "RIGHT", wrap=True),
        Col(text("target", lang), 1.6, "RIGHT", wrap=True),
        Col(text("formula", lang), 8.1 - name_w + 2.4, wrap=True),
        Col(text("raw", lang), 1.6, "RIGHT"),
        Col(text("applied", lang), 2.3, wrap=True),
        Col(text("final", lang), 1.5, "RIGHT"),
        Col(text("progress", lang), 2.8, wrap=True),
    ]
    rows: list[list[str]] = []
    red: list[tuple[int, int]] = []
    for result in report.results:
        for s in result.items:
            if s.final < 0:
                red.append((8, len(rows)))
            if s.progress is not None and s.progress < 0:
                red.append((9, len(rows)))
            target = figure(s.target)
            rows.append(
                [
                    result.name,
                    s.item.id,
                    s.item.name,
                    f"{figure(s.actual)}",
                    "" if target is None else f"{target}",
                    s.formula_text(lang),
                    str(two_places(s.raw)),
                    s.applied_text(lang),
                    str(s.final),
                    progress_label(s.progress, lang),
                ]
            )
    doc.add(doc.table(cols, rows, red=red))


def _notes(doc: PdfDoc, report: AssessmentReport) -> None:
    lang = doc.lang
    notes, checks = report.notes(lang), report.checks(lang)
    if not notes and not checks:
        doc.add(doc.para(text("none", lang), "notes"))
        return
    mark = "：" if lang != "en" else ": "
    for n, line in enumerate(notes, start=1):
        doc.add(doc.para(f"（{n}）{line}" if lang != "en" else f"({n}) {line}", "notes"))
    if checks:
        doc.space(0.2)
        doc.add(doc.para(text("checks_lead", lang), "checks", doc.styles.alert))
        handled = text("handled_check", lang)
        for line in checks:
            shown = f"{text('kind_check', lang)}{mark}{line}"
            shown += f"（{handled}）" if lang != "en" else f" ({handled})"
            doc.add(doc.para(shown, "checks"))
