"""What a monthly report file carries, as versioned JSON parts: the person, the month's entries and
trips, and the projects they touched with their stage history and funds; and the review that
travels back. Pure: objects to bytes and back, every field checked on the way in. The zip, the
manifest and the hashes are storage/report_file.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from desktop.domain.entries import DayPart
from desktop.domain.errors import LedgerError
from desktop.domain.json_fields import Fields, PayloadError, dump_json, load_json
from desktop.domain.ledger_parsing import name_key
from desktop.domain.people import ActivityKind, Person
from desktop.domain.periods import Period, PeriodKind
from desktop.domain.projects import (
    Currency,
    Funding,
    FundKind,
    InvestorOrigin,
    ProjectKind,
    Stage,
    StageChange,
)
from desktop.domain.rules import Rules
from desktop.domain.submission import MonthState
from desktop.domain.texts import LIST_MAX, NAME_MAX, ORG_MAX, clean_name, clean_note
from desktop.domain.trips import CompanyVisit, check_span

SCHEMA_VERSION = 1
PERSON_PART, ENTRIES_PART, TRIPS_PART, PROJECTS_PART = (
    "person.json",
    "entries.json",
    "trips.json",
    "projects.json",
)
PDF_PART = "report.pdf"
REPORT_PARTS = (PERSON_PART, ENTRIES_PART, TRIPS_PART, PROJECTS_PART, PDF_PART)
REVIEW_PART = "review.json"


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person as named across databases: the same name and unit is the same person."""

    name: str
    unit: str = ""
    title: str = ""
    group: str = ""
    subject_to_rule: bool = True

    @classmethod
    def of(cls, p: Person) -> PersonRef:
        return cls(p.name, p.unit, p.title, p.group, p.subject_to_rule)

    @property
    def key(self) -> tuple[str, str]:
        return name_key(self.name), name_key(self.unit)

    @property
    def label(self) -> str:
        return f"{self.name}（{self.unit}）" if self.unit else self.name

    def person(self) -> Person:
        return Person(self.name, self.title, self.unit, self.group, self.subject_to_rule)


@dataclass(frozen=True, slots=True)
class ReportedEntry:
    day: date
    activity: str
    activity_kind: ActivityKind
    minutes: int | None = None
    day_part: DayPart | None = None
    start: int | None = None
    end: int | None = None
    project: str | None = None
    trip: int | None = None  # the trip's number in trips.json
    location: str = ""
    counterpart: str = ""
    note: str = ""
    recorded_by: str = ""


@dataclass(frozen=True, slots=True)
class ReportedTrip:
    number: int  # the unit's own trip id; entries point at it
    travellers: tuple[PersonRef, ...]
    start_date: date
    end_date: date
    start_half: bool = False
    end_half: bool = False
    destinations: tuple[str, ...] = ()
    companies: tuple[CompanyVisit, ...] = ()
    projects: tuple[str, ...] = ()
    results: str = ""
    recorded_by: str = ""

    @property
    def key(self) -> tuple[object, ...]:
        """The same journey in two reports: same people, same days and halves, same places."""
        return (
            self.start_date,
            self.end_date,
            self.start_half,
            self.end_half,
            tuple(t.key for t in self.travellers),
            self.destinations,
        )


@dataclass(frozen=True, slots=True)
class ReportedProject:
    name: str
    investor: str = ""
    chain: str = ""
    amount: Decimal | None = None
    currency: Currency = Currency.CNY
    leader: PersonRef | None = None
    park: str = ""
    history: tuple[StageChange, ...] = ()
    funds: tuple[Funding, ...] = ()
    # what the 考核 rules need (domain/projects.py): in the file only when given
    kind: ProjectKind | None = None
    origin: InvestorOrigin | None = None
    credit_unit: str = ""
    first_person: PersonRef | None = None
    registered: date | None = None
    works_started: date | None = None
    excluded: str = ""


