"""The pipeline report (项目推进): projects by stage, the four rates, big projects, funds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.domain.periods import Period
from desktop.domain.pipeline import DEFINITIONS_ZH, PipelineFigures, pipeline_figures
from desktop.domain.projects import Currency, Project, Stage
from desktop.reports.labels import amount_unit, label
from desktop.reports.sheet import Column, Kind, Sheet, Value

BIG_THRESHOLDS = (Decimal(10_000), Decimal(100_000))  # 1 亿元, 10 亿元, in 万元
STAGES = tuple(Stage)
REACHED = (Stage.TALKS, Stage.SIGNED, Stage.LANDED, Stage.STARTED, Stage.PRODUCING)
DEFINITIONS_EN = {
    "success": "success rate = projects signed in the period ÷ projects entering talks",
    "landing": "landing rate = projects landed ÷ projects signed in the period",
    "start": "start rate = projects started ÷ projects signed in the period",
    "funds": "funds rate = funds arrived ÷ amount signed in the period (increases: increment)",
}


def contract_amount(p: Project) -> Decimal:
    """协议投资额: the project's agreed amount, or what its signings add up to when unset."""
    if p.amount is not None:
        return p.amount
    return p.signed_amount(date.min, date.max)


@dataclass(frozen=True, slots=True)
class BigLine:
    threshold: Decimal | None  # None: all 万元 projects
    projects: int  # in the ledger (协议投资额 at or above the threshold)
    signed: int  # of them, first signed in the period
    contracted: Decimal  # amount signed in the period
    arrived: Decimal  # funds arrived in the period


@dataclass(frozen=True, slots=True)
class FundsLine:
    name: str
    chain: str
    leader: str
    currency: Currency
    first_signed: date | None
    amount: Decimal  # 协议投资额
    signed: Decimal  # signed in the period (first signing, or an increase's increment)
    arrived: Decimal  # in the period
    arrived_total: Decimal  # up to the period's end

    @property
    def arrived_rate(self) -> float | None:
        return float(self.arrived_total / self.amount) if self.amount else None


@dataclass(frozen=True, slots=True)
class ChainLine:
    """One industry chain (产业链) of 万元 projects: what was signed and what arrived."""

    chain: str
    projects: int
    signed: int  # projects first signed in the period
    contracted: Decimal
    arrived: Decimal

    @property
    def funds_rate(self) -> float | None:
        return float(self.arrived / self.contracted) if self.contracted else None


@dataclass(frozen=True, slots=True)
class PipelineReport:
    period: Period
    figures: PipelineFigures
    at_end: Mapping[Stage | None, int]  # projects by stage at the period's end (None: no stage)
    big: tuple[BigLine, ...]
    chains: tuple[ChainLine, ...]
    funds: tuple[FundsLine, ...]
    today: date

    def rates(self) -> list[tuple[str, float | None, str]]:
        """(key, rate, numerator / denominator) for the four rates; 万美元 funds apart if any."""
        f = self.figures
        out = [
            ("success", f.success_rate, f"{f.count(Stage.SIGNED)} / {f.count(Stage.TALKS)}"),
            ("landing", f.landing_rate, f"{f.count(Stage.LANDED)} / {f.count(Stage.SIGNED)}"),
            ("start", f.start_rate, f"{f.count(Stage.STARTED)} / {f.count(Stage.SIGNED)}"),
        ]
        for currency, key in ((Currency.CNY, "funds"), (Currency.USD, "funds_usd")):
            arrived, contracted = f.arrived.get(currency), f.contracted.get(currency)
            if currency is Currency.USD and not (arrived or contracted):
                continue
            out.append((key, f.funds_rate(currency), f"{_wan(arrived)} / {_wan(contracted)}"))
        return out

    def sheets(self, lang: str = "zh") -> list[Sheet]:
        return [
            stages_sheet(self, lang),
            rates_sheet(self, lang),
            big_sheet(self, lang),
            chains_sheet(self, lang),
            funds_sheet(self, lang),
        ]


def _wan(value: Decimal | None) -> str:
    v = value or Decimal(0)
    return f"{v:,.0f}" if v == v.to_integral_value() else f"{v:,.2f}"


def definition(key: str, lang: str = "zh") -> str:
    base = key.removesuffix("_usd")
    text = (DEFINITIONS_EN if lang == "en" else DEFINITIONS_ZH)[base]
    if key != base:
        text += (
            " (USD 10k, counted apart)" if lang == "en" else "（外资项目，以万美元计，单独统计）"
        )
    return text


def build_pipeline(
    projects: Sequence[Project], leaders: Mapping[int, str], period: Period, today: date
) -> PipelineReport:
    """projects: ledger.projects(); leaders: person id -> name for the 包联领导 column."""
    figures = pipeline_figures(projects, period)
    at_end: dict[Stage | None, int] = {}
    for p in projects:
        stage = p.stage_on(period.end)
        at_end[stage] = at_end.get(stage, 0) + 1
    cny = [p for p in projects if p.currency is Currency.CNY]
    big = []
    for threshold in (None, *BIG_THRESHOLDS):
        chosen = [p for p in cny if threshold is None or contract_amount(p) >= threshold]
        f = pipeline_figures(chosen, period)
        big.append(
            BigLine(
                threshold,
                len(chosen),
                f.count(Stage.SIGNED),
                f.contracted.get(Currency.CNY, Decimal(0)),
                f.arrived.get(Currency.CNY, Decimal(0)),
            )
        )
    funds = []
    for p in projects:
        signed = p.signed_amount(period.start, period.end)
        arrived = sum((x.amount for x in p.funds if x.day in period), Decimal(0))
        if not signed and not arrived and not _signed_in(p, period):
            continue
        firsts = sorted(c.day for c in p.history if c.stage is Stage.SIGNED)
        funds.append(
            FundsLine(
                p.name,
                p.chain,
                leaders.get(p.leader_id, "") if p.leader_id is not None else "",
                p.currency,
                firsts[0] if firsts else None,
                contract_amount(p),
                signed,
                arrived,
                sum((x.amount for x in p.funds if x.day <= period.end), Decimal(0)),
            )
        )
    funds.sort(key=lambda x: (x.currency is not Currency.CNY, -x.signed, -x.arrived, x.name))
    return PipelineReport(
        period, figures, at_end, tuple(big), _chains(cny, period), tuple(funds), today
    )


