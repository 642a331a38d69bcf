"""The city-wide circular (汇总通报): everyone's share, trips and new projects, by days out.

By unit or group it is the table offices publish: 外出人数 (persons with a day away), 外出天数,
工作开展情况 (the destinations in the order first visited by anyone of the row), rows by days away
with ties — the 未外出 rows among them — in the office's official order; the share figures
follow as a second table (`circular_sheets.py` writes the tables)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from desktop.domain.official_order import OfficialOrder
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.pipeline import pipeline_figures
from desktop.domain.projects import Project, Stage
from desktop.domain.share import GroupShare, PersonShare, group_shares
from desktop.domain.submission import Missing
from desktop.domain.travel import TravelTotals, combined
from desktop.domain.workcalendar import YearBasis
from desktop.reports.labels import joined, label, paren
from desktop.reports.sheet import Sheet

BY = ("person", "unit", "group")
MAX_PLACES = 6  # destinations named in a row before "等 N 地"
NO_TRAVEL = TravelTotals()
NO_ORDER = OfficialOrder()  # no official order set: names in the order of their characters


@dataclass(frozen=True, slots=True)
class ProjectCounts:
    """New projects of a period, counted as the domain counts them (first reaching a stage)."""

    talks: int = 0
    signed: int = 0
    started: int = 0

    def __add__(self, other: ProjectCounts) -> ProjectCounts:
        return ProjectCounts(
            self.talks + other.talks, self.signed + other.signed, self.started + other.started
        )


@dataclass(frozen=True, slots=True)
class CircularRow:
    name: str  # person, unit or group; 合计 on the total row
    person: Person | None  # set on a person's row
    persons: int
    share: GroupShare  # Σ promotion ÷ Σ base over the row's persons (one person: their own)
    travel: TravelTotals
    projects: ProjectCounts
    persons_out: int = 0  # persons of the row with at least one day away in the period
    year: TravelTotals = NO_TRAVEL  # from 1 January to the period's end (本年累计)

    @property
    def detail(self) -> str:
        """A person's unit and title."""
        p = self.person
        return " ".join(x for x in (p.unit, p.title) if x) if p is not None else ""


@dataclass(frozen=True, slots=True)
class CircularReport:
    period: Period
    by: str
    rows: tuple[CircularRow, ...]
    total: CircularRow
    below: tuple[PersonShare, ...]  # persons below the target, lowest share first
    persons: tuple[PersonShare, ...]  # everyone, for the distribution charts
    travel: Mapping[int, TravelTotals]
    fallback_years: tuple[int, ...]
    target: float
    today: date
    # built from reports taken in: whose reports are missing (未报送); they are named here and
    # left out of the ranking when nothing of theirs for the period came in
    not_submitted: tuple[Missing, ...] = ()
    basis: tuple[YearBasis, ...] = ()  # the calendar behind the figures, where not the package
    order: OfficialOrder = NO_ORDER
    year_to_date: Period | None = None  # the span of the rows' `year` figures, when gathered
    # new projects of the period without a responsible leader: no row holds them (a project
    # names no unit, and one reported by several units is one project), so they are told apart
    unassigned: ProjectCounts = ProjectCounts()
    unassigned_projects: int = 0  # how many projects those counts are of

    @property
    def published(self) -> bool:
        """By unit or group: the published table first, the share figures as a second table."""
        return self.by != "person"

    @property
    def not_out(self) -> int:
        """Persons who did not go out on a promotion trip in the period (未外出)."""
        return sum(1 for p in self.persons if not self._travel(p).went_out)

    def _travel(self, item: PersonShare) -> TravelTotals:
        return self.travel.get(item.person.id or -1, TravelTotals())

    def days_out(self) -> list[float]:
        return [self._travel(p).days_out for p in self.persons]

    def sheets(self, lang: str = "zh") -> list[Sheet]:
        from desktop.reports import circular_sheets as cs

        sheets = [cs.circular_sheet(self, lang)]
        if self.published:
            sheets.append(cs.share_sheet(self, lang))
        sheets.append(cs.below_sheet(self, lang))
        if self.not_submitted:
            sheets.append(cs.not_submitted_sheet(self, lang))
        return sheets

    def not_submitted_units(self, lang: str = "zh") -> list[tuple[str, str]]:
        """(unit, its persons not submitted) in the official order; a person missing only
        some months of the period has them named: 张伟（10月、11月）."""
        units: dict[str, list[str]] = {}
        ordered = sorted(self.not_submitted, key=lambda m: self.order.unit_rank(m.person.unit))
        for m in ordered:
            name = m.person.name
            if not m.whole_period:
                text = m.months_text(lang)
                name = paren(name, text, lang)
            units.setdefault(m.person.unit, []).append(name)
        return [(unit or label("unassigned", lang), joined(n, lang)) for unit, n in units.items()]


COUNTED = (Stage.TALKS, Stage.SIGNED, Stage.STARTED)


def _counts(projects: Sequence[Project], period: Period) -> ProjectCounts:
    f = pipeline_figures(projects, period)
    return ProjectCounts(*(f.count(stage) for stage in COUNTED))


def project_counts(projects: Sequence[Project], period: Period) -> dict[int, ProjectCounts]:
    """New projects in talks / signed / started in the period per responsible leader (包联领导)."""
    led: dict[int, list[Project]] = defaultdict(list)
    for p in projects:
        if p.leader_id is not None:
            led[p.leader_id].append(p)
    return {leader: _counts(items, period) for leader, items in led.items()}


