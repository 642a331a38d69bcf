"""What a 考核方案's measures are for each unit (or person) over a period, from what the ledger
holds, by the counting rules the published schemes use:

- a project counts once, for its first signing; a later 签约 (增资) adds only its increment to
  the amount signed, and is no new project;
- the credit goes to one unit and one person per project: its 招引单位 (else its 包联领导's
  unit) and its 第一引资人 (else its 包联领导), however many units reported it;
- 不予认定: a project with a reason entered, or of a kind, origin or size the scheme leaves out,
  counts nowhere, and is listed with the reason;
- a filter on a detail a project lacks (项目类型, 投资方来源) leaves it out and says how many;
- 到位资金 split by origin counts each funding by its own 资金来源 where recorded, else by its
  project's 投资方来源, and by kind (`fund_kinds`) by its 资金性质; a funding with neither left
  out and counted in a note;
- 引进成功 (履约) = signed, registered and its main works started by the period's end.

Pure: the ledger's facts come in (storage/assessment_store.py gathers them), values and the
notes that explain them go out."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from desktop.domain.assessment_scheme import Item, Scheme
from desktop.domain.ledger_parsing import name_key
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.projects import Currency, Funding, Project, Stage

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class TripDays:
    """One traveller on one trip that started in the period."""

    person_id: int
    days: Decimal


@dataclass(frozen=True, slots=True)
class Facts:
    """What the ledger holds for the period, per person where it is per person."""

    period: Period
    persons: Sequence[Person]  # those scored (by person) or whose units are (by unit)
    projects: Sequence[Project]
    trips: Sequence[TripDays] = ()
    months_met: Mapping[int, int] = field(default_factory=dict)  # person -> months at 1/3
    reports_on_time: Mapping[int, int] = field(default_factory=dict)
    reports_missing: Mapping[int, int] = field(default_factory=dict)  # late or not sent
    visits: Mapping[int, int] = field(default_factory=dict)  # 接待客商考察 entries
    unit_order: Sequence[str] = ()  # the office's order of units, when it has one


@dataclass(frozen=True, slots=True)
class Note:
    """Something a reader of the scores must know: a project left out and why, or a count of
    projects a filter could not place."""

    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True, slots=True)
class Measured:
    names: tuple[str, ...]  # units or persons, in the order results list them
    values: Mapping[str, Mapping[str, Decimal]]  # name -> item id -> value
    notes: tuple[Note, ...]


def measure(scheme: Scheme, facts: Facts) -> Measured:
    by_person = scheme.by == "person"
    persons = {p.id: p for p in facts.persons if p.id is not None}
    names = _names(facts, by_person)
    notes: list[Note] = []
    counted, left_out = _credited(scheme, facts.projects, persons, by_person, notes)
    values: dict[str, dict[str, Decimal]] = {n: {} for n in names}
    per_person = _per_person(facts)

    def owner(person_id: int) -> str | None:
        p = persons.get(person_id)
        if p is None:
            return None
        return _person_name(p) if by_person else p.unit

    for item in scheme.items:
        if item.measure in per_person:
            sums: dict[str, Decimal] = defaultdict(Decimal)
            for person_id, value in per_person[item.measure]:
                who = owner(person_id)
                if who is not None:
                    sums[who] += value
            column = dict(sums)
        else:
            column = _project_measure(item, counted, facts.period, notes)
        for n in names:
            values[n][item.id] = column.get(n, Decimal(0))
    if left_out:
        notes.extend(left_out)
    return Measured(tuple(names), values, tuple(_unique(notes)))


def _names(facts: Facts, by_person: bool) -> list[str]:
    if by_person:
        return [_person_name(p) for p in facts.persons]
    units = list(dict.fromkeys(p.unit for p in facts.persons if p.unit))
    rank = {name_key(u): i for i, u in enumerate(facts.unit_order)}
    return sorted(units, key=lambda u: rank.get(name_key(u), len(rank)))


def _person_name(p: Person) -> str:
    return f"{p.name}（{p.unit}）" if p.unit else p.name


def _per_person(facts: Facts) -> dict[str, list[tuple[int, Decimal]]]:
    trips = [(t.person_id, t.days) for t in facts.trips]
    return {
        "trip_days": trips,
        "trip_person_times": [(pid, Decimal(1)) for pid, _ in trips],
        "months_meeting_share": _pairs(facts.months_met),
        "reports_on_time": _pairs(facts.reports_on_time),
        "missing_reports": _pairs(facts.reports_missing),
        "visits_received": _pairs(facts.visits),
    }


def _pairs(counts: Mapping[int, int]) -> list[tuple[int, Decimal]]:
    return [(pid, Decimal(n)) for pid, n in counts.items()]


@dataclass(frozen=True, slots=True)
class _Credited:
    project: Project
    to: str  # the unit or person credited


def _credited(
    scheme: Scheme,
    projects: Iterable[Project],
    persons: Mapping[int, Person],
    by_person: bool,
    notes: list[Note],
) -> tuple[list[_Credited], list[Note]]:
    """Each project once, with whom it is credited to; those 不予认定 listed with the reason."""
    out: list[_Credited] = []
    left_out: list[Note] = []
    uncredited = 0
    for p in projects:
        reason = _not_credited(scheme, p)
        if reason is not None:
            left_out.append(
                Note(f"不予认定：{p.name}（{reason[0]}）", f"not credited: {p.name} ({reason[1]})")
            )
            continue
        to = _credit(p, persons, by_person)
        if to is None:
            uncredited += 1
            continue
        out.append(_Credited(p, to))
    if uncredited:
        who = (
            ("第一引资人或包联领导", "first introducer or leader")
            if by_person
            else ("招引单位", "credited unit")
        )
        notes.append(
            Note(
                f"{uncredited} 个项目没有{who[0]}，未计入",
                f"{uncredited} project(s) without a {who[1]}, not counted",
            )
        )
    return out, left_out


def _credit(p: Project, persons: Mapping[int, Person], by_person: bool) -> str | None:
    if by_person:
        pid = p.first_person_id if p.first_person_id is not None else p.leader_id
        person = persons.get(pid) if pid is not None else None
        return None if person is None else _person_name(person)
    if p.credit_unit:
        return p.credit_unit
    for pid in (p.leader_id, p.first_person_id):
        person = persons.get(pid) if pid is not None else None
        if person is not None and person.unit:
            return person.unit
    return None


def _not_credited(scheme: Scheme, p: Project) -> tuple[str, str] | None:
    if p.excluded:
        return p.excluded, p.excluded
    rules = scheme.exclude
    if p.kind is not None and p.kind.value in rules.get("kinds", ()):
        return f"{p.kind.value}项目不予认定", f"{p.kind.value} projects are not credited"
    if p.origin is not None and p.origin.value in rules.get("origins", ()):
        return f"投资方来源为{p.origin.value}", f"investor from {p.origin.value}"
    below = rules.get("below_amount")
    if below is not None and p.amount is not None and p.amount < Decimal(below):
        return (
            f"协议投资额 {p.amount:f} 万元，低于 {below} 万元",
            f"contracted {p.amount:f} (10k CNY), below {below}",
        )
    return None


def _passes(item: Item, p: Project, notes: list[Note]) -> bool:
    f = item.filters
    for key, label, value in (
        ("kinds", ("项目类型", "project type"), p.kind),
        ("origins", ("投资方来源", "investor origin"), p.origin),
    ):
        # 到位资金 is split by each funding's own origin (_funds_counted), not here
        if key not in f or (key == "origins" and item.measure == "funds_arrived"):
            continue
        if value is None:
            notes.append(_lacking(item, label))
            return False
        if value.value not in f[key]:
            return False
    if "chains" in f and name_key(p.chain) not in {name_key(c) for c in f["chains"]}:
        return False
    if "min_amount" in f:
        if p.amount is None:
            notes.append(_lacking(item, ("协议投资额", "contracted amount")))
            return False
        if p.amount < Decimal(f["min_amount"]):
            return False
    return True


def _lacking(item: Item, label: tuple[str, str]) -> Note:
    # counted into "N 个项目缺少…" by _unique
    return Note(
        f"“{item.name}”：项目缺少{label[0]}，未计入",
        f"'{item.name}': project lacks {label[1]}, not counted",
    )


@dataclass
class _FundsLacking:
    """Fundings of the period an item's filters could not place, for its notes."""

    origin: int = 0
    kind: int = 0

    def notes(self, item: Item) -> list[Note]:
        out = []
        for n, label in (
            (self.origin, ("资金来源", "funds origin")),
            (self.kind, ("资金性质", "kind of funds")),
        ):
            if n:
                out.append(
                    Note(
                        f"“{item.name}”：{n} 笔到位资金缺少{label[0]}，未计入",
                        f"'{item.name}': {n} funding(s) lack the {label[1]}, not counted",
                    )
                )
        return out


