"""The set-based part of an import: the scratch file of checked rows (storage/import_scratch.py)
attached to the ledger's connection, so that finding the rows the ledger already holds, finding
the days that break the 24-hour or overlap rule, and adding the kept rows are each one query
instead of a walk over every row in Python.

A row is a duplicate of a stored entry of the same person and day with the same activity,
minutes, 全天/半天, clock times, project, place, counterpart and note; a file row is skipped as
many times as the ledger holds its twin. Only the days the query finds at fault are read as
entries again, to say exactly what is wrong with them (domain/entries.py check_day)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from pathlib import Path

from desktop.storage.connection import Connection
from desktop.storage.entries import INSERT_COLUMNS

SCHEMA = "import_scratch"
_SAME = ("activity_id", "minutes", "day_part", "start_min", "end_min", "project_id")
_TEXTS = ("location", "counterpart", "note")
_IDENTITY = ", ".join(("person_id", "date", *_SAME, *_TEXTS))
_MATCH = " AND ".join(
    [
        "h.person_id = f.person_id",
        "h.date = f.date",
        *(f"h.{c} IS f.{c}" for c in (*_SAME, *_TEXTS)),
        "h.k = f.k",
    ]
)
_KEPT = f"SELECT * FROM {SCHEMA}.r WHERE seq NOT IN (SELECT seq FROM {SCHEMA}.skip)"

DUPLICATES = f"""
WITH fresh AS (
    SELECT seq, {_IDENTITY},
           row_number() OVER (PARTITION BY {_IDENTITY} ORDER BY seq) AS k
    FROM {SCHEMA}.r WHERE person_id > 0
), held AS (
    SELECT {_IDENTITY}, row_number() OVER (PARTITION BY {_IDENTITY} ORDER BY id) AS k
    FROM main.entries
    WHERE date BETWEEN :first AND :last
      AND person_id IN (SELECT DISTINCT person_id FROM {SCHEMA}.r WHERE person_id > 0)
)
SELECT f.seq FROM fresh AS f JOIN held AS h ON {_MATCH} ORDER BY f.seq
"""

# the days whose rows, with what the ledger holds that day, are over 24 hours or overlap (the
# sum is flagged a hair early: the Python check on the day decides)
DAYS_AT_FAULT = f"""
WITH fresh AS (
    SELECT person_id, date, minutes, day_part, start_min, end_min FROM ({_KEPT})
), days AS (
    SELECT DISTINCT person_id, date FROM fresh WHERE person_id > 0
), both AS (
    SELECT * FROM fresh
    UNION ALL
    SELECT e.person_id, e.date, e.minutes, e.day_part, e.start_min, e.end_min
    FROM main.entries AS e JOIN days AS d ON d.person_id = e.person_id AND d.date = e.date
), timed AS (
    SELECT person_id, date, start_min,
           lag(end_min) OVER (PARTITION BY person_id, date ORDER BY start_min, end_min) AS before
    FROM both WHERE start_min IS NOT NULL AND end_min IS NOT NULL
)
SELECT person_id, date FROM both GROUP BY person_id, date
HAVING sum(CASE day_part WHEN 'full' THEN :per_day WHEN 'half' THEN :per_day / 2.0
                ELSE coalesce(minutes, 0) END) > :limit
UNION
SELECT person_id, date FROM timed WHERE start_min < before
ORDER BY person_id, date
"""

# the kept rows into the ledger in the file's order; new persons and projects carry negative
# placeholder ids in the scratch file, replaced by the ids they were given
INSERT_KEPT = f"""
INSERT INTO main.entries ({INSERT_COLUMNS})
SELECT CASE WHEN r.person_id < 0
            THEN (SELECT new FROM temp.import_persons WHERE old = r.person_id)
            ELSE r.person_id END,
       r.date, r.activity_id, r.minutes, r.day_part, r.start_min, r.end_min,
       CASE WHEN r.project_id < 0
            THEN (SELECT new FROM temp.import_projects WHERE old = r.project_id)
            ELSE r.project_id END,
       NULL, r.location, r.counterpart, r.note, r.recorded_by
FROM ({_KEPT}) AS r ORDER BY r.seq
"""


@contextlib.contextmanager
def attached(db: Connection, scratch_file: Path) -> Iterator[None]:
    """The scratch file readable from the ledger's connection as `import_scratch` (outside a
    transaction: SQLite attaches only there)."""
    db.execute(f"ATTACH DATABASE ? AS {SCHEMA}", [str(scratch_file)])
    try:
        yield
    finally:
        db.execute(f"DETACH DATABASE {SCHEMA}")


def duplicate_rows(db: Connection, first: str, last: str) -> list[int]:
    """The scratch rows (seq) the ledger already holds, as many of each as it holds."""
    return [r[0] for r in db.execute(DUPLICATES, {"first": first, "last": last})]


def days_at_fault(db: Connection, minutes_per_day: float) -> list[tuple[int, str]]:
    """(person id, day) of the kept rows that may break the 24-hour or overlap rule."""
    params = {"per_day": minutes_per_day, "limit": 24 * 60 - 1e-6}
    return [(r[0], r[1]) for r in db.execute(DAYS_AT_FAULT, params)]


def insert_kept(db: Connection, persons: Mapping[int, int], projects: Mapping[int, int]) -> int:
    """Add the kept rows to the ledger (inside the caller's transaction); returns how many."""
    db.execute("CREATE TEMP TABLE import_persons (old INTEGER PRIMARY KEY, new INTEGER)")
    db.execute("CREATE TEMP TABLE import_projects (old INTEGER PRIMARY KEY, new INTEGER)")
    try:
        db.conn.executemany("INSERT INTO temp.import_persons VALUES (?, ?)", persons.items())
        db.conn.executemany("INSERT INTO temp.import_projects VALUES (?, ?)", projects.items())
        return int(db.execute(INSERT_KEPT).rowcount)
    finally:
        db.execute("DROP TABLE temp.import_persons")
        db.execute("DROP TABLE temp.import_projects")