def unassigned_projects(projects: Sequence[Project], period: Period) -> list[Project]:
    """Projects without a responsible leader that are new in the period (reached 在谈, 签约 or
    开工 in it)."""
    return [
        p
        for p in projects
        if p.leader_id is None
        and any((day := p.reached(stage)) is not None and day in period for stage in COUNTED)
    ]


def build_circular(
    items: Sequence[PersonShare],
    travel: Mapping[int, TravelTotals],
    projects: Sequence[Project],
    period: Period,
    by: str,
    today: date,
    target: float,
    not_submitted: Sequence[Missing] = (),
    order: OfficialOrder = NO_ORDER,
    year_travel: Mapping[int, TravelTotals] | None = None,
    year_to_date: Period | None = None,
) -> CircularReport:
    """items: ledger.summary(period); travel: ledger.travel(period); projects: ledger.projects();
    not_submitted: ledger.missing_reports(period) when built from reports taken in; order:
    ledger.official_order(); year_travel: ledger.travel(year_to_date), 1 January to the end."""
    absent = {m.person.id for m in not_submitted if m.whole_period}
    items = [item for item in items if item.person.id not in absent]
    counts = project_counts(projects, period)
    leaderless = unassigned_projects(projects, period)
    none = TravelTotals()
    year = year_travel or {}

    def person_row(item: PersonShare) -> CircularRow:
        pid = item.person.id or -1
        (share,) = group_shares([(item.person.name, item.result)])
        moved = travel.get(pid, none)
        return CircularRow(
            item.person.name,
            item.person,
            1,
            share,
            moved,
            counts.get(pid, ProjectCounts()),
            int(moved.days_out > 0),
            year.get(pid, none),
        )

    people = [person_row(item) for item in items]
    if by == "person":
        rows = people
        # ties broken by the unit's place in the official order, not by the characters
        rows.sort(
            key=lambda r: (
                -r.travel.days_out,
                -(r.share.share or 0.0),
                order.unit_rank(r.person.unit if r.person else ""),
                r.name,
            )
        )
    else:
        attr = "unit" if by == "unit" else "group"
        keys = [getattr(item.person, attr) for item in items]  # "" is shown as 未填
        shares = group_shares(zip(keys, (item.result for item in items), strict=True))
        rows = [
            _combine(g, [r for k, r in zip(keys, people, strict=True) if k == g.name])
            for g in shares
        ]
        members: dict[str, list[str]] = defaultdict(list)
        for item in items:
            members[item.person.group].append(item.person.unit)
        # as published: by days away; ties, and so the 未外出 rows, in the official order
        rows.sort(key=lambda r: (-r.travel.days_out, order.rank_of(by, r.name, members)))
    totals = group_shares([("", item.result) for item in items])
    total = _combine(totals[0] if totals else GroupShare("", 0, 0.0, 0.0, 0, target), people)
    below = sorted(
        (item for item in items if not item.result.met),
        key=lambda item: (
            item.result.share or 0.0,
            order.unit_rank(item.person.unit),
            item.person.name,
        ),
    )
    years = sorted({y for item in items for y in item.result.fallback_years})
    basis = sorted({b for item in items for b in item.result.basis}, key=lambda b: b.year)
    return CircularReport(
        period,
        by,
        tuple(rows),
        total,
        tuple(below),
        tuple(items),
        travel,
        tuple(years),
        target,
        today,
        tuple(not_submitted),
        tuple(basis),
        order,
        year_to_date if year_travel is not None else None,
        _counts(leaderless, period),
        len(leaderless),
    )


def _combine(share: GroupShare, rows: Sequence[CircularRow]) -> CircularRow:
    """A unit's, group's or everyone's row: the persons' figures summed, the destinations of all
    of them in the order first visited."""
    projects = sum((r.projects for r in rows), ProjectCounts())
    return CircularRow(
        share.name,
        None,
        share.persons,
        share,
        combined(r.travel for r in rows),
        projects,
        sum(r.persons_out for r in rows),
        combined(r.year for r in rows),
    )


def destinations_text(travel: TravelTotals, lang: str = "zh", limit: int = MAX_PLACES) -> str:
    """前往重庆、河南开展招商工作 — or 未外出 when the row made no trip."""
    if not travel.went_out:
        return label("not_out", lang)
    places = list(travel.destinations)
    if not places:
        return label("went_out", lang)
    shown = places[:limit]
    if lang == "en":
        more = f" and {len(places) - limit} more" if len(places) > limit else ""
        return f"Promotion trips to {', '.join(shown)}{more}"
    more = f"等 {len(places)} 地" if len(places) > limit else ""
    return f"前往{'、'.join(shown)}{more}开展招商工作"


def row_name(row: CircularRow, total: bool, lang: str = "zh") -> str:
    if total:
        return label("total", lang)
    return row.name or label("unassigned", lang)


def met_text(row: CircularRow, lang: str = "zh") -> str:
    """达标/未达标 for a person; "3/4" (persons meeting the target) for a unit, group or total."""
    if row.person is not None:
        return label("yes" if row.share.met else "no", lang)
    return f"{row.share.met_count}/{row.share.persons}"
