"""考核方案 as data: a city's published assessment scheme (招商引资考核办法) turned into items,
each a measure taken from the ledger, the filters that choose what counts, a formula kind
with its parameters, and the scheme's own wording and document number. A scheme is read from
its file format (docs/assessment.md) and refused with the item named when it refers to an
unknown measure or has a bad parameter."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from desktop.domain.errors import LedgerError, field_label, in_language
from desktop.domain.projects import FundKind, InvestorOrigin, ProjectKind

# what the ledger can measure for a unit or a person over the period (zh, en)
MEASURES: Mapping[str, tuple[str, str]] = {
    "trip_days": ("外出招商天数", "days of promotion trips"),
    "trip_person_times": ("外出招商人次", "person-trips"),
    "months_meeting_share": ("达到三分之一的月数", "months meeting one third"),
    "signed_projects": ("新签约项目个数", "projects newly signed"),
    "signed_amount": ("新签约金额（万元）", "amount newly signed (10k CNY)"),
    "funds_arrived": ("到位资金（万元）", "funds arrived (10k CNY)"),
    "started_projects": ("开工项目个数", "projects started"),
    "producing_projects": ("投产项目个数", "projects in production"),
    "contract_rate": ("履约率", "contract rate"),
    "start_rate": ("开工率", "start rate"),
    "funds_rate": ("资金到位率", "funds rate"),
    "reports_on_time": ("按时报送月报数", "monthly reports on time"),
    "missing_reports": ("未按时报送月报数", "monthly reports missing"),
    "leads": ("提供项目线索数", "leads supplied"),
    "visits_received": ("接待客商考察次数", "investor visits received"),
}
# what an item may narrow its measure by; fund_kinds (资金性质) only 到位资金
FILTERS = ("min_amount", "kinds", "origins", "chains", "fund_kinds")
_FUNDS_ONLY = {"fund_kinds": ("funds_arrived",)}
# what the scheme's 不予认定 rules may name: projects left out of every item, the reason listed
EXCLUSIONS = ("kinds", "origins", "below_amount")


class FormulaKind(StrEnum):
    RATIO = "ratio"  # 完成值 ÷ 目标 × 权重, at most the cap
    POINTS = "points"  # 每个（每亿元）计分 × 完成值, at most the cap
    EFFICACY = "efficacy"  # 功效系数法: (60 + 40 × (x − 最低) ÷ (最高 − 最低)) × 权重 ÷ 100
    DEDUCTION = "deduction"  # 每次扣分 × 次数, at most the cap deducted
    BONUS = "bonus"  # 超出目标部分 × 每单位加分, at most the cap


# the parameters each kind needs
NEEDS: Mapping[FormulaKind, tuple[str, ...]] = {
    FormulaKind.RATIO: ("weight", "target"),
    FormulaKind.POINTS: ("points",),
    FormulaKind.EFFICACY: ("weight",),
    FormulaKind.DEDUCTION: ("points",),
    FormulaKind.BONUS: ("points", "target"),
}

_MESSAGES: Mapping[str, tuple[str, str]] = {
    "not_a_scheme": (
        "文件不是考核方案：{detail}",
        "the file is not an assessment scheme: {detail}",
    ),
    "no_items": ("方案没有考核项目", "the scheme has no items"),
    "duplicate_item": ("考核项目编号“{item}”出现了不止一次", "item '{item}' appears twice"),
    "unknown_measure": (
        "考核项目“{item}”的指标“{value}”不是本程序能统计的指标",
        "item '{item}': '{value}' is not a measure this program takes from the ledger",
    ),
    "unknown_kind": (
        "考核项目“{item}”的计分方法“{value}”无效（{choices}）",
        "item '{item}': '{value}' is not a formula kind ({choices})",
    ),
    "missing_parameter": (
        "考核项目“{item}”缺少参数“{value}”",
        "item '{item}' lacks its parameter '{value}'",
    ),
    "bad_parameter": (
        "考核项目“{item}”的参数“{value}”应为大于 0 的数（现为“{given}”）",
        "item '{item}': parameter '{value}' must be a number above 0 (is '{given}')",
    ),
    "bad_choice": (
        "考核项目“{item}”的“{value}”含有无效的值“{given}”（{choices}）",
        "item '{item}': '{value}' holds '{given}', which is not one of {choices}",
    ),
    "unknown_exclusion": (
        "不予认定规则“{value}”无效（{choices}）",
        "'{value}' is not a rule of what is not credited ({choices})",
    ),
    "unknown_filter": (
        "考核项目“{item}”的筛选条件“{value}”无效（{choices}）",
        "item '{item}': '{value}' is not a filter ({choices})",
    ),
    "filter_not_for_measure": (
        "考核项目“{item}”的筛选条件“{value}”只适用于指标 {choices}",
        "item '{item}': the filter '{value}' applies only to the measure {choices}",
    ),
}


class SchemeError(LedgerError):
    """A scheme refused: which item and what is wrong with it; nothing was changed."""

    def message(self, lang: str = "zh") -> str:
        zh, en = _MESSAGES[self.code]
        text = (en if lang == "en" else zh).format(**in_language(self.params, lang))
        return f"{field_label('scheme', lang)}{': ' if lang == 'en' else '：'}{text}"


@dataclass(frozen=True, slots=True)
class Item:
    """One line of the scheme: what is measured and how it is scored."""

    id: str  # the scheme's own numbering: "一（1）", "A1"
    name: str  # its wording in the scheme
    measure: str
    kind: FormulaKind
    weight: Decimal | None = None
    target: Decimal | None = None  # the same for every unit, unless targets names it
    targets: Mapping[str, Decimal] = field(default_factory=dict)  # unit -> its own task
    points: Decimal | None = None
    cap: Decimal | None = None  # the most the item gives (or takes away, for a deduction)
    filters: Mapping[str, Any] = field(default_factory=dict)

    def target_for(self, unit: str) -> Decimal | None:
        return self.targets.get(unit, self.target)


@dataclass(frozen=True, slots=True)
class Scheme:
    name: str  # 某市招商引资考核办法
    document: str  # its number: 某办发〔2026〕12号
    period: str  # "month", "quarter" or "year": what one result covers
    by: str  # "unit" or "person"
    items: tuple[Item, ...]
    # 不予认定: projects of these kinds or origins, or below this amount (万元), count nowhere
    exclude: Mapping[str, Any] = field(default_factory=dict)

    def item(self, item_id: str) -> Item:
        return next(i for i in self.items if i.id == item_id)

    @classmethod
    def from_dict(cls, data: Any) -> Scheme:
        """A scheme from its file's JSON, every item checked; SchemeError names the item."""
        if not isinstance(data, dict):
            raise SchemeError("scheme", "not_a_scheme", detail="not an object")
        raw_items = data.get("items")
        if not isinstance(raw_items, (list, tuple)) or not raw_items:
            raise SchemeError("scheme", "no_items")
        items: list[Item] = []
        for raw in raw_items:
            item = _item(raw)
            if any(i.id == item.id for i in items):
                raise SchemeError("scheme", "duplicate_item", item=item.id)
            items.append(item)
        period, by = str(data.get("period", "year")), str(data.get("by", "unit"))
        if period not in ("month", "quarter", "year"):
            raise SchemeError("scheme", "not_a_scheme", detail=f"period {period!r}")
        if by not in ("unit", "person"):
            raise SchemeError("scheme", "not_a_scheme", detail=f"by {by!r}")
        return cls(
            str(data.get("name", "")).strip(),
            str(data.get("document", "")).strip(),
            period,
            by,
            tuple(items),
            _exclusions(data.get("exclude", {})),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": "onethird-scheme-1",
            "name": self.name,
            "document": self.document,
            "period": self.period,
            "by": self.by,
            "items": [_item_dict(i) for i in self.items],
            **({"exclude": dict(self.exclude)} if self.exclude else {}),
        }


