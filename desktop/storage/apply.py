"""The one way a change reaches the ledger: `apply(ledger, change)` does it through the store
method that validates, checks the month lock, keeps the 回收站 snapshot, writes and logs, all in
one transaction, and returns the result with the inverse change. The inverse is made here, after
the write, from what storage knows then (the new ids), so undo and redo never act on a stale id."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.domain import changes as c
from desktop.domain.intake_flags import FlagState

if TYPE_CHECKING:
    from desktop.storage.ledger import Ledger


def apply(ledger: Ledger, change: c.Change) -> c.Applied[Any]:
    match change:
        case c.AddEntry(entry):
            saved = ledger.add_entry(entry)
            assert saved.id is not None
            return c.Applied(saved, c.DeleteEntry(saved.id, to_trash=False))
        case c.UpdateEntry(entry):
            assert entry.id is not None
            before = ledger.entry(entry.id)
            return c.Applied(ledger.update_entry(entry), c.UpdateEntry(before))
        case c.DeleteEntry(entry_id, to_trash):
            before = ledger.delete_entry(entry_id, to_trash)
            return c.Applied(
                before, _back(ledger, "entry", entry_id, to_trash) or c.RestoreEntry(before)
            )
        case c.RestoreEntry(entry):
            saved = ledger.restore_entry(entry)
            assert saved.id is not None
            return c.Applied(saved, c.DeleteEntry(saved.id, to_trash=False))
        case c.AddTrip(trip):
            made = ledger.add_trip(trip)
            assert made.id is not None
            return c.Applied(made, c.DeleteTrip(made.id, to_trash=False))
        case c.UpdateTrip(trip):
            assert trip.id is not None
            before_trip = ledger.trip(trip.id)
            return c.Applied(ledger.update_trip(trip), c.UpdateTrip(before_trip))
        case c.DeleteTrip(trip_id, to_trash):
            gone = ledger.delete_trip(trip_id, to_trash)
            return c.Applied(gone, _back(ledger, "trip", trip_id, to_trash) or c.RestoreTrip(gone))
        case c.RestoreTrip(trip):
            back = ledger.restore_trip(trip)
            assert back.id is not None
            return c.Applied(back, c.DeleteTrip(back.id, to_trash=False))
        case c.AddProject(project, confirmed):
            made_p = ledger.add_project(project, confirmed)
            assert made_p.id is not None
            return c.Applied(made_p, c.DeleteProject(made_p.id, to_trash=False))
        case c.UpdateProject(project, confirmed):
            assert project.id is not None
            before_p = ledger.project(project.id)
            saved_p = ledger.update_project(project, confirmed)
            return c.Applied(saved_p, c.UpdateProject(before_p, True))
        case c.DeleteProject(project_id, to_trash):
            gone_p = ledger.delete_project(project_id, to_trash)
            inverse = _back(ledger, "project", project_id, to_trash) or c.RestoreProject(gone_p)
            return c.Applied(gone_p, inverse)
        case c.RestoreProject(project):
            back_p = ledger.restore_project(project)
            assert back_p.id is not None
            return c.Applied(back_p, c.DeleteProject(back_p.id, to_trash=False))
        case c.AddStage(project_id, stage, confirmed):
            added = ledger.add_stage(project_id, stage, confirmed)
            assert added.id is not None
            return c.Applied(added, c.DeleteStage(added.id))
        case c.DeleteStage(stage_id):
            owner, held = ledger.delete_stage(stage_id)
            return c.Applied(held, c.AddStage(owner, held, True))
        case c.AddFunds(project_id, funding, confirmed):
            arrived = ledger.add_funds(project_id, funding, confirmed)
            assert arrived.id is not None
            return c.Applied(arrived, c.DeleteFunds(arrived.id))
        case c.DeleteFunds(funds_id):
            owner, kept = ledger.delete_funds(funds_id)
            return c.Applied(kept, c.AddFunds(owner, kept, True))
        case c.AddPerson(person):
            added_person = ledger.add_person(person)
            assert added_person.id is not None
            return c.Applied(added_person, c.DeletePerson(added_person.id))
        case c.UpdatePerson(person):
            assert person.id is not None
            before_person = ledger.person(person.id)
            return c.Applied(ledger.update_person(person), c.UpdatePerson(before_person))
        case c.DeletePerson(person_id):
            gone_person = ledger.delete_person(person_id)
            return c.Applied(gone_person, c.RestorePerson(gone_person))
        case c.RestorePerson(person):
            back_person = ledger.restore_person(person)
            assert back_person.id is not None
            return c.Applied(back_person, c.DeletePerson(back_person.id))
        case c.PutBack(item_id):
            item = ledger.trash_item(item_id)
            kind, record_id = ledger.restore_from_trash(item_id)
            if record_id != item.record_id:  # back under a new number: a new item if deleted
                return c.Applied((kind, record_id), _delete(kind, record_id))
            return c.Applied((kind, record_id), c.ReturnToTrash(item))
        case c.ReturnToTrash(item):
            ledger.return_to_trash(item)
            return c.Applied(item, c.PutBack(item.id))
        case c.UndoImport(import_id):
            return c.Applied(ledger.undo_import(import_id), c.RedoImport(import_id))
        case c.RedoImport(import_id):
            return c.Applied(ledger.redo_import(import_id), c.UndoImport(import_id))
        case c.SetRules(rules):
            before_rules = ledger.rules()
            ledger.set_rules(rules)
            return c.Applied(rules, c.SetRules(before_rules))
        case c.SetHolidayYear(year, arrangement):
            held_year = ledger.holiday_years().get(year)
            ledger.restore_holiday_year(year, arrangement)
            return c.Applied(arrangement, c.SetHolidayYear(year, held_year))
        case c.SetOfficialOrder(orders):
            replaced = tuple(
                (kind, tuple(ledger.set_official_order(kind, list(names))))
                for kind, names in orders
            )
            return c.Applied(orders, c.SetOfficialOrder(replaced))
        case c.SetScheme(scheme):
            return c.Applied(scheme, c.SetScheme(ledger.set_scheme(scheme)))
        case c.DecideFlag(flag_id, accept):
            return c.Applied(ledger.decide_flag(flag_id, accept), c.ReopenFlag(flag_id))
        case c.ReopenFlag(flag_id):
            was = ledger.intake_flag(flag_id).state
            reopened = ledger.reopen_flag(flag_id)
            return c.Applied(reopened, c.DecideFlag(flag_id, was is FlagState.ACCEPTED))
    raise TypeError(f"not a change: {change!r}")


def _back(ledger: Ledger, kind: str, record_id: int, to_trash: bool) -> c.Change | None:
    """Undo of a delete into the 回收站: take that very item out again (the same rows under
    the same ids, and the bin as it was before). None for a delete that kept no item."""
    if not to_trash:
        return None
    return c.PutBack(ledger.newest_trash_item(kind, record_id).id)


def _delete(kind: str, record_id: int) -> c.Change:
    """What sends a record just taken out of the 回收站 back into it."""
    if kind == "entry":
        return c.DeleteEntry(record_id)
    if kind == "trip":
        return c.DeleteTrip(record_id)
    return c.DeleteProject(record_id)
