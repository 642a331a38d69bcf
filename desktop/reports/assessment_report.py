"""考核结果 as a report: the ranking with each item's score, the per-item working (what went in,
the formula with its numbers, the cap or deduction applied) and the notes and checks, each
table headed by the scheme's name, document number and the period scored."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from desktop.domain.assessment_scheme import Item
from desktop.domain.assessment_scoring import CENT, Assessment, Result, progress_label
from desktop.domain.periods import Period
from desktop.reports.sheet import Column, Kind, Sheet, Value

LABELS: Mapping[str, tuple[str, str]] = {
    "title": ("{period}招商引资工作考核结果", "Investment promotion assessment, {period}"),
    "basis": ("依据：{document}《{name}》", "Under {document}, {name}"),
    "basis_no_number": ("依据：《{name}》", "Under {name}"),
    "basis_no_name": ("依据：{document}", "Under {document}"),
    "scope": (
        "统计期：{period}（{start}至{end}）；按{by}考核；序时进度按已过 {months} 个月计",
        "Period: {period} ({start} to {end}); scored by {by}; schedule: {months} months passed",
    ),
    "by_unit": ("单位", "unit"),
    "by_person": ("人员", "person"),
    "sheet_ranking": ("总分与排名", "Ranking"),
    "sheet_detail": ("计分明细", "Scoring detail"),
    "sheet_notes": ("说明", "Notes"),
    "rank": ("名次", "Rank"),
    "unit": ("单位", "Unit"),
    "person": ("姓名", "Person"),
    "total": ("总分", "Total"),
    "progress_of": ("{item}序时进度", "{item} schedule"),
    "item_id": ("编号", "No."),
    "item_name": ("考核项目", "Item"),
    "actual": ("指标完成值", "Value"),
    "target": ("目标", "Target"),
    "formula": ("计分公式", "Formula"),
    "raw": ("原始分", "Raw score"),
    "applied": ("封顶/扣分", "Cap applied"),
    "final": ("得分", "Score"),
    "progress": ("序时进度", "Schedule"),
    "seq": ("序号", "No."),
    "kind": ("类别", "Kind"),
    "text": ("内容", "Text"),
    "handling": ("处理", "Handling"),
    "kind_note": ("计分说明", "Scoring note"),
    "kind_check": ("核对提示", "Check"),
    "handled_note": ("已按此计分", "scored as stated"),
    "handled_check": ("仅列出，未更正", "shown, not corrected"),
    "none": ("无", "none"),
    "checks_lead": (
        "以下核对提示仅列出，程序未作任何更正；请核实台账后重新计分。",
        "The checks below are shown, not corrected; check the ledger, then score again.",
    ),
}


def text(key: str, lang: str = "zh", **params: object) -> str:
    zh, en = LABELS[key]
    return (en if lang == "en" else zh).format(**params)


def figure(value: Decimal | None) -> Decimal | None:
    """A measured value or target as it is read: at most two decimals, no exponent."""
    if value is None:
        return None
    rounded = value.quantize(CENT, ROUND_HALF_UP).normalize()
    return Decimal(f"{rounded:f}") + 0  # + 0: no −0


def two_places(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP) + 0


def item_head(item: Item) -> str:
    return f"{item.id} {item.name}" if item.name and item.name != item.id else item.id


@dataclass(frozen=True, slots=True)
class AssessmentReport:
    """A scored scheme, ready to print, save as tables or show."""

    assessment: Assessment

    @property
    def period(self) -> Period:
        return self.assessment.period

    @property
    def results(self) -> tuple[Result, ...]:
        return self.assessment.results

    @property
    def items(self) -> tuple[Item, ...]:
        return self.assessment.scheme.items

    def targeted(self) -> list[Item]:
        """The items with a target, which have a 序时进度."""
        return [i for i in self.items if i.target is not None or i.targets]

    def title(self, lang: str = "zh") -> str:
        return text("title", lang, period=self.period.text(lang))

    def basis(self, lang: str = "zh") -> str:
        """依据：某办发〔2026〕12号《某市招商引资工作考核办法》."""
        scheme = self.assessment.scheme
        if not scheme.name and not scheme.document:
            return ""
        if not scheme.document:
            return text("basis_no_number", lang, name=scheme.name)
        if not scheme.name:
            return text("basis_no_name", lang, document=scheme.document)
        return text("basis", lang, document=scheme.document, name=scheme.name)

    def scope(self, lang: str = "zh") -> str:
        p = self.period
        return text(
            "scope",
            lang,
            period=p.text(lang),
            start=p.start.isoformat(),
            end=p.end.isoformat(),
            by=text(f"by_{self.assessment.by}", lang),
            months=self.assessment.elapsed_months,
        )

    def caption(self, lang: str = "zh") -> tuple[str, ...]:
        return tuple(
            line for line in (self.title(lang), self.basis(lang), self.scope(lang)) if line
        )

    def name_head(self, lang: str = "zh") -> str:
        return text("person" if self.assessment.by == "person" else "unit", lang)

    def notes(self, lang: str = "zh") -> list[str]:
        return [en if lang == "en" else zh for zh, en in self.assessment.notes]

    def checks(self, lang: str = "zh") -> list[str]:
        return [en if lang == "en" else zh for zh, en in self.assessment.checks]

    def sheets(self, lang: str = "zh") -> list[Sheet]:
        return [ranking_sheet(self, lang), detail_sheet(self, lang), notes_sheet(self, lang)]


def ranking_sheet(report: AssessmentReport, lang: str = "zh", progress: bool = True) -> Sheet:
    """名次, the unit, each item's score, the total; then each targeted item's 序时进度."""
    targeted = report.targeted() if progress else []
    columns = [Column("rank", Kind.INT, 5), Column("name", Kind.TEXT, 16)]
    heads = [text("rank", lang), report.name_head(lang)]
    for item in report.items:
        columns.append(Column(f"item_{item.id}", Kind.SCORE, 10))
        heads.append(item_head(item))
    columns.append(Column("total", Kind.SCORE, 9))
    heads.append(text("total", lang))
    for item in targeted:
        columns.append(Column(f"progress_{item.id}", Kind.TEXT, 18))
        heads.append(text("progress_of", lang, item=item.id))
    rows: list[list[Value]] = []
    for r in report.results:
        row: list[Value] = [r.rank, r.name, *(s.final for s in r.items), r.total]
        by_id = {s.item.id: s for s in r.items}
        row += [progress_label(by_id[i.id].progress, lang) for i in targeted]
        rows.append(row)
    return Sheet(
        "ranking",
        text("sheet_ranking", lang),
        tuple(columns),
        rows,
        lang,
        report.caption(lang),
        tuple(heads),
    )


DETAIL_KEYS = (
    "name",
    "item_id",
    "item_name",
    "actual",
    "target",
    "formula",
    "raw",
    "applied",
    "final",
    "progress",
)


def detail_sheet(report: AssessmentReport, lang: str = "zh") -> Sheet:
    """A row per unit and item, in the ranking's order: the working of every score."""
    kinds = {"actual": Kind.FIGURE, "target": Kind.FIGURE, "raw": Kind.SCORE, "final": Kind.SCORE}
    widths = {"name": 16, "item_name": 18, "formula": 44, "applied": 14, "progress": 20}
    columns = tuple(Column(k, kinds.get(k, Kind.TEXT), widths.get(k, 10)) for k in DETAIL_KEYS)
    heads = [report.name_head(lang), *(text(k, lang) for k in DETAIL_KEYS[1:])]
    rows: list[list[Value]] = []
    for r in report.results:
        for s in r.items:
            rows.append(
                [
                    r.name,
                    s.item.id,
                    s.item.name,
                    figure(s.actual),
                    figure(s.target),
                    s.formula_text(lang),
                    two_places(s.raw),
                    s.applied_text(lang),
                    s.final,
                    progress_label(s.progress, lang),
                ]
            )
    return Sheet(
        "detail",
        text("sheet_detail", lang),
        columns,
        rows,
        lang,
        report.caption(lang),
        tuple(heads),
    )


