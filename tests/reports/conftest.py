"""A small city's October 2026, logged through the Ledger API the way secretaries log it."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.projects import Currency, Funding, Project, Stage, StageChange
from desktop.domain.trips import CompanyVisit, Trip
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY

OCTOBER = Period.month(2026, 10)

PEOPLE = (
    # name, title, unit, group, promotion afternoons out of 10 working days
    ("张伟", "市长", "市人民政府", "新能源汽车产业链", 8),
    ("李娜", "区长", "高新区", "电子信息产业链", 7),
    ("王强", "县长", "青山县", "绿色食品产业链", 6),
    ("赵敏", "局长", "市商务局", "现代服务业招商组", 2),
    ("刘洋", "主任", "经开区", "新能源汽车产业链", 5),
    ("陈静", "副区长", "高新区", "电子信息产业链", 3),
)
PROMOTION = ("项目洽谈", "接待客商考察", "项目推进协调", "招商推介会", "招商专题会议")


def _id(value: int | None) -> int:
    assert value is not None
    return value


def seed_city(ledger: Ledger) -> dict[str, int]:
    """Persons, projects with stage histories and funds, trips and a month of entries."""
    ids: dict[str, int] = {}
    for name, title, unit, group, _ in PEOPLE:
        ids[name] = _id(ledger.add_person(Person(name, title, unit, group)).id)
    ids["孙磊"] = _id(
        ledger.add_person(Person("孙磊", "秘书长", "市人民政府", subject_to_rule=False)).id
    )

    def project(
        name: str, investor: str, chain: str, amount: int, leader: str, **kw: object
    ) -> int:
        p = Project(name, investor, chain, Decimal(amount), leader_id=ids[leader], **kw)  # type: ignore[arg-type]
        return _id(ledger.add_project(p).id)

    def stage(pid: int, day: str, st: Stage, amount: int | None = None, note: str = "") -> None:
        money = None if amount is None else Decimal(amount)
        ledger.add_stage(pid, StageChange(date.fromisoformat(day), st, note, money))

    battery = project(
        "长安新能源电池项目",
        "重庆长安汽车股份有限公司",
        "新能源汽车产业链",
        500000,
        "张伟",
        park="经开区新能源产业园",
    )
    stage(battery, "2026-08-10", Stage.LEAD)
    stage(battery, "2026-09-15", Stage.TALKS)
    stage(battery, "2026-10-20", Stage.SIGNED, 500000, "签订投资协议")
    ledger.add_funds(battery, Funding(date(2026, 10, 30), Decimal(100000), "首期资金"))
    byd = project("比亚迪零部件产业园", "比亚迪股份有限公司", "新能源汽车产业链", 120000, "张伟")
    stage(byd, "2026-10-09", Stage.TALKS)
    boe = project("京东方显示模组项目", "京东方科技集团", "电子信息产业链", 80000, "李娜")
    stage(boe, "2026-07-01", Stage.TALKS)
    stage(boe, "2026-09-10", Stage.SIGNED, 80000)
    stage(boe, "2026-10-15", Stage.LANDED)
    stage(boe, "2026-10-26", Stage.SIGNED, 20000, "增资扩产")
    stage(boe, "2026-10-28", Stage.STARTED)
    ledger.add_funds(boe, Funding(date(2026, 10, 20), Decimal(20000)))
    cofco = project("中粮农产品深加工项目", "中粮集团有限公司", "绿色食品产业链", 30000, "王强")
    stage(cofco, "2026-10-05", Stage.LEAD)
    stage(cofco, "2026-10-18", Stage.TALKS)
    sf = project("顺丰智慧物流园", "顺丰控股股份有限公司", "现代物流产业链", 9000, "赵敏")
    stage(sf, "2026-10-12", Stage.SIGNED, 9000)
    ledger.add_funds(sf, Funding(date(2026, 10, 28), Decimal(3000)))
    bosch = project(
        "博世汽车电子项目",
        "博世（中国）投资有限公司",
        "新能源汽车产业链",
        5000,
        "刘洋",
        currency=Currency.USD,
    )
    stage(bosch, "2026-09-01", Stage.TALKS)
    stage(bosch, "2026-10-25", Stage.SIGNED, 5000)
    ledger.add_funds(bosch, Funding(date(2026, 10, 31), Decimal(1000)))
    solar = project("光伏组件项目", "某新能源科技有限公司", "新能源产业链", 60000, "陈静")
    stage(solar, "2026-03-01", Stage.TALKS)
    stage(solar, "2026-06-01", Stage.ENDED)
    ids.update(battery=battery, byd=byd, boe=boe, cofco=cofco, sf=sf, bosch=bosch)

    trips = [
        Trip(
            (ids["张伟"], ids["孙磊"]),
            date(2026, 10, 13),
            date(2026, 10, 15),
            end_half=True,
            destinations=("重庆",),
            companies=(
                CompanyVisit("重庆长安汽车股份有限公司", "刘建国", "副总裁"),
                CompanyVisit("重庆市汽车商会", "周明", "会长"),
            ),
            project_ids=(battery,),
            results="就电池项目签订框架协议，明确一期投资 20 亿元",
        ),
        Trip(
            (ids["张伟"],),
            date(2026, 10, 21),
            date(2026, 10, 22),
            destinations=("河南",),
            companies=(CompanyVisit("比亚迪股份有限公司郑州基地", "黄海", "总经理"),),
            project_ids=(byd,),
            results="考察郑州基地，商定下月来我市实地考察",
        ),
        Trip(
            (ids["李娜"], ids["陈静"]),
            date(2026, 10, 9),
            date(2026, 10, 10),
            destinations=("深圳", "东莞"),
            companies=(CompanyVisit("京东方科技集团", "吴刚", "战略投资部部长"),),
            project_ids=(boe,),
            results="推动京东方模组项目增资扩产",
        ),
        Trip(
            (ids["刘洋"],),
            date(2026, 9, 29),
            date(2026, 10, 2),
            destinations=("上海",),
            companies=(CompanyVisit("博世（中国）投资有限公司", "林涛", "副总裁"),),
            project_ids=(bosch,),
            results="博世汽车电子项目达成合作意向",
        ),
    ]
    away: dict[int, set[date]] = {}
    for t in trips:
        saved = ledger.add_trip(t)
        for pid in saved.traveller_ids:
            away.setdefault(pid, set()).update(d for d, _ in saved.day_parts())

    trip_activity = _id(ledger.find_activity("外出招商").id)
    activity = {
        name: _id(ledger.find_activity(name).id) for name in (*PROMOTION, "其他工作", "请假")
    }
    # 王强 went to Beijing without a trip record (as an imported ledger would have it)
    for day in (date(2026, 10, 19), date(2026, 10, 20)):
        ledger.add_entry(
            Entry(
                ids["王强"],
                day,
                trip_activity,
                day_part=DayPart.FULL,
                location="北京",
                counterpart="中粮集团有限公司",
                project_id=cofco,
                note="对接中粮农产品深加工项目",
            )
        )
        away.setdefault(ids["王强"], set()).add(day)
    for day in (date(2026, 10, 26), date(2026, 10, 27)):  # 王强's leave
        ledger.add_entry(Entry(ids["王强"], day, activity["请假"], day_part=DayPart.FULL))
        away[ids["王强"]].add(day)

    projects = {"张伟": battery, "李娜": boe, "王强": cofco, "赵敏": sf, "刘洋": bosch, "陈静": boe}
    workdays = ledger.calendar.workdays(OCTOBER.start, OCTOBER.end)
    for n, (name, _, _, _, promo) in enumerate(PEOPLE):
        pid = ids[name]
        for i, day in enumerate(workdays):
            if day in away.get(pid, set()):
                continue
            ledger.add_entry(
                Entry(
                    pid, day, activity["其他工作"], start=8 * 60 + 30, end=12 * 60, note="日常工作"
                )
            )
            if (i + n) % 10 < promo:
                kind = PROMOTION[(i + n) % len(PROMOTION)]
                ledger.add_entry(
                    Entry(
                        pid,
                        day,
                        activity[kind],
                        start=14 * 60,
                        end=18 * 60,
                        project_id=projects[name],
                        location="市行政中心",
                        counterpart="客商代表",
                        note=f"{kind}，推进项目落实",
                    )
                )
    return ids


@pytest.fixture(scope="session")
def city_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("city") / "city.db"
    with Ledger.open(path, WorkCalendar(), actor="王秘书", today=lambda: TODAY) as led:
        seed_city(led)
        led.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def city_path(city_file: Path, tmp_path: Path) -> Path:
    """A fresh copy of the seeded city for one test."""
    path = tmp_path / "city.db"
    shutil.copy(city_file, path)
    return path


@pytest.fixture
def city(city_path: Path) -> Iterator[Ledger]:
    with Ledger.open(city_path, WorkCalendar(), actor="王秘书", today=lambda: TODAY) as led:
        yield led


def october_days() -> list[date]:
    return [OCTOBER.start + timedelta(days=i) for i in range(31)]


def squash(text: str) -> str:
    """Text without white space: pdftotext breaks lines where the PDF wraps a cell."""
    return re.sub(r"\s+", "", text)


def pdf_text(data: bytes, tmp_path: Path, layout: bool = False) -> list[str]:
    """The text of each page, as pdftotext (poppler) extracts it, white space removed."""
    path = tmp_path / "read.pdf"
    path.write_bytes(data)
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    done = subprocess.run(args, capture_output=True, check=True, timeout=60)
    return [squash(p) for p in done.stdout.decode("utf-8").split("\f")[: pdf_pages(path)]]


def pdf_pages(path: Path) -> int:
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, timeout=60)
    (line,) = [x for x in done.stdout.decode().splitlines() if x.startswith("Pages:")]
    return int(line.split()[1])


def pdf_fonts(data: bytes, tmp_path: Path) -> list[list[str]]:
    """pdffonts rows: name, type, encoding, emb, sub, uni, …"""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    done = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, timeout=60)
    return [line.split() for line in done.stdout.decode().splitlines()[2:]]


def pdf_images(data: bytes, tmp_path: Path) -> int:
    """How many images (charts) the PDF draws, as pdfimages lists them."""
    path = tmp_path / "images.pdf"
    path.write_bytes(data)
    done = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, check=True)
    rows = [line.split() for line in done.stdout.decode().splitlines()[2:]]
    return sum(1 for row in rows if row[2] == "image")


def layout_pages(data: bytes, tmp_path: Path) -> list[list[str]]:
    """Each page's lines as `pdftotext -layout` places them, blank lines left out."""
    path = tmp_path / "layout.pdf"
    path.write_bytes(data)
    args = ["pdftotext", "-layout", str(path), "-"]
    done = subprocess.run(args, capture_output=True, check=True, timeout=60)
    pages = done.stdout.decode("utf-8").split("\f")[: pdf_pages(path)]
    return [[line for line in page.splitlines() if line.strip()] for page in pages]
