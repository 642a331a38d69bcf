"""Which side of the exchange a database is on: the supervision office's once it has taken in a
report from another unit, otherwise a unit's (window titles tell two open windows apart)."""

from __future__ import annotations

from sqlite_utils import Database


def is_office(db: Database) -> bool:
    row = db.execute(
        "SELECT EXISTS (SELECT 1 FROM submissions WHERE origin = 'received')"
    ).fetchone()
    return bool(row[0])
