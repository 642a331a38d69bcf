"""A submitted month is read-only: every write that touches a person's entries or trips in a
submitted (or accepted) month is refused here, before anything is written, with a message that
says when it was submitted. The GUI and the CLI both write through these methods; triggers
(schema m004) back them up for any path that might slip past."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING

from desktop.domain.periods import Period
from desktop.domain.submission import MonthState, local_text, month_code
from desktop.domain.submission_messages import SubmissionError
from desktop.domain.trips import Trip
from desktop.storage.base import Store

if TYPE_CHECKING:
    from desktop.storage.entry_import import MonthGuard

Key = tuple[int, date]  # (person id, a day of the month)
_ANY_LOCKED = "SELECT 1 FROM submissions WHERE state <> ? LIMIT 1"


def parse_moment(text: str | None) -> datetime | None:
    return None if not text else datetime.fromisoformat(text)


class LockingStore(Store):
    """Which months are read-only; storage/writes.py asks before every write."""

    def locked_months(self, keys: Iterable[Key]) -> dict[tuple[int, str], SubmissionError]:
        """The (person id, month code) among `keys` that are read-only, with the refusal."""
        if not self.db.execute(_ANY_LOCKED, [MonthState.RETURNED.value]).fetchone():
            return {}  # the usual case, and a year's import need not look at every row
        wanted = {(pid, month_code(day)) for pid, day in keys if pid > 0}
        if not wanted:
            return {}
        rows = self.db.execute(
            "SELECT s.person_id, s.period, s.state, s.submitted_at, p.name FROM submissions s"
            " JOIN persons p ON p.id = s.person_id WHERE s.state <> ?"
            " AND s.person_id IN (SELECT value FROM json_each(?))",
            [MonthState.RETURNED.value, json.dumps(sorted({pid for pid, _ in wanted}))],
        ).fetchall()
        out = {}
        for pid, period, state, submitted_at, name in rows:
            if (pid, period) in wanted:
                code = "month_locked_accepted" if state == "accepted" else "month_locked"
                out[(pid, period)] = SubmissionError(
                    "month",
                    code,
                    person=name,
                    period=Period.parse(period),
                    at=local_text(parse_moment(submitted_at)),
                )
        return out

    def check_month_open(self, keys: Iterable[Key]) -> None:
        """Refuse (SubmissionError) when any (person, day) falls in a read-only month."""
        locked = self.locked_months(keys)
        if locked:
            raise locked[min(locked)]

    def month_guard(self) -> MonthGuard | None:
        """An imported row for a read-only month is a problem of its line, like any other."""
        if not self.db.execute(_ANY_LOCKED, [MonthState.RETURNED.value]).fetchone():
            return None  # the usual case: no row needs looking at
        rows = self.db.execute(
            "SELECT s.person_id, s.period, s.state, s.submitted_at, p.name FROM submissions s"
            " JOIN persons p ON p.id = s.person_id WHERE s.state <> ?",
            [MonthState.RETURNED.value],
        ).fetchall()
        locked: dict[tuple[int, str], SubmissionError] = {}
        for pid, period, state, submitted_at, name in rows:
            code = "month_locked_accepted" if state == "accepted" else "month_locked"
            locked[(pid, period)] = SubmissionError(
                "month",
                code,
                person=name,
                period=Period.parse(period),
                at=local_text(parse_moment(submitted_at)),
            )

        def guard(person_id: int, day: date) -> SubmissionError | None:
            return locked.get((person_id, month_code(day)))

        return guard


def trip_keys(trip: Trip) -> list[Key]:
    return [(pid, day) for pid in trip.traveller_ids for day, _ in trip.day_parts()]
