"""考核 from the ledger: the six-item table of tests/assessment_world.py scored from the office's
own records reproduces the hand computation to two decimals, with the counting rules (增资 as
its increment, a project signed twice counted once, 不予认定 listed with the reason); the
scheme is a change with its undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.domain import changes as c
from desktop.domain.assessment_scheme import Scheme
from desktop.domain.errors import ValidationError
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.apply import apply
from desktop.storage.ledger import Ledger
from tests.assessment_world import DAY, HAND, NOT_CREDITED, SCHEME, TOTALS, YEAR, make_office


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Ledger]:
    path = make_office(tmp_path / "office.db")
    with Ledger.open(path, WorkCalendar(), actor="督查室", today=lambda: DAY) as led:
        yield led


def test_the_table_from_the_ledger_matches_the_hand_computation(office: Ledger) -> None:
    a = office.assess(YEAR)
    assert {r.name: [str(i.final) for i in r.items] for r in a.results} == HAND
    assert [(r.rank, r.name, str(r.total)) for r in a.results] == TOTALS
    assert a.elapsed_months == 3


def test_counting_rules(office: Ledger) -> None:
    a = office.assess(YEAR)
    actual = {r.name: {i.item.id: i.actual for i in r.items} for r in a.results}
    # 高新区老项目 was signed in 2025: its 增资 adds 5000 to 签约额, and it is no new project
    assert actual["高新区"]["A6"] == 75000 and actual["高新区"]["A5"] == 2
    # 经开区装备制造项目 has its signing entered twice: one project
    assert actual["经开区"]["A5"] == 1
    said = "\n".join(zh for zh, _ in a.notes)
    for name in NOT_CREDITED:
        assert f"不予认定：{name}" in said
    assert (
        "房地产项目不予认定" in said and "投资方来源为市内" in said and "原合同内二期项目" in said
    )


def test_changing_the_scheme_is_a_change_undo_puts_back(office: Ledger) -> None:
    before = office.scheme()
    assert before is not None
    data = before.to_dict()
    data["items"][1]["points"] = "6"
    applied = apply(office, c.SetScheme(Scheme.from_dict(data)))
    assert office.assess(YEAR).total("高新区") == pytest.approx(62.50)
    apply(office, applied.inverse)
    assert office.scheme() == before
    assert str(office.assess(YEAR).total("高新区")) == "60.50"


def test_no_scheme_says_where_to_import_one(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "x.db", WorkCalendar(), today=lambda: DAY) as led:
        with pytest.raises(ValidationError) as caught:
            led.assess(YEAR)
        assert "考核方案" in caught.value.message()
        led.set_scheme(Scheme.from_dict(SCHEME))
        assert led.scheme() == Scheme.from_dict(SCHEME)
