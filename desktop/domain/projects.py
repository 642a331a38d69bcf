"""Investment projects with a dated stage history and dated funds arrived."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from desktop.domain.entries import check_date
from desktop.domain.errors import ConfirmationRequired, ValidationError
from desktop.domain.periods import FIRST_YEAR, LAST_YEAR
from desktop.domain.texts import ORG_MAX, clean_name, clean_note

E = TypeVar("E", bound=StrEnum)

LARGE_AMOUNT_WAN = Decimal(1_000_000)  # 100 亿元 in 万元


class Stage(StrEnum):
    LEAD = "线索"
    TALKS = "在谈"
    SIGNED = "签约"
    LANDED = "落地"
    STARTED = "开工"
    PRODUCING = "投产"
    PAUSED = "搁置"
    ENDED = "终止"

    @property
    def rank(self) -> int | None:
        """Position on the ladder 线索 → 投产; None for 搁置 and 终止, which are off it."""
        return _LADDER.index(self) if self in _LADDER else None

    def text(self, lang: str) -> str:
        """The stage's name for a reader: the Chinese word, or its English gloss."""
        return self.value if lang == "zh" else _ENGLISH[self]

    @classmethod
    def parse(cls, text: str) -> Stage:
        s = text.strip()
        for stage in cls:
            if s in (stage.value, stage.name.lower()):
                return stage
        raise ValidationError(
            "stage", "unknown_stage", value=s, choices="、".join(st.value for st in cls)
        )


_ENGLISH = {
    Stage.LEAD: "Lead",
    Stage.TALKS: "In talks",
    Stage.SIGNED: "Signed",
    Stage.LANDED: "Landed",
    Stage.STARTED: "Started",
    Stage.PRODUCING: "Producing",
    Stage.PAUSED: "Paused",
    Stage.ENDED: "Ended",
}
_LADDER = (Stage.LEAD, Stage.TALKS, Stage.SIGNED, Stage.LANDED, Stage.STARTED, Stage.PRODUCING)


class ProjectKind(StrEnum):
    """项目类型, as the 考核 schemes class projects."""

    INDUSTRY = "工业"
    SERVICES = "服务业"
    AGRICULTURE = "农业"
    REAL_ESTATE = "房地产"
    OTHER = "其他"


class InvestorOrigin(StrEnum):
    """Where the investor comes from (投资方来源), as the schemes split funds and credit."""

    CITY = "市内"
    PROVINCE = "市外省内"
    COUNTRY = "国内省外"
    ABROAD = "境外"


class FundKind(StrEnum):
    """资金性质 of funds arrived, as the schemes split them: 固定资产投资 or 流动资金."""

    FIXED_ASSETS = "固定资产"
    WORKING_CAPITAL = "流动资金"


def parse_choice(kind: type[E], text: str, field: str) -> E | None:
    """A project's class or origin, or a funding's origin or kind, as typed: its Chinese word;
    empty is none."""
    s = text.strip()
    if not s:
        return None
    for member in kind:
        if s in (member.value, member.name.lower()):
            return member
    raise ValidationError(
        field, "unknown_choice", value=s, choices="、".join(m.value for m in kind)
    )


class Currency(StrEnum):
    CNY = "CNY"  # amounts in 万元
    USD = "USD"  # amounts in 万美元, kept apart


# what secretaries type inside a number: thousands separators (50,000, 50，000) and spaces
_IN_NUMBERS = str.maketrans("", "", ",，'  \u3000")


def parse_amount(text: str | Decimal | float | int, field: str = "amount") -> Decimal:
    """An amount as typed: 50000, 50,000, 5 0000 and 50000.5 all read."""
    try:
        value = Decimal(str(text).strip().translate(_IN_NUMBERS))
    except InvalidOperation:
        raise ValidationError(field, "bad_number", value=text) from None
    if not value.is_finite():
        raise ValidationError(field, "bad_number", value=text)
    return value


def check_amount(value: Decimal, confirmed: bool, field: str = "amount") -> Decimal:
    if value < 0:
        raise ValidationError(field, "negative_amount", value=value)
    if value > LARGE_AMOUNT_WAN and not confirmed:
        raise ConfirmationRequired(field, "large_amount", value=value)
    return value


