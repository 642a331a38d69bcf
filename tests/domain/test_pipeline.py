from datetime import date
from decimal import Decimal

import pytest

from desktop.domain.errors import ConfirmationRequired, ValidationError
from desktop.domain.periods import Period
from desktop.domain.pipeline import pipeline_figures
from desktop.domain.projects import (
    Currency,
    Funding,
    Project,
    Stage,
    StageChange,
    check_amount,
)


def sc(day: str, stage: Stage, amount: int | None = None) -> StageChange:
    return StageChange(
        date.fromisoformat(day), stage, amount=Decimal(amount) if amount is not None else None
    )


# A hand-checked set for 2026Q3 (July–September 2026):
PROJECTS = [
    # A: talks in Q2, signed in Q3 for 50 000, landed and started in Q3; funds 10 000 in Q3
    Project(
        "A",
        amount=Decimal(50000),
        history=(
            sc("2026-05-10", Stage.TALKS),
            sc("2026-07-15", Stage.SIGNED, 50000),
            sc("2026-08-01", Stage.LANDED),
            sc("2026-09-01", Stage.STARTED),
        ),
        funds=(Funding(date(2026, 9, 10), Decimal(10000)),),
    ),
    # B: talks in Q3, signed in Q3 (amount from the project), capital increase of 5 000 in Q3
    Project(
        "B",
        amount=Decimal(20000),
        history=(
            sc("2026-07-01", Stage.TALKS),
            sc("2026-08-20", Stage.SIGNED),
            sc("2026-09-25", Stage.SIGNED, 5000),
        ),
        funds=(Funding(date(2026, 9, 30), Decimal(5000)), Funding(date(2026, 10, 1), Decimal(999))),
    ),
    # C: straight to signing in Q3 (so it reached 在谈 that day too), 30 000
    Project("C", history=(sc("2026-09-05", Stage.SIGNED, 30000),)),
    # D: talks in Q3, then paused
    Project("D", history=(sc("2026-07-05", Stage.TALKS), sc("2026-08-05", Stage.PAUSED))),
    # E: signed in Q2, increase in Q3 of 8 000: counts only the increment, not a new signing
    Project(
        "E", history=(sc("2026-04-01", Stage.SIGNED, 10000), sc("2026-08-01", Stage.SIGNED, 8000))
    ),
    # F: a lead only
    Project("F", history=(sc("2026-07-02", Stage.LEAD),)),
    # G: a foreign-capital project, kept apart
    Project(
        "G",
        currency=Currency.USD,
        history=(sc("2026-07-03", Stage.SIGNED, 1000),),
        funds=(Funding(date(2026, 8, 3), Decimal(250)),),
    ),
]


def test_pipeline_rates_on_a_hand_checked_set() -> None:
    f = pipeline_figures(PROJECTS, Period.parse("2026Q3"))
    assert f.count(Stage.TALKS) == 4  # B, D; C and G by signing straight away (A, E: in Q2)
    assert f.count(Stage.SIGNED) == 4  # A, B, C, G (E's first signing was in Q2)
    assert f.count(Stage.LANDED) == 1  # A
    assert f.count(Stage.STARTED) == 1  # A
    assert f.success_rate == pytest.approx(4 / 4)
    assert f.landing_rate == pytest.approx(1 / 4)
    assert f.start_rate == pytest.approx(1 / 4)
    # CNY contracted in Q3: A 50 000 + B 20 000 + B increase 5 000 + C 30 000 + E increase 8 000
    assert f.contracted[Currency.CNY] == Decimal(113000)
    assert f.arrived[Currency.CNY] == Decimal(15000)
    assert f.funds_rate() == pytest.approx(15000 / 113000)
    assert f.contracted[Currency.USD] == Decimal(1000)
    assert f.funds_rate(Currency.USD) == pytest.approx(0.25)


def test_rates_without_denominator_are_none() -> None:
    f = pipeline_figures([], Period.parse("2026-09"))
    assert f.success_rate is None and f.landing_rate is None and f.funds_rate() is None


def test_stage_on_a_day() -> None:
    a = PROJECTS[0]
    assert a.stage_on(date(2026, 5, 9)) is None
    assert a.stage_on(date(2026, 7, 15)) is Stage.SIGNED
    assert a.stage_on(date(2026, 12, 31)) is Stage.STARTED


def test_amount_checks() -> None:
    with pytest.raises(ValidationError, match="不能为负数"):
        check_amount(Decimal(-1), confirmed=False)
    with pytest.raises(ConfirmationRequired, match="超过 100 亿元"):
        check_amount(Decimal(1_000_001), confirmed=False)
    assert check_amount(Decimal(1_000_001), confirmed=True) == Decimal(1_000_001)
    assert check_amount(Decimal(1_000_000), confirmed=False) == Decimal(1_000_000)
