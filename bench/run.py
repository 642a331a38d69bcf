"""Benchmark OneThird's entry import and summaries against plain sqlite3 doing the same work.

Run `python bench/run.py [--people 300] [--year 2026] [--workdir DIR] [--repeat 5]`. Data is made
by bench/generate.py (and reused when already there); every run builds fresh databases.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import os
import platform
import pstats
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import Any

from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.projects import Project
from desktop.storage import text_index
from desktop.storage.entry_import import decode_text
from desktop.storage.ledger import Ledger
from desktop.storage.summary import SUMMARY_SQL

sys.path.insert(0, str(Path(__file__).resolve().parent))
import floor  # siblings, found through the line above
import generate

HERE = Path(__file__).resolve().parent
IMPORT_TARGET = 3.0
SUMMARY_TARGET = 1.5
START_TARGET = 3.0  # onethird-cli --version against python3 -c "import sqlite3"
RAW_INSERT = (
    "INSERT INTO entries (person_id, date, activity_id, minutes, day_part, start_min,"
    " end_min, project_id, trip_id, location, counterpart, note, recorded_by)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
ENTRY_FIELDS = (
    "person_id, date, activity_id, minutes, day_part, start_min, end_min, project_id, trip_id,"
    " location, counterpart, note, recorded_by"
)


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    ours: float
    reference: float
    target: float

    @property
    def ratio(self) -> float:
        return self.ours / self.reference if self.reference > 0 else float("inf")


def ensure_data(data: Path, people: int, year: int, projects: int, seed: int) -> tuple[float, bool]:
    """Generate the data set unless the same one is there; returns (seconds, freshly made)."""
    wanted = {
        "people": people,
        "year": year,
        "projects": projects,
        "seed": seed,
        "generator": generate.generator_version(),
    }
    meta = generate.load_meta(data)
    files_there = all(p.exists() for p in generate.data_files(data))
    if meta is not None and files_there and all(meta.get(k) == v for k, v in wanted.items()):
        return float(str(meta.get("seconds", "nan"))), False
    g = generate.generate(data, people, year, projects, seed)
    return g.seconds, True


def fresh_path(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def open_ledger(path: Path, year: int) -> Ledger:
    last = date(year, 12, 31)
    return Ledger.open(fresh_path(path), today=lambda: last)


def add_people_and_projects(ledger: Ledger, data: Path) -> tuple[float, float]:
    """The setup the import needs; returns the seconds for persons and for projects."""
    t0 = time.perf_counter()
    for p in generate.load_people(data):
        ledger.add_person(Person(p.name, p.title, p.unit, p.group, p.subject_to_rule))
    t1 = time.perf_counter()
    for pr in generate.load_projects(data):
        ledger.add_project(
            Project(pr.name, pr.investor, pr.chain, amount=Decimal(pr.amount), park=pr.park)
        )
    return t1 - t0, time.perf_counter() - t1


def connect(path: Path) -> sqlite3.Connection:
    """A plain connection with the pragmas the ledger sets (WAL is stored in the file) and the
    text index's function, which the entries triggers call."""
    conn = sqlite3.connect(path, isolation_level=None)
    text_index.register(conn)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -65536")
    return conn


