"""The database schema, as sqlite-utils migrations (applied in order, each once, each atomic).
Which are pending is read here with one query; sqlite-utils is imported only to apply them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, cast

from desktop.domain.people import DEFAULT_ACTIVITIES
from desktop.storage import text_index

MIGRATION_SET = "onethird"
_TABLE = "_sqlite_migrations"  # sqlite-utils' table of the applied migrations


class Database(Protocol):
    """What a migration is handed (sqlite-utils' Database) and uses of it."""

    def execute(self, sql: str, parameters: Any = None) -> Any: ...

    def executescript(self, sql: str) -> Any: ...

    def table(self, name: str) -> Any: ...

    conn: Any


class _Connected(Protocol):
    conn: Any


@dataclass(frozen=True)
class Applied:
    name: str
    applied_at: str


class _Migrations:
    """The migrations in order, registered as sqlite-utils' `Migrations` registers them."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.steps: list[tuple[str, Callable[[Database], None]]] = []

    def __call__(self) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
        def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
            self.steps.append((fn.__name__, fn))
            return fn

        return register

    def applied(self, db: _Connected) -> list[Applied]:
        """The migrations of this set the database holds, in the order they were applied."""
        conn = db.conn
        if not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [_TABLE]
        ).fetchone():
            return []
        rows = conn.execute(
            f"SELECT name, applied_at FROM {_TABLE} WHERE migration_set = ? ORDER BY rowid",
            [self.name],
        ).fetchall()
        return [Applied(r[0], r[1]) for r in rows]

    def pending(self, db: _Connected) -> list[str]:
        done = {m.name for m in self.applied(db)}
        return [name for name, _ in self.steps if name not in done]

    def apply(self, db: _Connected) -> None:
        """Apply the pending migrations through sqlite-utils (imported only then)."""
        if not self.pending(db):
            return
        from sqlite_utils import Database as UtilsDatabase
        from sqlite_utils.migrations import Migrations

        steps = Migrations(self.name)
        for name, fn in self.steps:
            steps(name=name)(cast(Any, fn))
        steps.apply(UtilsDatabase(db.conn))


migrations = _Migrations(MIGRATION_SET)


@migrations()
def m001_core(db: Database) -> None:
    db.executescript("""
    CREATE TABLE persons (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        unit TEXT NOT NULL DEFAULT '',
        group_name TEXT NOT NULL DEFAULT '',
        subject_to_rule INTEGER NOT NULL DEFAULT 1,
        UNIQUE (name, unit)
    );
    CREATE TABLE activities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('promotion', 'other', 'leave')),
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE projects (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        investor TEXT NOT NULL DEFAULT '',
        chain TEXT NOT NULL DEFAULT '',
        amount TEXT,
        currency TEXT NOT NULL DEFAULT 'CNY' CHECK (currency IN ('CNY', 'USD')),
        leader_id INTEGER REFERENCES persons(id),
        park TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE project_stages (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        stage TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        amount TEXT
    );
    CREATE INDEX idx_project_stages_project ON project_stages (project_id, date);
    CREATE TABLE funds (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        amount TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX idx_funds_project ON funds (project_id, date);
    CREATE TABLE trips (
        id INTEGER PRIMARY KEY,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        start_half INTEGER NOT NULL DEFAULT 0,
        end_half INTEGER NOT NULL DEFAULT 0,
        destinations TEXT NOT NULL DEFAULT '[]',
        companies TEXT NOT NULL DEFAULT '[]',
        results TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX idx_trips_dates ON trips (start_date, end_date);
    CREATE TABLE trip_travellers (
        trip_id INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES persons(id),
        position INTEGER NOT NULL,
        PRIMARY KEY (trip_id, person_id)
    );
    CREATE TABLE trip_projects (
        trip_id INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
        project_id INTEGER NOT NULL REFERENCES projects(id),
        PRIMARY KEY (trip_id, project_id)
    );
    CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES persons(id),
        date TEXT NOT NULL,
        activity_id INTEGER NOT NULL REFERENCES activities(id),
        minutes INTEGER,
        day_part TEXT CHECK (day_part IN ('full', 'half')),
        start_min INTEGER,
        end_min INTEGER,
        project_id INTEGER REFERENCES projects(id),
        trip_id INTEGER REFERENCES trips(id) ON DELETE CASCADE,
        location TEXT NOT NULL DEFAULT '',
        counterpart TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL DEFAULT '',
        CHECK ((minutes IS NULL) <> (day_part IS NULL))
    );
    -- Covers the period summary: a range on date, grouped by person, summed by activity.
    CREATE INDEX idx_entries_summary ON entries (date, person_id, activity_id, day_part, minutes);
    CREATE INDEX idx_entries_person_date ON entries (person_id, date);
    CREATE INDEX idx_entries_project ON entries (project_id) WHERE project_id IS NOT NULL;
    CREATE INDEX idx_entries_trip ON entries (trip_id) WHERE trip_id IS NOT NULL;
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE change_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL,
        table_name TEXT NOT NULL,
        record_id INTEGER,
        before TEXT,
        after TEXT
    );
    CREATE INDEX idx_change_log_record ON change_log (table_name, record_id);
    CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
        BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
    CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
        BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
    """)
    db.table("activities").insert_all(
        {"name": a.name, "kind": a.kind.value, "position": i}
        for i, a in enumerate(DEFAULT_ACTIVITIES)
    )


@migrations()
def m002_imports_and_trash(db: Database) -> None:
    db.executescript("""
    -- One row per import that wrote something: the same file (sha256) can be recognised later.
    CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL DEFAULT '',
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        format TEXT NOT NULL,
        sheet TEXT NOT NULL DEFAULT '',
        rows_added INTEGER NOT NULL,
        duplicates INTEGER NOT NULL DEFAULT 0,
        first_id INTEGER,
        last_id INTEGER
    );
    CREATE INDEX idx_imports_sha256 ON imports (sha256);
    -- 回收站: a deleted entry, trip or project as its rows were, with the rows that went with it.
    CREATE TABLE trash (
        id INTEGER PRIMARY KEY,
        deleted_at TEXT NOT NULL,
        deleted_by TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL CHECK (kind IN ('entry', 'trip', 'project')),
        record_id INTEGER NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        record TEXT NOT NULL,
        dependants TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX idx_trash_record ON trash (kind, record_id);
    """)


@migrations()
def m003_entries_text_index(db: Database) -> None:
    # The entries table's display order plus its searchable texts: the windowed table reads pages
    # in this order, and a text search over a year of 300 people scans this index instead of the
    # wide rows (0.1 s instead of 0.3 s in bench/gui.py).
    db.execute(
        "CREATE INDEX idx_entries_text"
        " ON entries (date, person_id, start_min, location, counterpart, note)"
    )


@migrations()
def m004_submissions(db: Database) -> None:
    db.executescript("""
    -- One row per person-month that was submitted (origin 'local', a unit) or taken in from a
    -- report file (origin 'received', the supervision office); no row is a draft.
    CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        period TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('local', 'received')),
        state TEXT NOT NULL CHECK (state IN ('submitted', 'returned', 'accepted')),
        revision INTEGER NOT NULL,
        report_id TEXT NOT NULL,
        content TEXT NOT NULL DEFAULT '',
        submitted_at TEXT NOT NULL,
        submitted_by TEXT NOT NULL DEFAULT '',
        file_name TEXT NOT NULL DEFAULT '',
        received_at TEXT,
        opinion TEXT NOT NULL DEFAULT '',
        reviewed_at TEXT,
        reviewed_by TEXT NOT NULL DEFAULT '',
        UNIQUE (person_id, period)
    );
    -- Trips, projects, stages and funds a received report brought or matched; `owner` marks the
    -- report that created the row, which goes when no report refers to it any more.
    CREATE TABLE received_rows (
        report_id TEXT NOT NULL,
        table_name TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        owner INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (report_id, table_name, row_id)
    ) WITHOUT ROWID;
    CREATE INDEX idx_received_rows_row ON received_rows (table_name, row_id);
    -- The last line of defence for a submitted month: storage refuses first, with a message.
    CREATE TRIGGER entries_month_locked_insert BEFORE INSERT ON entries
    WHEN EXISTS (SELECT 1 FROM submissions WHERE person_id = NEW.person_id
                 AND period = substr(NEW.date, 1, 7) AND state <> 'returned')
    BEGIN SELECT RAISE(ABORT, 'month is submitted and read-only'); END;
    CREATE TRIGGER entries_month_locked_update BEFORE UPDATE ON entries
    WHEN EXISTS (SELECT 1 FROM submissions WHERE state <> 'returned' AND (
                 (person_id = OLD.person_id AND period = substr(OLD.date, 1, 7))
                 OR (person_id = NEW.person_id AND period = substr(NEW.date, 1, 7))))
    BEGIN SELECT RAISE(ABORT, 'month is submitted and read-only'); END;
    CREATE TRIGGER entries_month_locked_delete BEFORE DELETE ON entries
    WHEN EXISTS (SELECT 1 FROM submissions WHERE person_id = OLD.person_id
                 AND period = substr(OLD.date, 1, 7) AND state <> 'returned')
    BEGIN SELECT RAISE(ABORT, 'month is submitted and read-only'); END;
    """)


@migrations()
def m005_entries_text_search(db: Database) -> None:
    # substring search through an index of character pairs (storage/text_index.py), not a scan;
    # m003's index then needs only the display order, without the texts (26 MB → 9 MB a year)
    db.executescript(text_index.CREATE_SQL)
    db.execute("DROP INDEX idx_entries_text")
    db.execute("CREATE INDEX idx_entries_order ON entries (date, person_id, start_min)")


@migrations()
def m006_holiday_arrangements(db: Database) -> None:
    # years of the State Council's notice entered here (or sent by the supervision office): they
    # travel with the database and its backups, and win over the chinesecalendar package
    db.executescript("""
    CREATE TABLE holiday_years (
        year INTEGER PRIMARY KEY,
        notice TEXT NOT NULL DEFAULT '',
        notice_date TEXT,
        received_from TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE holiday_days (
        date TEXT PRIMARY KEY,
        year INTEGER NOT NULL REFERENCES holiday_years(year) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
        name TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX idx_holiday_days_year ON holiday_days (year);
    """)


@migrations()
def m007_official_order(db: Database) -> None:
    # the office's fixed order of its units and groups (单位排序): reports list rows in it and
    # break ties with it instead of the order of the characters
    db.executescript("""
    CREATE TABLE official_order (
        kind TEXT NOT NULL CHECK (kind IN ('unit', 'group')),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (kind, name),
        UNIQUE (kind, position)
    );
    """)


@migrations()
def m008_signing_keys(db: Database) -> None:
    # the keys of other databases this one trusts: a unit's, accepted at the office once its
    # fingerprint was compared by phone, or the office's, accepted at a unit; the database's own
    # key pair is in `settings`
    db.executescript("""
    CREATE TABLE trusted_keys (
        fingerprint TEXT PRIMARY KEY,
        algorithm TEXT NOT NULL,
        public_key TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('unit', 'office')),
        unit TEXT NOT NULL DEFAULT '',
        persons TEXT NOT NULL DEFAULT '[]',
        source TEXT NOT NULL DEFAULT '',
        accepted_at TEXT NOT NULL,
        accepted_by TEXT NOT NULL DEFAULT '',
        revoked_at TEXT
    );
    """)
    # every database signs what it sends: a new one gets its key pair now
    from desktop.storage.connection import Connection
    from desktop.storage.keys import install_new_key

    install_new_key(Connection(db.conn))


@migrations()
def m009_intake_flags(db: Database) -> None:
    # values a taken-in report brought that the office decides on before they count: another
    # unit's project attributes, amounts over 100 亿元 (domain/intake_flags.py); `value` is what
    # accepting writes, `undo` what it replaced (or the row it added)
    db.executescript("""
    CREATE TABLE intake_flags (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('conflict', 'large_amount')),
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        what TEXT NOT NULL,
        value TEXT NOT NULL,
        ours TEXT NOT NULL DEFAULT '',
        theirs TEXT NOT NULL DEFAULT '',
        unit TEXT NOT NULL DEFAULT '',
        person TEXT NOT NULL DEFAULT '',
        report_id TEXT NOT NULL DEFAULT '',
        file_name TEXT NOT NULL DEFAULT '',
        raised_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'rejected')),
        decided_at TEXT,
        decided_by TEXT NOT NULL DEFAULT '',
        undo TEXT
    );
    CREATE INDEX idx_intake_flags_project ON intake_flags (project_id, what);
    """)


@migrations()
def m010_received_path(db: Database) -> None:
    # where the office took a report file in from, so the board can open the unit's own PDF from
    # it (the PDF is not copied into the database: a year of a province's PDFs is too big)
    db.execute("ALTER TABLE submissions ADD COLUMN received_path TEXT NOT NULL DEFAULT ''")


@migrations()
def m011_entries_sort_indexes(db: Database) -> None:
    # a click on a heading of the 工作记录 table sorts it in SQL (storage/entries.py EntryOrder);
    # over a whole period of every person (300,000 rows a year) each window of the table is read
    # walking the index of that order, as the display order walks idx_entries_order, instead of
    # sorting every row for each window (0.3–0.6 s). Each index ends in the display order, which
    # breaks ties. The person and project ones also serve the filters the old ones served; the
    # activity one is partial (a term only the sort says), so that the period sums keep to
    # their covering idx_entries_summary instead of looking each row up through it.
    db.executescript("""
    DROP INDEX idx_entries_person_date;
    DROP INDEX idx_entries_project;
    CREATE INDEX idx_entries_by_person ON entries (person_id, date, start_min);
    CREATE INDEX idx_entries_by_project ON entries (project_id, date, person_id, start_min);
    CREATE INDEX idx_entries_by_activity ON entries (activity_id, date, person_id, start_min)
        WHERE activity_id > 0;
    CREATE INDEX idx_entries_by_time ON entries (start_min, end_min, date, person_id);
    CREATE INDEX idx_entries_by_duration ON entries (
        CASE day_part WHEN 'full' THEN 2 WHEN 'half' THEN 1 ELSE 0 END, minutes, date, person_id,
        start_min
    );
    CREATE INDEX idx_entries_by_location ON entries (location, date, person_id, start_min);
    CREATE INDEX idx_entries_by_counterpart ON entries (counterpart, date, person_id, start_min);
    CREATE INDEX idx_entries_by_note ON entries (note, date, person_id, start_min);
    CREATE INDEX idx_entries_by_recorder ON entries (recorded_by, date, person_id, start_min);
    """)


# a trip's names as a list shows them (storage/trips.py trip_lines), kept by triggers so that
# every path that writes trips, travellers or names keeps them right
_PLACES = "coalesce((SELECT group_concat(value, '、') FROM json_each({t}.destinations)), '')"
_COMPANIES = (
    "coalesce((SELECT group_concat(json_extract(value, '$.company'), '、')"
    " FROM json_each({t}.companies)), '')"
)
_TRAVELLERS = (
    "coalesce((SELECT group_concat(name, '、') FROM (SELECT p.name FROM trip_travellers x"
    " JOIN persons p ON p.id = x.person_id WHERE x.trip_id = {trip} ORDER BY x.position)), '')"
)


@migrations()
def m012_trip_texts(db: Database) -> None:
    # the 外出招商 list of 5,000 trips read as plain rows: its names joined once, when written,
    # not for each trip whenever the list is shown (json_each and a sort per trip each time)
    new_places, new_companies = _PLACES.format(t="NEW"), _COMPANIES.format(t="NEW")
    db.executescript(f"""
    CREATE INDEX idx_trip_travellers_order ON trip_travellers (trip_id, position, person_id);
    CREATE TABLE trip_texts (
        trip_id INTEGER PRIMARY KEY REFERENCES trips(id) ON DELETE CASCADE,
        travellers TEXT NOT NULL DEFAULT '',
        places TEXT NOT NULL DEFAULT '',
        companies TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO trip_texts (trip_id, travellers, places, companies)
        SELECT t.id, {_TRAVELLERS.format(trip="t.id")}, {_PLACES.format(t="t")},
               {_COMPANIES.format(t="t")}
        FROM trips t;
    CREATE TRIGGER trip_texts_made AFTER INSERT ON trips BEGIN
        INSERT INTO trip_texts (trip_id, travellers, places, companies)
        VALUES (NEW.id, {_TRAVELLERS.format(trip="NEW.id")}, {new_places}, {new_companies});
    END;
    CREATE TRIGGER trip_texts_changed AFTER UPDATE OF destinations, companies ON trips BEGIN
        UPDATE trip_texts SET places = {new_places}, companies = {new_companies}
        WHERE trip_id = NEW.id;
    END;
    CREATE TRIGGER trip_texts_traveller_in AFTER INSERT ON trip_travellers BEGIN
        UPDATE trip_texts SET travellers = {_TRAVELLERS.format(trip="NEW.trip_id")}
        WHERE trip_id = NEW.trip_id;
    END;
    CREATE TRIGGER trip_texts_traveller_out AFTER DELETE ON trip_travellers BEGIN
        UPDATE trip_texts SET travellers = {_TRAVELLERS.format(trip="OLD.trip_id")}
        WHERE trip_id = OLD.trip_id;
    END;
    CREATE TRIGGER trip_texts_traveller_moved AFTER UPDATE ON trip_travellers BEGIN
        UPDATE trip_texts SET travellers = {_TRAVELLERS.format(trip="OLD.trip_id")}
        WHERE trip_id = OLD.trip_id;
        UPDATE trip_texts SET travellers = {_TRAVELLERS.format(trip="NEW.trip_id")}
        WHERE trip_id = NEW.trip_id;
    END;
    CREATE TRIGGER trip_texts_renamed AFTER UPDATE OF name ON persons BEGIN
        UPDATE trip_texts SET travellers = {_TRAVELLERS.format(trip="trip_texts.trip_id")}
        WHERE trip_id IN (SELECT trip_id FROM trip_travellers WHERE person_id = NEW.id);
    END;
    """)


@migrations()
def m013_project_assessment(db: Database) -> None:
    # what the 考核 rules need of a project (domain/projects.py); all optional
    db.executescript("""
    ALTER TABLE projects ADD COLUMN kind TEXT;
    ALTER TABLE projects ADD COLUMN origin TEXT;
    ALTER TABLE projects ADD COLUMN credit_unit TEXT NOT NULL DEFAULT '';
    ALTER TABLE projects ADD COLUMN first_person_id INTEGER REFERENCES persons(id);
    ALTER TABLE projects ADD COLUMN registered TEXT;
    ALTER TABLE projects ADD COLUMN works_started TEXT;
    ALTER TABLE projects ADD COLUMN excluded TEXT NOT NULL DEFAULT '';
    """)


@migrations()
def m014_funds_origin_kind(db: Database) -> None:
    # what the 考核 schemes split funds arrived by (domain/projects.py Funding); optional
    db.executescript("""
    ALTER TABLE funds ADD COLUMN origin TEXT;
    ALTER TABLE funds ADD COLUMN kind TEXT;
    """)


@migrations()
def m015_projects_by_person(db: Database) -> None:
    # the projects a person leads or first brought (report_queries.projects_for, a person's
    # delete check): each of a person's monthly reports looked through every project (4-5 ms a
    # person among 30,000 projects, 0.03 ms by these)
    db.executescript("""
    CREATE INDEX idx_projects_leader ON projects (leader_id) WHERE leader_id IS NOT NULL;
    CREATE INDEX idx_projects_first_person ON projects (first_person_id)
        WHERE first_person_id IS NOT NULL;
    """)