@dataclass(frozen=True, slots=True)
class StageChange:
    day: date
    stage: Stage
    note: str = ""
    # For a 签约: the amount signed at this signing. The first signing carries the agreed total; a
    # later 签约 (增资, a capital increase) carries only the increment.
    amount: Decimal | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Funding:
    day: date
    amount: Decimal
    note: str = ""
    id: int | None = None
    # what the 考核 schemes split funds by (domain/assessment_measures.py); optional
    origin: InvestorOrigin | None = None  # 资金来源; else its project's 投资方来源 counts
    kind: FundKind | None = None  # 资金性质


@dataclass(frozen=True, slots=True)
class Project:
    name: str
    investor: str = ""
    chain: str = ""  # 产业链
    amount: Decimal | None = None  # 协议投资额
    currency: Currency = Currency.CNY
    leader_id: int | None = None  # 包联领导
    park: str = ""  # 落地园区
    id: int | None = None
    history: tuple[StageChange, ...] = ()
    funds: tuple[Funding, ...] = ()
    # what the 考核 rules need (domain/assessment_measures.py); all optional
    kind: ProjectKind | None = None  # 项目类型
    origin: InvestorOrigin | None = None  # 投资方来源
    credit_unit: str = ""  # 招引单位: the one unit credited
    first_person_id: int | None = None  # 第一引资人: the one person credited
    registered: date | None = None  # 工商（税务）注册日期
    works_started: date | None = None  # 主体工程开工日期
    excluded: str = ""  # 不予认定 and why (财政性资金, 原合同内二期…): not counted by any scheme

    def validated(self, confirmed: bool = False) -> Project:
        name = clean_name(self.name, "project", ORG_MAX, required=True)
        if self.amount is not None:
            check_amount(self.amount, confirmed, "contracted_amount")
        for day, field in ((self.registered, "registered"), (self.works_started, "works_started")):
            if day is not None and not date(FIRST_YEAR, 1, 1) <= day <= date(LAST_YEAR, 12, 31):
                raise ValidationError(field, "bad_date", value=day.isoformat())
        return replace(
            self,
            name=name,
            investor=clean_name(self.investor, "investor", ORG_MAX),
            chain=clean_name(self.chain, "chain", ORG_MAX),
            park=clean_name(self.park, "park", ORG_MAX),
            credit_unit=clean_name(self.credit_unit, "credit_unit"),
            excluded=clean_name(self.excluded, "excluded", ORG_MAX),
        )

    def stage_on(self, day: date) -> Stage | None:
        """The stage the project was at on a day (after that day's changes)."""
        current = None
        for change in sorted(self.history, key=lambda c: c.day):
            if change.day > day:
                break
            current = change.stage
        return current

    def reached(self, stage: Stage) -> date | None:
        """The first day the project reached `stage` or a later rung of the ladder."""
        target = stage.rank
        assert target is not None, "only ladder stages can be reached"
        for change in sorted(self.history, key=lambda c: c.day):
            rank = change.stage.rank
            if rank is not None and rank >= target:
                return change.day
        return None

    def funds_to(self, day: date) -> Decimal:
        """The funds arrived on or before `day` (累计到位资金 as of that day): every list and
        report counts a project's funds as of a day, none all-time (a dated arrival may be
        entered ahead)."""
        return sum((f.amount for f in self.funds if f.day <= day), Decimal(0))

    def funds_between(self, start: date, end: date) -> Decimal:
        """The funds arrived within [start, end] (本期到位资金)."""
        return sum((f.amount for f in self.funds if start <= f.day <= end), Decimal(0))

    def has_funds_to(self, day: date) -> bool:
        return any(f.day <= day for f in self.funds)

    def signed_amount(self, start: date, end: date) -> Decimal:
        """Contracted amount signed within [start, end]: first signing plus any increments."""
        total = Decimal(0)
        signings = sorted((c for c in self.history if c.stage is Stage.SIGNED), key=lambda c: c.day)
        for i, change in enumerate(signings):
            if not start <= change.day <= end:
                continue
            amount = change.amount
            if amount is None and i == 0:
                amount = self.amount
            total += amount or Decimal(0)
        return total


def check_stage_change(change: StageChange, today: date, confirmed: bool = False) -> StageChange:
    check_date(change.day, today)
    if change.amount is not None:
        check_amount(change.amount, confirmed, "stage_amount")
    return replace(change, note=clean_note(change.note))


def check_funding(funding: Funding, today: date, confirmed: bool = False) -> Funding:
    check_date(funding.day, today)
    check_amount(funding.amount, confirmed, "funds_amount")
    return replace(funding, note=clean_note(funding.note))
