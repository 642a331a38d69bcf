"""The personal monthly report (个人月报): built from domain objects, saved as tables or a PDF."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from desktop.domain.entries import Entry
from desktop.domain.people import TRIP_ACTIVITY, Activity, ActivityKind, Person
from desktop.domain.periods import Period
from desktop.domain.projects import Currency, Project, Stage
from desktop.domain.rules import Rules
from desktop.domain.share import ShareResult
from desktop.domain.travel import consecutive_runs, merge_places, split_places
from desktop.domain.trips import CompanyVisit, Trip
from desktop.reports.labels import (
    amount_unit,
    calendar_basis_text,
    joined,
    label,
    paren,
    semicolon,
)
from desktop.reports.sheet import Column, Kind, Sheet, Value
from desktop.reports.summary_table import round_up

MAX_NOTES = 2  # entry notes quoted per project under 本月进展
# the default activities (domain/people.py) in which a leader meets investors: listed one by
# one, as leaders are asked which projects they discussed and what came of it
TALK_ACTIVITIES = ("项目洽谈", "接待客商考察", "签约活动")


@dataclass(frozen=True, slots=True)
class TripLine:
    start: date
    end: date
    days: float  # day-equivalents away within the month
    destinations: tuple[str, ...]
    companies: tuple[CompanyVisit, ...]
    projects: tuple[str, ...]
    results: str
    companions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ProjectLine:
    name: str
    investor: str
    amount: Decimal | None
    currency: Currency
    stage_start: Stage | None  # before the month's first day
    stage_end: Stage | None  # after its last day
    changes: tuple[tuple[date, Stage, Decimal | None], ...]  # stage changes in the month
    notes: tuple[str, ...]  # what the person's entries on it say happened (进展成效)
    funds: Decimal  # arrived in the month


@dataclass(frozen=True, slots=True)
class TalkLine:
    """One 项目洽谈, 接待客商考察 or 签约活动 entry: who was met, on what, with what result."""

    day: date
    activity: str
    counterpart: str  # 客商/企业
    project: str
    result: str  # the entry's note (进展成效)
    location: str = ""


@dataclass(frozen=True, slots=True)
class ActivityLine:
    name: str
    kind: ActivityKind
    count: int
    days: float


@dataclass(frozen=True, slots=True)
class MonthlyReport:
    person: Person
    period: Period
    result: ShareResult
    trips: tuple[TripLine, ...]
    projects: tuple[ProjectLine, ...]
    activities: tuple[ActivityLine, ...]
    recorded_by: str
    today: date
    talks: tuple[TalkLine, ...] = ()  # in date order

    @property
    def days_out(self) -> float:
        return sum(t.days for t in self.trips)

    def sheets(self, lang: str = "zh") -> list[Sheet]:
        return [
            summary_sheet(self, lang),
            trips_sheet(self, lang),
            talks_sheet(self, lang),
            projects_sheet(self, lang),
            activities_sheet(self, lang),
        ]


def build_monthly(
    person: Person,
    result: ShareResult,
    entries: Sequence[Entry],
    trips: Sequence[Trip],
    projects: Sequence[Project],
    activities: Sequence[Activity],
    persons: Mapping[int, Person],
    rules: Rules,
    today: date,
) -> MonthlyReport:
    """entries: the person's entries of the month; trips and projects: as storage gives them."""
    period = result.period
    by_id = {a.id: a for a in activities}
    names = {p.id: p.name for p in projects}
    per_day = rules.minutes_per_day
    trip_activity = next((a.id for a in activities if a.name == TRIP_ACTIVITY), None)
    lines = [trip_line(t, person, period, persons, names) for t in trips]
    loose = [e for e in entries if e.activity_id == trip_activity and e.trip_id is None]
    lines += loose_trip_lines(loose, names, per_day)
    lines.sort(key=lambda t: (t.start, t.end))
    return MonthlyReport(
        person,
        period,
        result,
        tuple(lines),
        _project_lines(projects, entries, period),
        _activity_lines(entries, activities, by_id, per_day),
        _recorder(entries),
        today,
        _talk_lines(entries, by_id, names),
    )


def _talk_lines(
    entries: Sequence[Entry],
    by_id: Mapping[int | None, Activity],
    project_names: Mapping[int | None, str],
) -> tuple[TalkLine, ...]:
    talks = [e for e in entries if e.activity_id in by_id]
    talks = [e for e in talks if by_id[e.activity_id].name in TALK_ACTIVITIES]
    talks.sort(key=lambda e: (e.day, e.start if e.start is not None else -1, e.id or 0))
    return tuple(
        TalkLine(
            e.day,
            by_id[e.activity_id].name,
            e.counterpart,
            project_names.get(e.project_id, ""),
            e.note,
            e.location,
        )
        for e in talks
    )


