"""A report made on the first working day of a month, with nothing logged yet, says the month
has just started (刚开始), as the dashboard does, not that the person is behind (进度落后);
two days later, still with nothing, it says behind."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.reports.summary_table import summary_table
from desktop.storage.ledger import Ledger


@pytest.mark.parametrize(
    ("today", "said"), [(date(2026, 12, 1), "刚开始"), (date(2026, 12, 3), "进度落后")]
)
def test_the_summary_s_pace_on_the_first_days(tmp_path: Path, today: date, said: str) -> None:
    with Ledger.open(tmp_path / "l.db", today=lambda: today) as ledger:
        ledger.add_person(Person("张伟", "市长", "市人民政府"))
        items = ledger.summary(Period.month(2026, 12))
        table = summary_table(items, "person", "zh")
        (row,) = table.rows
        assert row[table.keys.index("pace")] == said
