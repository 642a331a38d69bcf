"""Deterministic generator of a realistic year of OneThird data: people, projects, entry CSV.

Run `python bench/generate.py --people 300 --year 2026 --out DIR`. The same seed always gives
byte-identical files. Every person has a personal promotion propensity, so that a typical month
has roughly 15–25 % of people below one third; the generator prints the figure it reached.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import random
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from desktop.domain.entry_rows import CHINESE_HEADER
from desktop.domain.people import DEFAULT_ACTIVITIES, TRIP_ACTIVITY, ActivityKind
from desktop.domain.workcalendar import WorkCalendar

DEFAULT_SEED = 20261128
PEOPLE_FILE = "people.json"
PROJECTS_FILE = "projects.json"
ENTRIES_FILE = "entries.csv"
META_FILE = "meta.json"

PROMOTION = tuple(a.name for a in DEFAULT_ACTIVITIES if a.kind is ActivityKind.PROMOTION)
OTHER = next(a.name for a in DEFAULT_ACTIVITIES if a.kind is ActivityKind.OTHER)
LEAVE = next(a.name for a in DEFAULT_ACTIVITIES if a.kind is ActivityKind.LEAVE)
FULL, HALF = "全天", "半天"

# ---------------------------------------------------------------------------------------------
# Vocabulary


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
)
# The most common surnames come first; weights fall off gently like real name statistics.
SURNAME_WEIGHTS = tuple(1.0 / (1 + i) ** 0.7 for i in range(len(SURNAMES)))
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建国志文辉鹏飞斌宇浩凯健俊帆帅旭宁"
    "博翔晨阳峰波海亮林彬鑫昊振瑞东晓春雪梅兰婷颖琳慧倩丹蕾新庆德永宏兴利德成安康宗明亚光荣"
)

CHAINS = (
    "新能源汽车产业链",
    "电子信息产业链",
    "生物医药产业链",
    "高端装备制造产业链",
    "新材料产业链",
    "绿色食品产业链",
    "数字经济产业链",
    "现代物流招商组",
    "文化旅游招商组",
    "现代金融招商组",
)
# what the projects of each chain make, for project names
PRODUCTS: dict[str, tuple[str, ...]] = {
    "新能源汽车产业链": _words(
        "新能源电池 动力电池回收 智能网联汽车零部件 电驱动系统 氢燃料电池 充换电设施 汽车电子 "
        "轻量化车身 储能电站 整车制造"
    ),
    "电子信息产业链": _words(
        "集成电路封测 新型显示面板 半导体材料 光电子器件 智能终端 印制电路板 传感器 服务器制造 "
        "光通信模块 功率半导体"
    ),
    "生物医药产业链": _words(
        "创新药研发 医疗器械 生物制剂 中药现代化 体外诊断试剂 原料药 疫苗生产 医用耗材 基因检测 "
        "康复辅具"
    ),
    "高端装备制造产业链": _words(
        "工业机器人 数控机床 航空零部件 轨道交通装备 智能制造装备 精密减速器 工程机械 "
        "节能环保装备 无人机 液压件"
    ),
    "新材料产业链": _words(
        "碳纤维复合材料 高性能合金 特种玻璃 石墨烯材料 电子化学品 光伏硅材料 高分子材料 "
        "稀土功能材料 锂电隔膜 先进陶瓷"
    ),
    "绿色食品产业链": _words(
        "预制菜加工 乳制品 粮油精深加工 冷链食品 茶叶深加工 果蔬饮料 肉制品加工 休闲食品 "
        "功能食品 中央厨房"
    ),
    "数字经济产业链": _words(
        "数据中心 软件产业园 工业互联网平台 人工智能 算力中心 跨境电商 数字孪生 智慧城市 "
        "信创产业 云计算"
    ),
    "现代物流招商组": _words(
        "智慧物流园 冷链物流 保税仓储 多式联运枢纽 快递分拨中心 供应链管理 航空货运 公铁联运 "
        "城市配送 商贸物流"
    ),
    "文化旅游招商组": _words(
        "文旅综合体 度假区 主题乐园 康养小镇 民宿集群 影视基地 研学基地 文化街区 温泉酒店 体育公园"
    ),
    "现代金融招商组": _words(
        "区域总部 产业基金 融资租赁 金融科技 供应链金融 财富管理中心 保险后援中心 股权投资 "
        "数据金融 结算中心"
    ),
}
BRANDS = _words(
    "华鑫 宏达 中科 恒瑞 远景 天合 金辉 中建 海川 博远 新锐 瑞丰 长城 正泰 德力 安泰 润丰 永盛 "
    "鼎信 卓越 凯盛 盛世 星河 云图 国投 华润 同创 智达 腾飞 领航 东方 北辰 南山 西部 中联 华夏 "
    "金桥 银河 九州 万达 联创 光明 先锋 泰山 嘉禾 华晟 和利 明德 合力 汇通 兴业 众诚 信达 创维 "
    "宝新 中鼎 昆仑 天成 新元 巨能 启明 佳宇 锦程 恒通 华信 力诺 中天 翔宇 海纳"
)
PROJECT_SUFFIXES = ("项目", "项目", "项目", "生产基地项目", "产业园项目", "二期项目", "总部项目")
INVESTOR_KINDS = (
    "集团有限公司",
    "股份有限公司",
    "科技有限公司",
    "控股集团有限公司",
    "实业有限公司",
    "投资有限公司",
)
INVESTOR_PLACES = ("深圳", "上海", "北京", "苏州", "杭州", "广州", "宁波", "合肥", "成都", "香港")
PARKS = (
    "高新技术产业开发区",
    "经济技术开发区",
    "临空经济区",
    "综合保税区",
    "新材料产业园",
    "生物医药产业园",
    "智能制造产业园",
    "现代物流园",
    "文旅融合示范区",
    "数字经济产业园",
)
CITIES = _words(
    "深圳市 上海市 北京市 苏州市 杭州市 广州市 合肥市 成都市 武汉市 西安市 宁波市 无锡市 常州市 "
    "东莞市 厦门市 青岛市 南京市 长沙市 郑州市 重庆市 天津市 佛山市 济南市 福州市 昆明市 南昌市 "
    "温州市 泉州市 珠海市 香港特别行政区"
)
LOCAL_PLACES = (
    "市政府",
    "市民中心",
    "市行政中心",
    "高新区管委会",
    "经开区管委会",
    "市政务服务中心",
    "国际会展中心",
    "市招商服务中心",
    "本单位",
    "项目现场",
)
OTHER_NOTES = (
    "参加市委常委会",
    "参加市政府常务会议",
    "信访接待",
    "调研安全生产工作",
    "参加全市经济工作会议",
    "研究年度财政预算",
    "督导民生实事项目",
    "参加专题学习会",
    "处理日常公文",
    "检查防汛工作",
    "听取分管部门工作汇报",
    "参加人大代表建议办理座谈会",
    "",
)
LEAVE_NOTES = ("年休假", "年休假", "病假", "事假", "探亲假", "")


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    head: str  # title of the unit's head
    deputy: str  # title of its deputies


def _units() -> list[Unit]:
    units = [Unit("市政府", "市长", "副市长")]
    for district in (
        "城东区",
        "城西区",
        "江北区",
        "江南区",
        "新港区",
        "临空区",
        "北湖区",
        "南溪区",
    ):
        units.append(Unit(f"{district}人民政府", "区长", "副区长"))
    for county in ("青山县", "白河县", "桃源县", "云溪县", "石门县", "凤鸣县"):
        units.append(Unit(f"{county}人民政府", "县长", "副县长"))
    units.append(Unit("高新技术产业开发区管委会", "主任", "副主任"))
    units.append(Unit("经济技术开发区管委会", "主任", "副主任"))
    for commission in ("市发展改革委", "市卫生健康委", "市国资委", "市教育委"):
        units.append(Unit(commission, "主任", "副主任"))
    for bureau in (
        "市商务局",
        "市投资促进局",
        "市工业和信息化局",
        "市科技局",
        "市财政局",
        "市自然资源和规划局",
        "市住房城乡建设局",
        "市交通运输局",
        "市农业农村局",
        "市文化广电旅游局",
        "市市场监管局",
        "市生态环境局",
        "市人力资源社会保障局",
        "市行政审批局",
        "市水利局",
        "市应急管理局",
        "市统计局",
        "市地方金融管理局",
    ):
        units.append(Unit(bureau, "局长", "副局长"))
    units.append(Unit("市外事办公室", "主任", "副主任"))
    units.append(Unit("市招商服务中心", "主任", "副主任"))
    return units


UNITS = _units()

# ---------------------------------------------------------------------------------------------
# People and projects


@dataclass(frozen=True, slots=True)
class PersonSpec:
    name: str
    title: str
    unit: str
    group: str
    subject_to_rule: bool


@dataclass(frozen=True, slots=True)
class ProjectSpec:
    name: str
    investor: str
    chain: str
    amount: int  # 万元
    park: str


def make_people(rng: random.Random, count: int) -> list[PersonSpec]:
    """Unique names; each unit gets its head first, then deputies, the city government most."""
    names: set[str] = set()

    def new_name() -> str:
        while True:
            surname = rng.choices(SURNAMES, SURNAME_WEIGHTS)[0]
            given = "".join(rng.choice(GIVEN_CHARS) for _ in range(rng.choice((1, 2, 2, 2))))
            if given[0] != surname and surname + given not in names:
                names.add(surname + given)
                return surname + given

    # the city government and districts/counties carry more leaders than a bureau does
    weights = [
        2.0 if u.name == "市政府" else 1.6 if u.head in ("区长", "县长") else 1.0 for u in UNITS
    ]
    slots = [0] * len(UNITS)
    for i in range(count):
        slots[i % len(UNITS) if i < len(UNITS) else rng.choices(range(len(UNITS)), weights)[0]] += 1
    people: list[PersonSpec] = []
    for unit, n in zip(UNITS, slots, strict=True):
        for k in range(n):
            head = k == 0
            title = unit.head if head else unit.deputy
            if unit.name == "市政府" and k == 1:
                title = "常务副市长"
            subject = head or rng.random() < 0.86
            people.append(PersonSpec(new_name(), title, unit.name, rng.choice(CHAINS), subject))
    return people


def make_projects(rng: random.Random, count: int) -> list[ProjectSpec]:
    names: set[str] = set()
    projects: list[ProjectSpec] = []
    attempts = 0
    while len(projects) < count:
        attempts += 1
        if attempts > count * 50:
            raise RuntimeError(f"cannot make {count} unique project names")
        chain = CHAINS[len(projects) % len(CHAINS)]
        brand = rng.choice(BRANDS)
        product = rng.choice(PRODUCTS[chain])
        name = f"{brand}{product}{rng.choice(PROJECT_SUFFIXES)}"
        if name in names:
            continue
        names.add(name)
        investor = f"{rng.choice(INVESTOR_PLACES)}{brand}{rng.choice(INVESTOR_KINDS)}"
        amount = round(math.exp(rng.uniform(math.log(2000), math.log(800_000))), -2)
        projects.append(ProjectSpec(name, investor, chain, int(amount), rng.choice(PARKS)))
    return projects


# ---------------------------------------------------------------------------------------------
# Entries

Row = tuple[str, str, str, str, str, str, str, str, str, str]


@dataclass
class Persona:
    """One person as the generator drives them: their habits and the projects they follow."""

    spec: PersonSpec
    propensity: float  # the share of one third they aim at, roughly
    portfolio: list[ProjectSpec]
    trip_until: date | None = None
    trip_city: str = ""
    trip_project: ProjectSpec | None = None
    leave_until: date | None = None


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _hours(minutes: int) -> str:
    return f"{minutes / 60:g}"


class EntryWriter:
    """Produces the rows of one person-day; all randomness comes from the one generator."""

    def __init__(self, rng: random.Random, projects: Sequence[ProjectSpec]) -> None:
        self.rng = rng
        self.projects = projects

    def project_for(self, who: Persona, activity: str) -> ProjectSpec | None:
        chance = {
            "项目洽谈": 0.9,
            "签约活动": 0.95,
            "项目推进协调": 0.85,
            "接待客商考察": 0.6,
            TRIP_ACTIVITY: 0.5,
            "招商推介会": 0.1,
        }.get(activity, 0.02)
        if self.rng.random() >= chance:
            return None
        if self.rng.random() < 0.85:
            return self.rng.choice(who.portfolio)
        return self.rng.choice(self.projects)

    def note_for(self, activity: str, project: ProjectSpec | None, city: str, chain: str) -> str:
        r = self.rng
        if activity == OTHER:
            return r.choice(OTHER_NOTES)
        if activity == LEAVE:
            return r.choice(LEAVE_NOTES)
        if r.random() < 0.12:
            return ""
        investor = project.investor if project else f"{city[:2]}{r.choice(BRANDS)}集团"
        pname = project.name if project else f"{chain[:-3]}重点项目"
        templates = {
            TRIP_ACTIVITY: (
                f"赴{city}拜访{investor}，对接{pname}",
                f"带队赴{city}开展{chain[:-3]}专题招商",
                f'赴{city}走访"链主"企业，洽谈合作事宜',
            ),
            "接待客商考察": (
                f"陪同{investor}考察{r.choice(PARKS)}",
                f"接待{investor}一行，介绍投资环境",
            ),
            "项目洽谈": (
                f"与{investor}就{pname}投资协议条款进行洽谈",
                f"洽谈{pname}, 双方就用地和税收政策达成初步意向",
            ),
            "签约活动": (
                f"{pname}正式签约，协议投资{r.randint(2, 80)}亿元",
                f"出席{investor}合作签约仪式",
            ),
            "招商推介会": (
                f"出席{city}{chain[:-3]}专场招商推介会并致辞",
                "举办驻外招商联络处推介活动",
            ),
            "项目推进协调": (
                f"协调解决{pname}用地、环评等问题",
                f"召开{pname}推进会，明确开工时间节点",
            ),
            "产业研究谋划": (
                f"研究{chain}招商图谱和目标企业清单",
                "谋划储备一批重大招商项目",
            ),
            "招商专题会议": (
                f"主持召开{chain}招商专题会议",
                "听取招商引资工作进展汇报",
            ),
        }
        return r.choice(templates[activity])

    def row(
        self,
        who: Persona,
        day: date,
        activity: str,
        *,
        start: int | None = None,
        end: int | None = None,
        minutes: int | None = None,
        part: str = "",
        city: str = "",
        project: ProjectSpec | None = None,
        pick_project: bool = True,
    ) -> Row:
        r = self.rng
        if project is None and pick_project:
            project = self.project_for(who, activity)
        if not city:
            city = r.choice(CITIES)
        if activity in (OTHER, LEAVE):
            location = r.choice(LOCAL_PLACES) if activity == OTHER and r.random() < 0.6 else ""
        elif activity == TRIP_ACTIVITY or (activity == "招商推介会" and r.random() < 0.5):
            location = city
        else:
            location = r.choice(LOCAL_PLACES)
        note = self.note_for(activity, project, city, who.spec.group)
        start_text = _clock(start) if start is not None else ""
        end_text = _clock(end) if end is not None else ""
        if part:
            hours = part
        elif start is not None and end is not None:
            hours = _hours(end - start) if r.random() < 0.3 else ""  # some sheets fill both
        else:
            assert minutes is not None
            hours = _hours(minutes)
        return (
            day.isoformat(),
            who.spec.name,
            who.spec.title,
            start_text,
            end_text,
            hours,
            activity,
            project.name if project else "",
            location,
            note,
        )

    def activity(self, who: Persona, promotion_chance: float) -> str:
        if self.rng.random() < promotion_chance:
            return self.rng.choices(PROMOTION, (6, 8, 10, 2, 3, 10, 5, 6))[0]
        return OTHER

    def timed_day(
        self, who: Persona, day: date, count: int, first: int, last: int, chance: float
    ) -> list[Row]:
        """`count` entries laid out between `first` and `last` (minutes), never overlapping."""
        r = self.rng
        rows: list[Row] = []
        t = first + 15 * r.randint(0, 4)
        for i in range(count):
            left = count - i
            room = last - t - 30 * (left - 1)
            if room < 30:
                break
            duration = min(room, 15 * r.randint(2, 12))
            act = self.activity(who, chance)
            if r.random() < 0.1:  # a row with a duration only, no clock times
                rows.append(self.row(who, day, act, minutes=duration))
            else:
                rows.append(self.row(who, day, act, start=t, end=t + duration))
            t += duration + 15 * r.randint(0, 3)
            if t < 12 * 60 + 30 < t + 60 and r.random() < 0.7:
                t = 13 * 60 + 30 + 15 * r.randint(0, 2)  # lunch
        return rows


def person_days(w: EntryWriter, who: Persona, year: int, calendar: WorkCalendar) -> Iterator[Row]:
    """Every row of one person's year, day by day."""
    r = w.rng
    s = who.propensity
    chance = min(0.95, 0.95 * s)  # promotion share of an ordinary day's entries
    trip_start = 0.07 * s  # a promotion trip begins (on a working day)
    weekend_work = 0.28 * s  # promotion on a weekend or holiday day
    day, end = date(year, 1, 1), date(year, 12, 31)
    while day <= end:
        workday = calendar.is_workday(day)
        if who.trip_until is not None and day <= who.trip_until:
            yield w.row(
                who, day, TRIP_ACTIVITY, part=FULL, city=who.trip_city, project=who.trip_project
            )
            if r.random() < 0.45:  # an evening talk on the road
                yield w.row(
                    who, day, "项目洽谈", start=19 * 60 + 30, end=21 * 60, city=who.trip_city
                )
        elif who.leave_until is not None and day <= who.leave_until:
            if workday:
                yield w.row(who, day, LEAVE, part=FULL)
        elif not workday:
            if r.random() < weekend_work:
                if r.random() < 0.4:
                    _start_trip(w, who, day, r.choice((0, 0, 1)))
                    continue  # the trip branch writes today
                yield from w.timed_day(who, day, r.randint(1, 2), 9 * 60, 18 * 60, 0.95)
        elif r.random() < 0.012:
            who.leave_until = day + timedelta(days=r.choice((0, 0, 0, 1, 2, 4)))
            continue
        elif r.random() < trip_start:
            _start_trip(w, who, day, r.choice((0, 0, 1, 1, 2, 3)))
            continue
        elif r.random() < 0.12:
            yield from _half_day(w, who, day, chance)
        else:
            count = r.choices((2, 3, 4, 5, 6), (0.08, 0.16, 0.26, 0.27, 0.23))[0]
            yield from w.timed_day(who, day, count, 8 * 60, 21 * 60, chance)
        day += timedelta(days=1)