def trip_line(
    trip: Trip,
    person: Person,
    period: Period,
    persons: Mapping[int, Person],
    project_names: Mapping[int | None, str],
) -> TripLine:
    days = sum(part.days for d, part in trip.day_parts() if d in period)
    others = tuple(persons[p].name for p in trip.traveller_ids if p != person.id and p in persons)
    return TripLine(
        trip.start_date,
        trip.end_date,
        days,
        trip.destinations,
        trip.companies,
        tuple(project_names.get(p, "") for p in trip.project_ids if p in project_names),
        trip.results,
        others,
    )


def loose_trip_lines(
    entries: Sequence[Entry], project_names: Mapping[int | None, str], per_day: float
) -> list[TripLine]:
    """外出招商 entries logged without a trip: consecutive days make one trip (domain/travel.py)."""
    out = []
    for first, last in consecutive_runs(e.day for e in entries):
        run = sorted((e for e in entries if first <= e.day <= last), key=lambda e: e.day)
        companies = merge_places(split_places(e.counterpart) for e in run)
        out.append(
            TripLine(
                first,
                last,
                sum(e.day_equivalents(per_day) for e in run),
                merge_places(split_places(e.location) for e in run),
                tuple(CompanyVisit(c) for c in companies),
                tuple(
                    dict.fromkeys(
                        project_names[e.project_id] for e in run if e.project_id in project_names
                    )
                ),
                "；".join(dict.fromkeys(e.note.strip() for e in run if e.note.strip())),
            )
        )
    return out


def _project_lines(
    projects: Sequence[Project], entries: Sequence[Entry], period: Period
) -> tuple[ProjectLine, ...]:
    notes: dict[int, list[str]] = {}
    for e in sorted(entries, key=lambda e: e.day, reverse=True):  # latest first
        if e.project_id is not None and e.note.strip():
            notes.setdefault(e.project_id, []).append(e.note.strip())
    worked = {e.project_id for e in entries if e.project_id is not None}
    lines = []
    before = period.start - timedelta(days=1)
    for p in projects:
        changes = tuple((c.day, c.stage, c.amount) for c in p.history if c.day in period)
        funds = p.funds_between(period.start, period.end)
        start, end = p.stage_on(before), p.stage_on(period.end)
        closed = end in (Stage.PAUSED, Stage.ENDED)
        if closed and not changes and not funds and p.id not in worked:
            continue  # a shelved or ended project nobody touched this month
        project_notes = tuple(dict.fromkeys(notes.get(p.id or -1, [])))[:MAX_NOTES]
        lines.append(
            ProjectLine(
                p.name, p.investor, p.amount, p.currency, start, end, changes, project_notes, funds
            )
        )
    # what moved this month first, then by name
    lines.sort(key=lambda line: (not (line.changes or line.funds or line.notes), line.name))
    return tuple(lines)


def _activity_lines(
    entries: Sequence[Entry],
    activities: Sequence[Activity],
    by_id: Mapping[int | None, Activity],
    per_day: float,
) -> tuple[ActivityLine, ...]:
    count: Counter[int | None] = Counter()
    days: dict[int | None, float] = {}
    for e in entries:
        count[e.activity_id] += 1
        days[e.activity_id] = days.get(e.activity_id, 0.0) + e.day_equivalents(per_day)
    return tuple(
        ActivityLine(a.name, a.kind, count[a.id], days[a.id])
        for a in activities
        if a.id in count and a.id in by_id
    )


def _recorder(entries: Sequence[Entry]) -> str:
    """Who logged most of the month: printed as 填报人."""
    counts = Counter(e.recorded_by for e in entries if e.recorded_by)
    return counts.most_common(1)[0][0] if counts else ""


# --- tables -------------------------------------------------------------------------------------


def stage_text(stage: Stage | None, lang: str = "zh") -> str:
    return stage.text(lang) if stage is not None else "—"


def progress_text(line: ProjectLine, lang: str = "zh") -> str:
    """本月进展: the stage changes of the month with their dates, then what entries noted."""
    parts = []
    for day, stage, amount in line.changes:
        when = f"{day.month}月{day.day}日" if lang == "zh" else day.isoformat()
        text = f"{when} {stage.text(lang)}"
        if amount is not None:
            unit = amount_unit(line.currency, lang)
            text += f"（{amount:,f}{unit}）" if lang == "zh" else f" ({amount:,f} {unit})"
        parts.append(text)
    parts += line.notes
    return semicolon(lang).join(parts)


def companies_text(companies: Sequence[CompanyVisit], lang: str = "zh") -> str:
    """长安汽车（王强 总经理）、比亚迪 — companies with the people met there."""
    out = []
    for c in companies:
        who = " ".join(x for x in (c.contact, c.title) if x)
        out.append(paren(c.company, who, lang) if who else c.company)
    return joined(out, lang)