def _item(raw: Any) -> Item:
    if not isinstance(raw, dict):
        raise SchemeError("scheme", "not_a_scheme", detail="an item is not an object")
    ident = str(raw.get("id", "")).strip()
    name = str(raw.get("name", ident)).strip() or ident
    label = ident or name
    measure = str(raw.get("measure", ""))
    if measure not in MEASURES:
        raise SchemeError("scheme", "unknown_measure", item=label, value=measure)
    try:
        kind = FormulaKind(str(raw.get("kind", "")))
    except ValueError:
        choices = "、".join(k.value for k in FormulaKind)
        raise SchemeError(
            "scheme", "unknown_kind", item=label, value=raw.get("kind", ""), choices=choices
        ) from None
    values = {key: _number(raw, key, label) for key in ("weight", "target", "points", "cap")}
    targets = raw.get("targets", {})
    if not isinstance(targets, dict):
        raise SchemeError("scheme", "bad_parameter", item=label, value="targets", given=targets)
    per_unit = {str(u): _positive(v, "targets", label) for u, v in targets.items()}
    for needed in NEEDS[kind]:
        if values[needed] is None and not (needed == "target" and per_unit):
            raise SchemeError("scheme", "missing_parameter", item=label, value=needed)
    filters = raw.get("filters", {})
    if not isinstance(filters, dict):
        raise SchemeError("scheme", "unknown_filter", item=label, value=filters, choices="")
    for key in filters:
        if key not in FILTERS:
            raise SchemeError(
                "scheme", "unknown_filter", item=label, value=key, choices="、".join(FILTERS)
            )
        if measure not in _FUNDS_ONLY.get(key, (measure,)):
            choices = "、".join(_FUNDS_ONLY[key])
            raise SchemeError(
                "scheme", "filter_not_for_measure", item=label, value=key, choices=choices
            )
    filters = _choices(filters, label)
    return Item(
        label,
        name,
        measure,
        kind,
        values["weight"],
        values["target"],
        per_unit,
        values["points"],
        values["cap"],
        dict(filters),
    )


