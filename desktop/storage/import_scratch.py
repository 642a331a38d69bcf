"""Where an import keeps the rows it has checked until it writes them: a scratch SQLite file of
its own, so a ledger of millions of rows is held on disk, not in memory, and the database being
imported into is not touched before the one transaction that adds everything (or nothing)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain.entries import DayPart, Entry
from desktop.storage.processes import process_gone

BATCH = 20_000
# a row as the entries table takes it (entry_params), after its line in the file
COLUMNS = (
    "line, person_id, date, activity_id, minutes, day_part, start_min, end_min, project_id,"
    " location, counterpart, note, recorded_by"
)


PREFIX = "onethird-import-"


class Scratch:
    def __init__(self) -> None:
        sweep_leftovers()
        self.folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
        self.conn = sqlite3.connect(self.path, isolation_level=None)
        self.conn.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -16384;"
            " PRAGMA temp_store = FILE;"
            f" CREATE TABLE r (seq INTEGER PRIMARY KEY, {COLUMNS.replace(',', ' ,')});"
            " CREATE TABLE skip (seq INTEGER PRIMARY KEY);"
        )
        self._pending: list[tuple[Any, ...]] = []
        self.rows = 0

    def add(self, row: tuple[Any, ...]) -> None:
        """One checked row, its values in COLUMNS order (the date as ISO text, the day part as
        its value)."""
        self._pending.append(row)
        self.rows += 1
        if len(self._pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            marks = ", ".join("?" * 13)
            self.conn.execute("BEGIN")
            self.conn.executemany(f"INSERT INTO r ({COLUMNS}) VALUES ({marks})", self._pending)
            self.conn.execute("COMMIT")
            self._pending.clear()

    @property
    def path(self) -> Path:
        return self.folder / "rows.db"

    def kept_on(self, person_id: int, day: str) -> list[tuple[int, Entry]]:
        """(line, entry) of one person's kept rows on one day, in the file's order."""
        rows = self.conn.execute(
            f"SELECT {COLUMNS} FROM r WHERE person_id = ? AND date = ?"
            " AND seq NOT IN (SELECT seq FROM skip) ORDER BY seq",
            [person_id, day],
        )
        return [(r[0], _entry(r[1:])) for r in rows]

    def skip(self, seqs: Sequence[int]) -> None:
        self.conn.execute("BEGIN")
        self.conn.executemany("INSERT OR IGNORE INTO skip (seq) VALUES (?)", [(s,) for s in seqs])
        self.conn.execute("COMMIT")

    def kept_summary(self) -> tuple[list[tuple[int, int]], str | None, str | None, int]:
        """(person id, rows kept) most first, first and last day, rows skipped as duplicates."""
        where = "WHERE seq NOT IN (SELECT seq FROM skip)"
        per = self.conn.execute(
            f"SELECT person_id, count(*) AS n FROM r {where} GROUP BY person_id ORDER BY n DESC"
        ).fetchall()
        first, last = self.conn.execute(f"SELECT min(date), max(date) FROM r {where}").fetchone()
        skipped = self.conn.execute("SELECT count(*) FROM skip").fetchone()[0]
        return [(int(p), int(n)) for p, n in per], first, last, int(skipped)

    def close(self) -> None:
        self.conn.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Scratch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def sweep_leftovers(root: Path | None = None) -> list[Path]:
    """Scratch folders of imports that were killed (their process is gone) are removed."""
    removed = []
    for folder in (root or Path(tempfile.gettempdir())).glob(f"{PREFIX}*"):
        pid = folder.name[len(PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and process_gone(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            if not folder.exists():
                removed.append(folder)
    return removed

    return False


def _entry(r: Sequence[Any]) -> Entry:
    return Entry(
        person_id=r[0],
        day=date.fromisoformat(r[1]),
        activity_id=r[2],
        minutes=r[3],
        day_part=DayPart(r[4]) if r[4] else None,
        start=r[5],
        end=r[6],
        project_id=r[7],
        location=r[8],
        counterpart=r[9],
        note=r[10],
        recorded_by=r[11],
    )
