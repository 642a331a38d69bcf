"""A project two units report: the unit that brought it keeps its details; another unit's file
adds stage changes and funds but its differing investor, amount or leader waits for the office,
as does any amount over 100 亿元. Accepting writes it, rejecting keeps ours, undo reopens."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.changes import DecideFlag
from desktop.domain.entries import Entry
from desktop.domain.intake_flags import FlagKind, FlagState
from desktop.domain.people import Person
from desktop.domain.projects import (
    Currency,
    Funding,
    FundKind,
    InvestorOrigin,
    Project,
    Stage,
    StageChange,
)
from desktop.storage import changelog
from desktop.storage.ledger import Ledger
from tests.storage.test_intake import resubmit
from tests.storage.units import OCTOBER, PDF, introduce, open_ledger

SOLAR = "光伏组件项目"
ABROAD, FIXED = InvestorOrigin.ABROAD, FundKind.FIXED_ASSETS


def _unit(path: Path, person: Person, project: Project, stages: list[StageChange],
          funds: list[Funding]) -> None:  # fmt: skip
    with open_ledger(path) as led:
        pid = led.add_person(person).id
        assert pid is not None
        leader = project.leader_id and pid
        made = led.add_project(Project(**{**_fields(project), "leader_id": leader}), True)
        assert made.id is not None
        for change in stages:
            led.add_stage(made.id, change, True)
        for f in funds:
            led.add_funds(made.id, f, True)
        talks = led.find_activity("项目洽谈").id
        assert talks is not None
        led.add_entry(Entry(pid, date(2026, 10, 12), talks, start=840, end=960, project_id=made.id))


def _fields(p: Project) -> dict[str, object]:
    return {
        "name": p.name,
        "investor": p.investor,
        "chain": p.chain,
        "amount": p.amount,
        "currency": p.currency,
        "park": p.park,
    }


def _submit(path: Path, name: str, out: Path) -> Path:
    with open_ledger(path) as led:
        person = led.find_person(name)
        assert person.id is not None
        return led.submit_month(person.id, OCTOBER, PDF, out / f"{name}.otr").path


@pytest.fixture
def two_units(tmp_path: Path) -> dict[str, Path]:
    city, zone = tmp_path / "city.db", tmp_path / "zone.db"
    _unit(
        city,
        Person("张伟", "市长", "市人民政府"),
        Project(SOLAR, "甲集团", "新能源产业链", Decimal(1000), leader_id=1),
        [StageChange(date(2026, 9, 1), Stage.TALKS)],
        [],
    )
    _unit(
        zone,
        Person("李娜", "区长", "高新区"),
        Project(SOLAR, "乙公司", "新能源产业链", Decimal(50_000_000), leader_id=1),
        [
            StageChange(date(2026, 9, 1), Stage.TALKS),
            StageChange(date(2026, 10, 20), Stage.SIGNED, amount=Decimal(800)),
            StageChange(date(2026, 10, 25), Stage.SIGNED, amount=Decimal(5_000_000)),
        ],
        [Funding(date(2026, 10, 28), Decimal(200), "首期")],
    )
    return {"市人民政府": city, "高新区": zone}


@pytest.fixture
def office(tmp_path: Path, two_units: dict[str, Path]) -> Ledger:
    led = open_ledger(tmp_path / "office.db", actor="督查室")
    for unit, db in two_units.items():
        with open_ledger(db) as u:
            introduce(led, u, "unit", unit)
            introduce(u, led, "office")
    return led


def _solar(office: Ledger) -> Project:
    (found,) = [p for p in office.projects() if p.name == SOLAR]
    return found


def test_another_units_file_adds_history_but_holds_its_differing_details(
    two_units: dict[str, Path], office: Ledger, tmp_path: Path
) -> None:
    city = _submit(two_units["市人民政府"], "张伟", tmp_path / "out")
    zone = _submit(two_units["高新区"], "李娜", tmp_path / "out")
    office.intake([city])
    (outcome,) = office.intake([zone]).outcomes
    assert outcome.code == "taken", outcome.message()
    said = "\n".join(outcome.warning_lines())
    assert "投资方与本库不同（本库：甲集团；报送：乙公司）" in said
    assert "已留待督查室核对" in said and "超过 100 亿元" in said
    solar = _solar(office)
    leader = office.person(solar.leader_id or 0)
    assert (solar.investor, solar.amount, leader.name) == ("甲集团", Decimal(1000), "张伟")
    # the zone's ordinary signing and funds are added, the 500 亿 signing waits
    assert [(c.day, c.stage, c.amount) for c in solar.history] == [
        (date(2026, 9, 1), Stage.TALKS, None),
        (date(2026, 10, 20), Stage.SIGNED, Decimal(800)),
    ]
    assert [(f.day, f.amount) for f in solar.funds] == [(date(2026, 10, 28), Decimal(200))]
    waiting = {(f.kind, f.what): f for f in office.intake_flags(FlagState.OPEN)}
    assert set(waiting) == {
        (FlagKind.CONFLICT, "investor"),
        (FlagKind.CONFLICT, "leader"),
        (FlagKind.LARGE_AMOUNT, "amount"),
        (FlagKind.LARGE_AMOUNT, "project_stages"),
    }
    assert {f.unit for f in waiting.values()} == {"高新区"}
    assert waiting[(FlagKind.CONFLICT, "leader")].theirs == "李娜"
    assert waiting[(FlagKind.LARGE_AMOUNT, "amount")].theirs == "50000000 万元"
    # the signing added from the zone's file says so in the history
    signing = [c for c in changelog.history(office.db, "project_stages") if c.action == "insert"]
    assert signing[0].after["reported_by"] == "高新区"


def test_accepting_writes_the_files_value_rejecting_keeps_ours_and_undo_reopens(
    two_units: dict[str, Path], office: Ledger, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    office.intake([_submit(two_units["市人民政府"], "张伟", out)])
    office.intake([_submit(two_units["高新区"], "李娜", out)])
    waiting = {f.what: f for f in office.intake_flags(FlagState.OPEN)}
    before = rows(office)
    done = office.apply(DecideFlag(waiting["investor"].id, accept=True))
    assert done.result.state is FlagState.ACCEPTED and done.result.decided_by == "督查室"
    assert _solar(office).investor == "乙公司"
    office.apply(done.inverse)
    assert _solar(office).investor == "甲集团"
    assert rows(office) == before

    big = office.apply(DecideFlag(waiting["project_stages"].id, accept=True))
    assert [c.amount for c in _solar(office).history][-1] == Decimal(5_000_000)
    office.apply(big.inverse)
    assert len(_solar(office).history) == 2

    amount = office.apply(DecideFlag(waiting["amount"].id, accept=True))
    assert (_solar(office).amount, _solar(office).currency) == (
        Decimal(50_000_000),
        Currency.CNY,
    )
    office.apply(amount.inverse)
    assert _solar(office).amount == Decimal(1000)

    rejected = office.apply(DecideFlag(waiting["leader"].id, accept=False))
    assert rejected.result.state is FlagState.REJECTED
    assert office.person(_solar(office).leader_id or 0).name == "张伟"
    with pytest.raises(Exception, match="已经处理过"):
        office.decide_flag(waiting["leader"].id, True)

    # the zone sends its month again: nothing already waiting or rejected is asked twice
    newer = resubmit(two_units["高新区"], "李娜", office, tmp_path, lambda led, pid: None)
    (outcome,) = office.intake([newer]).outcomes
    assert outcome.code == "replaced", outcome.message()
    assert "留待督查室核对" not in "".join(outcome.warning_lines())
    assert len(office.intake_flags()) == 4


def rows(ledger: Ledger) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables a decision touches (the change log grows, and is left out)."""
    return {
        t: ledger.db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
        for t in ("projects", "project_stages", "funds", "intake_flags")
    }


