"""The city-wide circular (汇总通报): everyone's share, trips and new projects, by days out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.pipeline import pipeline_figures
from desktop.domain.projects import Project, Stage
from desktop.domain.share import GroupShare, PersonShare, group_shares
from desktop.domain.submission import Missing
from desktop.domain.travel import TravelTotals, merge_places
from desktop.domain.workcalendar import YearBasis
from desktop.reports.labels import joined, label, paren
from desktop.reports.sheet import Column, Kind, Sheet, Value
from desktop.reports.summary_table import round_up

BY = ("person", "unit", "group")
MAX_PLACES = 6  # destinations named in a row before "等 N 地"


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

    @property
    def not_out(self) -> int:
        """Persons who did not go out on a promotion trip in the period (未外出)."""
        return sum(1 for p in self.persons if not self._travel(p).went_out)

    def _travel(self, item: PersonShare) -> TravelTotals:
        return self.travel.get(item.person.id or -1, TravelTotals())

    def days_out(self) -> list[float]:
        return [self._travel(p).days_out for p in self.persons]

    def sheets(self, lang: str = "zh") -> list[Sheet]:
        sheets = [circular_sheet(self, lang), below_sheet(self, lang)]
        if self.not_submitted:
            sheets.append(not_submitted_sheet(self, lang))
        return sheets

    def not_submitted_units(self, lang: str = "zh") -> list[tuple[str, str]]:
        """(unit, its persons not submitted) in the order of the list; a person missing only
        some months of the period has them named: 张伟（10月、11月）."""
        units: dict[str, list[str]] = {}
        for m in self.not_submitted:
            name = m.person.name
            if not m.whole_period:
                text = m.months_text(lang)
                name = paren(name, text, lang)
            units.setdefault(m.person.unit, []).append(name)
        return [(unit or label("unassigned", lang), joined(n, lang)) for unit, n in units.items()]


def project_counts(projects: Sequence[Project], period: Period) -> dict[int, ProjectCounts]:
    """New projects in talks / signed / started in the period per responsible leader (包联领导)."""
    led: dict[int, list[Project]] = defaultdict(list)
    for p in projects:
        if p.leader_id is not None:
            led[p.leader_id].append(p)
    out = {}
    for leader, items in led.items():
        f = pipeline_figures(items, period)
        out[leader] = ProjectCounts(
            f.count(Stage.TALKS), f.count(Stage.SIGNED), f.count(Stage.STARTED)
        )
    return out


def build_circular(
    items: Sequence[PersonShare],
    travel: Mapping[int, TravelTotals],
    projects: Sequence[Project],
    period: Period,
    by: str,
    today: date,
    target: float,
    not_submitted: Sequence[Missing] = (),
) -> CircularReport:
    """items: ledger.summary(period); travel: ledger.travel(period); projects: ledger.projects();
    not_submitted: ledger.missing_reports(period) when built from reports taken in."""
    absent = {m.person.id for m in not_submitted if m.whole_period}
    items = [item for item in items if item.person.id not in absent]
    counts = project_counts(projects, period)
    none = TravelTotals()

    def person_row(item: PersonShare) -> CircularRow:
        pid = item.person.id or -1
        (share,) = group_shares([(item.person.name, item.result)])
        return CircularRow(
            item.person.name,
            item.person,
            1,
            share,
            travel.get(pid, none),
            counts.get(pid, ProjectCounts()),
        )

    people = [person_row(item) for item in items]
    if by == "person":
        rows = people
    else:
        attr = "unit" if by == "unit" else "group"
        keys = [getattr(item.person, attr) for item in items]  # "" is shown as 未填
        shares = group_shares(zip(keys, (item.result for item in items), strict=True))
        rows = [
            _combine(g, [r for k, r in zip(keys, people, strict=True) if k == g.name])
            for g in shares
        ]
    rows.sort(key=lambda r: (-r.travel.days_out, -(r.share.share or 0.0), r.name))
    totals = group_shares([("", item.result) for item in items])
    total = _combine(totals[0] if totals else GroupShare("", 0, 0.0, 0.0, 0, target), people)
    below = sorted(
        (item for item in items if not item.result.met),
        key=lambda item: (item.result.share or 0.0, item.person.unit, item.person.name),
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
    )


def _combine(share: GroupShare, rows: Sequence[CircularRow]) -> CircularRow:
    travel = TravelTotals(
        sum(r.travel.trips for r in rows),
        sum(r.travel.days_out for r in rows),
        merge_places(r.travel.destinations for r in rows),
    )
    projects = sum((r.projects for r in rows), ProjectCounts())
    return CircularRow(share.name, None, share.persons, share, travel, projects)


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


def circular_sheet(report: CircularReport, lang: str = "zh") -> Sheet:
    first = "name" if report.by == "person" else report.by
    columns = [Column("seq", Kind.INT, 5), Column(first, Kind.TEXT, 16)]
    if report.by == "person":
        columns.append(Column("unit_title", Kind.TEXT, 24))
    else:
        columns.append(Column("persons", Kind.INT, 6))
    columns += [
        Column("promotion_days", Kind.DAYS, 9),
        Column("base_days", Kind.DAYS, 9),
        Column("share", Kind.SHARE, 9),
        Column("met" if report.by == "person" else "met_count", Kind.TEXT, 9),
        Column("trips", Kind.INT, 8),
        Column("days_out", Kind.DAYS, 8),
        Column("destinations", Kind.TEXT, 40),
        Column("new_talks", Kind.INT, 8),
        Column("new_signed", Kind.INT, 8),
        Column("new_started", Kind.INT, 8),
    ]
    rows = [_cells(i, r, report.by, lang) for i, r in enumerate(report.rows, start=1)]
    rows.append(_cells(None, report.total, report.by, lang))
    return Sheet("circular", label("sheet_circular", lang), tuple(columns), rows, lang)


def _cells(seq: int | None, row: CircularRow, by: str, lang: str) -> list[Value]:
    second: Value = row.detail if by == "person" else row.persons
    if seq is None and by == "person":
        second = f"{row.persons}{label('people_suffix', lang)}"
    return [
        seq,
        row_name(row, seq is None, lang),
        second,
        row.share.promotion_days,
        row.share.base_days,
        row.share.share,
        met_text(row, lang),
        row.travel.trips,
        row.travel.days_out,
        destinations_text(row.travel, lang) if seq is not None else "",
        row.projects.talks,
        row.projects.signed,
        row.projects.started,
    ]


def below_sheet(report: CircularReport, lang: str = "zh") -> Sheet:
    columns = (
        Column("seq", Kind.INT, 5),
        Column("name", Kind.TEXT, 10),
        Column("unit", Kind.TEXT, 20),
        Column("title", Kind.TEXT, 12),
        Column("promotion_days", Kind.DAYS, 9),
        Column("base_days", Kind.DAYS, 9),
        Column("share", Kind.SHARE, 9),
        Column("days_needed", Kind.DAYS, 9),
    )
    rows: list[list[Value]] = [
        [
            i,
            item.person.name,
            item.person.unit,
            item.person.title,
            item.result.promotion_days,
            item.result.base_days,
            item.result.share,
            round_up(item.result.days_needed),
        ]
        for i, item in enumerate(report.below, start=1)
    ]
    return Sheet("below", label("sheet_below", lang), columns, rows, lang)


def not_submitted_sheet(report: CircularReport, lang: str = "zh") -> Sheet:
    columns = (
        Column("seq", Kind.INT, 5),
        Column("unit", Kind.TEXT, 24),
        Column("not_submitted_persons", Kind.TEXT, 40),
    )
    rows: list[list[Value]] = [
        [i, unit, names] for i, (unit, names) in enumerate(report.not_submitted_units(lang), 1)
    ]
    return Sheet("not_submitted", label("sheet_not_submitted", lang), columns, rows, lang)
