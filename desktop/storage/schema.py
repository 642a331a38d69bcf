"""The database schema, as sqlite-utils migrations (applied in order, each once, each atomic)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from desktop.domain.people import DEFAULT_ACTIVITIES

MIGRATION_SET = "onethird"
migrations = Migrations(MIGRATION_SET)


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
