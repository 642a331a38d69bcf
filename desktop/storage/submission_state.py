"""The state of each person-month in the database (the `submissions` table): the status board,
the deadline setting, what is missing for a circular. States and transitions are
domain/submission.py; submitting and reviewing are storage/submissions.py."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.domain.errors import ValidationError
from desktop.domain.people import Person
from desktop.domain.periods import Period, PeriodKind
from desktop.domain.submission import (
    DEFAULT_DEADLINE_DAY,
    Held,
    Missing,
    MonthState,
    MonthStatus,
    Origin,
    UnitStatus,
    check_deadline_day,
    deadline,
    missing_persons,
    unit_statuses,
    urgency,
)
from desktop.storage import order_store
from desktop.storage.base import Store
from desktop.storage.changelog import Change, history
from desktop.storage.month_lock import parse_moment

DEADLINE_KEY = "submission_deadline_day"
DATABASE_ID_KEY = "database_id"
_COLUMNS = (
    "id, person_id, period, origin, state, revision, report_id, content, submitted_at,"
    " submitted_by, file_name, received_at, opinion, reviewed_at, reviewed_by"
)


@dataclass(frozen=True, slots=True)
class HeldRow:
    """A row of the submissions table."""

    id: int
    person_id: int
    period: str
    origin: Origin
    state: MonthState
    revision: int
    report_id: str
    content: str
    submitted_at: datetime
    submitted_by: str
    file_name: str
    received_at: datetime | None
    opinion: str
    reviewed_at: datetime | None
    reviewed_by: str

    @classmethod
    def of(cls, r: Any) -> HeldRow:
        return cls(
            r[0],
            r[1],
            r[2],
            Origin(r[3]),
            MonthState(r[4]),
            r[5],
            r[6],
            r[7],
            datetime.fromisoformat(r[8]),
            r[9],
            r[10],
            parse_moment(r[11]),
            r[12],
            parse_moment(r[13]),
            r[14],
        )

    def held(self) -> Held:
        return Held(
            self.origin,
            self.state,
            self.revision,
            self.submitted_at,
            self.report_id,
            self.content,
            self.received_at,
            self.reviewed_at,
        )

    def record(self) -> dict[str, Any]:
        """For the change log."""
        out = asdict(self)
        for key in ("submitted_at", "received_at", "reviewed_at"):
            out[key] = None if out[key] is None else out[key].isoformat()
        out["origin"], out["state"] = self.origin.value, self.state.value
        return out


def require_month(period: Period) -> None:
    if period.kind is not PeriodKind.MONTH:
        raise ValidationError("period", "not_a_month", value=period.code)


def now_utc(now: datetime | None = None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)


class SubmissionStateStore(Store):
    # ---- settings

    def deadline_day(self) -> int:
        """Reports are due by this day of the next month (setting, default the 5th)."""
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [DEADLINE_KEY]).fetchone()
        return int(row[0]) if row else DEFAULT_DEADLINE_DAY

    def set_deadline_day(self, day: int) -> None:
        check_deadline_day(day)
        before = self.deadline_day()
        with self.db.atomic():
            self._set_setting(DEADLINE_KEY, str(day))
            self._log("update", "settings", None, {DEADLINE_KEY: before}, {DEADLINE_KEY: day})

    def _set_setting(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def database_id(self) -> str:
        """This database's own id, written into every file it sends (made on first use)."""
        row = self.db.execute(
            "SELECT value FROM settings WHERE key = ?", [DATABASE_ID_KEY]
        ).fetchone()
        if row:
            return str(row[0])
        new = uuid.uuid4().hex
        with self.db.atomic():
            self._set_setting(DATABASE_ID_KEY, new)
        return new

    # ---- reading the state

    def held_row(self, person_id: int, period: Period | str) -> HeldRow | None:
        code = period.code if isinstance(period, Period) else period
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM submissions WHERE person_id = ? AND period = ?",
            [person_id, code],
        ).fetchone()
        return None if row is None else HeldRow.of(row)

    def month_status(self, person_id: int, period: Period) -> MonthStatus:
        """One person's month: state, submission time, opinion, deadline and its urgency."""
        require_month(period)
        person, day = self.ctx.people.person(person_id), self.deadline_day()
        return self._status(person, period, self.held_row(person_id, period), day)

    def month_statuses(self, person_id: int, period: Period) -> list[MonthStatus]:
        """The status of each month of a period (the entries page over a quarter or a year)."""
        person, day = self.ctx.people.person(person_id), self.deadline_day()
        return [self._status(person, m, self.held_row(person_id, m), day) for m in period.months()]

    def submission_status(self, period: Period) -> list[MonthStatus]:
        """The board: every expected person (主要负责同志, and anyone with a submission for the
        month) in unit order, with state, times, deadline and urgency."""
        require_month(period)
        rows = {
            r[1]: HeldRow.of(r)
            for r in self.db.execute(
                f"SELECT {_COLUMNS} FROM submissions WHERE period = ?", [period.code]
            ).fetchall()
        }
        persons = [p for p in self.ctx.people.persons() if p.subject_to_rule or p.id in rows]
        day = self.deadline_day()
        return [self._status(p, period, rows.get(p.id or -1), day) for p in persons]

    def unit_status(self, period: Period) -> list[UnitStatus]:
        """The board rolled up by unit, in the office's official order of units."""
        order = order_store.load(self.db)
        rows = unit_statuses(self.submission_status(period))
        return sorted(rows, key=lambda u: order.unit_rank(u.unit))

    def has_received_reports(self) -> bool:
        """Whether this database has taken in report files (it is a supervision office's)."""
        row = self.db.execute(
            "SELECT 1 FROM submissions WHERE origin = ? LIMIT 1", [Origin.RECEIVED.value]
        ).fetchone()
        return row is not None

    def missing_reports(self, period: Period) -> list[Missing]:
        """Who has nothing submitted for the months of the period that have ended (未报送)."""
        today = self.today()
        months = [m for m in period.months() if m.end < today]
        return missing_persons(months, {m.code: self.submission_status(m) for m in months})

    def submission_history(self, person_id: int, period: Period) -> list[Change]:
        """Every transition of a person-month, newest first."""
        row = self.held_row(person_id, period)
        return [] if row is None else history(self.db, "submissions", row.id)

    def _status(self, person: Person, period: Period, row: HeldRow | None, day: int) -> MonthStatus:
        due = deadline(period, day)
        state = row.state if row else MonthState.DRAFT
        base = MonthStatus(person, period, state, due, urgency(state, due, self.today()))
        if row is None:
            return base
        return MonthStatus(
            person,
            period,
            state,
            due,
            base.urgency,
            row.revision,
            row.submitted_at,
            row.submitted_by,
            row.received_at,
            row.opinion,
            row.reviewed_at,
            row.reviewed_by,
            row.origin,
            row.file_name,
        )
