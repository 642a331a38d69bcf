"""The physical floor the benchmarks compare OneThird with: plain `sqlite3` doing what the data
needs, and nothing our schema adds (no indexes, triggers, text index or change log).

- import: read and decode the ledger CSV, one `executemany` into a plain table in one
  transaction, then the one-third query (each person's promotion minutes over the year);
- summary, whole process: a new Python process that imports only `sqlite3`, opens the database
  and runs the summary's GROUP BY, the rows fetched;
- start-up: `python3 -c "import sqlite3"`.

Importable by bench/run.py; also runnable: `python bench/floor.py import CSV` prints the seconds.
"""

from __future__ import annotations

import compileall
import csv
import functools
import io
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

PLAIN_TABLE = (
    "CREATE TABLE entries (day TEXT, person TEXT, title TEXT, start TEXT, end TEXT, hours TEXT,"
    " activity TEXT, project TEXT, location TEXT, note TEXT)"
)
ONE_THIRD = (
    "SELECT person, sum(CASE WHEN activity IN ('外出招商', '项目洽谈', '签约活动',"
    " '项目推进协调', '接待客商考察') THEN 1 ELSE 0 END) * 1.0 / count(*) FROM entries"
    " GROUP BY person"
)


def floor_import(csv_path: Path, db_path: Path) -> tuple[float, int]:
    """Seconds of the plain load of the ledger CSV into a fresh file, and the rows loaded."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    text = csv_path.read_bytes().decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader)
    rows = list(reader)
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute(PLAIN_TABLE)
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("COMMIT")
    conn.execute(ONE_THIRD).fetchall()
    conn.close()
    return time.perf_counter() - t0, len(rows)


@functools.cache
def installed_bytecode() -> None:
    """The package's bytecode written, as an installed copy holds it (pip compiles on install,
    the bundle ships it), so that a whole process is not timed compiling our sources: where
    PYTHONDONTWRITEBYTECODE is set, an editable checkout would compile every module on every
    run, while the floor's standard library comes compiled."""
    compileall.compile_dir(Path(__file__).resolve().parents[1] / "desktop", quiet=1)


def process_seconds(argv: Sequence[str], runs: int) -> float:
    """The best wall-clock seconds of `runs` runs of a whole process (output discarded)."""
    installed_bytecode()
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t0)
    return best


_SUMMARY_PROCESS = """
import json, sqlite3, sys
db, query = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
conn = sqlite3.connect(db)
conn.execute(query["sql"], query["params"]).fetchall()
"""


def floor_summary(db: Path, sql: str, params: dict[str, Any], runs: int) -> float:
    """A whole process that opens `db` with plain sqlite3 and runs the summary's GROUP BY."""
    with tempfile.TemporaryDirectory() as folder:
        query = Path(folder) / "query.json"
        query.write_text(json.dumps({"sql": sql, "params": params}), encoding="utf-8")
        return process_seconds([sys.executable, "-c", _SUMMARY_PROCESS, str(db), str(query)], runs)


def floor_start(runs: int) -> float:
    return process_seconds([sys.executable, "-c", "import sqlite3"], runs)


if __name__ == "__main__":
    if sys.argv[1:2] == ["import"] and len(sys.argv) == 3:
        with tempfile.TemporaryDirectory() as folder:
            seconds, n = floor_import(Path(sys.argv[2]), Path(folder) / "floor.sqlite")
        print(f"floor import: {n} rows in {seconds:.2f} s")
    else:
        raise SystemExit("usage: python bench/floor.py import LEDGER.csv")
