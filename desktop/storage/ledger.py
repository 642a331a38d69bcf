"""The ledger: one open database with every store's operations, as the app and the CLI use it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from desktop.domain.changes import Applied, Change
from desktop.domain.errors import ValidationError
from desktop.domain.history_text import Names
from desktop.domain.holidays import YearArrangement
from desktop.domain.intake_flags import FlagState, IntakeFlag
from desktop.domain.official_order import OfficialOrder
from desktop.domain.submission_messages import SubmissionError
from desktop.domain.trips import Trip
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage import (
    apply,
    backups,
    holiday_store,
    intake_flags,
    keys,
    ledger_role,
    order_store,
)
from desktop.storage.base import Context, SettingsStore
from desktop.storage.calendar_exchange import calendar_file_bytes
from desktop.storage.database import ReadOnlyDatabase, open_database, open_read_only
from desktop.storage.edits import EditStore, ProjectEditStore, TripEditStore
from desktop.storage.entries import EntryStore
from desktop.storage.entry_import import ImportStore
from desktop.storage.facade import via
from desktop.storage.import_undo import ImportUndoStore
from desktop.storage.intake import IntakeStore
from desktop.storage.intake_apply import ReceiveStore
from desktop.storage.intake_rows import RowIntakeStore
from desktop.storage.month_lock import LockingStore
from desktop.storage.people import PeopleStore
from desktop.storage.projects import ProjectStore
from desktop.storage.report_queries import ReportStore
from desktop.storage.signatures import KeyPair
from desktop.storage.submission_state import SubmissionStateStore
from desktop.storage.submissions import SubmissionStore
from desktop.storage.summary import SummaryStore
from desktop.storage.trash import TrashStore
from desktop.storage.trips import TripStore
from desktop.storage.writes import WriteStore


class Ledger:
    """A thin facade: the stores, composed over one `Context`, and a table of which store
    does each operation. Changes go through `apply` (storage/apply.py)."""

    def __init__(
        self,
        db: Database,
        calendar: WorkCalendar,
        actor: str = "",
        today: Callable[[], date] = date.today,
    ) -> None:
        ctx = self.ctx = Context(db, calendar, actor, today)
        ctx.settings = SettingsStore(ctx)
        ctx.people = PeopleStore(ctx)
        ctx.entries = EntryStore(ctx)
        ctx.projects = ProjectStore(ctx)
        ctx.trips = TripStore(ctx)
        ctx.summaries = SummaryStore(ctx)
        ctx.person_edits = EditStore(ctx)
        ctx.trip_edits = TripEditStore(ctx)
        ctx.project_edits = ProjectEditStore(ctx)
        ctx.trash = TrashStore(ctx)
        ctx.imports = ImportStore(ctx)
        ctx.reports = ReportStore(ctx)
        ctx.lock = LockingStore(ctx)
        ctx.writes = WriteStore(ctx)
        ctx.submission_state = SubmissionStateStore(ctx)
        ctx.submissions = SubmissionStore(ctx)
        ctx.intake_rows = RowIntakeStore(ctx)
        ctx.receive = ReceiveStore(ctx)
        ctx.intake = IntakeStore(ctx)
        ctx.import_undo = ImportUndoStore(ctx)
        self.reload_calendar()

    @property
    def db(self) -> Database:
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

    @actor.setter
    def actor(self, actor: str) -> None:
        self.ctx.actor = actor

    def today(self) -> date:
        return self.ctx.today()

    activities = via("people", PeopleStore.activities)
    add_person = via("people", PeopleStore.add_person)
    find_activity = via("people", PeopleStore.find_activity)
    find_person = via("people", PeopleStore.find_person)
    person = via("people", PeopleStore.person)
    persons = via("people", PeopleStore.persons)

    count_entries = via("entries", EntryStore.count_entries)
    each_entry = via("entries", EntryStore.each_entry)
    entries = via("entries", EntryStore.entries)
    entries_on = via("entries", EntryStore.entries_on)
    entry = via("entries", EntryStore.entry)
    ordered_entry_ids = via("entries", EntryStore.ordered_entry_ids)

    add_funds = via("projects", ProjectStore.add_funds)
    add_project = via("projects", ProjectStore.add_project)
    add_stage = via("projects", ProjectStore.add_stage)
    find_project = via("projects", ProjectStore.find_project)
    project = via("projects", ProjectStore.project)
    projects = via("projects", ProjectStore.projects)

    trip = via("trips", TripStore.trip)
    trip_lines = via("trips", TripStore.trip_lines)

    summary = via("summaries", SummaryStore.summary)
    summary_params = via("summaries", SummaryStore.summary_params)
    totals = via("summaries", SummaryStore.totals)

    delete_person = via("person_edits", EditStore.delete_person)
    restore_person = via("person_edits", EditStore.restore_person)
    update_person = via("person_edits", EditStore.update_person)

    trips = via("trip_edits", TripEditStore.trips)

    activity_days = via("project_edits", ProjectEditStore.activity_days)
    delete_funds = via("project_edits", ProjectEditStore.delete_funds)
    delete_stage = via("project_edits", ProjectEditStore.delete_stage)
    distinct_places = via("project_edits", ProjectEditStore.distinct_places)
    entries_by_ids = via("project_edits", ProjectEditStore.entries_by_ids)
    entry_ids = via("project_edits", ProjectEditStore.entry_ids)
    update_project = via("project_edits", ProjectEditStore.update_project)

    newest_trash_item = via("trash", TrashStore.newest_trash_item)
    record_history = via("trash", TrashStore.record_history)
    trash_item = via("trash", TrashStore.trash_item)
    trash_items = via("trash", TrashStore.trash_items)

    import_entries = via("imports", ImportStore.import_entries)
    import_entries_csv = via("imports", ImportStore.import_entries_csv)
    imports = via("imports", ImportStore.imports)

    projects_for = via("reports", ReportStore.projects_for)
    travel = via("reports", ReportStore.travel)
    trips_in = via("reports", ReportStore.trips_in)

    check_month_open = via("lock", LockingStore.check_month_open)
    locked_months = via("lock", LockingStore.locked_months)

    database_id = via("submission_state", SubmissionStateStore.database_id)
    deadline_day = via("submission_state", SubmissionStateStore.deadline_day)
    has_received_reports = via("submission_state", SubmissionStateStore.has_received_reports)
    held_row = via("submission_state", SubmissionStateStore.held_row)
    missing_reports = via("submission_state", SubmissionStateStore.missing_reports)
    month_status = via("submission_state", SubmissionStateStore.month_status)
    month_statuses = via("submission_state", SubmissionStateStore.month_statuses)
    set_deadline_day = via("submission_state", SubmissionStateStore.set_deadline_day)
    submission_history = via("submission_state", SubmissionStateStore.submission_history)
    submission_status = via("submission_state", SubmissionStateStore.submission_status)
    unit_status = via("submission_state", SubmissionStateStore.unit_status)

    build_month_report = via("submissions", SubmissionStore.build_month_report)
    review_file_bytes = via("submissions", SubmissionStore.review_file_bytes)
    review_month = via("submissions", SubmissionStore.review_month)
    submit_month = via("submissions", SubmissionStore.submit_month)
    submitted_pdf = via("submissions", SubmissionStore.submitted_pdf)
    write_review_file = via("submissions", SubmissionStore.write_review_file)

    intake = via("intake", IntakeStore.intake)

    redo_import = via("import_undo", ImportUndoStore.redo_import)
    undo_import = via("import_undo", ImportUndoStore.undo_import)

    rules = via("settings", SettingsStore.rules)
    set_rules = via("settings", SettingsStore.set_rules)

    @classmethod
    def open(
        cls,
        path: Path | str,
        calendar: WorkCalendar | None = None,
        actor: str = "",
        today: Callable[[], date] = date.today,
    ) -> Ledger:
        return cls(open_database(path), calendar or WorkCalendar(), actor, today)

    @classmethod
    def open_read_only(
        cls,
        path: Path | str,
        calendar: WorkCalendar | None = None,
        actor: str = "",
        today: Callable[[], date] = date.today,
    ) -> Ledger:
        """A ledger that reads and reports; every change is refused with the reason."""
        return cls(open_read_only(path), calendar or WorkCalendar(), actor, today)

    add_entry = via("writes", WriteStore.add_entry)
    update_entry = via("writes", WriteStore.update_entry)
    delete_entry = via("writes", WriteStore.delete_entry)
    restore_entry = via("writes", WriteStore.restore_entry)
    add_trip = via("writes", WriteStore.add_trip)
    update_trip = via("writes", WriteStore.update_trip)
    delete_trip = via("writes", WriteStore.delete_trip)
    restore_trip = via("writes", WriteStore.restore_trip)
    delete_project = via("writes", WriteStore.delete_project)
    restore_project = via("writes", WriteStore.restore_project)
    restore_from_trash = via("writes", WriteStore.restore_from_trash)
    return_to_trash = via("writes", WriteStore.return_to_trash)

    def apply(self, change: Change) -> Applied[Any]:
        """Do one change (domain/changes.py) in one transaction: what it made, and its inverse."""
        return apply.apply(self, change)

    def project_names(self) -> list[tuple[int, str]]:
        """(id, name) of every project, by name: what a list to choose one from needs."""
        return [
            (r[0], r[1]) for r in self.db.execute("SELECT id, name FROM projects ORDER BY name")
        ]

    def backup_now(self) -> backups.BackupInfo:
        """A backup asked for by the person (设置 › 立即备份), from this connection."""
        return backups.make_backup(self.path, backups.BackupReason.MANUAL, source=self.db.conn)

    def backups(self) -> list[backups.BackupInfo]:
        """This database's backups, newest first."""
        return backups.list_backups(self.path)

    def history_names(self) -> Names:
        """The names behind the ids the change log holds, for 历史 (domain/history_text.py)."""
        return Names(
            {p.id: p.name for p in self.persons() if p.id is not None},
            {a.id: a.name for a in self.activities() if a.id is not None},
            dict(self.project_names()),
        )

    def project_trips(self, project_id: int) -> list[Trip]:
        """The trips on which the project was discussed."""
        return self.ctx.trips._load_trips(
            "WHERE t.id IN (SELECT trip_id FROM trip_projects WHERE project_id = ?) ORDER BY t.id",
            [project_id],
        )

    def is_office(self) -> bool:
        """The supervision office's database: chosen so in 设置, or (none chosen) it has taken
        in another unit's report."""
        return ledger_role.is_office(self.db)

    def chosen_role(self) -> str:
        return ledger_role.chosen_role(self.db)

    def set_role(self, role: str) -> None:
        """'unit' or 'office', or '' to let the database's use decide."""
        ledger_role.set_role(self.db, self.actor, role)

    def refuse_writes(self) -> None:
        """From now on this connection only reads (another program writes the file)."""
        self.db.execute("PRAGMA query_only = ON")

    @property
    def read_only(self) -> bool:
        return isinstance(self.db, ReadOnlyDatabase)

    def reload_calendar(self) -> None:
        """Read the entered holiday years again (another connection may have taken some in)."""
        self.calendar = self.calendar.with_entered(holiday_store.load(self.db))

    def holiday_years(self) -> dict[int, YearArrangement]:
        """The years whose arrangement is held in this database."""
        return holiday_store.load(self.db)

    def set_holiday_year(self, arrangement: YearArrangement) -> YearArrangement | None:
        """Hold this arrangement for its year (it then wins over the package); returns what the
        year held before, which `restore_holiday_year` puts back."""
        before = holiday_store.put(self.db, self.actor, arrangement, arrangement.year)
        self.reload_calendar()
        return before

    def restore_holiday_year(self, year: int, held: YearArrangement | None) -> None:
        """Put a year back as it was (None: not held, the package or the fallback again)."""
        holiday_store.put(self.db, self.actor, held, year)
        self.reload_calendar()

    def official_order(self) -> OfficialOrder:
        """The office's order of its units and groups (empty lists: none set)."""
        return order_store.load(self.db)

    def set_official_order(self, kind: str, names: list[str]) -> tuple[str, ...]:
        """Make `names` the order of the units (kind "unit") or groups ("group"); returns the
        order it replaced, which the same call puts back."""
        return order_store.put(self.db, self.actor, kind, names)

    def calendar_file(self, years: list[int], sender: str) -> bytes:
        """The calendar file for the units: the arrangements held here for these years, and
        this database's official order of units and groups when it has one."""
        held = self.holiday_years()
        missing = [y for y in years if y not in held]
        if missing:
            raise ValidationError("year", "year_not_held", value=missing[0])
        order = self.official_order()
        if not years and not (order.units or order.groups):
            raise ValidationError("year", "nothing_to_send")
        return calendar_file_bytes(
            [held[y] for y in years], sender, self.database_id(), keys.own_key(self.db), order
        )

    # ---- signing keys (storage/keys.py)

    def own_key(self) -> KeyPair:
        return keys.own_key(self.db)

    def new_own_key(self) -> KeyPair:
        return keys.new_own_key(self.db, self.actor)

    def registration_file(self, role: str, unit: str = "") -> bytes:
        """The file that introduces this database's key: a unit names itself and the persons
        it reports; the office names itself as such."""
        persons = [p.name for p in self.persons() if not unit or p.unit == unit]
        return keys.registration_bytes(
            keys.own_key(self.db), role, unit, persons, self.database_id()
        )

    def read_registration(self, path: Path | str) -> keys.Registration:
        """What a registration file says (role, unit, persons, key), its signature checked;
        nothing is accepted (the window shows it before the person accepts it)."""
        return keys.read_registration(Path(path))

    def accept_registration(self, path: Path | str, fingerprint: str = "") -> keys.TrustedKey:
        """Trust the key a registration file brings; `fingerprint`, when given, is the code read
        out by phone and must match."""
        reg = keys.read_registration(Path(path))
        wanted = fingerprint.strip().upper().replace(" ", "")
        if wanted and wanted.replace("-", "") != reg.signature.key.replace("-", ""):
            raise SubmissionError(
                "report_file", "fingerprint_mismatch", actual=reg.signature.key, expected=wanted
            )
        return keys.accept(self.db, self.actor, reg)

    def intake_flags(self, state: FlagState | None = None) -> list[IntakeFlag]:
        """Values taken-in reports brought that wait for the office (or were decided)."""
        return intake_flags.flags(self.db, state)

    def intake_flag(self, flag_id: int) -> IntakeFlag:
        return intake_flags.flag(self.db, flag_id)

    def decide_flag(self, flag_id: int, accept: bool) -> IntakeFlag:
        return intake_flags.decide(self.db, self.actor, flag_id, accept)

    def reopen_flag(self, flag_id: int) -> IntakeFlag:
        return intake_flags.reopen(self.db, self.actor, flag_id)

    def trusted_keys(self) -> list[keys.TrustedKey]:
        return keys.trusted_keys(self.db)

    def revoke_key(self, fingerprint: str) -> keys.TrustedKey:
        return keys.revoke(self.db, self.actor, fingerprint)

    @property
    def path(self) -> Path:
        """The database file this ledger is open on."""
        row = self.db.execute("PRAGMA database_list").fetchone()
        return Path(row[2])

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