def _funds_counted(item: Item, p: Project, period: Period, lacking: _FundsLacking) -> Decimal:
    """The project's funds arrived in the period that the item's filters select: `origins` by
    the funding's own 资金来源 where recorded, else by the project's 投资方来源; `fund_kinds` by
    its 资金性质. A funding a filter cannot place is left out and counted in lacking; one a
    filter refuses by what it holds is just not selected."""
    total = Decimal(0)
    for funding in p.funds:
        if period.start <= funding.day <= period.end and _selects(item, funding, p, lacking):
            total += funding.amount
    return total


def _selects(item: Item, funding: Funding, p: Project, lacking: _FundsLacking) -> bool:
    origin = funding.origin or p.origin
    checks: list[tuple[str, str | None, Sequence[str]]] = []
    if "origins" in item.filters:
        checks.append(("origin", None if origin is None else origin.value, item.filters["origins"]))
    if "fund_kinds" in item.filters:
        kind = None if funding.kind is None else funding.kind.value
        checks.append(("kind", kind, item.filters["fund_kinds"]))
    if any(value is not None and value not in allowed for _, value, allowed in checks):
        return False
    missing = [what for what, value, _ in checks if value is None]
    lacking.origin += "origin" in missing
    lacking.kind += "kind" in missing
    return not missing


