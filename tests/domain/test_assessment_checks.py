"""The consistency checks run before a 考核 is scored (domain/assessment_checks.py): each one
found on a project that has the fault, and none on the same project without it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from desktop.domain.assessment_checks import check_projects
from desktop.domain.projects import Funding, Project, Stage, StageChange

END = date(2026, 12, 31)


def signed(name: str, amount: str | None = "10000", on: str = "2026-03-01") -> Project:
    money = None if amount is None else Decimal(amount)
    return Project(
        name,
        amount=Decimal(10000),
        history=(StageChange(date.fromisoformat(on), Stage.SIGNED, "", money),),
    )


def said(projects: list[Project]) -> list[str]:
    return [note.zh for note in check_projects(projects, END)]


def test_a_sound_project_has_nothing_to_say() -> None:
    p = replace(signed("电池项目"), funds=(Funding(date(2026, 5, 1), Decimal(4000)),))
    assert said([p]) == []


def test_a_first_signing_that_differs_from_the_contracted_amount() -> None:
    assert said([signed("电池项目", "12000")]) == [
        "电池项目：首次签约金额 12000 万元与协议投资额 10000 万元不符"
    ]
    assert said([signed("电池项目", None)]) == []  # a signing without an amount says nothing


def test_funds_above_the_amount_signed_is_a_rate_above_100_percent() -> None:
    p = replace(signed("电池项目"), funds=(Funding(date(2026, 5, 1), Decimal(12500)),))
    assert said([p]) == [
        "电池项目：到位资金 12500 万元超过签约金额 10000 万元（资金到位率 125.0%）"
    ]
    later = replace(p, funds=(Funding(date(2027, 1, 5), Decimal(12500)),))
    assert said([later]) == []  # arrived after the period's end: not yet


def test_a_project_held_twice_under_names_that_match() -> None:
    one, two = signed("京东方显示模组项目（一期）"), signed("京东方显示模组项目(一期)")
    assert said([one, two]) == [
        "京东方显示模组项目（一期）、京东方显示模组项目(一期) 可能是同一个项目，被记录了 2 次"
    ]
    assert said([one, signed("京东方显示模组项目（二期）")]) == []


def test_works_started_before_the_signing() -> None:
    p = replace(signed("电池项目"), works_started=date(2026, 2, 1))
    assert said([p]) == ["电池项目：开工日期 2026-02-01 早于签约日期 2026-03-01"]
    assert said([replace(p, works_started=date(2026, 3, 1))]) == []
