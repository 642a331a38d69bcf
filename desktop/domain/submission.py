"""Monthly submission (月报报送): the states of a person's month, the transitions between them,
the deadline rule, what a status board shows, and which file wins when one arrives twice.

Pure rules: "today" and "now" are passed in. Storage keeps the state (storage/submissions.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.submission_messages import SubmissionError

DEFAULT_DEADLINE_DAY = 5  # the 5th of the next month
DUE_SOON_DAYS = 3  # "due within 3 days" (yellow on the board)


class MonthState(StrEnum):
    DRAFT = "draft"  # 草稿 / 未报送: nothing submitted (or taken in) yet
    SUBMITTED = "submitted"  # 已提交 / 已报送: read-only
    RETURNED = "returned"  # 已退回 with the reviewer's opinion: editable again
    ACCEPTED = "accepted"  # 已审核: read-only for good

    @property
    def locked(self) -> bool:
        return self in (MonthState.SUBMITTED, MonthState.ACCEPTED)

    def label(self, lang: str = "zh") -> str:
        """As the unit sees its own month: 草稿 / 已提交 / 已退回 / 已审核."""
        return _pick(_STATE_LABELS[self], lang)

    def text(self, lang: str) -> str:  # in messages
        return self.label(lang)

    def board_label(self, lang: str = "zh") -> str:
        """As the submission board shows it: 未报送 / 已报送 / 已退回 / 已审核."""
        return _pick(_BOARD_LABELS[self], lang)


_STATE_LABELS = {
    MonthState.DRAFT: ("草稿", "draft"),
    MonthState.SUBMITTED: ("已提交", "submitted"),
    MonthState.RETURNED: ("已退回", "returned"),
    MonthState.ACCEPTED: ("已审核", "accepted"),
}
_BOARD_LABELS = {
    MonthState.DRAFT: ("未报送", "not submitted"),
    MonthState.SUBMITTED: ("已报送", "submitted"),
    MonthState.RETURNED: ("已退回", "returned"),
    MonthState.ACCEPTED: ("已审核", "accepted"),
}


class Origin(StrEnum):
    LOCAL = "local"  # submitted from this database (a unit)
    RECEIVED = "received"  # taken in from a report file (the supervision office)


class Action(StrEnum):
    SUBMIT = "submit"
    RETURN = "return"
    ACCEPT = "accept"

    def label(self, lang: str = "zh") -> str:
        return _pick(_ACTION_LABELS[self], lang)

    def text(self, lang: str) -> str:  # in messages
        return self.label(lang)


_ACTION_LABELS = {
    Action.SUBMIT: ("提交", "submitted"),
    Action.RETURN: ("退回", "returned"),
    Action.ACCEPT: ("审核通过", "accepted"),
}

TRANSITIONS: Mapping[tuple[MonthState, Action], MonthState] = {
    (MonthState.DRAFT, Action.SUBMIT): MonthState.SUBMITTED,
    (MonthState.RETURNED, Action.SUBMIT): MonthState.SUBMITTED,
    (MonthState.SUBMITTED, Action.RETURN): MonthState.RETURNED,
    (MonthState.SUBMITTED, Action.ACCEPT): MonthState.ACCEPTED,
    # the office may reopen an accepted month; the unit then corrects and submits again
    (MonthState.ACCEPTED, Action.RETURN): MonthState.RETURNED,
}


def transition(state: MonthState, action: Action, person: str, period: Period) -> MonthState:
    """The state after `action`, or SubmissionError naming the state it is refused in."""
    new = TRANSITIONS.get((state, action))
    if new is None:
        raise SubmissionError(
            "month",
            "bad_transition",
            person=person,
            period=period,
            state=state,
            action=action,
        )
    return new


def month_code(day: date) -> str:
    """The month a day belongs to, as submissions are keyed: 2026-10."""
    return f"{day.year}-{day.month:02d}"


def check_deadline_day(day: int) -> int:
    if not 1 <= day <= 28:
        raise SubmissionError("deadline", "bad_deadline_day", value=day)
    return day


def deadline(period: Period, day: int = DEFAULT_DEADLINE_DAY) -> date:
    """The last day to submit a month's report: `day` of the next month (1–28, so it exists)."""
    y, m = period.end.year, period.end.month
    y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return date(y, m, check_deadline_day(day))


class Urgency(StrEnum):
    NONE = "none"
    DUE_SOON = "due_soon"  # not in, deadline within DUE_SOON_DAYS days: yellow
    OVERDUE = "overdue"  # not in, deadline passed: red


def urgency(state: MonthState, due: date, today: date) -> Urgency:
    """A month that is in (submitted or accepted) is never urgent; a draft or returned one is
    due soon within 3 days of the deadline (the deadline day included) and overdue after it."""
    if state.locked:
        return Urgency.NONE
    left = (due - today).days
    if left < 0:
        return Urgency.OVERDUE
    return Urgency.DUE_SOON if left <= DUE_SOON_DAYS else Urgency.NONE


def local_text(at: datetime | None) -> str:
    """A stored UTC moment as the user's local time: 2026-11-03 09:30."""
    return "" if at is None else f"{at.astimezone():%Y-%m-%d %H:%M}"


