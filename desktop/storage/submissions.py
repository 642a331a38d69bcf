"""Submitting a person's month as a report file (a unit) and reviewing a month taken in (the
supervision office). The file format is storage/report_file.py; taking files in is
storage/intake.py. Every transition is written to the change log (table `submissions`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.domain.file_names import file_name
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.report_payload import (
    PDF_PART,
    REVIEW_PART,
    MonthReport,
    PersonRef,
    ReportedEntry,
    ReportedProject,
    ReportedTrip,
    ReviewNote,
)
from desktop.domain.submission import Action, MonthState, MonthStatus, Origin, transition
from desktop.domain.submission_messages import SubmissionError
from desktop.storage import keys
from desktop.storage.base import Store
from desktop.storage.file_suffixes import REPORT_SUFFIX, REVIEW_SUFFIX
from desktop.storage.report_file import (
    REPORT_FORMAT,
    REVIEW_FORMAT,
    package_bytes,
    read_package,
    sha256,
    write_atomically,
)
from desktop.storage.submission_state import (
    HeldRow,
    now_utc,
    require_month,
)

__all__ = [
    "HeldRow",
    "SubmissionStore",
    "Submitted",
    "now_utc",
    "report_file_name",
    "require_month",
]


def report_file_name(
    person: Person, period: Period, suffix: str = REPORT_SUFFIX, what: str = ""
) -> str:
    """2026-10-市人民政府-张伟.otr (or …-张伟-审核意见.otv): the name a person's report file, or
    the office's return file, is given (domain/file_names.py)."""
    return file_name((period.code, person.unit, person.name, what), suffix)


def review_file_name(person: Person, period: Period) -> str:
    """2026-10-高新区-李娜-审核意见.otv: the name the office's return file is given."""
    return report_file_name(person, period, REVIEW_SUFFIX, "审核意见")


@dataclass(frozen=True, slots=True)
class Submitted:
    """What submit_month did: the month's status now and the file written."""

    status: MonthStatus
    path: Path
    sha256: str
    entries: int
    trips: int
    projects: int