@dataclass(frozen=True, slots=True)
class MonthReport:
    """One person's month as a unit sends it."""

    person: PersonRef
    period: Period
    rules: Rules
    entries: tuple[ReportedEntry, ...]
    trips: tuple[ReportedTrip, ...]
    projects: tuple[ReportedProject, ...]

    def encode(self) -> dict[str, bytes]:
        """The JSON parts (the PDF is added by whoever renders it)."""
        rules = self.rules
        return {
            PERSON_PART: dump_json(
                {
                    "person": _person_json(self.person),
                    "period": self.period.code,
                    "rules": {
                        "target": rules.target,
                        "hours_per_day": rules.hours_per_day,
                        "count_weekend_promotion": rules.count_weekend_promotion,
                    },
                }
            ),
            ENTRIES_PART: dump_json({"entries": [_entry_json(e) for e in self.entries]}),
            TRIPS_PART: dump_json({"trips": [_trip_json(t) for t in self.trips]}),
            PROJECTS_PART: dump_json({"projects": [_project_json(p) for p in self.projects]}),
        }

    @classmethod
    def decode(cls, parts: Mapping[str, bytes]) -> MonthReport:
        """Read and check the parts; PayloadError names the first thing that is wrong."""
        head = Fields(PERSON_PART, load_json(PERSON_PART, parts[PERSON_PART]))
        person = _person(head.sub("person"))
        period = _month(head, "period")
        r = head.sub("rules")
        try:
            rules = Rules(
                r.number("target"), r.number("hours_per_day"), r.flag("count_weekend_promotion")
            ).validated()
        except LedgerError as exc:
            raise PayloadError(PERSON_PART, "rules", exc.message()) from None
        trips = tuple(_trip(t) for t in _items(parts, TRIPS_PART, "trips"))
        projects = tuple(_project(p) for p in _items(parts, PROJECTS_PART, "projects"))
        entries = tuple(_entry(e) for e in _items(parts, ENTRIES_PART, "entries"))
        report = cls(person, period, rules, entries, trips, projects)
        report._check_references()
        return report

    def _check_references(self) -> None:
        names = [name_key(p.name) for p in self.projects]
        if len(set(names)) != len(names):
            raise PayloadError(PROJECTS_PART, "projects[].name", "duplicate")
        known = set(names)
        numbers = {t.number for t in self.trips}
        if len(numbers) != len(self.trips):
            raise PayloadError(TRIPS_PART, "trips[].id", "duplicate")
        for i, t in enumerate(self.trips):
            if self.person.key not in {p.key for p in t.travellers}:
                raise PayloadError(TRIPS_PART, f"trips[{i}].travellers", self.person.name)
            for name in t.projects:
                if name_key(name) not in known:
                    raise PayloadError(TRIPS_PART, f"trips[{i}].projects", name)
        for i, e in enumerate(self.entries):
            if e.day not in self.period:
                raise PayloadError(ENTRIES_PART, f"entries[{i}].date", e.day.isoformat())
            if e.project is not None and name_key(e.project) not in known:
                raise PayloadError(ENTRIES_PART, f"entries[{i}].project", e.project)
            if e.trip is not None and e.trip not in numbers:
                raise PayloadError(ENTRIES_PART, f"entries[{i}].trip", e.trip)


@dataclass(frozen=True, slots=True)
class ReviewNote:
    """The office's decision on one submission, as it travels back to the unit."""

    report_id: str
    person: PersonRef
    period: Period
    revision: int
    decision: MonthState  # RETURNED or ACCEPTED
    opinion: str
    reviewed_at: datetime
    reviewed_by: str = ""

    def encode(self) -> bytes:
        return dump_json(
            {
                "report_id": self.report_id,
                "person": _person_json(self.person),
                "period": self.period.code,
                "revision": self.revision,
                "decision": self.decision.value,
                "opinion": self.opinion,
                "reviewed_at": self.reviewed_at.isoformat(),
                "reviewed_by": self.reviewed_by,
            }
        )

    @classmethod
    def decode(cls, data: bytes) -> ReviewNote:
        r = Fields(REVIEW_PART, load_json(REVIEW_PART, data))
        decision = r.choice("decision", MonthState)
        if decision not in (MonthState.RETURNED, MonthState.ACCEPTED):
            raise PayloadError(REVIEW_PART, "decision", decision.value)
        return cls(
            r.text("report_id", required=True),
            _person(r.sub("person")),
            _month(r, "period"),
            r.integer("revision"),
            decision,
            r.text("opinion"),
            r.moment("reviewed_at"),
            r.text("reviewed_by"),
        )


