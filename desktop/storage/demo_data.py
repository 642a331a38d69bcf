"""Sample data for `onethird --demo` and the screenshots: a small city's year, made up."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from desktop.domain.entries import DayPart, Entry
from desktop.domain.errors import LedgerError
from desktop.domain.people import Person
from desktop.domain.projects import Funding, Project, Stage, StageChange
from desktop.domain.trips import CompanyVisit, Trip
from desktop.storage.ledger import Ledger

PERSONS = (
    ("王建国", "市长", "市人民政府", "新能源汽车产业链"),
    ("李红梅", "常务副市长", "市人民政府", "电子信息产业链"),
    ("赵志强", "副市长", "市人民政府", "生物医药产业链"),
    ("陈晓东", "区长", "高新区管委会", "电子信息产业链"),
    ("刘芳", "区长", "经开区管委会", "新能源汽车产业链"),
    ("周伟", "县长", "青山县人民政府", "绿色食品产业链"),
    ("孙丽", "局长", "市商务局", "现代服务业招商组"),
    ("吴刚", "主任", "市发展改革委", "新材料产业链"),
    ("郑海涛", "局长", "市工业和信息化局", "新材料产业链"),
    ("黄静", "县长", "白水县人民政府", "文旅康养招商组"),
)
CITIES = ("重庆", "成都", "深圳", "上海", "杭州", "苏州", "郑州", "西安", "武汉", "合肥", "北京")
COMPANIES = (
    "长安汽车",
    "比亚迪",
    "宁德时代",
    "京东方",
    "华为",
    "立讯精密",
    "药明康德",
    "隆基绿能",
    "三一重工",
    "海尔智家",
    "美的集团",
    "中国建材",
)
PRODUCTS = (
    "动力电池",
    "储能电站",
    "显示面板",
    "智能终端",
    "生物制药",
    "光伏组件",
    "汽车零部件",
    "新材料",
    "冷链物流",
    "数据中心",
)
PARKS = ("高新区", "经开区", "青山工业园", "白水文旅区")


def fill_demo(ledger: Ledger, today: date, seed: int = 2026) -> None:
    """Twelve months up to today of persons, projects, trips and daily entries."""
    rng = random.Random(seed)
    persons = [ledger.add_person(Person(*p)) for p in PERSONS]
    acts = {a.name: a.id or 0 for a in ledger.activities()}
    projects = []
    for i in range(24):
        company = COMPANIES[i % len(COMPANIES)]
        name = f"{company}{PRODUCTS[i % len(PRODUCTS)]}项目"
        amount: Decimal | None = Decimal(rng.choice((8000, 20000, 50000, 120000, 300000)))
        leader = persons[i % len(persons)]
        projects.append(
            ledger.add_project(
                Project(
                    name,
                    company,
                    leader.group,
                    amount,
                    leader_id=leader.id,
                    park=PARKS[i % len(PARKS)],
                )
            )
        )
    start = date(today.year - 1, today.month, 1) + timedelta(days=31)
    start = start.replace(day=1)
    for p in projects:
        assert p.id is not None
        day = start + timedelta(days=rng.randrange(0, 200))
        for stage in (Stage.LEAD, Stage.TALKS, Stage.SIGNED, Stage.LANDED, Stage.STARTED):
            if day > today or rng.random() < 0.25:
                break
            amount = p.amount if stage is Stage.SIGNED else None
            ledger.add_stage(p.id, StageChange(day, stage, "", amount))
            if stage is Stage.SIGNED and p.amount is not None:
                fday = day + timedelta(days=rng.randrange(20, 90))
                if fday <= today:
                    ledger.add_funds(
                        p.id, Funding(fday, (p.amount * Decimal("0.3")).quantize(Decimal(1)))
                    )
            day += timedelta(days=rng.randrange(20, 80))
    entries: list[Entry] = []
    for n, person in enumerate(persons):
        assert person.id is not None
        keen = 0.25 + 0.3 * rng.random() if n % 4 else 0.2
        own = [p for p in projects if p.leader_id == person.id] or projects
        day = start
        while day <= today:
            if ledger.calendar.is_workday(day) and day not in (today,):
                if rng.random() < 0.03:
                    entries.append(Entry(person.id, day, acts["请假"], day_part=DayPart.FULL))
                elif rng.random() < keen * 0.25 and day + timedelta(days=3) < today:
                    c1, c2 = rng.sample(COMPANIES, 2)
                    project = rng.choice(own)
                    trip = Trip(
                        (person.id,),
                        day,
                        day + timedelta(days=rng.randrange(1, 3)),
                        end_half=rng.random() < 0.5,
                        destinations=tuple(rng.sample(CITIES, rng.randrange(1, 3))),
                        companies=(
                            CompanyVisit(c1, "张经理", "总经理"),
                            CompanyVisit(c2, "李总", "副总裁"),
                        ),
                        project_ids=(project.id or 0,),
                        results=f"与{c1}就{project.name}深入洽谈，达成初步合作意向",
                    )
                    try:
                        saved = ledger.add_trip(trip)
                        day = saved.end_date + timedelta(days=1)
                        continue
                    except LedgerError:  # a clash with other sample data: leave the day out
                        pass
                else:
                    clock = 8 * 60 + 30
                    for _ in range(rng.randrange(2, 5)):
                        length = rng.choice((60, 90, 120, 150))
                        promo = rng.random() < keen
                        name = (
                            rng.choice(("项目洽谈", "接待客商考察", "招商专题会议", "项目推进协调"))
                            if promo
                            else "其他工作"
                        )
                        linked = rng.choice(own) if promo and rng.random() < 0.6 else None
                        entries.append(
                            Entry(
                                person.id,
                                day,
                                acts[name],
                                start=clock,
                                end=clock + length,
                                minutes=length,
                                project_id=linked.id if linked else None,
                                location=rng.choice(("市政府", "高新区", "经开区", "会展中心")),
                                counterpart=rng.choice(COMPANIES) if promo else "",
                                note="推进项目落地" if promo else "",
                            )
                        )
                        clock += length + 30
            day += timedelta(days=1)
    with ledger.db.atomic():
        ledger.ctx.entries._check_days(entries)
        ledger.ctx.entries._insert_entries(entries)
        ledger.ctx.entries._log("demo", "entries", None, None, {"rows": len(entries)})
