"""OneThird at three sizes — a city, a large city, a province — with the growth of every figure.

Run `python bench/scale.py [--sizes 300x1,1000x1,3000x2] [--workdir DIR] [--repeat 3]`. A size
PxY is P persons over Y years ending in 2026 (10 projects a person), made by bench/generate.py
one year at a time with the same persons. For each size, in a fresh database:

- import: `onethird-cli import` of each year's ledger CSV, as a whole process, with its peak
  memory (GNU time's maximum resident size); beside it the floor (bench/floor.py);
- the summary of September and of the year 2026, in-process (`Ledger.summary`) against the raw
  GROUP BY on a plain connection, and as a whole process (`onethird-cli summary`) against a
  process that only opens the file and runs the GROUP BY;
- the circular PDF for September (all persons), warm;
- the window: launch to first paint (`onethird`), then in a fresh process the entries page
  opened on all persons' 2026, each filter, each column sorted both ways, scrolling to the end,
  and that process's peak memory (bench/gui.py);
- intake at an office of one month (October 2026) of every subject person's report file.

The last columns are the growth of each figure from one size to the next, beside the growth of
the entries: a figure that grows faster than the data is a defect to look at. Prints figures;
it is not a test. Linux (GNU time, /proc).
"""

from __future__ import annotations

import argparse
import itertools
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.domain.periods import Period
from desktop.storage.ledger import Ledger
from desktop.storage.summary import SUMMARY_SQL

sys.path.insert(0, str(Path(__file__).resolve().parent))
import floor  # siblings, found through the line above
import generate
import gui
import run

LAST_YEAR = 2026
MONTH = Period.month(LAST_YEAR, 9)
INTAKE_MONTH = Period.month(LAST_YEAR, 10)
TODAY = date(LAST_YEAR, 12, 31)
BIN = Path(sys.executable).parent
PDF = b"%PDF-1.4 stand-in for the monthly report\n"


@dataclass
class Size:
    persons: int
    years: int
    figures: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.persons}×{self.years}y"


def parse_sizes(text: str) -> list[Size]:
    sizes = []
    for part in text.split(","):
        persons, years = part.lower().split("x")
        sizes.append(Size(int(persons), int(years)))
    return sizes