def _clock(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def raw_import(conn: sqlite3.Connection, csv_path: Path) -> int:
    """Read the CSV, map names to ids, convert as the import does, insert in one transaction."""
    persons = dict(conn.execute("SELECT name, id FROM persons"))
    activities = dict(conn.execute("SELECT name, id FROM activities"))
    projects = dict(conn.execute("SELECT name, id FROM projects"))
    reader = csv.reader(io.StringIO(decode_text(csv_path.read_bytes()), newline=""))
    next(reader)
    rows: list[tuple[Any, ...]] = []
    for day, name, _title, start, end, hours, activity, project, location, note in reader:
        minutes: int | None = None
        part: str | None = None
        start_min = end_min = None
        if hours == "全天":
            part = "full"
        elif hours == "半天":
            part = "half"
        elif hours:
            minutes = round(float(hours) * 60)
        if start:
            start_min, end_min = _clock(start), _clock(end)
            minutes = end_min - start_min
        rows.append(
            (
                persons[name],
                day,
                activities[activity],
                minutes,
                part,
                start_min,
                end_min,
                projects[project] if project else None,
                None,
                location,
                "",
                note,
                "",
            )
        )
    conn.execute("BEGIN")
    conn.executemany(RAW_INSERT, rows)
    conn.execute("COMMIT")
    return len(rows)


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median seconds of `repeat` calls after one warm-up call."""
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def fetch_all(conn: sqlite3.Connection, sql: str, params: dict[str, object]) -> list[Any]:
    return conn.execute(sql, params).fetchall()


def compare_entries(ours: Path, reference: Path) -> int:
    """Rows that differ between the two entries tables (both directions); 0 when identical."""
    conn = sqlite3.connect(ours)
    try:
        conn.execute("ATTACH DATABASE ? AS ref", [str(reference)])
        diff = 0
        for a, b in (("main", "ref"), ("ref", "main")):
            diff += conn.execute(
                f"SELECT count(*) FROM (SELECT id, {ENTRY_FIELDS} FROM {a}.entries"
                f" EXCEPT SELECT id, {ENTRY_FIELDS} FROM {b}.entries)"
            ).fetchone()[0]
        conn.execute("DETACH DATABASE ref")
        return int(diff)
    finally:
        conn.close()


def check_summary(ledger: Ledger, raw: sqlite3.Connection, period: Period) -> str:
    """Our summary against the raw GROUP BY rows, person by person; raises on a mismatch."""
    ours = ledger.summary(period)
    params = ledger.summary_params(period)
    rows = {r[0]: r for r in raw.execute(SUMMARY_SQL.format(person_filter=""), params)}
    worst = 0.0
    for ps in ours:
        r = rows.get(ps.person.id)
        promo, leave = (r[1], r[3]) if r else (0.0, 0.0)
        worst = max(worst, abs(ps.result.promotion_days - promo), abs(ps.result.leave_days - leave))
    ids = {ps.person.id for ps in ours}
    our_sum = sum(ps.result.promotion_days for ps in ours)
    raw_sum = sum(r[1] for pid, r in rows.items() if pid in ids)
    if worst > 1e-6 or abs(our_sum - raw_sum) > 1e-6:
        raise SystemExit(
            f"{period.label}: summaries differ (worst {worst}, {our_sum} vs {raw_sum})"
        )
    below = sum(1 for ps in ours if not ps.result.met)
    return (
        f"{period.label}: Σ promotion days ours {our_sum:.4f} = raw {raw_sum:.4f}"
        f" over {len(ours)} subject persons (raw rows {len(rows)}, all persons"
        f" {sum(r[1] for r in rows.values()):.4f}); below 1/3: {below} ({below / len(ours):.0%})"
    )


def profile_import(path: Path, data: Path, year: int, lines: int) -> str:
    """cProfile of the import into another fresh database, top lines by cumulative time."""
    ledger = open_ledger(path, year)
    try:
        add_people_and_projects(ledger, data)
        profiler = cProfile.Profile()
        profiler.enable()
        ledger.import_entries_csv(data / generate.ENTRIES_FILE)
        profiler.disable()
    finally:
        ledger.close()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(lines)
    return out.getvalue()


def import_statements(path: Path, data: Path, year: int, shortest: float = 0.01) -> str:
    """The import into another fresh database with each statement of the ledger's connection
    timed (no profiler): those that took `shortest` seconds or more, when each ended and how
    long it took, and the rest of the import's time."""
    ledger = open_ledger(path, year)
    timed: list[tuple[float, float, str]] = []
    execute = ledger.db.execute

    def timing(sql: str, parameters: Any = None) -> sqlite3.Cursor:
        t = time.perf_counter()
        cursor = execute(sql, parameters)
        timed.append((time.perf_counter(), time.perf_counter() - t, " ".join(sql.split())))
        return cursor

    try:
        add_people_and_projects(ledger, data)
        ledger.db.execute = timing  # type: ignore[method-assign]
        t0 = time.perf_counter()
        ledger.import_entries_csv(data / generate.ENTRIES_FILE)
        total = time.perf_counter() - t0
    finally:
        ledger.db.execute = execute  # type: ignore[method-assign]
        ledger.close()
    lines = [f"import {total:.3f} s; statements of {shortest} s or more (ended at, took):"]
    lines += [
        f"{end - t0:8.3f} {took:7.3f}  {sql[:70]}" for end, took, sql in timed if took >= shortest
    ]
    listed = sum(took for _, took, _ in timed if took >= shortest)
    lines.append(f"the rest (Python, shorter statements, the commit): {total - listed:.3f} s")
    return "\n".join(lines)


def file_size(path: Path) -> int:
    return sum(
        Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists()
    )


def print_table(steps: Sequence[Step]) -> None:
    print(f"{'step':<38}{'ours (s)':>10}{'floor (s)':>11}{'ratio':>8}{'target':>9}  verdict")
    for s in steps:
        verdict = "ok" if s.ratio <= s.target else "OVER"
        print(
            f"{s.name:<38}{s.ours:>10.3f}{s.reference:>11.3f}{s.ratio:>7.2f}x"
            f"{'≤ ' + format(s.target, 'g') + 'x':>9}  {verdict}"
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--projects", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    parser.add_argument(
        "--workdir", type=Path, default=HERE / "data", help="data and databases (bench/data)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per summary")
    parser.add_argument(
        "--import-repeat", type=int, default=1, help="fresh imports to take the median of"
    )
    parser.add_argument(
        "--profile", action="store_true", help="also profile the import (one more fresh run)"
    )
    parser.add_argument(
        "--statements",
        action="store_true",
        help="also time the import's SQL statements (one more fresh run)",
    )
    args = parser.parse_args(argv)

    data = args.workdir / f"p{args.people}-y{args.year}-s{args.seed}"
    gen_seconds, made = ensure_data(data, args.people, args.year, args.projects, args.seed)
    how = "generated now" if made else "reused; generated earlier"
    print(f"data: {data} ({how} in {gen_seconds:.1f} s)")
    csv_path = data / generate.ENTRIES_FILE
    ledger_path = args.workdir / "run" / "ledger.sqlite"
    ref_path = args.workdir / "run" / "reference.sqlite"

    # Each round: ours (setup timed apart, then the import) and the reference (the same setup,
    # then a plain sqlite3 load of the same rows), each into a fresh database, interleaved so
    # both see the same machine load.
    ours_times: list[float] = []
    ref_times: list[float] = []
    for i in range(args.import_repeat):
        ledger = open_ledger(ledger_path, args.year)
        setup_persons, setup_projects = add_people_and_projects(ledger, data)
        t0 = time.perf_counter()
        result = ledger.import_entries_csv(csv_path)
        ours_times.append(time.perf_counter() - t0)
        if i < args.import_repeat - 1:
            ledger.close()

        ref = open_ledger(ref_path, args.year)
        add_people_and_projects(ref, data)
        ref.close()
        conn = connect(ref_path)
        t0 = time.perf_counter()
        ref_rows = raw_import(conn, csv_path)
        ref_times.append(time.perf_counter() - t0)
        conn.close()
        if ref_rows != result.rows:
            raise SystemExit(f"row counts differ: ours {result.rows}, reference {ref_rows}")
    differing = compare_entries(ledger_path, ref_path)
    if differing:
        raise SystemExit(f"{differing} entry rows differ between ours and the reference")
    ours_import = statistics.median(ours_times)
    floor_times = [
        floor.floor_import(csv_path, args.workdir / "run" / "floor.sqlite")[0]
        for _ in range(args.import_repeat)
    ]
    floor_import = statistics.median(floor_times)

    steps = [Step("import entries CSV", ours_import, floor_import, IMPORT_TARGET)]
    raw = sqlite3.connect(ledger_path)
    checks: list[str] = []
    for label, period in (
        (f"summary month {args.year}-09", Period.month(args.year, 9)),
        (f"summary year {args.year}", Period.year(args.year)),
    ):
        params = ledger.summary_params(period)
        sql = SUMMARY_SQL.format(person_filter="")
        ours = timed(partial(ledger.summary, period), args.repeat)
        reference = timed(partial(fetch_all, raw, sql, params), args.repeat)
        steps.append(Step(label, ours, reference, SUMMARY_TARGET))
        checks.append(check_summary(ledger, raw, period))
        cli = [str(Path(sys.executable).parent / "onethird-cli"), "--db", str(ledger_path)]
        whole = [*cli, "--today", f"{args.year}-12-31", "summary", "--period", period.code]
        steps.append(
            Step(
                f"{label}, whole process",
                floor.process_seconds(whole, args.repeat),
                floor.floor_summary(ledger_path, sql, params, args.repeat),
                SUMMARY_TARGET,
            )
        )
    version_argv = [str(Path(sys.executable).parent / "onethird-cli"), "--version"]
    steps.append(
        Step(
            "onethird-cli --version",
            floor.process_seconds(version_argv, args.repeat),
            floor.floor_start(args.repeat),
            START_TARGET,
        )
    )
    entries = ledger.db.execute("SELECT count(*) FROM entries").fetchone()[0]
    raw.close()
    ledger.close()

    print()
    print_table(steps)
    print()
    print(
        f"setup (not in the table): add_person ×{len(generate.load_people(data))}"
        f" {setup_persons:.2f} s, add_project ×{len(generate.load_projects(data))}"
        f" {setup_projects:.2f} s"
    )
    print(
        f"entries: {entries} ({result.persons} persons, {result.first_day} … {result.last_day});"
        f" CSV {csv_path.stat().st_size / 1e6:.1f} MB; DB {file_size(ledger_path) / 1e6:.1f} MB"
    )
    print(
        f"import runs (s): ours {' '.join(f'{t:.2f}' for t in ours_times)};"
        f" floor {' '.join(f'{t:.2f}' for t in floor_times)}; into our schema with plain"
        f" sqlite3 (same indexes, triggers, text index) {' '.join(f'{t:.2f}' for t in ref_times)}"
    )
    print("import check: both databases hold identical entries rows")
    for line in checks:
        print(f"summary check: {line}")
    print(
        f"python {platform.python_version()}, sqlite {sqlite3.sqlite_version},"
        f" sqlite-utils {version('sqlite-utils')}, {platform.platform()}, {os.cpu_count()} CPUs;"
        f" summaries: median of {args.repeat} after 1 warm-up"
    )
    if args.profile:
        print()
        print(profile_import(args.workdir / "run" / "profile.sqlite", data, args.year, 25))
    if args.statements:
        print()
        print(import_statements(args.workdir / "run" / "statements.sqlite", data, args.year))


if __name__ == "__main__":
    main()