def _unique(notes: list[Note]) -> list[Note]:
    """Notes in order, each once; a note repeated for several projects says how many."""
    counts = Counter(notes)
    out = []
    for note in dict.fromkeys(notes):
        n = counts[note]
        if "项目缺少" in note.zh:
            out.append(
                Note(
                    note.zh.replace("项目缺少", f"{n} 个项目缺少"),
                    note.en.replace("project lacks", f"{n} project(s) lack"),
                )
            )
        else:
            out.append(note)
    return out


def first_signed(p: Project) -> date | None:
    """The day it was first signed (or reached a later rung without a recorded signing)."""
    return p.reached(Stage.SIGNED)


def started(p: Project) -> date | None:
    """Its main works' start: the date entered, else when it reached 开工."""
    return p.works_started or p.reached(Stage.STARTED)


def succeeded(p: Project, by: date) -> bool:
    """引进成功 (履约) by a day: signed, registered and main works started."""
    signed, works = first_signed(p), started(p)
    return (
        signed is not None
        and signed <= by
        and p.registered is not None
        and p.registered <= by
        and works is not None
        and works <= by
    )


def _within(day: date | None, period: Period) -> bool:
    return day is not None and period.start <= day <= period.end


def _project_measure(
    item: Item, counted: Sequence[_Credited], period: Period, notes: list[Note]
) -> dict[str, Decimal]:
    out: dict[str, Decimal] = defaultdict(Decimal)
    cohort: dict[str, list[Project]] = defaultdict(list)  # signed in the period, by credit
    usd = 0
    lacking = _FundsLacking()
    for c in counted:
        p = c.project
        if not _passes(item, p, notes):
            continue
        m = item.measure
        if m in ("signed_amount", "funds_arrived", "funds_rate") and p.currency is not Currency.CNY:
            usd += 1
            continue
        if m == "signed_projects":
            out[c.to] += _within(first_signed(p), period)
        elif m == "signed_amount":
            out[c.to] += p.signed_amount(period.start, period.end)
        elif m == "funds_arrived":
            out[c.to] += _funds_counted(item, p, period, lacking)
        elif m == "started_projects":
            out[c.to] += _within(started(p), period)
        elif m == "producing_projects":
            out[c.to] += _within(p.reached(Stage.PRODUCING), period)
        elif m == "leads":
            first = min((h.day for h in p.history), default=None)
            out[c.to] += _within(first, period)
        elif _within(first_signed(p), period):  # the rates: on the period's signed cohort
            cohort[c.to].append(p)
    if usd:
        notes.append(
            Note(
                f"“{item.name}”：{usd} 个以美元计的项目未计入",
                f"'{item.name}': {usd} project(s) in US dollars not counted",
            )
        )
    notes.extend(lacking.notes(item))
    for to, projects in cohort.items():
        out[to] = _rate(item.measure, projects, period.end)
    return dict(out)


def _rate(measure: str, projects: Sequence[Project], end: date) -> Decimal:
    """履约率, 开工率 or 资金到位率 of a signed cohort, in percent."""
    if measure == "funds_rate":
        agreed = sum((p.signed_amount(date.min, end) for p in projects), Decimal(0))
        arrived = sum((p.funds_to(end) for p in projects), Decimal(0))
        return arrived / agreed * HUNDRED if agreed else Decimal(0)
    if measure == "contract_rate":
        done = sum(1 for p in projects if succeeded(p, end))
    else:
        done = sum(1 for p in projects if (s := started(p)) is not None and s <= end)
    return Decimal(done) / len(projects) * HUNDRED