def _start_trip(w: EntryWriter, who: Persona, day: date, extra_days: int) -> None:
    who.trip_until = min(day + timedelta(days=extra_days), date(day.year, 12, 31))
    who.trip_city = w.rng.choice(CITIES)
    who.trip_project = w.rng.choice(who.portfolio) if w.rng.random() < 0.6 else None


def _half_day(w: EntryWriter, who: Persona, day: date, chance: float) -> list[Row]:
    """A 半天 row for one half of the day and timed rows in the other."""
    r = w.rng
    roll = r.random()
    if roll < 0.15:
        act = LEAVE
    elif roll < 0.15 + chance:
        act = r.choice(("招商推介会", "项目推进协调", "接待客商考察", "招商专题会议"))
    else:
        act = OTHER
    half = w.row(who, day, act, part=HALF)
    if r.random() < 0.5:
        return [half, *w.timed_day(who, day, r.randint(1, 3), 14 * 60, 18 * 60 + 30, chance)]
    return [*w.timed_day(who, day, r.randint(1, 3), 8 * 60, 12 * 60, chance), half]


# ---------------------------------------------------------------------------------------------
# Putting it together


@dataclass(frozen=True, slots=True)
class Generated:
    people: list[PersonSpec]
    projects: list[ProjectSpec]
    entries: int
    below_third: dict[int, float]  # month -> fraction of subject persons below one third
    seconds: float


