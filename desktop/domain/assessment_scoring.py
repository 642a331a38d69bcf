"""Scoring a 考核方案 (domain/assessment_scheme.py): for each unit (or person) a row per item
with what went in, the formula as written with its numbers, the raw score, the cap or
deduction applied and the final score; totals, a ranking, and 序时进度.

Rules the published schemes leave to the office, decided here once:
- every item's final score is rounded half up to two decimals, and a total is the sum of
  the rounded item scores (what a reader adding up the printed column gets);
- 功效系数法 when every unit has the same value (the highest is the lowest): each gets the
  full 100 × weight ÷ 100, since none is behind another; units with equal values always score
  the same;
- a ranking gives equal totals the same rank, the next rank skipping as many (1, 1, 3);
- 序时进度 = 完成率 − 已过月数 ÷ 12 (for items with a target): 超进度 at zero or above,
  欠进度 below."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from desktop.domain.assessment_scheme import FormulaKind, Item, Scheme
from desktop.domain.periods import Period

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class ItemScore:
    item: Item
    actual: Decimal  # the measure's value for this unit
    target: Decimal | None
    formula: tuple[str, str]  # as written, with this unit's numbers (zh, en)
    raw: Decimal
    applied: tuple[str, str]  # the cap or deduction limit applied ("", "" when none)
    final: Decimal
    progress: Decimal | None  # 序时进度 (完成率 − 序时), for items with a target

    def formula_text(self, lang: str = "zh") -> str:
        return self.formula[1] if lang == "en" else self.formula[0]

    def applied_text(self, lang: str = "zh") -> str:
        return self.applied[1] if lang == "en" else self.applied[0]


@dataclass(frozen=True, slots=True)
class Result:
    """One unit's (or person's) score under the scheme."""

    name: str
    items: tuple[ItemScore, ...]
    total: Decimal
    rank: int


def score(
    scheme: Scheme,
    values: Mapping[str, Mapping[str, Decimal]],
    elapsed_months: int = 12,
) -> list[Result]:
    """Score every unit named in `values` (unit -> item id -> the item's measured value; a
    missing value is 0), in the order given, ranked by total; `elapsed_months` of the year
    for 序时进度."""
    names = list(values)
    rows: dict[str, list[ItemScore]] = {n: [] for n in names}
    schedule = Decimal(elapsed_months) / 12
    for item in scheme.items:
        column = {n: Decimal(values[n].get(item.id, 0)) for n in names}
        for n in names:
            rows[n].append(_score_item(item, n, column, schedule))
    totals = {n: sum((s.final for s in rows[n]), Decimal(0)) for n in names}
    ordered = sorted(names, key=lambda n: -totals[n])  # stable: ties keep the given order
    return [
        Result(n, tuple(rows[n]), totals[n], 1 + sum(1 for m in names if totals[m] > totals[n]))
        for n in ordered
    ]


def _score_item(
    item: Item, name: str, column: Mapping[str, Decimal], schedule: Decimal
) -> ItemScore:
    x = column[name]
    target = item.target_for(name)
    kind = item.kind
    if kind is FormulaKind.RATIO:
        assert item.weight is not None and target is not None
        raw = x / target * item.weight
        formula = (
            f"{_n(x)} ÷ {_n(target)} × {_n(item.weight)} = {_n(raw)}",
            f"{_n(x)} ÷ {_n(target)} × {_n(item.weight)} = {_n(raw)}",
        )
    elif kind is FormulaKind.POINTS:
        assert item.points is not None
        raw = x * item.points
        formula = (
            f"{_n(x)} × {_n(item.points)} 分 = {_n(raw)}",
            f"{_n(x)} × {_n(item.points)} points = {_n(raw)}",
        )
    elif kind is FormulaKind.EFFICACY:
        assert item.weight is not None
        low, high = min(column.values()), max(column.values())
        if high == low:
            raw = item.weight
            formula = (
                f"各单位相同（{_n(x)}），得满分 {_n(raw)}",
                f"every unit the same ({_n(x)}): full {_n(raw)}",
            )
        else:
            raw = (60 + 40 * (x - low) / (high - low)) * item.weight / HUNDRED
            spread = f"({_n(x)} − {_n(low)}) ÷ ({_n(high)} − {_n(low)})"
            text = f"(60 + 40 × {spread}) × {_n(item.weight)} ÷ 100 = {_n(raw)}"
            formula = (text, text)
    elif kind is FormulaKind.DEDUCTION:
        assert item.points is not None
        raw = -(x * item.points)
        formula = (
            f"−({_n(x)} × {_n(item.points)} 分) = {_n(raw)}",
            f"−({_n(x)} × {_n(item.points)} points) = {_n(raw)}",
        )
    else:
        assert item.points is not None and target is not None
        above = max(x - target, Decimal(0))
        raw = above * item.points
        formula = (
            f"({_n(x)} − {_n(target)}) × {_n(item.points)} 分 = {_n(raw)}",
            f"({_n(x)} − {_n(target)}) × {_n(item.points)} points = {_n(raw)}",
        )
    final, applied = raw, ("", "")
    if item.cap is not None:
        if kind is FormulaKind.DEDUCTION and raw < -item.cap:
            final, applied = -item.cap, (f"最多扣 {_n(item.cap)} 分", f"at most {_n(item.cap)} off")
        elif kind is not FormulaKind.DEDUCTION and raw > item.cap:
            final, applied = item.cap, (f"封顶 {_n(item.cap)} 分", f"capped at {_n(item.cap)}")
    progress = None if target is None else x / target - schedule
    final = final.quantize(CENT, ROUND_HALF_UP) + 0  # + 0: no −0.00 for nothing deducted
    return ItemScore(item, x, target, formula, raw, applied, final, progress)


def _n(value: Decimal) -> str:
    """A number as the formula prints it: up to two decimals, no trailing zeros."""
    rounded = value.quantize(CENT, ROUND_HALF_UP).normalize() + 0  # + 0: no −0
    return f"{rounded:f}".replace("-", "−")  # the minus sign the rest of the formula uses


def progress_label(progress: Decimal | None, lang: str = "zh") -> str:
    """超进度 / 欠进度 with the points of the year ahead or behind, as the circulars write it."""
    if progress is None:
        return ""
    points = (progress * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    if progress >= 0:
        return f"超进度 {points:f} 个百分点" if lang != "en" else f"ahead by {points:f} points"
    return f"欠进度 {-points:f} 个百分点" if lang != "en" else f"behind by {-points:f} points"


@dataclass(frozen=True, slots=True)
class Assessment:
    """A scheme scored over a period: what every result page, file and command shows."""

    scheme: Scheme
    period: Period
    by: str  # "unit" or "person"
    results: tuple[Result, ...]
    elapsed_months: int  # of the year, for 序时进度
    notes: tuple[tuple[str, str], ...] = ()  # (zh, en): projects left out and why
    checks: tuple[tuple[str, str], ...] = ()  # (zh, en): inputs that do not agree

    def total(self, name: str) -> Decimal:
        return next(r.total for r in self.results if r.name == name)
