"""Three units' own databases for October 2026, logged through the Ledger API, for the tests of
submission and intake. 市人民政府 and 高新区 both report the 京东方 project (spelled with full- and
half-width brackets); trips span September and October and have companions who do not submit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.projects import Funding, Project, Stage, StageChange
from desktop.domain.trips import CompanyVisit, Trip
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY

OCTOBER = Period.month(2026, 10)
UNITS = ("市人民政府", "高新区", "青山县")
PDF = b"%PDF-1.4 stand-in for the monthly report\n"  # storage does not look inside


def open_ledger(path: Path, actor: str = "秘书") -> Ledger:
    return Ledger.open(path, WorkCalendar(), actor=actor, today=lambda: TODAY)


def _id(value: int | None) -> int:
    assert value is not None
    return value


def _activity(ledger: Ledger, name: str) -> int:
    return _id(ledger.find_activity(name).id)


def _stage(ledger: Ledger, pid: int, day: str, stage: Stage, amount: int | None = None) -> None:
    money = None if amount is None else Decimal(amount)
    ledger.add_stage(pid, StageChange(date.fromisoformat(day), stage, "", money))


def _afternoons(ledger: Ledger, pid: int, days: list[int], project: int | None) -> None:
    """Promotion afternoons and routine mornings on the given October days."""
    for d in days:
        day = date(2026, 10, d)
        ledger.add_entry(Entry(pid, day, _activity(ledger, "其他工作"), start=510, end=720))
        ledger.add_entry(
            Entry(
                pid,
                day,
                _activity(ledger, "项目洽谈"),
                start=840,
                end=1080,
                project_id=project,
                location="市行政中心",
                counterpart="客商代表",
                note="洽谈推进",
            )
        )


def seed_government(ledger: Ledger) -> dict[str, int]:
    zhang = _id(ledger.add_person(Person("张伟", "市长", "市人民政府", "新能源汽车产业链")).id)
    sun = _id(ledger.add_person(Person("孙磊", "秘书长", "市人民政府", subject_to_rule=False)).id)
    battery = _id(
        ledger.add_project(
            Project(
                "长安新能源电池项目",
                "长安汽车",
                "新能源汽车产业链",
                Decimal(500000),
                leader_id=zhang,
            )
        ).id
    )
    _stage(ledger, battery, "2026-08-10", Stage.LEAD)
    _stage(ledger, battery, "2026-09-15", Stage.TALKS)
    _stage(ledger, battery, "2026-10-20", Stage.SIGNED, 500000)
    ledger.add_funds(battery, Funding(date(2026, 10, 30), Decimal(100000), "首期资金"))
    boe = _id(ledger.add_project(Project("京东方显示模组项目（一期）", "京东方")).id)
    _stage(ledger, boe, "2026-07-01", Stage.TALKS)
    _stage(ledger, boe, "2026-09-10", Stage.SIGNED, 80000)
    ledger.add_trip(
        Trip(
            (zhang, sun),
            date(2026, 10, 13),
            date(2026, 10, 15),
            end_half=True,
            destinations=("重庆",),
            companies=(CompanyVisit("长安汽车", "刘建国", "副总裁"),),
            project_ids=(battery,),
            results="签订框架协议",
        )
    )
    ledger.add_trip(Trip((zhang,), date(2026, 9, 29), date(2026, 10, 2), destinations=("上海",)))
    _afternoons(ledger, zhang, [8, 9, 12, 16, 19, 20, 21, 22], battery)
    ledger.add_entry(
        Entry(
            zhang, date(2026, 10, 23), _activity(ledger, "项目推进协调"), minutes=90, project_id=boe
        )
    )
    ledger.add_entry(
        Entry(zhang, date(2026, 10, 27), _activity(ledger, "请假"), day_part=DayPart.FULL)
    )
    return {"张伟": zhang, "孙磊": sun, "battery": battery, "boe": boe}


def seed_zone(ledger: Ledger) -> dict[str, int]:
    li = _id(ledger.add_person(Person("李娜", "区长", "高新区", "电子信息产业链")).id)
    chen = _id(ledger.add_person(Person("陈静", "副区长", "高新区", "电子信息产业链")).id)
    boe = _id(
        ledger.add_project(
            Project(
                "京东方显示模组项目(一期)",
                "京东方科技集团",
                "电子信息产业链",
                Decimal(80000),
                leader_id=li,
            )
        ).id
    )
    _stage(ledger, boe, "2026-07-01", Stage.TALKS)
    _stage(ledger, boe, "2026-09-10", Stage.SIGNED, 80000)
    _stage(ledger, boe, "2026-10-15", Stage.LANDED)
    _stage(ledger, boe, "2026-10-26", Stage.SIGNED, 20000)
    _stage(ledger, boe, "2026-10-28", Stage.STARTED)
    ledger.add_funds(boe, Funding(date(2026, 10, 20), Decimal(20000)))
    ledger.add_trip(
        Trip(
            (li, chen),
            date(2026, 10, 9),
            date(2026, 10, 10),
            destinations=("深圳", "东莞"),
            project_ids=(boe,),
            results="推动增资扩产",
        )
    )
    _afternoons(ledger, li, [12, 13, 14, 15, 16, 19, 20], boe)
    _afternoons(ledger, chen, [12, 20, 28], boe)
    return {"李娜": li, "陈静": chen, "boe": boe}


def seed_county(ledger: Ledger) -> dict[str, int]:
    wang = _id(ledger.add_person(Person("王强", "县长", "青山县", "绿色食品产业链")).id)
    cofco = _id(ledger.add_project(Project("中粮农产品深加工项目", "中粮集团", leader_id=wang)).id)
    _stage(ledger, cofco, "2026-10-05", Stage.LEAD)
    _stage(ledger, cofco, "2026-10-18", Stage.TALKS)
    for d in (19, 20):  # out without a trip record, as an imported ledger has it
        ledger.add_entry(
            Entry(
                wang,
                date(2026, 10, d),
                _activity(ledger, "外出招商"),
                day_part=DayPart.FULL,
                location="北京",
                project_id=cofco,
            )
        )
    for d in (26, 27):
        ledger.add_entry(
            Entry(wang, date(2026, 10, d), _activity(ledger, "请假"), day_part=DayPart.FULL)
        )
    _afternoons(ledger, wang, [9, 12, 13, 14, 15, 16], cofco)
    return {"王强": wang, "cofco": cofco}


SEEDS = {"市人民政府": seed_government, "高新区": seed_zone, "青山县": seed_county}


def make_units(folder: Path) -> dict[str, Path]:
    """Each unit's database, seeded, in `folder`."""
    out = {}
    for i, unit in enumerate(UNITS, 1):
        path = folder / f"unit{i}.db"
        with open_ledger(path) as led:
            SEEDS[unit](led)
        out[unit] = path
    return out


def submit_all(db: Path, out: Path, period: Period = OCTOBER) -> list[Path]:
    """Every subject person of a unit submits the month; returns the files."""
    files = []
    with open_ledger(db) as led:
        for p in led.persons(subject_only=True):
            assert p.id is not None
            name = f"{period.code}-{p.unit}-{p.name}.otr"
            files.append(led.submit_month(p.id, period, PDF, out / name).path)
    return files


def introduce(receiver: Ledger, sender: Ledger, role: str, unit: str = "") -> None:
    """The sender's registration file, accepted by the receiver (the fingerprint compared)."""
    folder = receiver.path.parent / "registrations"
    folder.mkdir(exist_ok=True)
    path = folder / f"{sender.path.stem}-{role}.otk"
    path.write_bytes(sender.registration_file(role, unit))
    receiver.accept_registration(path, sender.own_key().fingerprint)


def trust_units(office: Ledger, units: dict[str, Path]) -> None:
    """The office accepts every unit's key, and every unit the office's."""
    for unit, db in units.items():
        with open_ledger(db) as led:
            introduce(office, led, "unit", unit)
            introduce(led, office, "office")