def test_the_unit_that_brought_a_project_updates_it_without_a_question(
    two_units: dict[str, Path], office: Ledger, tmp_path: Path
) -> None:
    office.intake([_submit(two_units["市人民政府"], "张伟", tmp_path / "out")])

    def new_investor(led: Ledger, pid: int) -> None:
        (mine,) = led.projects()
        led.update_project(Project(**{**_fields(mine), "investor": "甲集团（新）"}, id=mine.id,
                                   leader_id=mine.leader_id))  # fmt: skip

    newer = resubmit(two_units["市人民政府"], "张伟", office, tmp_path, new_investor)
    (outcome,) = office.intake([newer]).outcomes
    assert outcome.code == "replaced", outcome.message()
    assert _solar(office).investor == "甲集团（新）"
    assert office.intake_flags() == []


def test_a_new_project_over_100_yi_arrives_without_its_amount_until_accepted(
    tmp_path: Path,
) -> None:
    zone = tmp_path / "zone.db"
    _unit(
        zone,
        Person("李娜", "区长", "高新区"),
        Project("海上风电项目", "丙能源", amount=Decimal(2_000_000)),
        [],
        [Funding(date(2026, 10, 3), Decimal(1_500_000), origin=ABROAD, kind=FIXED)],
    )
    with open_ledger(tmp_path / "office.db", actor="督查室") as office, open_ledger(zone) as u:
        introduce(office, u, "unit", "高新区")
        file = _submit(zone, "李娜", tmp_path / "out")
        (outcome,) = office.intake([file]).outcomes
        assert outcome.code == "taken"
        (wind,) = office.projects()
        assert (wind.amount, wind.funds) == (None, ())
        kinds = sorted((f.kind, f.what) for f in office.intake_flags())
        assert kinds == [(FlagKind.LARGE_AMOUNT, "amount"), (FlagKind.LARGE_AMOUNT, "funds")]
        for f in office.intake_flags():
            office.apply(DecideFlag(f.id, accept=True))
        (wind,) = office.projects()
        assert wind.amount == Decimal(2_000_000)
        # held and accepted, the funding keeps its 资金来源 and 资金性质
        assert [(f.amount, f.origin, f.kind) for f in wind.funds] == [
            (Decimal(1_500_000), ABROAD, FIXED)
        ]