# ---- writing


def _person_json(p: PersonRef) -> dict[str, Any]:
    return {
        "name": p.name,
        "unit": p.unit,
        "title": p.title,
        "group": p.group,
        "subject_to_rule": p.subject_to_rule,
    }


def _entry_json(e: ReportedEntry) -> dict[str, Any]:
    return {
        "date": e.day.isoformat(),
        "activity": e.activity,
        "activity_kind": e.activity_kind.value,
        "minutes": e.minutes,
        "day_part": e.day_part.value if e.day_part else None,
        "start": e.start,
        "end": e.end,
        "project": e.project,
        "trip": e.trip,
        "location": e.location,
        "counterpart": e.counterpart,
        "note": e.note,
        "recorded_by": e.recorded_by,
    }


def _trip_json(t: ReportedTrip) -> dict[str, Any]:
    return {
        "id": t.number,
        "travellers": [_person_json(p) for p in t.travellers],
        "start_date": t.start_date.isoformat(),
        "end_date": t.end_date.isoformat(),
        "start_half": t.start_half,
        "end_half": t.end_half,
        "destinations": list(t.destinations),
        "companies": [
            {"company": c.company, "contact": c.contact, "title": c.title} for c in t.companies
        ],
        "projects": list(t.projects),
        "results": t.results,
        "recorded_by": t.recorded_by,
    }


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _project_json(p: ReportedProject) -> dict[str, Any]:
    assessed = {
        "kind": None if p.kind is None else p.kind.value,
        "origin": None if p.origin is None else p.origin.value,
        "credit_unit": p.credit_unit,
        "first_person": None if p.first_person is None else _person_json(p.first_person),
        "registered": None if p.registered is None else p.registered.isoformat(),
        "works_started": None if p.works_started is None else p.works_started.isoformat(),
        "excluded": p.excluded,
    }
    return {
        **{key: value for key, value in assessed.items() if value},
        "name": p.name,
        "investor": p.investor,
        "chain": p.chain,
        "amount": _amount(p.amount),
        "currency": p.currency.value,
        "leader": None if p.leader is None else _person_json(p.leader),
        "park": p.park,
        "history": [
            {
                "date": c.day.isoformat(),
                "stage": c.stage.value,
                "note": c.note,
                "amount": _amount(c.amount),
            }
            for c in p.history
        ],
        "funds": [_funding_json(f) for f in p.funds],
    }


def _funding_json(f: Funding) -> dict[str, Any]:
    # 资金来源 and 资金性质 only when given: a file without them reads (and hashes) as before
    split = {
        "origin": None if f.origin is None else f.origin.value,
        "kind": None if f.kind is None else f.kind.value,
    }
    return {
        "date": f.day.isoformat(),
        "amount": str(f.amount),
        "note": f.note,
        **{key: value for key, value in split.items() if value},
    }


# ---- reading


def _items(parts: Mapping[str, bytes], part: str, key: str) -> list[Fields]:
    return Fields(part, load_json(part, parts[part])).each(key)


def _where(r: Fields, key: str) -> str:
    return f"{r.path}.{key}" if r.path else key


def _name(r: Fields, key: str, field: str, limit: int = NAME_MAX, required: bool = False) -> str:
    """A name from the file by the rule every door applies (domain/texts.py)."""
    try:
        return clean_name(r.text(key, required), field, limit, required)
    except LedgerError as exc:
        raise PayloadError(r.part, _where(r, key), exc.message()) from None


