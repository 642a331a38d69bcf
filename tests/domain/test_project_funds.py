"""A project's funds counted as of a day and within a period, the one way lists and reports
count them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop.domain.projects import Funding, Project


def test_funds_are_counted_as_of_a_day_and_within_a_period() -> None:
    p = Project(
        "长安新能源电池项目",
        funds=(
            Funding(date(2026, 9, 30), Decimal(100)),
            Funding(date(2026, 10, 1), Decimal(20)),
            Funding(date(2026, 10, 31), Decimal(3)),
            Funding(date(2026, 11, 1), Decimal(4)),
        ),
    )
    assert p.funds_to(date(2026, 9, 29)) == 0 and not p.has_funds_to(date(2026, 9, 29))
    assert p.funds_to(date(2026, 10, 31)) == 123 and p.has_funds_to(date(2026, 10, 31))
    assert p.funds_between(date(2026, 10, 1), date(2026, 10, 31)) == 23