def timed_process(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one whole process (GNU time)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        t0 = time.perf_counter()
        subprocess.run(
            ["/usr/bin/time", "-o", out.name, "-f", "%M", *argv],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,  # the import's progress lines
        )
        seconds = time.perf_counter() - t0
        peak_kb = int(Path(out.name).read_text().split()[-1])
    return seconds, peak_kb / 1024


def data_sets(size: Size, workdir: Path, seed: int) -> list[Path]:
    projects = 10 * size.persons
    folders = []
    for year in range(LAST_YEAR - size.years + 1, LAST_YEAR + 1):
        data = workdir / f"p{size.persons}-y{year}-s{seed}"
        run.ensure_data(data, size.persons, year, projects, seed)
        folders.append(data)
    names = [[p.name for p in generate.load_people(d)] for d in folders]
    if any(n != names[0] for n in names):
        raise SystemExit("the years' data sets name different persons")
    return folders


def measure(size: Size, workdir: Path, seed: int, repeat: int) -> None:
    f = size.figures
    folders = data_sets(size, workdir, seed)
    csvs = [d / generate.ENTRIES_FILE for d in folders]
    db = run.fresh_path(workdir / "scale" / f"p{size.persons}x{size.years}.db")
    db.parent.mkdir(parents=True, exist_ok=True)
    ledger = run.open_ledger(db, LAST_YEAR)
    run.add_people_and_projects(ledger, folders[0])
    ledger.close()

    seconds, peak = 0.0, 0.0
    for csv_path in csvs:
        s, p = timed_process(
            [str(BIN / "onethird-cli"), "--db", str(db), "--today", str(TODAY), "import",
             str(csv_path)]
        )  # fmt: skip
        seconds, peak = seconds + s, max(peak, p)
    f["import (whole process), s"] = seconds
    f["import: peak memory, MB"] = peak
    scratch = workdir / "scale" / "floor.sqlite"
    f["import floor, s"] = sum(floor.floor_import(c, scratch)[0] for c in csvs)
    scratch.unlink(missing_ok=True)

    ledger = Ledger.open(db, today=lambda: TODAY)
    entries = ledger.db.execute("SELECT count(*) FROM entries").fetchone()[0]
    f["entries"] = entries
    raw = sqlite3.connect(db)
    sql = SUMMARY_SQL.format(person_filter="")
    for label, period in (("month", MONTH), ("year", Period.year(LAST_YEAR))):
        params = ledger.summary_params(period)
        f[f"summary {label}, s"] = run.timed(lambda p=period: ledger.summary(p), repeat)
        f[f"summary {label} floor, s"] = run.timed(
            lambda p=params: raw.execute(sql, p).fetchall(), repeat
        )
        cli = [str(BIN / "onethird-cli"), "--db", str(db), "--today", str(TODAY)]
        f[f"summary {label} (whole process), s"] = floor.process_seconds(
            [*cli, "summary", "--period", period.code], repeat
        )
        f[f"summary {label} floor (whole process), s"] = floor.floor_summary(
            db, sql, params, repeat
        )
    raw.close()

    from desktop.reports.export import render_pdf
    from desktop.reports.sources import gather_circular

    f["circular PDF, month, s"] = run.timed(
        lambda: render_pdf(gather_circular(ledger, MONTH, "person", TODAY)), max(1, repeat - 1)
    )
    ledger.close()

    data_dir = Path(tempfile.mkdtemp(prefix="onethird-scale-data-"))
    gui.first_paint(db, data_dir)  # warm-up
    f["window: first paint, s"] = statistics.median(
        gui.first_paint(db, data_dir)[0] for _ in range(repeat)
    )
    child = subprocess.run(
        [sys.executable, str(Path(gui.__file__)), "--entries-page", str(db)],
        capture_output=True,
        text=True,
        timeout=3600,
        check=True,
        env={**os.environ, "ONETHIRD_DATA_DIR": str(data_dir)},
    )
    for line in child.stdout.splitlines():
        value, name = line.split("\t", 1)
        if name == "peak":
            f["window: peak memory, MB"] = float(value)
        elif float(value) > 0:
            f[f"window: {name}, s"] = float(value)
        else:
            size.notes.append(name)
    f["intake: a month of every person's files, s"] = intake(db, workdir / "scale")


def intake(db: Path, folder: Path) -> float:
    """Every subject person of the ledger submits October; an office takes the files in."""
    out = folder / "reports"
    for old in out.glob("*.otr") if out.exists() else ():
        old.unlink()
    office_db = run.fresh_path(folder / "office.db")
    moment = datetime(LAST_YEAR, 11, 3, 9, 0, tzinfo=UTC)
    registrations = folder / "registrations"
    registrations.mkdir(exist_ok=True)
    with (
        Ledger.open(db, today=lambda: date(LAST_YEAR, 11, 3)) as unit,
        Ledger.open(office_db, today=lambda: date(LAST_YEAR, 11, 3)) as office,
    ):
        # one database stands for every unit: each unit's files are signed with a key of its
        # own, registered at the office for that unit, as separate unit databases would be
        persons = unit.persons(subject_only=True)
        for i, unit_name in enumerate(sorted({p.unit for p in persons})):
            unit.new_own_key()
            path = registrations / f"{i}.otk"
            path.write_bytes(unit.registration_file("unit", unit_name))
            office.accept_registration(path, unit.own_key().fingerprint)
            for p in persons:
                if p.unit == unit_name:
                    assert p.id is not None
                    unit.submit_month(p.id, INTAKE_MONTH, PDF, out / f"{p.id}.otr", now=moment)
        t0 = time.perf_counter()
        done = office.intake([out])
        took = time.perf_counter() - t0
    refused = [o for o in done.outcomes if o.refused]
    if refused:
        raise SystemExit(f"intake refused {len(refused)}: {refused[0].message()}")
    return took


def _pad(text: str, width: int) -> str:
    """Left-aligned in `width` columns, a Chinese character taking two."""
    shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - shown)


def print_table(sizes: list[Size]) -> None:
    names = list(dict.fromkeys(k for s in sizes for k in s.figures))
    head = f"{'figure':<52}" + "".join(f"{s.name:>12}" for s in sizes)
    growth = [f"{b.name}/{a.name}" for a, b in itertools.pairwise(sizes)]
    print(head + "".join(f"{g:>20}" for g in growth))
    base = [s.figures["entries"] for s in sizes]
    for name in names:
        values = [s.figures.get(name) for s in sizes]
        cells = "".join(
            f"{v:>12,.0f}" if name == "entries" else f"{v:>12.3f}" if v is not None else f"{'':>12}"
            for v in values
        )
        ratios = ""
        for i in range(len(sizes) - 1):
            a, b = values[i], values[i + 1]
            if a and b:
                data = base[i + 1] / base[i]
                ratios += f"{f'×{b / a:.2f} (data ×{data:.2f})':>20}"
        print(f"{_pad(name, 52)}{cells}{ratios}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300x1,1000x1,3000x2", type=parse_sizes)
    parser.add_argument("--workdir", type=Path, default=run.HERE / "data")
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for size in args.sizes:
        t0 = time.perf_counter()
        measure(size, args.workdir, args.seed, args.repeat)
        print(f"{size.name}: measured in {time.perf_counter() - t0:.0f} s", flush=True)
    print()
    print_table(args.sizes)
    for size in args.sizes:
        for note in size.notes:
            print(f"{size.name}: {note}")


if __name__ == "__main__":
    main()