def summary_values(report: MonthlyReport, lang: str = "zh") -> list[tuple[str, Value, Kind]]:
    r = report.result
    rows: list[tuple[str, Value, Kind]] = [
        ("name", report.person.name, Kind.TEXT),
        ("title", report.person.title, Kind.TEXT),
        ("unit", report.person.unit, Kind.TEXT),
        ("period", report.period.text(lang), Kind.TEXT),
        ("workdays", r.workdays, Kind.INT),
        ("leave_days", r.leave_days, Kind.DAYS),
        ("base_days", r.base_days, Kind.DAYS),
        ("promotion_days", r.promotion_days, Kind.DAYS),
        ("share", r.share, Kind.SHARE),
        ("target", r.target, Kind.SHARE),
        ("met", label("yes" if r.met else "no", lang), Kind.TEXT),
        ("days_needed", round_up(r.days_needed), Kind.DAYS),
        ("trips", len(report.trips), Kind.INT),
        ("days_out", report.days_out, Kind.DAYS),
    ]
    if r.pace is not None:
        pace = label(r.pace.status.value, lang)
        rows.append(("pace", pace, Kind.TEXT))
    basis = calendar_basis_text(r.basis, lang)
    rows.append(("calendar_basis", basis, Kind.TEXT))
    return rows


def summary_sheet(report: MonthlyReport, lang: str = "zh") -> Sheet:
    # one row, a column per figure, so that months of many people can be stacked in Excel
    values = summary_values(report, lang)
    columns = tuple(Column(key, kind, 12) for key, _, kind in values)
    return Sheet(
        "summary", label("sheet_summary", lang), columns, [[v for _, v, _ in values]], lang
    )


def trips_sheet(report: MonthlyReport, lang: str = "zh") -> Sheet:
    columns = (
        Column("start_date", Kind.DATE, 11),
        Column("end_date", Kind.DATE, 11),
        Column("trip_days", Kind.DAYS, 6),
        Column("trip_destinations", Kind.TEXT, 20),
        Column("companies", Kind.TEXT, 36),
        Column("trip_projects", Kind.TEXT, 30),
        Column("results", Kind.TEXT, 40),
        Column("companions", Kind.TEXT, 14),
    )
    rows: list[list[Value]] = [
        [
            t.start,
            t.end,
            t.days,
            "、".join(t.destinations),
            companies_text(t.companies, lang),
            "、".join(t.projects),
            t.results,
            "、".join(t.companions),
        ]
        for t in report.trips
    ]
    return Sheet("trips", label("sheet_trips", lang), columns, rows, lang)


def talks_sheet(report: MonthlyReport, lang: str = "zh") -> Sheet:
    columns = (
        Column("date", Kind.DATE, 11),
        Column("activity", Kind.TEXT, 14),
        Column("counterpart", Kind.TEXT, 30),
        Column("project", Kind.TEXT, 30),
        Column("talk_result", Kind.TEXT, 48),
        Column("location", Kind.TEXT, 16),
    )
    rows: list[list[Value]] = [
        [t.day, t.activity, t.counterpart, t.project, t.result, t.location] for t in report.talks
    ]
    return Sheet("talks", label("sheet_talks", lang), columns, rows, lang)


def projects_sheet(report: MonthlyReport, lang: str = "zh") -> Sheet:
    columns = (
        Column("project", Kind.TEXT, 30),
        Column("investor", Kind.TEXT, 24),
        Column("amount", Kind.AMOUNT, 12),
        Column("currency", Kind.TEXT, 8),
        Column("stage_start", Kind.TEXT, 8),
        Column("stage_end", Kind.TEXT, 8),
        Column("progress", Kind.TEXT, 48),
        Column("funds_month", Kind.AMOUNT, 12),
    )
    rows: list[list[Value]] = [
        [
            p.name,
            p.investor,
            None if p.amount is None else float(p.amount),
            amount_unit(p.currency, lang),
            stage_text(p.stage_start, lang),
            stage_text(p.stage_end, lang),
            progress_text(p, lang),
            float(p.funds),
        ]
        for p in report.projects
    ]
    return Sheet("projects", label("sheet_projects", lang), columns, rows, lang)


def activities_sheet(report: MonthlyReport, lang: str = "zh") -> Sheet:
    columns = (
        Column("activity", Kind.TEXT, 14),
        Column("counts_as_promotion", Kind.TEXT, 10),
        Column("entry_count", Kind.INT, 8),
        Column("day_equivalents", Kind.DAYS, 10),
    )
    rows: list[list[Value]] = [
        [
            a.name,
            label(f"kind_{a.kind.value}", lang),
            a.count,
            a.days,
        ]
        for a in report.activities
    ]
    return Sheet("activities", label("sheet_activities", lang), columns, rows, lang)
