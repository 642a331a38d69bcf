"""Intake timing: one report file naming many projects (doubling the projects should at most
double the time), and a month of report files from many persons.

    python bench/intake.py --projects 2000 4000 --persons 300
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from desktop.domain.entries import Entry
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.projects import Project
from desktop.storage.ledger import Ledger

MONTH = Period.month(2026, 10)
PDF = b"%PDF-1.4 bench\n"


def _introduce(receiver: Ledger, sender: Ledger, role: str, unit: str, folder: Path) -> None:
    card = folder / f"{sender.path.stem}-{role}.otk"
    card.write_bytes(sender.registration_file(role, unit))
    receiver.accept_registration(card)


def one_file(folder: Path, projects: int) -> tuple[float, int]:
    """Seconds to take in one report whose entries name `projects` projects, and the SQL
    statements it ran (the count shows the work grows linearly whatever the timing noise)."""
    with Ledger.open(folder / "unit.db", today=lambda: date(2026, 11, 20)) as unit:
        p = unit.add_person(Person("张伟", "市长", "市人民政府"))
        assert p.id is not None
        talks = unit.find_activity("项目洽谈").id
        assert talks is not None
        with unit.db.atomic():
            for n in range(projects):
                pr = unit.add_project(Project(f"项目{n:05d}", f"投资方{n}", "", Decimal(1000)))
                day = date(2026, 10, 1 + n % 28)
                unit.add_entry(Entry(p.id, day, talks, minutes=1, project_id=pr.id,
                                     start=None))  # fmt: skip
        sent = unit.submit_month(p.id, MONTH, PDF, folder / "one.otr").path
        with Ledger.open(folder / "office.db", today=lambda: date(2026, 11, 20)) as office:
            _introduce(office, unit, "unit", "市人民政府", folder)
            statements = [0]

            def count(_sql: str) -> None:
                statements[0] += 1

            office.db.conn.set_trace_callback(count)
            started = time.perf_counter()
            run = office.intake([sent])
            took = time.perf_counter() - started
            office.db.conn.set_trace_callback(None)
            assert not run.refused, run.outcomes[0].message()
    return took, statements[0]


def floor(rows: int) -> float:
    """Seconds for plain sqlite3 to insert `rows` entries, one statement each, into a table with
    the two indexes every ledger keeps on (date, person) and (person, date): the B-tree work any
    intake of these rows has to do, which itself grows a little faster than the rows."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(
        "CREATE TABLE e (id INTEGER PRIMARY KEY, person INT, date TEXT, activity INT, minutes INT);"
        "CREATE INDEX e_summary ON e (date, person, activity, minutes);"
        "CREATE INDEX e_person ON e (person, date);"
    )
    started = time.perf_counter()
    with conn:
        for n in range(rows):
            conn.execute(
                "INSERT INTO e (person, date, activity, minutes) VALUES (1, ?, 1, 1)",
                [date(2026, 10, 1 + n % 28).isoformat()],
            )
    took = time.perf_counter() - started
    conn.close()
    return took


def many_files(folder: Path, persons: int, projects_each: int = 5) -> float:
    """Seconds to take in one month of `persons` report files from one unit."""
    out = folder / "out"
    with Ledger.open(folder / "unit.db", today=lambda: date(2026, 11, 20)) as unit:
        talks = unit.find_activity("项目洽谈").id
        assert talks is not None
        with unit.db.atomic():
            shared = [unit.add_project(Project(f"重点项目{n}", "某集团")).id for n in range(40)]
            for i in range(persons):
                p = unit.add_person(Person(f"人员{i:04d}", "局长", "市人民政府"))
                assert p.id is not None
                for d in range(1, 21):
                    pid = shared[(i + d) % len(shared)] if d <= projects_each else None
                    unit.add_entry(Entry(p.id, date(2026, 10, d), talks, minutes=120,
                                         project_id=pid))  # fmt: skip
        for p in unit.persons():
            assert p.id is not None
            unit.submit_month(p.id, MONTH, PDF, out / f"{p.name}.otr")
        with Ledger.open(folder / "office.db", today=lambda: date(2026, 11, 20)) as office:
            _introduce(office, unit, "unit", "市人民政府", folder)
            started = time.perf_counter()
            run = office.intake([out])
            took = time.perf_counter() - started
            assert not run.refused
    return took


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, nargs="*", default=[2000, 4000])
    parser.add_argument("--persons", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs a size")
    args = parser.parse_args()
    times, floors = [], []
    for n in args.projects:
        runs = []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as tmp:
                took, statements = one_file(Path(tmp), n)
                runs.append(took)
        took = min(runs)
        times.append(took)
        floors.append(min(floor(n) for _ in range(args.repeat)))
        print(
            f"one file naming {n:>6} projects: intake {took:6.2f} s (best of {len(runs)}),"
            f" {statements} SQL statements; floor (plain sqlite3 inserting {n} indexed rows)"
            f" {floors[-1]:.3f} s"
        )
    for i in range(1, len(times)):
        a, ta, b, tb = args.projects[i - 1], times[i - 1], args.projects[i], times[i]
        print(
            f"  {a} -> {b} projects: time x{tb / ta:.2f} for data x{b / a:.2f}"
            f" (floor x{floors[i] / floors[i - 1]:.2f})"
        )
    if args.persons:
        with tempfile.TemporaryDirectory() as tmp:
            took = many_files(Path(tmp), args.persons)
        print(f"{args.persons} report files (one month each): intake {took:6.2f} s")


if __name__ == "__main__":
    main()