def notes_sheet(report: AssessmentReport, lang: str = "zh") -> Sheet:
    """不予认定 and what was left out (scored as stated), then the checks: shown, not corrected."""
    columns = (
        Column("seq", Kind.INT, 5),
        Column("kind", Kind.TEXT, 10),
        Column("text", Kind.TEXT, 70),
        Column("handling", Kind.TEXT, 16),
    )
    heads = tuple(text(c.key, lang) for c in columns)
    rows: list[list[Value]] = []
    for kind, lines in (("note", report.notes(lang)), ("check", report.checks(lang))):
        for line in lines:
            rows.append(
                [len(rows) + 1, text(f"kind_{kind}", lang), line, text(f"handled_{kind}", lang)]
            )
    caption = report.caption(lang)
    if report.assessment.checks:
        caption += (text("checks_lead", lang),)
    return Sheet("notes", text("sheet_notes", lang), columns, rows, lang, caption, heads)


class AssessmentSource(Protocol):
    def assess(self, period: Period, by: str | None = None) -> Assessment: ...


def gather_assessment(
    source: AssessmentSource, period: Period, by: str | None = None
) -> AssessmentReport:
    """The held scheme scored over `period` (by unit or person; the scheme's own unless `by`)."""
    return AssessmentReport(source.assess(period, by))
