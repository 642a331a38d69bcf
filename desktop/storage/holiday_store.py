"""The holiday arrangements held in the database: read them, replace a year, remove a year.

Every change is one transaction with its change-log record, and returns what the year held
before, so the caller can undo it by writing that back."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.domain.holidays import YearArrangement
from desktop.storage import changelog
from desktop.storage.connection import Connection

TABLE = "holiday_years"


def load(db: Connection) -> dict[int, YearArrangement]:
    years: dict[int, dict[str, Any]] = {}
    for year, notice, notice_date, received_from in db.execute(
        "SELECT year, notice, notice_date, received_from FROM holiday_years"
    ).fetchall():
        years[int(year)] = {
            "notice": notice,
            "notice_date": date.fromisoformat(notice_date) if notice_date else None,
            "received_from": received_from,
            "holidays": {},
            "workdays": set(),
        }
    for day, year, kind, name in db.execute(
        "SELECT date, year, kind, name FROM holiday_days ORDER BY date"
    ).fetchall():
        held = years[int(year)]
        if kind == "holiday":
            held["holidays"][date.fromisoformat(day)] = name
        else:
            held["workdays"].add(date.fromisoformat(day))
    return {
        year: YearArrangement(
            year,
            v["holidays"],
            frozenset(v["workdays"]),
            v["notice"],
            v["notice_date"],
            v["received_from"],
        )
        for year, v in years.items()
    }


def _record(a: YearArrangement | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {**a.to_json(), "received_from": a.received_from}


def put(db: Connection, actor: str, a: YearArrangement | None, year: int) -> YearArrangement | None:
    """Make the database hold `a` for `year` (None removes the year); returns what it held."""
    before = load_year(db, year)
    if before == a:
        return before
    with db.atomic():
        db.execute("DELETE FROM holiday_years WHERE year = ?", [year])
        if a is not None:
            db.execute(
                "INSERT INTO holiday_years (year, notice, notice_date, received_from)"
                " VALUES (?, ?, ?, ?)",
                [
                    year,
                    a.notice,
                    a.notice_date.isoformat() if a.notice_date else None,
                    a.received_from,
                ],
            )
            rows = [(d.isoformat(), year, "holiday", n) for d, n in a.holidays.items()]
            rows += [(d.isoformat(), year, "workday", "") for d in a.workdays]
            db.conn.executemany(
                "INSERT INTO holiday_days (date, year, kind, name) VALUES (?, ?, ?, ?)", rows
            )
        action = "insert" if before is None else ("delete" if a is None else "update")
        changelog.record(db, actor, action, TABLE, year, _record(before), _record(a))
    return before


def load_year(db: Connection, year: int) -> YearArrangement | None:
    return load(db).get(year)
