"""A submitted month is read-only: every write that touches a person's entries or trips in a
submitted (or accepted) month is refused here, before anything is written, with a message that
says when it was submitted. The GUI and the CLI both write through these methods; triggers
(schema m004) back them up for any path that might slip past."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime

from desktop.domain.entries import Entry
from desktop.domain.periods import Period
from desktop.domain.submission import MonthState, local_text, month_code
from desktop.domain.submission_messages import SubmissionError
from desktop.domain.trips import Trip
from desktop.storage.entry_import import ImportStore, MonthGuard
from desktop.storage.report_queries import ReportStore
from desktop.storage.trash import TrashStore

Key = tuple[int, date]  # (person id, a day of the month)
_ANY_LOCKED = "SELECT 1 FROM submissions WHERE state <> ? LIMIT 1"


def parse_moment(text: str | None) -> datetime | None:
    return None if not text else datetime.fromisoformat(text)


class LockingStore(TrashStore, ImportStore, ReportStore):
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

    def add_entry(self, entry: Entry) -> Entry:
        self.check_month_open([(entry.person_id, entry.day)])
        return super().add_entry(entry)

    def update_entry(self, entry: Entry) -> Entry:
        keys = [(entry.person_id, entry.day)]
        if entry.id is not None:
            before = self.entry(entry.id)
            keys.append((before.person_id, before.day))
        self.check_month_open(keys)
        return super().update_entry(entry)

    def delete_entry(self, entry_id: int, to_trash: bool = True) -> Entry:
        before = self.entry(entry_id)
        self.check_month_open([(before.person_id, before.day)])
        return super().delete_entry(entry_id, to_trash)

    def restore_entry(self, entry: Entry) -> Entry:
        self.check_month_open([(entry.person_id, entry.day)])
        return super().restore_entry(entry)

    def add_trip(self, trip: Trip) -> Trip:
        # checked first, so a trip of 0001–9999 is refused by its dates, not walked day by day
        trip = trip.validated(self.today())
        self.check_month_open(_trip_keys(trip))
        return super().add_trip(trip)

    def update_trip(self, trip: Trip) -> Trip:
        trip = trip.validated(self.today())
        keys = _trip_keys(trip)
        if trip.id is not None:
            keys += _trip_keys(self.trip(trip.id))
        self.check_month_open(keys)
        return super().update_trip(trip)

    def delete_trip(self, trip_id: int, to_trash: bool = True) -> Trip:
        self.check_month_open(_trip_keys(self.trip(trip_id)))
        return super().delete_trip(trip_id, to_trash)

    def restore_trip(self, trip: Trip) -> Trip:
        trip = trip.validated(self.today())
        self.check_month_open(_trip_keys(trip))
        return super().restore_trip(trip)

    def restore_from_trash(self, item_id: int) -> tuple[str, int]:
        item = self.trash_item(item_id)
        if item.kind == "entry":
            rows = [item.record]
        else:
            rows = item.dependants.get("entries", []) if item.kind == "trip" else []
        self.check_month_open((r["person_id"], date.fromisoformat(r["date"])) for r in rows)
        return super().restore_from_trash(item_id)

    def _month_guard(self) -> MonthGuard | None:
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


def _trip_keys(trip: Trip) -> list[Key]:
    return [(pid, day) for pid in trip.traveller_ids for day, _ in trip.day_parts()]
