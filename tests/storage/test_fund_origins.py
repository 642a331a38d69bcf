"""A funding's 资金来源 and 资金性质 kept by every path that writes funds: added, deleted and
undone, a project deleted and put back (from the 回收站 or by undo), and a unit's report taken
in by the office, where the 考核 split by origin then counts it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from desktop.domain import changes as c
from desktop.domain.assessment_scheme import Scheme
from desktop.domain.periods import Period
from desktop.domain.projects import Funding, FundKind, InvestorOrigin, Project
from desktop.storage.ledger import Ledger
from tests.storage.units import (
    open_ledger,
    seed_government,
    seed_zone,
    submit_all,
    trust_units,
)

COUNTRY, PROVINCE = InvestorOrigin.COUNTRY, InvestorOrigin.PROVINCE
FIXED, WORKING = FundKind.FIXED_ASSETS, FundKind.WORKING_CAPITAL
BOE = "京东方显示模组项目(一期)"
SPLIT = {
    "name": "考核办法",
    "by": "unit",
    "items": [
        {"id": "甲", "name": "国内省外到位资金", "measure": "funds_arrived", "kind": "points",
         "points": 1, "filters": {"origins": ["国内省外"]}},
        {"id": "乙", "name": "固定资产投资", "measure": "funds_arrived", "kind": "points",
         "points": 1, "filters": {"fund_kinds": ["固定资产"]}},
    ],
}  # fmt: skip


def split(p: Project) -> list[tuple[str, Decimal, InvestorOrigin | None, FundKind | None]]:
    return [(f.day.isoformat(), f.amount, f.origin, f.kind) for f in p.funds]


def test_origin_and_kind_survive_delete_undo_trash_and_restore(ledger: Ledger) -> None:
    project = ledger.apply(c.AddProject(Project("电池项目"))).result
    pid = project.id
    assert pid is not None
    given = Funding(date(2026, 10, 8), Decimal(8000), "设备款", origin=COUNTRY, kind=FIXED)
    added = ledger.apply(c.AddFunds(pid, given))
    assert added.result.origin is COUNTRY and added.result.kind is FIXED
    expected = [("2026-10-08", Decimal(8000), COUNTRY, FIXED)]
    assert split(ledger.project(pid)) == expected
    undone = ledger.apply(added.inverse)  # DeleteFunds
    assert ledger.project(pid).funds == ()
    ledger.apply(undone.inverse)  # added back, origin and kind with it
    assert split(ledger.project(pid)) == expected
    # a project to the 回收站 and back
    deleted = ledger.apply(c.DeleteProject(pid))
    kind, back = ledger.apply(deleted.inverse).result  # PutBack: ("project", its id)
    assert kind == "project" and split(ledger.project(back)) == expected
    # an undone add (not kept in the bin) redone from the project as it was
    gone = ledger.apply(c.DeleteProject(ledger.find_project("电池项目").id or 0, to_trash=False))
    again = ledger.apply(gone.inverse).result
    assert split(again) == expected


def test_a_unit_s_funding_arrives_at_the_office_with_its_origin_and_kind(tmp_path: Path) -> None:
    zone, government = tmp_path / "zone.db", tmp_path / "government.db"
    with open_ledger(zone) as led:
        boe = seed_zone(led)["boe"]
        # the seeded 2026-10-20 20000 says nothing of either
        led.add_funds(
            boe, Funding(date(2026, 10, 25), Decimal(6000), "设备款", origin=COUNTRY, kind=FIXED)
        )
    with open_ledger(government) as led:
        theirs = seed_government(led)["boe"]
        # the same two fundings, as the 市人民政府 recorded them: the first says where from,
        # the second differs from what 高新区 said
        led.add_funds(theirs, Funding(date(2026, 10, 20), Decimal(20000), origin=PROVINCE))
        led.add_funds(
            theirs, Funding(date(2026, 10, 25), Decimal(6000), origin=PROVINCE, kind=WORKING)
        )
    files = submit_all(zone, tmp_path / "out-zone") + submit_all(government, tmp_path / "out-gov")
    with open_ledger(tmp_path / "office.db", actor="督查室") as office:
        trust_units(office, {"高新区": zone, "市人民政府": government})
        office.intake(files[:2])  # 高新区's reports first
        assert split(office.find_project(BOE)) == [
            ("2026-10-20", Decimal(20000), None, None),
            ("2026-10-25", Decimal(6000), COUNTRY, FIXED),
        ]
        office.intake(files[2:])
        # one row each still; the missing origin filled, the one given not overwritten
        assert split(office.find_project(BOE)) == [
            ("2026-10-20", Decimal(20000), PROVINCE, None),
            ("2026-10-25", Decimal(6000), COUNTRY, FIXED),
        ]
        office.set_scheme(Scheme.from_dict(SPLIT))
        assessed = office.assess(Period.year(2026))
        zone_result = next(r for r in assessed.results if r.name == "高新区")
        assert {i.item.id: i.actual for i in zone_result.items} == {
            "甲": Decimal(6000),
            "乙": Decimal(6000),
        }
        # 长安's 100000 (市人民政府) says neither, nor does its project say where from; the
        # 20000 says where from but not its kind
        notes = [zh for zh, _ in assessed.notes]
        assert "“国内省外到位资金”：1 笔到位资金缺少资金来源，未计入" in notes
        assert "“固定资产投资”：2 笔到位资金缺少资金性质，未计入" in notes
