"""A supervision office's ledger on 2026-04-10 with three units to score, and a six-item scheme
in the shape published 考核办法 take, with the scores worked by hand (HAND). The storage, the
command line and the 报告 page are each checked against HAND.

Three months (January to March) have ended, so 序时 is 3 ÷ 12 = 0.25.

| | 高新区 | 经开区 | 东湖县 |
|---|---|---|---|
| 外出招商人·天 (A1) | 10 + 2 × 10 = 30 | 19.5 (back at noon) | 22 + 28 + 15 = 65 |
| 新签约亿元以上项目 (A2) | 电池, 数据中心: 2 | 装备 (signed twice, once): 1 | 光伏: 1 |
| 到位资金 (A3) | 8000 + 2000 + 1000 = 11000 | 3000 | 4000 |
| 未按时报送月报 (A4) | 0 | 1 (March late) | 2 (February, March) |
| 新签约项目 (A5) | 2 (增资 is no new project) | 1 | 2 (农产品, 光伏) |
| 签约额 (A6) | 50000 + 20000 + 5000 (增资) = 75000 | 12000 | 8000 + 20000 = 28000 |

Not credited: 商业综合体 (房地产), 本地企业扩产 (投资方来源 市内), 文旅项目 (原合同内二期).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.projects import (
    Funding,
    InvestorOrigin,
    Project,
    ProjectKind,
    Stage,
    StageChange,
)
from desktop.domain.trips import Trip
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.ledger import Ledger

DAY = date(2026, 4, 10)
YEAR = Period.year(2026)
PDF = b"%PDF-1.4 stand-in\n"

SCHEME: dict[str, Any] = {
    "format": "onethird-scheme-1",
    "name": "某市招商引资工作考核办法",
    "document": "某办发〔2026〕12号",
    "period": "year",
    "by": "unit",
    "exclude": {"kinds": ["房地产"], "origins": ["市内"]},
    "items": [
        {"id": "A1", "name": "外出招商天数", "measure": "trip_days", "kind": "ratio",
         "weight": "20", "target": "40", "targets": {"高新区": "50"}, "cap": "24"},
        {"id": "A2", "name": "新签约亿元以上项目", "measure": "signed_projects",
         "kind": "points", "points": "5", "cap": "20", "filters": {"min_amount": "10000"}},
        {"id": "A3", "name": "到位资金", "measure": "funds_arrived", "kind": "efficacy",
         "weight": "25"},
        {"id": "A4", "name": "未按时报送月报", "measure": "missing_reports",
         "kind": "deduction", "points": "2", "cap": "5"},
        {"id": "A5", "name": "超额签约", "measure": "signed_projects", "kind": "bonus",
         "target": "1", "points": "1.5", "cap": "6"},
        {"id": "A6", "name": "新签约金额", "measure": "signed_amount", "kind": "ratio",
         "weight": "10", "target": "50000", "cap": "12"},
    ],
}  # fmt: skip

# by hand:
#   A1 30÷50×20 = 12 · 19.5÷40×20 = 9.75 · 65÷40×20 = 32.5 → 24 (cap)
#   A2 2×5 = 10 · 1×5 = 5 · 1×5 = 5
#   A3 功效系数 over 3000…11000: 100×0.25 = 25 · 60×0.25 = 15 · (60 + 40×1000÷8000)×0.25 = 16.25
#   A4 0 · −2 · −4        A5 (2−1)×1.5 = 1.5 · 0 · 1.5
#   A6 75000÷50000×10 = 15 → 12 (cap) · 2.4 · 5.6
HAND = {
    "高新区": ["12.00", "10.00", "25.00", "0.00", "1.50", "12.00"],
    "经开区": ["9.75", "5.00", "15.00", "-2.00", "0.00", "2.40"],
    "东湖县": ["24.00", "5.00", "16.25", "-4.00", "1.50", "5.60"],
}
TOTALS = [(1, "高新区", "60.50"), (2, "东湖县", "48.35"), (3, "经开区", "30.15")]
NOT_CREDITED = ("经开区商业综合体", "经开区本地企业扩产", "东湖县文旅项目")


def _d(text: str) -> date:
    return date.fromisoformat(text)


def _project(led: Ledger, project: Project, stages: list[tuple[str, str | None]], funds: list[
    tuple[str, int]
]) -> int:  # fmt: skip
    made = led.add_project(project)
    assert made.id is not None
    for i, (day, amount) in enumerate(stages):
        money = None if amount is None else Decimal(amount)
        led.add_stage(made.id, StageChange(_d(day), Stage.SIGNED, "增资" if i else "", money))
    for arrived, wan in funds:
        led.add_funds(made.id, Funding(_d(arrived), Decimal(wan)))
    return made.id


def _trip(led: Ledger, who: list[int], start: str, end: str, end_half: bool = False) -> None:
    led.add_trip(Trip(tuple(who), _d(start), _d(end), end_half=end_half, destinations=("深圳",)))


def seed(led: Ledger, out: Path) -> dict[str, int]:
    """The office's ledger as HAND scores it; `out` receives the monthly report files."""
    ids: dict[str, int] = {}
    for name, title, unit, subject in (
        ("王建国", "党工委书记", "高新区", True),
        ("陈静", "招商局局长", "高新区", False),
        ("李志强", "主任", "经开区", True),
        ("赵明", "县长", "东湖县", True),
    ):
        made = led.add_person(Person(name, title, unit, subject_to_rule=subject))
        assert made.id is not None
        ids[name] = made.id
    wang, chen, li, zhao = (ids[n] for n in ("王建国", "陈静", "李志强", "赵明"))
    _trip(led, [wang], "2026-01-05", "2026-01-14")
    _trip(led, [wang, chen], "2026-02-02", "2026-02-11")
    _trip(led, [li], "2026-03-01", "2026-03-20", end_half=True)
    _trip(led, [zhao], "2026-01-10", "2026-01-31")
    _trip(led, [zhao], "2026-02-01", "2026-02-28")
    _trip(led, [zhao], "2026-03-01", "2026-03-15")
    _trip(led, [zhao], "2025-12-20", "2025-12-31")  # last year's: not counted

    def project(name: str, amount: int, **details: Any) -> Project:
        return Project(name, amount=Decimal(amount), **details)

    industry, abroad = ProjectKind.INDUSTRY, InvestorOrigin.COUNTRY
    _project(
        led,
        project("高新区新能源电池项目", 50000, credit_unit="高新区", kind=industry, origin=abroad),
        [("2026-01-20", "50000")],
        [("2026-03-01", 8000)],
    )
    _project(
        led,
        project("高新区数据中心项目", 20000, leader_id=wang, kind=industry),
        [("2026-02-15", None)],
        [("2026-03-05", 2000)],
    )
    _project(  # signed last year: its 增资 this year adds 5000 to 签约额 and is no new project
        led,
        project("高新区老项目", 30000, credit_unit="高新区"),
        [("2025-06-01", "30000"), ("2026-03-10", "5000")],
        [("2026-03-20", 1000)],
    )
    _project(  # its signing entered twice: one project, counted once
        led,
        project("经开区装备制造项目", 12000, leader_id=li),
        [("2026-01-08", None), ("2026-02-08", None)],
        [("2026-03-15", 3000)],
    )
    _project(
        led,
        project("经开区商业综合体", 80000, leader_id=li, kind=ProjectKind.REAL_ESTATE),
        [("2026-02-01", None)],
        [("2026-03-01", 9000)],
    )
    _project(
        led,
        project("经开区本地企业扩产", 15000, leader_id=li, origin=InvestorOrigin.CITY),
        [("2026-03-01", None)],
        [],
    )
    _project(
        led,
        project("东湖县农产品加工项目", 8000, credit_unit="东湖县", kind=ProjectKind.AGRICULTURE),
        [("2026-01-15", None)],
        [("2026-03-10", 4000)],
    )
    _project(
        led,
        project("东湖县文旅项目", 10000, leader_id=zhao, excluded="原合同内二期项目"),
        [("2026-03-05", None)],
        [("2026-03-25", 6000)],
    )
    _project(led, project("东湖县光伏项目", 20000, leader_id=zhao), [("2026-02-20", None)], [])

    def submit(person: int, month: int, day: date) -> None:
        moment = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)
        period = Period.month(2026, month)
        led.submit_month(person, period, PDF, out / f"{person}-{month}.otr", now=moment)

    for month in (1, 2, 3):
        submit(wang, month, date(2026, month + 1, 3))
    submit(li, 1, date(2026, 2, 4))
    submit(li, 2, date(2026, 3, 5))
    submit(li, 3, date(2026, 4, 8))  # after the 5th: late
    submit(zhao, 1, date(2026, 2, 2))
    return ids


def make_office(path: Path) -> Path:
    """The seeded office ledger at `path`, its scheme held."""
    from desktop.domain.assessment_scheme import Scheme

    with Ledger.open(path, WorkCalendar(), actor="督查室", today=lambda: DAY) as led:
        out = path.parent / "reports-out"
        out.mkdir(exist_ok=True)
        seed(led, out)
        led.set_scheme(Scheme.from_dict(SCHEME))
    return path
