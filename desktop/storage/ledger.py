"""The ledger: one open database with every store's operations, as the app and the CLI use it.
It inherits nothing: the stores are composed over one Context (storage/base.py), and each
operation below is a line naming the store that does it (docs/architecture.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.base import Context, SettingsStore
from desktop.storage.connection import Connection
from desktop.storage.database import ReadOnlyDatabase, open_database, open_read_only
from desktop.storage.facade import method_names, via

if TYPE_CHECKING:
    from desktop.domain.changes import Applied, Change
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
else:  # named for `via` only: a store's module is loaded when the ledger first uses it
    (
        AssessmentStore,
        BackupStore,
        CalendarStore,
        EditStore,
        ProjectEditStore,
        TripEditStore,
        EntryStore,
        ImportStore,
        ImportUndoStore,
        IntakeStore,
        ReceiveStore,
        RowIntakeStore,
        KeyStore,
        LockingStore,
        OfficeStore,
        PeopleStore,
        ProjectStore,
        ReportStore,
        SubmissionStateStore,
        SubmissionStore,
        SummaryStore,
        TrashStore,
        TripStore,
        WriteStore,
    ) = (method_names,) * 24


class Ledger:
    """A thin facade: the stores, composed over one `Context`, and a table of which store
    does each operation. Changes go through `apply` (storage/apply.py)."""

    def __init__(
        self,
        db: Connection,
        calendar: WorkCalendar,
        actor: str = "",
        today: Callable[[], date] = date.today,
    ) -> None:
        self.ctx = Context(db, calendar, actor, today)  # its stores made as first used
        self.reload_calendar()

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
    project_names = via("projects", ProjectStore.project_names)
    projects = via("projects", ProjectStore.projects)

    trip = via("trips", TripStore.trip)
    trip_lines = via("trips", TripStore.trip_lines)
    project_trips = via("trips", TripStore.project_trips)

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
    history_names = via("trash", TrashStore.history_names)
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

    scheme = via("assessments", AssessmentStore.scheme)
    set_scheme = via("assessments", AssessmentStore.set_scheme)
    assess = via("assessments", AssessmentStore.assess)
    assess_with = via("assessments", AssessmentStore.assess_with)

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

    reload_calendar = via("calendars", CalendarStore.reload_calendar)
    holiday_years = via("calendars", CalendarStore.holiday_years)
    set_holiday_year = via("calendars", CalendarStore.set_holiday_year)
    restore_holiday_year = via("calendars", CalendarStore.restore_holiday_year)
    official_order = via("calendars", CalendarStore.official_order)
    set_official_order = via("calendars", CalendarStore.set_official_order)
    calendar_file = via("calendars", CalendarStore.calendar_file)

    own_key = via("keys", KeyStore.own_key)
    new_own_key = via("keys", KeyStore.new_own_key)
    registration_file = via("keys", KeyStore.registration_file)
    read_registration = via("keys", KeyStore.read_registration)
    accept_registration = via("keys", KeyStore.accept_registration)
    trusted_keys = via("keys", KeyStore.trusted_keys)
    revoke_key = via("keys", KeyStore.revoke_key)

    is_office = via("office", OfficeStore.is_office)
    chosen_role = via("office", OfficeStore.chosen_role)
    set_role = via("office", OfficeStore.set_role)
    intake_flags = via("office", OfficeStore.intake_flags)
    intake_flag = via("office", OfficeStore.intake_flag)
    decide_flag = via("office", OfficeStore.decide_flag)
    reopen_flag = via("office", OfficeStore.reopen_flag)

    backup_now = via("backups", BackupStore.backup_now)
    backups = via("backups", BackupStore.backups)

    def apply(self, change: Change) -> Applied[Any]:
        """Do one change (domain/changes.py) in one transaction: what it made, and its inverse."""
        from desktop.storage import apply  # every change type: loaded by the first change

        return apply.apply(self, change)

    def refuse_writes(self) -> None:
        """From now on this connection only reads (another program writes the file)."""
        self.db.execute("PRAGMA query_only = ON")

    @property
    def read_only(self) -> bool:
        return isinstance(self.db, ReadOnlyDatabase)

    @property
    def path(self) -> Path:
        """The database file this ledger is open on."""
        return self.ctx.backups.database_path()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