def _chains(projects: Sequence[Project], period: Period) -> tuple[ChainLine, ...]:
    by_chain: dict[str, list[Project]] = {}
    for p in projects:
        by_chain.setdefault(p.chain, []).append(p)
    lines = []
    for chain, items in by_chain.items():
        f = pipeline_figures(items, period)
        lines.append(
            ChainLine(
                chain,
                len(items),
                f.count(Stage.SIGNED),
                f.contracted.get(Currency.CNY, Decimal(0)),
                f.arrived.get(Currency.CNY, Decimal(0)),
            )
        )
    lines.sort(key=lambda c: (-c.contracted, -c.arrived, c.chain))
    return tuple(lines)


def _signed_in(p: Project, period: Period) -> bool:
    return any(c.stage is Stage.SIGNED and c.day in period for c in p.history)


def big_name(line: BigLine, lang: str = "zh") -> str:
    if line.threshold is None:
        return label("all_projects", lang)
    yi = line.threshold / 10_000
    return f"{yi:g} 亿元及以上" if lang == "zh" else f"≥ {yi:g}00 million CNY"


def stages_sheet(report: PipelineReport, lang: str = "zh") -> Sheet:
    columns = (
        Column("stage", Kind.TEXT, 10),
        Column("projects_at_end", Kind.INT, 12),
        Column("reached_in_period", Kind.INT, 12),
    )
    rows: list[list[Value]] = []
    for stage in STAGES:
        reached: Value = report.figures.count(stage) if stage in REACHED else None
        rows.append([stage.text(lang), report.at_end.get(stage, 0), reached])
    if report.at_end.get(None):
        rows.append([label("no_stage", lang), report.at_end[None], None])
    rows.append([label("total", lang), sum(report.at_end.values()), None])
    return Sheet("stages", label("sheet_stages", lang), columns, rows, lang)


def rates_sheet(report: PipelineReport, lang: str = "zh") -> Sheet:
    columns = (
        Column("indicator", Kind.TEXT, 12),
        Column("rate", Kind.SHARE, 9),
        Column("ratio", Kind.TEXT, 24),
        Column("definition", Kind.TEXT, 60),
    )
    rows: list[list[Value]] = [
        [label(f"rate_{key}", lang), rate, ratio, definition(key, lang)]
        for key, rate, ratio in report.rates()
    ]
    return Sheet("rates", label("sheet_rates", lang), columns, rows, lang)


def big_sheet(report: PipelineReport, lang: str = "zh") -> Sheet:
    columns = (
        Column("size_band", Kind.TEXT, 14),
        Column("project_count", Kind.INT, 10),
        Column("signed_in_period", Kind.INT, 10),
        Column("contracted_in_period", Kind.AMOUNT, 14),
        Column("arrived_in_period", Kind.AMOUNT, 14),
    )
    rows: list[list[Value]] = [
        [big_name(b, lang), b.projects, b.signed, float(b.contracted), float(b.arrived)]
        for b in report.big
    ]
    return Sheet("big", label("sheet_big", lang), columns, rows, lang)


def chains_sheet(report: PipelineReport, lang: str = "zh") -> Sheet:
    columns = (
        Column("chain", Kind.TEXT, 18),
        Column("project_count", Kind.INT, 10),
        Column("signed_in_period", Kind.INT, 10),
        Column("contracted_in_period", Kind.AMOUNT, 14),
        Column("arrived_in_period", Kind.AMOUNT, 14),
        Column("rate_funds", Kind.SHARE, 10),
    )
    rows: list[list[Value]] = [
        [
            c.chain or label("unassigned", lang),
            c.projects,
            c.signed,
            float(c.contracted),
            float(c.arrived),
            c.funds_rate,
        ]
        for c in report.chains
    ]
    return Sheet("chains", label("sheet_chains", lang), columns, rows, lang)


def funds_sheet(report: PipelineReport, lang: str = "zh") -> Sheet:
    columns = (
        Column("project", Kind.TEXT, 30),
        Column("chain", Kind.TEXT, 16),
        Column("leader", Kind.TEXT, 10),
        Column("currency", Kind.TEXT, 8),
        Column("first_signed", Kind.DATE, 11),
        Column("amount", Kind.AMOUNT, 12),
        Column("signed_in_period", Kind.AMOUNT, 12),
        Column("arrived_in_period", Kind.AMOUNT, 12),
        Column("arrived_total", Kind.AMOUNT, 12),
        Column("arrived_rate", Kind.SHARE, 9),
    )
    unit = {c: amount_unit(c, lang) for c in Currency}
    rows: list[list[Value]] = [
        [
            x.name,
            x.chain,
            x.leader,
            unit[x.currency],
            x.first_signed,
            float(x.amount),
            float(x.signed),
            float(x.arrived),
            float(x.arrived_total),
            x.arrived_rate,
        ]
        for x in report.funds
    ]
    return Sheet("funds", label("sheet_funds", lang), columns, rows, lang)