class SubmissionStore(Store):
    # ---- submitting (a unit)

    def build_month_report(self, person_id: int, period: Period) -> MonthReport:
        """What a person's month file carries: entries, trips, the projects touched."""
        require_month(period)
        person = self.ctx.people.person(person_id)
        entries = self.ctx.entries.entries(person_id=person_id, period=period)
        trips = self.ctx.reports.trips_in(period, person_id)
        projects = {p.id: p for p in self.ctx.reports.projects_for(person_id, period)}
        wanted = {e.project_id for e in entries} | {p for t in trips for p in t.project_ids}
        for pid in sorted(i for i in wanted if i is not None and i not in projects):
            projects[pid] = self.ctx.projects.project(pid)
        everyone = {p.id: PersonRef.of(p) for p in self.ctx.people.persons()}
        activities = {a.id: a for a in self.ctx.people.activities()}
        names = {pid: p.name for pid, p in projects.items()}
        return MonthReport(
            PersonRef.of(person),
            period,
            self.rules(),
            tuple(
                ReportedEntry(
                    e.day,
                    activities[e.activity_id].name,
                    activities[e.activity_id].kind,
                    e.minutes,
                    e.day_part,
                    e.start,
                    e.end,
                    None if e.project_id is None else names[e.project_id],
                    e.trip_id,
                    e.location,
                    e.counterpart,
                    e.note,
                    e.recorded_by,
                )
                for e in entries
            ),
            tuple(
                ReportedTrip(
                    t.id or 0,
                    tuple(everyone[i] for i in t.traveller_ids),
                    t.start_date,
                    t.end_date,
                    t.start_half,
                    t.end_half,
                    t.destinations,
                    t.companies,
                    tuple(names[i] for i in t.project_ids),
                    t.results,
                    t.recorded_by,
                )
                for t in trips
            ),
            tuple(
                ReportedProject(
                    p.name,
                    p.investor,
                    p.chain,
                    p.amount,
                    p.currency,
                    None if p.leader_id is None else everyone.get(p.leader_id),
                    p.park,
                    p.history,
                    p.funds,
                    p.kind,
                    p.origin,
                    p.credit_unit,
                    None if p.first_person_id is None else everyone.get(p.first_person_id),
                    p.registered,
                    p.works_started,
                    p.excluded,
                )
                for p in sorted(projects.values(), key=lambda p: p.id or 0)
            ),
        )

    def submit_month(
        self,
        person_id: int,
        period: Period,
        pdf: bytes,
        out: Path | str,
        now: datetime | None = None,
    ) -> Submitted:
        """Submit a person's month: write its report file (with the rendered monthly PDF) to
        `out` and make the month read-only, both or neither. Allowed from 草稿 and 已退回."""
        require_month(period)
        person = self.ctx.people.person(person_id)
        row = self.ctx.submission_state.held_row(person_id, period)
        if row is not None and row.origin is Origin.RECEIVED:
            raise SubmissionError(
                "month", "received_not_submittable", person=person.name, period=period
            )
        transition(row.state if row else MonthState.DRAFT, Action.SUBMIT, person.name, period)
        report = self.build_month_report(person_id, period)
        at = now_utc(now)
        revision = (row.revision if row else 0) + 1
        report_id = uuid.uuid4().hex
        data, manifest = package_bytes(
            REPORT_FORMAT,
            report_id=report_id,
            person=report.person,
            period=period,
            revision=revision,
            submitted_at=at,
            submitted_by=self.actor,
            source=self.ctx.submission_state.database_id(),
            parts={**report.encode(), PDF_PART: pdf},
            signer=keys.own_key(self.db),
        )
        out = Path(out)
        written = False
        try:
            with self.db.atomic():
                self.db.execute(
                    "INSERT INTO submissions (person_id, period, origin, state, revision,"
                    " report_id, content, submitted_at, submitted_by, file_name)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(person_id, period)"
                    " DO UPDATE SET state = excluded.state, revision = excluded.revision,"
                    " report_id = excluded.report_id, content = excluded.content,"
                    " submitted_at = excluded.submitted_at, submitted_by = excluded.submitted_by,"
                    " file_name = excluded.file_name, opinion = '', reviewed_at = NULL,"
                    " reviewed_by = ''",
                    [
                        person_id,
                        period.code,
                        Origin.LOCAL.value,
                        MonthState.SUBMITTED.value,
                        revision,
                        report_id,
                        manifest.content,
                        at.isoformat(),
                        self.actor,
                        out.name,
                    ],
                )
                self._log_transition(Action.SUBMIT, row, person_id, period)
                write_atomically(out, data)
                written = True
        except BaseException:
            if written:  # the file is only good together with the state that says so
                out.unlink(missing_ok=True)
            raise
        return Submitted(
            self.ctx.submission_state.month_status(person_id, period),
            out,
            sha256(data),
            len(report.entries),
            len(report.trips),
            len(report.projects),
        )

    def _log_transition(
        self, action: Action, before: HeldRow | None, person_id: int, period: Period
    ) -> None:
        after = self.ctx.submission_state.held_row(person_id, period)
        assert after is not None
        self._log(
            action.value,
            "submissions",
            after.id,
            None if before is None else before.record(),
            after.record(),
        )

    # ---- reviewing (the supervision office)

    def review_month(
        self,
        person_id: int,
        period: Period,
        *,
        accept: bool,
        opinion: str = "",
        now: datetime | None = None,
    ) -> MonthStatus:
        """Accept a month taken in, or return it with the reviewer's opinion (required)."""
        require_month(period)
        person = self.ctx.people.person(person_id)
        row = self.ctx.submission_state.held_row(person_id, period)
        where = {"person": person.name, "period": period}
        if row is None:
            raise SubmissionError("month", "nothing_to_review", **where)
        if row.origin is not Origin.RECEIVED:
            raise SubmissionError("month", "not_received", **where)
        opinion = opinion.strip()
        if not accept and not opinion:
            raise SubmissionError("review", "opinion_required")
        action = Action.ACCEPT if accept else Action.RETURN
        new = transition(row.state, action, person.name, period)
        with self.db.atomic():
            self.db.execute(
                "UPDATE submissions SET state = ?, opinion = ?, reviewed_at = ?, reviewed_by = ?"
                " WHERE id = ?",
                [new.value, opinion, now_utc(now).isoformat(), self.actor, row.id],
            )
            self._log_transition(action, row, person_id, period)
        return self.ctx.submission_state.month_status(person_id, period)

    def submitted_pdf(self, person_id: int, period: Period) -> bytes:
        """The monthly PDF in the report file the unit sent, read from where it was taken in
        (checked to be that very submission)."""
        require_month(period)
        person = self.ctx.people.person(person_id)
        row = self.ctx.submission_state.held_row(person_id, period)
        if row is None or row.origin is not Origin.RECEIVED:
            raise SubmissionError("month", "not_received", person=person.name, period=period)
        (path,) = self.db.execute(
            "SELECT received_path FROM submissions WHERE id = ?", [row.id]
        ).fetchone()
        if not path or not Path(path).is_file():
            raise SubmissionError(
                "month", "received_file_gone", person=person.name, period=period, path=path
            )
        pkg = read_package(path)
        if pkg.manifest.report_id != row.report_id or PDF_PART not in pkg.parts:
            raise SubmissionError(
                "month", "received_file_gone", person=person.name, period=period, path=path
            )
        return pkg.parts[PDF_PART]

    def review_file_bytes(self, person_id: int, period: Period) -> bytes:
        """The review (退回 with the opinion, or 审核通过) as the small file the unit takes in."""
        require_month(period)
        person = self.ctx.people.person(person_id)
        row = self.ctx.submission_state.held_row(person_id, period)
        if (
            row is None
            or row.origin is not Origin.RECEIVED
            or row.state not in (MonthState.RETURNED, MonthState.ACCEPTED)
            or row.reviewed_at is None
        ):
            raise SubmissionError("month", "no_review_yet", person=person.name, period=period)
        note = ReviewNote(
            row.report_id,
            PersonRef.of(person),
            period,
            row.revision,
            row.state,
            row.opinion,
            row.reviewed_at,
            row.reviewed_by,
        )
        data, _ = package_bytes(
            REVIEW_FORMAT,
            report_id=row.report_id,
            person=note.person,
            period=period,
            revision=row.revision,
            submitted_at=row.reviewed_at,
            submitted_by=row.reviewed_by,
            source=self.ctx.submission_state.database_id(),
            parts={REVIEW_PART: note.encode()},
            signer=keys.own_key(self.db),
        )
        return data

    def write_review_file(self, person_id: int, period: Period, out: Path | str) -> Path:
        out = Path(out)
        write_atomically(out, self.review_file_bytes(person_id, period))
        return out
