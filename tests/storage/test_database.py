import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from desktop.storage.database import NotADatabaseError, open_database
from desktop.storage.schema import migrations


def test_migrations_on_an_empty_file_then_again_idempotently(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    path.touch()  # an empty file is a new database, not a foreign one
    db = open_database(path)
    applied = [m.name for m in migrations.applied(db)]
    assert applied == [
        "m001_core",
        "m002_imports_and_trash",
        "m003_entries_text_index",
        "m004_submissions",
        "m005_entries_text_search",
        "m006_holiday_arrangements",
        "m007_official_order",
        "m008_signing_keys",
        "m009_intake_flags",
        "m010_received_path",
        "m011_entries_sort_indexes",
        "m012_trip_texts",
        "m013_project_assessment",
        "m014_funds_origin_kind",
        "m015_projects_by_person",
    ]
    assert {"persons", "entries", "trips", "projects", "change_log"} <= set(db.table_names())
    assert db.execute("SELECT count(*) FROM activities").fetchone()[0] == 10
    schema = db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    db.close()
    db = open_database(path)  # again: nothing re-applied, nothing re-seeded
    assert [m.name for m in migrations.applied(db)] == applied
    assert db.execute("SELECT count(*) FROM activities").fetchone()[0] == 10
    assert db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
    migrations.apply(db)
    assert db.execute("SELECT count(*) FROM activities").fetchone()[0] == 10
    db.close()


def test_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "b.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    db.close()


def test_summary_query_uses_the_covering_index(tmp_path: Path) -> None:
    from desktop.storage.summary import SUMMARY_SQL

    db = open_database(tmp_path / "c.db")
    plan = db.execute(
        "EXPLAIN QUERY PLAN " + SUMMARY_SQL.format(person_filter=""),
        {
            "workdays": "[]",
            "promo": "[1]",
            "leave": "[10]",
            "weekends": 1,
            "mpd": 480.0,
            "today": "2026-11-20",
            "start": "2026-09-01",
            "end": "2026-09-30",
        },
    ).fetchall()
    text = " ".join(str(r[-1]) for r in plan)
    assert "COVERING INDEX idx_entries_summary" in text
    db.close()


@pytest.mark.parametrize(
    "content",
    [b"name,date\n\xe5\xbc\xa0\xe4\xbc\x9f,2026-09-01\n", b"\x00" * 100, b"SQLite format 2\x00xx"],
)
def test_a_file_that_is_not_a_database_is_refused_and_untouched(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(NotADatabaseError) as err:
        open_database(path)
    assert "不是 OneThird 数据库文件" in str(err.value)
    assert path.read_bytes() == content
    assert not (tmp_path / "notes.db-wal").exists()


def test_a_foreign_sqlite_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError):
        open_database(path)
    assert path.read_bytes() == before
    assert Database(path).table_names() == ["invoices"]
