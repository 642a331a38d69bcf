"""What every store shares: one context (the connection, the calendar, who acts, what day it
is, and the other stores), and the small base that reads it."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop.domain.rules import Rules
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage import changelog
from desktop.storage.connection import Connection

if TYPE_CHECKING:
    from desktop.storage.assessment_store import AssessmentStore
    from desktop.storage.backup_store import BackupStore
    from desktop.storage.calendar_store import CalendarStore
    from desktop.storage.edits import EditStore, ProjectEditStore, TripEditStore
    from desktop.storage.entries import EntryStore
    from desktop.storage.entry_import import ImportStore
    from desktop.storage.import_undo import ImportUndoStore
    from desktop.storage.intake import IntakeStore
    from desktop.storage.intake_apply import ReceiveStore
    from desktop.storage.intake_rows import RowIntakeStore
    from desktop.storage.key_store import KeyStore
    from desktop.storage.month_lock import LockingStore
    from desktop.storage.office_store import OfficeStore
    from desktop.storage.people import PeopleStore
    from desktop.storage.projects import ProjectStore
    from desktop.storage.report_queries import ReportStore
    from desktop.storage.submission_state import SubmissionStateStore
    from desktop.storage.submissions import SubmissionStore
    from desktop.storage.summary import SummaryStore
    from desktop.storage.trash import TrashStore
    from desktop.storage.trips import TripStore
    from desktop.storage.writes import WriteStore

# Context attribute -> (module, class) of the store it holds
STORES: dict[str, tuple[str, str]] = {
    "settings": ("desktop.storage.base", "SettingsStore"),
    "people": ("desktop.storage.people", "PeopleStore"),
    "entries": ("desktop.storage.entries", "EntryStore"),
    "projects": ("desktop.storage.projects", "ProjectStore"),
    "trips": ("desktop.storage.trips", "TripStore"),
    "summaries": ("desktop.storage.summary", "SummaryStore"),
    "person_edits": ("desktop.storage.edits", "EditStore"),
    "trip_edits": ("desktop.storage.edits", "TripEditStore"),
    "project_edits": ("desktop.storage.edits", "ProjectEditStore"),
    "trash": ("desktop.storage.trash", "TrashStore"),
    "imports": ("desktop.storage.entry_import", "ImportStore"),
    "reports": ("desktop.storage.report_queries", "ReportStore"),
    "lock": ("desktop.storage.month_lock", "LockingStore"),
    "writes": ("desktop.storage.writes", "WriteStore"),
    "submission_state": ("desktop.storage.submission_state", "SubmissionStateStore"),
    "submissions": ("desktop.storage.submissions", "SubmissionStore"),
    "intake_rows": ("desktop.storage.intake_rows", "RowIntakeStore"),
    "receive": ("desktop.storage.intake_apply", "ReceiveStore"),
    "intake": ("desktop.storage.intake", "IntakeStore"),
    "import_undo": ("desktop.storage.import_undo", "ImportUndoStore"),
    "calendars": ("desktop.storage.calendar_store", "CalendarStore"),
    "keys": ("desktop.storage.key_store", "KeyStore"),
    "office": ("desktop.storage.office_store", "OfficeStore"),
    "backups": ("desktop.storage.backup_store", "BackupStore"),
    "assessments": ("desktop.storage.assessment_store", "AssessmentStore"),
}
_RULE_KEYS = {"target": float, "hours_per_day": float, "count_weekend_promotion": bool}


class Context:
    """One open ledger's shared state; `Ledger` makes it and puts every store in it, so a
    store reaches another as `self.ctx.people`, `self.ctx.lock`, …"""

    settings: SettingsStore
    people: PeopleStore
    entries: EntryStore
    projects: ProjectStore
    trips: TripStore
    summaries: SummaryStore
    person_edits: EditStore
    trip_edits: TripEditStore
    project_edits: ProjectEditStore
    trash: TrashStore
    imports: ImportStore
    reports: ReportStore
    lock: LockingStore
    writes: WriteStore
    submission_state: SubmissionStateStore
    submissions: SubmissionStore
    intake_rows: RowIntakeStore
    receive: ReceiveStore
    intake: IntakeStore
    import_undo: ImportUndoStore
    calendars: CalendarStore
    keys: KeyStore
    office: OfficeStore
    backups: BackupStore
    assessments: AssessmentStore

    def __init__(
        self, db: Connection, calendar: WorkCalendar, actor: str, today: Callable[[], date]
    ) -> None:
        self.db = db
        self.calendar = calendar
        self.actor = actor
        self.today = today

    def __getattr__(self, name: str) -> Any:
        """A store, made (and its module loaded) the first time it is used: a command that
        only reads a summary does not load intake, import or the key store."""
        where = STORES.get(name)
        if where is None:
            raise AttributeError(name)
        module, cls = where
        store = getattr(importlib.import_module(module), cls)(self)
        setattr(self, name, store)
        return store


class Store:
    """The base of every store: its context, read through, and the two write helpers."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @property
    def db(self) -> Connection:
        return self.ctx.db

    @property
    def calendar(self) -> WorkCalendar:
        return self.ctx.calendar

    @calendar.setter
    def calendar(self, calendar: WorkCalendar) -> None:
        self.ctx.calendar = calendar

    @property
    def actor(self) -> str:
        return self.ctx.actor

    def today(self) -> date:
        return self.ctx.today()

    def rules(self) -> Rules:
        values: dict[str, Any] = {}
        for key, value in self.db.execute("SELECT key, value FROM settings").fetchall():
            kind = _RULE_KEYS.get(key)
            if kind is bool:
                values[key] = value == "1"
            elif kind is float:
                values[key] = float(value)
        return Rules(**values)

    def _log(
        self, action: str, table: str, record_id: int | None, before: Any = None, after: Any = None
    ) -> None:
        changelog.record(self.db, self.actor, action, table, record_id, before, after)

    def _insert(self, sql: str, params: list[Any]) -> int:
        cursor = self.db.execute(sql, params)
        rowid = cursor.lastrowid
        assert rowid is not None
        return rowid


class SettingsStore(Store):
    """The rules (target, hours per day, weekend promotion) held in the settings table."""

    def set_rules(self, rules: Rules) -> None:
        rules.validated()
        before = self.rules()
        with self.db.atomic():
            for key in _RULE_KEYS:
                value = getattr(rules, key)
                text = ("1" if value else "0") if isinstance(value, bool) else repr(value)
                self.db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key)"
                    " DO UPDATE SET value = excluded.value",
                    [key, text],
                )
            self._log("update", "settings", None, _rules_dict(before), _rules_dict(rules))


def _rules_dict(rules: Rules) -> dict[str, Any]:
    return {key: getattr(rules, key) for key in _RULE_KEYS}
