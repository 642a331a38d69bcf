"""The write path of the records a submitted month and the 回收站 concern: entries, trips
and projects. Each write does, in one transaction and in this order: validate (a trip's dates
first, so a trip of 0001–9999 is refused by them and not walked day by day), check the month
lock, keep the 回收站 snapshot of what a delete removes, write (the record's store logs it),
and file the snapshot. `storage/apply.py` reaches these through the ledger; nothing else
writes these records around them (the triggers of schema m004 are only a backstop)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from desktop.domain.entries import Entry
from desktop.domain.projects import Project
from desktop.domain.trash import TrashItem
from desktop.domain.trips import Trip
from desktop.storage.base import Store
from desktop.storage.month_lock import Key, trip_keys

R = TypeVar("R")


class WriteStore(Store):
    # ---- entries

    def add_entry(self, entry: Entry) -> Entry:
        with self.db.atomic():
            self.ctx.lock.check_month_open([(entry.person_id, entry.day)])
            return self.ctx.entries.add_entry(entry)

    def update_entry(self, entry: Entry) -> Entry:
        keys = [(entry.person_id, entry.day)]
        with self.db.atomic():
            if entry.id is not None:
                before = self.ctx.entries.entry(entry.id)
                keys.append((before.person_id, before.day))
            self.ctx.lock.check_month_open(keys)
            return self.ctx.entries.update_entry(entry)

    def delete_entry(self, entry_id: int, to_trash: bool = True) -> Entry:
        before = self.ctx.entries.entry(entry_id)
        return self._delete(
            "entry",
            entry_id,
            [(before.person_id, before.day)],
            self.ctx.entries.delete_entry,
            to_trash,
        )

    def restore_entry(self, entry: Entry) -> Entry:
        """Undo of a delete: the entry back under its old id, its 回收站 item gone."""
        self.ctx.lock.check_month_open([(entry.person_id, entry.day)])
        self.ctx.trash.refuse_if_back("entries", entry.id)
        with self.db.atomic():
            saved = self.ctx.person_edits.restore_entry(entry)
            self.ctx.trash.forget("entry", entry.id)
        return saved

    # ---- trips

    def add_trip(self, trip: Trip) -> Trip:
        trip = trip.validated(self.today())
        with self.db.atomic():
            self.ctx.lock.check_month_open(trip_keys(trip))
            return self.ctx.trips.add_trip(trip)

    def update_trip(self, trip: Trip) -> Trip:
        trip = trip.validated(self.today())
        keys = trip_keys(trip)
        with self.db.atomic():
            if trip.id is not None:
                keys += trip_keys(self.ctx.trips.trip(trip.id))
            self.ctx.lock.check_month_open(keys)
            return self.ctx.trip_edits.update_trip(trip)

    def delete_trip(self, trip_id: int, to_trash: bool = True) -> Trip:
        keys = trip_keys(self.ctx.trips.trip(trip_id))
        return self._delete("trip", trip_id, keys, self.ctx.trips.delete_trip, to_trash)

    def restore_trip(self, trip: Trip) -> Trip:
        trip = trip.validated(self.today())
        self.ctx.lock.check_month_open(trip_keys(trip))
        self.ctx.trash.refuse_if_back("trips", trip.id)
        with self.db.atomic():
            saved = self.ctx.trip_edits.restore_trip(trip)
            self.ctx.trash.forget("trip", trip.id)
        return saved

    # ---- projects (no month holds them)

    def delete_project(self, project_id: int, to_trash: bool = True) -> Project:
        return self._delete(
            "project", project_id, [], self.ctx.project_edits.delete_project, to_trash
        )

    def restore_project(self, project: Project) -> Project:
        self.ctx.trash.refuse_if_back("projects", project.id)
        with self.db.atomic():
            saved = self.ctx.project_edits.restore_project(project)
            self.ctx.trash.forget("project", project.id)
        return saved

    # ---- the 回收站

    def restore_from_trash(self, item_id: int) -> tuple[str, int]:
        """Put an item back (under its old id when that is free); returns (kind, its id now).
        Refused, changing nothing, when its month is read-only, what it refers to is gone or
        the day rules would break."""
        item = self.ctx.trash.trash_item(item_id)
        if item.kind == "entry":
            rows = [item.record]
        else:
            rows = item.dependants.get("entries", []) if item.kind == "trip" else []
        with self.db.atomic():
            self.ctx.lock.check_month_open(
                (r["person_id"], date.fromisoformat(r["date"])) for r in rows
            )
            return self.ctx.trash.put_back_item(item)

    def return_to_trash(self, item: TrashItem) -> None:
        """Undo of putting item back: its record leaves the ledger again and item is in the
        回收站 again as it was (its number, when and by whom it was deleted)."""
        deletes = {"entry": self.delete_entry, "trip": self.delete_trip}
        with self.db.atomic():
            deletes.get(item.kind, self.delete_project)(item.record_id, False)
            self.ctx.trash.file_again(item)

    def _delete(
        self,
        kind: str,
        record_id: int,
        keys: list[Key],
        remove: Callable[[int], R],
        to_trash: bool,
    ) -> R:
        """The month lock, then the snapshot, the delete and the 回收站 item; an undo of adding
        the record (`to_trash` false) keeps no item."""
        with self.db.atomic():
            self.ctx.lock.check_month_open(keys)
            snapshot = self.ctx.trash.snapshot(kind, record_id) if to_trash else None
            gone = remove(record_id)
            self.ctx.trash.to_trash(kind, record_id, snapshot)
        return gone
