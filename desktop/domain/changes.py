"""Every change a person makes to the ledger, as a value: the window and the command line hand
one to `Ledger.apply`, which does it in one transaction and returns what it made together with
the change that takes it back (its inverse). Undo applies the inverse and keeps the inverse of
that for redo, so an undo stack holds values, never functions that remember stale ids."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from desktop.domain.assessment_scheme import Scheme
from desktop.domain.entries import Entry
from desktop.domain.holidays import YearArrangement
from desktop.domain.people import Person
from desktop.domain.projects import Funding, Project, StageChange
from desktop.domain.rules import Rules
from desktop.domain.trash import TrashItem
from desktop.domain.trips import Trip


@dataclass(frozen=True)
class AddEntry:
    entry: Entry


@dataclass(frozen=True)
class UpdateEntry:
    entry: Entry


@dataclass(frozen=True)
class DeleteEntry:
    entry_id: int
    to_trash: bool = True  # False: the undo of adding it, which the 回收站 need not keep


@dataclass(frozen=True)
class RestoreEntry:
    entry: Entry  # with its id: it comes back under it


@dataclass(frozen=True)
class AddTrip:
    trip: Trip


@dataclass(frozen=True)
class UpdateTrip:
    trip: Trip


@dataclass(frozen=True)
class DeleteTrip:
    trip_id: int
    to_trash: bool = True


@dataclass(frozen=True)
class RestoreTrip:
    trip: Trip


@dataclass(frozen=True)
class AddProject:
    project: Project
    confirmed: bool = False  # a very large amount, confirmed by the person


@dataclass(frozen=True)
class UpdateProject:
    project: Project
    confirmed: bool = False


@dataclass(frozen=True)
class DeleteProject:
    project_id: int
    to_trash: bool = True


@dataclass(frozen=True)
class RestoreProject:
    project: Project


@dataclass(frozen=True)
class AddStage:
    project_id: int
    change: StageChange  # with an id: added back under it (the redo of an undone add)
    confirmed: bool = False


@dataclass(frozen=True)
class DeleteStage:
    stage_id: int


@dataclass(frozen=True)
class AddFunds:
    project_id: int
    funding: Funding
    confirmed: bool = False


@dataclass(frozen=True)
class DeleteFunds:
    funds_id: int


@dataclass(frozen=True)
class AddPerson:
    person: Person


@dataclass(frozen=True)
class UpdatePerson:
    person: Person


@dataclass(frozen=True)
class DeletePerson:
    person_id: int


@dataclass(frozen=True)
class RestorePerson:
    person: Person


@dataclass(frozen=True)
class PutBack:
    """Take an item out of the 回收站 (its id there)."""

    item_id: int


@dataclass(frozen=True)
class ReturnToTrash:
    """Undo of PutBack: the record leaves the ledger and the item is in the 回收站 as it was."""

    item: TrashItem


@dataclass(frozen=True)
class UndoImport:
    import_id: int


@dataclass(frozen=True)
class RedoImport:
    import_id: int


@dataclass(frozen=True)
class SetRules:
    rules: Rules


@dataclass(frozen=True)
class SetHolidayYear:
    year: int
    arrangement: YearArrangement | None  # None: the year's entered days removed


@dataclass(frozen=True)
class SetOfficialOrder:
    orders: tuple[tuple[str, tuple[str, ...]], ...]  # (kind "unit"/"group", names in order)


@dataclass(frozen=True)
class SetScheme:
    scheme: Scheme | None  # None: the scheme removed


@dataclass(frozen=True)
class DecideFlag:
    """The office accepts (writes what the file said) or rejects a value intake held back."""

    flag_id: int
    accept: bool


@dataclass(frozen=True)
class ReopenFlag:
    flag_id: int


Change = (
    AddEntry
    | UpdateEntry
    | DeleteEntry
    | RestoreEntry
    | AddTrip
    | UpdateTrip
    | DeleteTrip
    | RestoreTrip
    | AddProject
    | UpdateProject
    | DeleteProject
    | RestoreProject
    | AddStage
    | DeleteStage
    | AddFunds
    | DeleteFunds
    | AddPerson
    | UpdatePerson
    | DeletePerson
    | RestorePerson
    | PutBack
    | ReturnToTrash
    | UndoImport
    | RedoImport
    | SetRules
    | SetHolidayYear
    | SetOfficialOrder
    | SetScheme
    | DecideFlag
    | ReopenFlag
)

T = TypeVar("T")


@dataclass(frozen=True)
class Applied(Generic[T]):
    """What a change made (the saved record, say) and the change that takes it back."""

    result: T
    inverse: Change