@dataclass(frozen=True, slots=True)
class MonthStatus:
    """One person's month: what the board shows and what the entries page says about it."""

    person: Person
    period: Period
    state: MonthState
    deadline: date
    urgency: Urgency
    revision: int = 0  # how many times it was submitted
    submitted_at: datetime | None = None  # aware, UTC
    submitted_by: str = ""
    received_at: datetime | None = None  # when taken in (supervision office)
    opinion: str = ""  # the reviewer's opinion of the last return
    reviewed_at: datetime | None = None
    reviewed_by: str = ""
    origin: Origin | None = None
    file_name: str = ""

    @property
    def locked(self) -> bool:
        return self.state.locked

    @property
    def late(self) -> bool:
        """Submitted after the deadline (local date of the submission)."""
        return self.submitted_at is not None and self.submitted_at.astimezone().date() > (
            self.deadline
        )

    def banner(self, lang: str = "zh") -> str:
        """The line the entries page shows above a month: read-only since …, or the opinion."""
        at, reviewed = local_text(self.submitted_at), local_text(self.reviewed_at)
        en = lang == "en"
        if self.state is MonthState.SUBMITTED:
            if en:
                return f"Submitted on {at}: read-only until it is returned"
            return f"本月月报已于 {at} 提交，只读；如需修改请督查室退回"
        if self.state is MonthState.ACCEPTED:
            if en:
                return f"Submitted on {at}, accepted on {reviewed}: read-only"
            return f"本月月报已于 {at} 提交，{reviewed} 审核通过，只读"
        if self.state is MonthState.RETURNED:
            if en:
                return f"Returned on {reviewed} by {self.reviewed_by}: {self.opinion}"
            who = f"（{self.reviewed_by}）" if self.reviewed_by else ""
            return (
                f"本月月报已于 {reviewed} 被退回{who}，审核意见：{self.opinion}；改好后请重新报送"
            )
        return ""


@dataclass(frozen=True, slots=True)
class UnitStatus:
    """A unit's row on the board: its persons rolled up, the least advanced state shown."""

    unit: str
    persons: int
    submitted: int  # in: submitted or accepted
    returned: int
    accepted: int
    missing: tuple[str, ...]  # names with nothing submitted
    state: MonthState
    urgency: Urgency
    deadline: date


_BEHIND = (MonthState.DRAFT, MonthState.RETURNED, MonthState.SUBMITTED, MonthState.ACCEPTED)
_URGENT = (Urgency.OVERDUE, Urgency.DUE_SOON, Urgency.NONE)


def unit_statuses(rows: Iterable[MonthStatus]) -> list[UnitStatus]:
    """One row per unit, in the order units first appear."""
    by_unit: dict[str, list[MonthStatus]] = {}
    for row in rows:
        by_unit.setdefault(row.person.unit, []).append(row)
    out = []
    for unit, items in by_unit.items():
        states = {i.state for i in items}
        urgencies = {i.urgency for i in items}
        out.append(
            UnitStatus(
                unit,
                len(items),
                sum(1 for i in items if i.state.locked),
                sum(1 for i in items if i.state is MonthState.RETURNED),
                sum(1 for i in items if i.state is MonthState.ACCEPTED),
                tuple(i.person.name for i in items if i.state is MonthState.DRAFT),
                next(s for s in _BEHIND if s in states),
                next(u for u in _URGENT if u in urgencies),
                items[0].deadline,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class Missing:
    """A person whose reports for some months of a period were not taken in (未报送)."""

    person: Person
    months: tuple[Period, ...]
    whole_period: bool  # nothing of the period was taken in: left out of the ranking

    def months_text(self, lang: str = "zh") -> str:
        if lang == "en":
            return ", ".join(m.code for m in self.months)
        return "、".join(f"{m.start.month}月" for m in self.months)


def missing_persons(
    months: Sequence[Period], statuses: Mapping[str, Sequence[MonthStatus]]
) -> list[Missing]:
    """Who has nothing taken in for which of `months` (statuses by month code), in board order."""
    persons: dict[int, Person] = {}
    missed: dict[int, list[Period]] = {}
    for month in months:
        for row in statuses.get(month.code, ()):
            pid = row.person.id
            if pid is None:
                continue
            persons.setdefault(pid, row.person)
            if row.state is MonthState.DRAFT:
                missed.setdefault(pid, []).append(month)
    return [Missing(persons[pid], tuple(ms), len(ms) == len(months)) for pid, ms in missed.items()]


class Decision(StrEnum):
    """What taking in a report file does, given what is already there."""

    TAKE = "take"  # nothing of that person-month yet
    REPLACE = "replace"  # a newer submission: replaces the one taken in
    DUPLICATE = "duplicate"  # this very submission is already in: nothing changes
    OLDER = "older"  # older than the one taken in: ignored
    ACCEPTED = "accepted"  # the month is accepted: refused until the office returns it
    OWN = "own"  # this database submitted that month itself: refused
    CONFLICT = "conflict"  # same submission id, different content: refused


@dataclass(frozen=True, slots=True)
class Held:
    """What a database holds for one person-month (a row of the submissions table)."""

    origin: Origin
    state: MonthState
    revision: int
    submitted_at: datetime
    report_id: str
    content: str  # digest of the parts' hashes
    received_at: datetime | None = None
    reviewed_at: datetime | None = None


def decide(
    held: Held | None, revision: int, submitted_at: datetime, report_id: str, content: str
) -> Decision:
    """Newer is a higher revision, then a later submission time (a unit that restored its
    database from a backup may number a submission again)."""
    if held is None:
        return Decision.TAKE
    if held.origin is Origin.LOCAL:
        return Decision.OWN
    if report_id == held.report_id:
        return Decision.DUPLICATE if content == held.content else Decision.CONFLICT
    if (revision, submitted_at) <= (held.revision, held.submitted_at):
        return Decision.OLDER
    if held.state is MonthState.ACCEPTED:
        return Decision.ACCEPTED
    return Decision.REPLACE


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]
