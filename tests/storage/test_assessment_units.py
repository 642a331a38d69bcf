"""考核 across the office and its units: the office's scheme travels to the units in the calendar
file (signed, like the holidays), so each unit scores itself as the office will; a project two
units report (京东方, tests/storage/units.py) is credited once, to one unit."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.assessment_scheme import Scheme
from desktop.domain.errors import ValidationError
from desktop.domain.periods import Period
from desktop.storage.ledger import Ledger
from tests.storage.units import open_ledger

YEAR = Period.year(2026)
SCHEME: dict[str, Any] = {
    "format": "onethird-scheme-1",
    "name": "某市招商引资工作考核办法",
    "document": "某办发〔2026〕12号",
    "period": "year",
    "by": "unit",
    "items": [
        {"id": "一", "name": "新签约项目", "measure": "signed_projects", "kind": "points",
         "points": "5"},
        {"id": "二", "name": "新签约金额", "measure": "signed_amount", "kind": "ratio",
         "weight": "10", "target": "100000", "cap": "15"},
        {"id": "三", "name": "外出招商天数", "measure": "trip_days", "kind": "efficacy",
         "weight": "20"},
    ],
}  # fmt: skip


def actual(ledger: Ledger) -> dict[str, dict[str, Decimal]]:
    return {r.name: {i.item.id: i.actual for i in r.items} for r in ledger.assess(YEAR).results}


def send_scheme(office: Ledger, units: Mapping[str, Path]) -> list[str]:
    """The office's calendar file (its scheme only: no years, no order), taken in by each unit;
    what each intake said."""
    path = office.path.parent / "calendar.otc"
    path.write_bytes(office.calendar_file([], "督查室"))
    said = []
    for db in units.values():
        with open_ledger(db) as led:
            (outcome,) = led.intake([path]).outcomes
            said.append(outcome.message())
    return said


def test_the_scheme_travels_to_the_units_in_the_calendar_file(
    units: dict[str, Path], office: Ledger
) -> None:
    scheme = Scheme.from_dict(SCHEME)
    office.set_scheme(scheme)
    said = send_scheme(office, units)
    assert said == ["已采用督查室下发的考核方案：某市招商引资工作考核办法"] * 3
    for db in units.values():
        with open_ledger(db) as led:
            assert led.scheme() == scheme
    # the same file again changes nothing
    assert (
        send_scheme(office, units) == ["督查室下发的考核方案与本数据库已有的相同，未做任何改动"] * 3
    )


def test_a_scheme_changed_in_a_signed_file_is_refused(
    units: dict[str, Path], office: Ledger
) -> None:
    office.set_scheme(Scheme.from_dict(SCHEME))
    path = office.path.parent / "calendar.otc"
    text = office.calendar_file([], "督查室").decode("utf-8")
    path.write_text(text.replace('"points": "5"', '"points": "50"'), encoding="utf-8")
    with open_ledger(units["高新区"]) as led:
        (outcome,) = led.intake([path]).outcomes
        assert outcome.code == "refused" and led.scheme() is None


def test_a_project_two_units_report_is_credited_once(
    units: dict[str, Path], out: Path, office: Ledger
) -> None:
    office.set_scheme(Scheme.from_dict(SCHEME))
    send_scheme(office, units)
    office.intake([out])
    merged = actual(office)
    # 京东方 (signed 80000 in September, 增资 20000 in October) is reported by 市人民政府 and by
    # 高新区, whose 李娜 leads it: one project, credited to 高新区 alone
    assert merged["高新区"]["一"] == 1 and merged["高新区"]["二"] == 100000
    assert merged["市人民政府"]["一"] == 1 and merged["市人民政府"]["二"] == 500000  # 长安
    assert sum(m["一"] for m in merged.values()) == 2
    # each unit, scoring its own ledger with the scheme it was sent, sees what the office sees
    for unit, db in units.items():
        with open_ledger(db) as led:
            own = actual(led)
            assert own[unit] == merged[unit], unit


def test_nothing_to_send_names_the_scheme(office: Ledger) -> None:
    with pytest.raises(ValidationError) as refused:
        office.calendar_file([], "督查室")
    assert "考核方案" in refused.value.message()
