"""Pipeline figures of a period: 成功率, 落地率, 开工率, 资金到位率 (DESIGN §3).

Counts are events within the period: a project "reached 在谈" in the period when the first day
it stood at 在谈 or later on the ladder falls in the period (a project that jumps straight to 签约
reached 在谈 that day too). A project counts once, at its first signing; a later 签约 (增资) adds
only its increment to the contracted amount. Rates are None when their denominator is zero.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from desktop.domain.periods import Period
from desktop.domain.projects import Currency, Project, Stage

DEFINITIONS_ZH = {
    "success": "成功率 = 本期签约项目数 ÷ 本期进入在谈项目数（项目以首次签约计一次）",
    "landing": "落地率 = 本期落地项目数 ÷ 本期签约项目数",
    "start": "开工率 = 本期开工项目数 ÷ 本期签约项目数",
    "funds": "资金到位率 = 本期到位资金 ÷ 本期签约项目协议投资额（增资只计增量）",
}


def _ratio(num: Decimal | int, den: Decimal | int) -> float | None:
    return float(num) / float(den) if den else None


@dataclass(frozen=True, slots=True)
class PipelineFigures:
    period: Period
    reached: dict[Stage, int] = field(default_factory=dict)
    contracted: dict[Currency, Decimal] = field(default_factory=dict)
    arrived: dict[Currency, Decimal] = field(default_factory=dict)

    def count(self, stage: Stage) -> int:
        return self.reached.get(stage, 0)

    @property
    def success_rate(self) -> float | None:
        return _ratio(self.count(Stage.SIGNED), self.count(Stage.TALKS))

    @property
    def landing_rate(self) -> float | None:
        return _ratio(self.count(Stage.LANDED), self.count(Stage.SIGNED))

    @property
    def start_rate(self) -> float | None:
        return _ratio(self.count(Stage.STARTED), self.count(Stage.SIGNED))

    def funds_rate(self, currency: Currency = Currency.CNY) -> float | None:
        return _ratio(
            self.arrived.get(currency, Decimal(0)), self.contracted.get(currency, Decimal(0))
        )


def pipeline_figures(projects: Iterable[Project], period: Period) -> PipelineFigures:
    reached: dict[Stage, int] = {}
    contracted: dict[Currency, Decimal] = {}
    arrived: dict[Currency, Decimal] = {}
    for project in projects:
        for stage in (Stage.TALKS, Stage.SIGNED, Stage.LANDED, Stage.STARTED, Stage.PRODUCING):
            day = project.reached(stage)
            if day is not None and day in period:
                reached[stage] = reached.get(stage, 0) + 1
        cur = project.currency
        contracted[cur] = contracted.get(cur, Decimal(0)) + project.signed_amount(
            period.start, period.end
        )
        funds = project.funds_between(period.start, period.end)
        arrived[cur] = arrived.get(cur, Decimal(0)) + funds
    return PipelineFigures(period, reached, contracted, arrived)