def generator_version() -> str:
    """A fingerprint of this file, so that data made by an older generator is not reused."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


def data_files(out: Path) -> tuple[Path, Path, Path]:
    return out / PEOPLE_FILE, out / PROJECTS_FILE, out / ENTRIES_FILE


def generate(
    out: Path,
    people: int = 300,
    year: int = 2026,
    projects: int = 3000,
    seed: int = DEFAULT_SEED,
) -> Generated:
    """Write people.json, projects.json, entries.csv (and meta.json) into `out`."""
    began = time.perf_counter()
    rng = random.Random(seed)
    calendar = WorkCalendar()
    persons = make_people(rng, people)
    project_specs = make_projects(rng, projects)
    by_chain: dict[str, list[ProjectSpec]] = defaultdict(list)
    for p in project_specs:
        by_chain[p.chain].append(p)
    personas = []
    for spec in persons:
        # aimed share of one third: mostly above, a tail below; bureau deputies lower
        aim = rng.gauss(0.47, 0.12) - (0.04 if spec.title.startswith("副") else 0.0)
        own = rng.sample(by_chain[spec.group], min(len(by_chain[spec.group]), rng.randint(8, 30)))
        other = rng.sample(project_specs, rng.randint(2, 8))
        personas.append(Persona(spec, min(0.95, max(0.08, aim)), own + other))

    out.mkdir(parents=True, exist_ok=True)
    people_path, projects_path, entries_path = data_files(out)
    _write_json(people_path, [asdict(p) for p in persons])
    _write_json(projects_path, [asdict(p) for p in project_specs])
    writer = EntryWriter(rng, project_specs)
    minutes_per_day = 8 * 60
    promo: dict[tuple[str, int], float] = defaultdict(float)
    leave: dict[tuple[str, int], float] = defaultdict(float)
    count = 0
    with entries_path.open("w", encoding="utf-8-sig", newline="") as f:
        out_csv = csv.writer(f)
        out_csv.writerow(CHINESE_HEADER)
        for who in personas:
            for row in person_days(writer, who, year, calendar):
                out_csv.writerow(row)
                count += 1
                days = _day_equivalents(row, minutes_per_day)
                key = (row[1], int(row[0][5:7]))
                if row[6] in PROMOTION:
                    promo[key] += days
                elif row[6] == LEAVE and calendar.is_workday(date.fromisoformat(row[0])):
                    leave[key] += days
    below = _below_third(persons, year, calendar, promo, leave)
    seconds = time.perf_counter() - began
    meta = {
        "people": people,
        "year": year,
        "projects": projects,
        "seed": seed,
        "generator": generator_version(),
        "entries": count,
        "seconds": round(seconds, 2),
    }
    _write_json(out / META_FILE, meta)
    return Generated(persons, project_specs, count, below, seconds)


def _day_equivalents(row: Row, minutes_per_day: float) -> float:
    hours = row[5]
    if hours == FULL:
        return 1.0
    if hours == HALF:
        return 0.5
    if row[3]:
        h1, m1 = row[3].split(":")
        h2, m2 = row[4].split(":")
        return (int(h2) * 60 + int(m2) - int(h1) * 60 - int(m1)) / minutes_per_day
    return round(float(hours) * 60) / minutes_per_day


def _below_third(
    persons: Sequence[PersonSpec],
    year: int,
    calendar: WorkCalendar,
    promo: dict[tuple[str, int], float],
    leave: dict[tuple[str, int], float],
) -> dict[int, float]:
    subjects = [p.name for p in persons if p.subject_to_rule]
    out: dict[int, float] = {}
    for month in range(1, 13):
        first = date(year, month, 1)
        last = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
        workdays = calendar.count(first, last).days
        below = 0
        for name in subjects:
            base = max(0.0, workdays - leave[(name, month)])
            if promo[(name, month)] + 1e-9 < base / 3:
                below += 1
        out[month] = below / len(subjects) if subjects else 0.0
    return out


def _write_json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def load_people(out: Path) -> list[PersonSpec]:
    return [PersonSpec(**d) for d in json.loads((out / PEOPLE_FILE).read_text("utf-8"))]


def load_projects(out: Path) -> list[ProjectSpec]:
    return [ProjectSpec(**d) for d in json.loads((out / PROJECTS_FILE).read_text("utf-8"))]


def load_meta(out: Path) -> dict[str, object] | None:
    path = out / META_FILE
    if not path.exists():
        return None
    meta: dict[str, object] = json.loads(path.read_text("utf-8"))
    return meta


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--projects", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, required=True, help="folder to write the files to")
    args = parser.parse_args(argv)
    g = generate(args.out, args.people, args.year, args.projects, args.seed)
    size = (args.out / ENTRIES_FILE).stat().st_size
    print(
        f"{len(g.people)} people, {len(g.projects)} projects, {g.entries} entries"
        f" ({size / 1e6:.1f} MB) in {g.seconds:.1f} s -> {args.out}"
    )
    months = " ".join(f"{m}月 {v:.0%}" for m, v in g.below_third.items())
    print(f"below one third (subject persons): {months}")


if __name__ == "__main__":
    main()