def _number(raw: Mapping[str, Any], key: str, label: str) -> Decimal | None:
    value = raw.get(key)
    return None if value is None else _positive(value, key, label)


def _positive(value: Any, key: str, label: str) -> Decimal:
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        number = Decimal(0)
    if not number.is_finite() or number <= 0 or isinstance(value, bool):
        raise SchemeError("scheme", "bad_parameter", item=label, value=key, given=value)
    return number


def _item_dict(item: Item) -> dict[str, Any]:
    out: dict[str, Any] = {"id": item.id, "name": item.name, "measure": item.measure}
    out["kind"] = item.kind.value
    for key in ("weight", "target", "points", "cap"):
        value = getattr(item, key)
        if value is not None:
            out[key] = str(value)
    if item.targets:
        out["targets"] = {u: str(v) for u, v in item.targets.items()}
    if item.filters:
        out["filters"] = dict(item.filters)
    return out


_KINDS = tuple(k.value for k in ProjectKind)
_ORIGINS = tuple(o.value for o in InvestorOrigin)
_FUND_KINDS = tuple(k.value for k in FundKind)


def _choices(block: Mapping[str, Any], label: str) -> dict[str, Any]:
    """Filters or exclusions with their values checked: kinds and origins among the project
    classes, fund_kinds among the kinds of funds, chains a list of names, an amount a number
    above 0."""
    out: dict[str, Any] = {}
    for key, value in block.items():
        if key in ("min_amount", "below_amount"):
            out[key] = str(_positive(value, key, label))
            continue
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise SchemeError("scheme", "bad_parameter", item=label, value=key, given=value)
        allowed = {"kinds": _KINDS, "origins": _ORIGINS, "fund_kinds": _FUND_KINDS}.get(key)
        for name in names:
            if allowed is not None and name not in allowed:
                choices = "、".join(allowed)
                raise SchemeError(
                    "scheme", "bad_choice", item=label, value=key, given=name, choices=choices
                )
        out[key] = [n.strip() for n in names]
    return out


def _exclusions(block: Any) -> dict[str, Any]:
    if not isinstance(block, dict):
        raise SchemeError("scheme", "not_a_scheme", detail="exclude is not an object")
    for key in block:
        if key not in EXCLUSIONS:
            raise SchemeError(
                "scheme", "unknown_exclusion", value=key, choices="、".join(EXCLUSIONS)
            )
    return _choices(block, "不予认定")