def _note(r: Fields, key: str, field: str = "note") -> str:
    try:
        return clean_note(r.text(key), field)
    except LedgerError as exc:
        raise PayloadError(r.part, _where(r, key), exc.message()) from None


def _person(r: Fields) -> PersonRef:
    return PersonRef(
        _name(r, "name", "person", required=True),
        _name(r, "unit", "unit"),
        _name(r, "title", "title"),
        _name(r, "group", "group"),
        r.flag("subject_to_rule"),
    )


def _month(r: Fields, key: str) -> Period:
    text = r.text(key, required=True)
    try:
        period = Period.parse(text)
    except LedgerError:
        raise PayloadError(r.part, key, text) from None
    if period.kind is not PeriodKind.MONTH:
        raise PayloadError(r.part, key, text)
    return period


def _entry(r: Fields) -> ReportedEntry:
    return ReportedEntry(
        r.day("date"),
        _name(r, "activity", "activity", required=True),
        r.choice("activity_kind", ActivityKind),
        r.opt_int("minutes"),
        r.opt_choice("day_part", DayPart),
        r.opt_int("start"),
        r.opt_int("end"),
        None if r.opt_text("project") is None else _name(r, "project", "project", ORG_MAX),
        r.opt_int("trip"),
        _name(r, "location", "location", LIST_MAX),
        _name(r, "counterpart", "counterpart", LIST_MAX),
        _note(r, "note"),
        _name(r, "recorded_by", "recorded_by", ORG_MAX),
    )


def _trip(r: Fields) -> ReportedTrip:
    travellers = tuple(_person(p) for p in r.each("travellers"))
    if not travellers:
        raise PayloadError(r.part, f"{r.path}.travellers", "[]")
    start, end = r.day("start_date"), r.day("end_date")
    try:
        check_span(start, end)
        places = tuple(clean_name(d, "destinations") for d in r.strings("destinations"))
        projects = tuple(clean_name(p, "project", ORG_MAX) for p in r.strings("projects"))
    except LedgerError as exc:
        raise PayloadError(r.part, r.path, exc.message()) from None
    return ReportedTrip(
        r.integer("id"),
        travellers,
        start,
        end,
        r.flag("start_half"),
        r.flag("end_half"),
        places,
        tuple(
            CompanyVisit(
                _name(c, "company", "company", ORG_MAX),
                _name(c, "contact", "contact"),
                _name(c, "title", "contact_title"),
            )
            for c in r.each("companies")
        ),
        projects,
        _note(r, "results", "results"),
        _name(r, "recorded_by", "recorded_by", ORG_MAX),
    )


def _project(r: Fields) -> ReportedProject:
    leader, first = r.obj.get("leader"), r.obj.get("first_person")
    return ReportedProject(
        _name(r, "name", "project", ORG_MAX, required=True),
        _name(r, "investor", "investor", ORG_MAX),
        _name(r, "chain", "chain", ORG_MAX),
        r.decimal("amount", optional=True),
        r.choice("currency", Currency),
        None if leader is None else _person(r.sub("leader")),
        _name(r, "park", "park", ORG_MAX),
        tuple(
            StageChange(
                h.day("date"),
                h.choice("stage", Stage),
                _note(h, "note"),
                h.decimal("amount", optional=True),
            )
            for h in r.each("history")
        ),
        tuple(
            Funding(
                f.day("date"),
                _required(f.decimal("amount")),
                _note(f, "note"),
                origin=f.opt_choice("origin", InvestorOrigin),
                kind=f.opt_choice("kind", FundKind),
            )
            for f in r.each("funds")
        ),
        r.opt_choice("kind", ProjectKind),
        r.opt_choice("origin", InvestorOrigin),
        _name(r, "credit_unit", "credit_unit"),
        None if first is None else _person(r.sub("first_person")),
        None if r.obj.get("registered") is None else r.day("registered"),
        None if r.obj.get("works_started") is None else r.day("works_started"),
        _name(r, "excluded", "excluded", ORG_MAX),
    )


def _required(value: Decimal | None) -> Decimal:
    assert value is not None  # decimal() without optional never returns None
    return value
