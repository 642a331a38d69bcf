"""Consistency checks on what a 考核 scores, run before scoring and shown beside the results,
never corrected silently: parts that do not add up to the stated total, a rate above 100 %
where it cannot be, a project held twice, dates out of their order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from desktop.domain.assessment_measures import HUNDRED, Note, first_signed, started
from desktop.domain.ledger_parsing import name_key
from desktop.domain.projects import Project, Stage


def check_projects(projects: Sequence[Project], end: date) -> list[Note]:
    """What does not agree in the projects' details as of `end`."""
    notes: list[Note] = []
    by_key: dict[str, list[str]] = defaultdict(list)
    for p in projects:
        by_key[name_key(p.name)].append(p.name)
        notes.extend(_check(p, end))
    for names in by_key.values():
        if len(names) > 1:
            shown = "、".join(names)
            notes.append(
                Note(
                    f"{shown} 可能是同一个项目，被记录了 {len(names)} 次",
                    f"{shown} may be one project held {len(names)} times",
                )
            )
    return notes


def _check(p: Project, end: date) -> list[Note]:
    notes = []
    signings = sorted((c for c in p.history if c.stage is Stage.SIGNED), key=lambda c: c.day)
    first = signings[0] if signings else None
    signed_first = None if first is None else first.amount
    if signed_first is not None and p.amount is not None and signed_first != p.amount:
        notes.append(
            Note(
                f"{p.name}：首次签约金额 {signed_first:f} 万元与协议投资额 {p.amount:f} 万元不符",
                f"{p.name}: first signing {signed_first:f} differs from the contracted"
                f" {p.amount:f} (10k CNY)",
            )
        )
    agreed = p.signed_amount(date.min, end)
    arrived = p.funds_to(end)
    if agreed > 0 and arrived > agreed:
        rate = (arrived / agreed * HUNDRED).quantize(Decimal("0.1"), ROUND_HALF_UP)
        notes.append(
            Note(
                f"{p.name}：到位资金 {arrived:f} 万元超过签约金额 {agreed:f} 万元"
                f"（资金到位率 {rate}%）",
                f"{p.name}: funds arrived {arrived:f} exceed the amount signed {agreed:f}"
                f" (funds rate {rate}%)",
            )
        )
    signed, works = first_signed(p), started(p)
    if signed is not None and works is not None and works < signed:
        notes.append(
            Note(
                f"{p.name}：开工日期 {works} 早于签约日期 {signed}",
                f"{p.name}: works started {works}, before it was signed {signed}",
            )
        )
    return notes
