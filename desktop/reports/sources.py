"""Fetching what a report is built from, through any store that answers these questions.

The CLI and the GUI pass their `Ledger`; reports never import storage (the layer contract), so
the questions are written down here as a Protocol and the Ledger satisfies it structurally.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Protocol

from desktop.domain.entries import Entry
from desktop.domain.official_order import OfficialOrder
from desktop.domain.people import TRIP_ACTIVITY, Activity, Person
from desktop.domain.periods import Period
from desktop.domain.projects import Project
from desktop.domain.rules import Rules
from desktop.domain.share import PersonShare
from desktop.domain.submission import Missing
from desktop.domain.travel import TravelTotals
from desktop.domain.trips import Trip
from desktop.reports.circular import CircularReport, build_circular
from desktop.reports.fonts import FontWarning
from desktop.reports.monthly import MonthlyReport, build_monthly, loose_trip_lines, trip_line
from desktop.reports.pipeline_report import PipelineReport, build_pipeline
from desktop.reports.trip_form import TripForm, build_trip_form


class ReportSource(Protocol):
    def rules(self) -> Rules: ...

    def persons(self, subject_only: bool = False) -> list[Person]: ...

    def activities(self) -> list[Activity]: ...

    def projects(self) -> list[Project]: ...

    def summary(
        self, period: Period, persons: Sequence[Person] | None = None, subject_only: bool = True
    ) -> list[PersonShare]: ...

    def entries(
        self, *, person_id: int | None = None, period: Period | None = None
    ) -> list[Entry]: ...

    def trips_in(self, period: Period, person_id: int) -> list[Trip]: ...

    def projects_for(self, person_id: int, period: Period) -> list[Project]: ...

    def travel(
        self, period: Period, person_ids: Sequence[int] | None = None
    ) -> dict[int, TravelTotals]: ...

    def official_order(self) -> OfficialOrder: ...


def gather_monthly(
    source: ReportSource, persons: Sequence[Person], period: Period, today: date
) -> Iterator[MonthlyReport]:
    """One monthly report per person; what all of them share is fetched once."""
    rules = source.rules()
    activities = source.activities()
    everyone = {p.id: p for p in source.persons() if p.id is not None}
    for item in source.summary(period, persons):
        pid = item.person.id
        assert pid is not None
        yield build_monthly(
            item.person,
            item.result,
            source.entries(person_id=pid, period=period),
            source.trips_in(period, pid),
            source.projects_for(pid, period),
            activities,
            everyone,
            rules,
            today,
        )


def gather_circular(
    source: ReportSource,
    period: Period,
    by: str,
    today: date,
    subject_only: bool = True,
    not_submitted: Sequence[Missing] = (),
) -> CircularReport:
    """not_submitted: at the supervision office, `ledger.missing_reports(period)` (未报送)."""
    items = source.summary(period, subject_only=subject_only)
    travel = source.travel(period)
    year = Period.between(date(period.end.year, 1, 1), period.end)
    return build_circular(
        items,
        travel,
        source.projects(),
        period,
        by,
        today,
        source.rules().target,
        not_submitted,
        source.official_order(),
        source.travel(year),
        year,
    )


class CircularSource(ReportSource, Protocol):
    def has_received_reports(self) -> bool: ...

    def missing_reports(self, period: Period) -> list[Missing]: ...


def printed_circular(
    source: CircularSource, period: Period, by: str, today: date, subject_only: bool = True
) -> CircularReport:
    """The circular as it is printed, by the CLI and the window alike: in a database that has
    taken in report files (the supervision office's) it names who has not submitted (未报送)
    and leaves out of the ranking those of whom nothing came in."""
    missing = source.missing_reports(period) if source.has_received_reports() else []
    return gather_circular(source, period, by, today, subject_only, missing)


def gather_trip_form(
    source: ReportSource, period: Period, today: date, subject_only: bool = True
) -> TripForm:
    """外出招商情况上报表: every person's trips of the period, units in the official order."""
    everyone = {p.id: p for p in source.persons() if p.id is not None}
    names = {p.id: p.name for p in source.projects()}
    trip_activity = next((a.id for a in source.activities() if a.name == TRIP_ACTIVITY), None)
    per_day = source.rules().minutes_per_day
    travelled = source.travel(period)
    travel = []
    for person in source.persons(subject_only=subject_only):
        pid = person.id
        if pid is None or pid not in travelled:
            continue
        lines = [
            trip_line(t, person, period, everyone, names) for t in source.trips_in(period, pid)
        ]
        loose = [
            e
            for e in source.entries(person_id=pid, period=period)
            if e.activity_id == trip_activity and e.trip_id is None
        ]
        lines += loose_trip_lines(loose, names, per_day)
        travel.append((person, lines))
    return build_trip_form(travel, source.official_order(), period, today)


def monthly_pdf(
    source: ReportSource, person: Person, period: Period, today: date, lang: str = "zh"
) -> tuple[bytes, list[FontWarning]]:
    """The monthly report as PDF bytes: what a report file carries beside its data."""
    from desktop.reports.export import render_pdf

    (report,) = gather_monthly(source, [person], period, today)
    return render_pdf(report, lang)


def gather_pipeline(source: ReportSource, period: Period, today: date) -> PipelineReport:
    leaders = {p.id: p.name for p in source.persons() if p.id is not None}
    return build_pipeline(source.projects(), leaders, period, today)
