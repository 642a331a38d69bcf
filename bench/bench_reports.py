"""Time the reports on a year of 300 people: the circular PDF, one monthly report, all of them.

Run `python bench/bench_reports.py [--people 300] [--year 2026] [--month 9] [--workdir DIR]`.
The data is bench/generate.py's, imported the way bench/run.py imports it; the projects then get
a responsible leader, a stage history and funds (seeded, so every run sees the same ledger). The
database is kept in WORKDIR/run/reports.sqlite and reused while the data and this script's
enrichment are unchanged (`--rebuild` forces a fresh one). Prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from desktop.domain.periods import Period
from desktop.domain.projects import Funding, Stage, StageChange
from desktop.reports.export import monthly_file_name, render_pdf, write_report
from desktop.reports.sources import gather_circular, gather_monthly, gather_pipeline
from desktop.storage.ledger import Ledger

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # siblings, found through the line above
import run

HERE = Path(__file__).resolve().parent
ENRICHMENT = 1  # bump when enrich() changes, so a kept database is rebuilt
TARGETS = {"circular": 2.0, "monthly": 0.5, "all monthly": 60.0}
LADDER = (Stage.LEAD, Stage.TALKS, Stage.SIGNED, Stage.LANDED, Stage.STARTED, Stage.PRODUCING)


def enrich(ledger: Ledger, year: int, seed: int) -> None:
    """Give each project a leader, a dated climb up the stage ladder and funds after signing."""
    rng = random.Random(seed)
    leaders = [p.id for p in ledger.persons(subject_only=True) if p.id is not None]
    first, last = date(year, 1, 1), date(year, 12, 31)
    with ledger.db.atomic():
        for project in ledger.projects():
            assert project.id is not None
            ledger.db.execute(
                "UPDATE projects SET leader_id = ? WHERE id = ?", [rng.choice(leaders), project.id]
            )
            day = first + timedelta(days=rng.randrange(0, 300))
            top = rng.choices(range(len(LADDER)), weights=(20, 30, 20, 12, 10, 8))[0]
            for stage in LADDER[: top + 1]:
                if day > last:
                    break
                amount = project.amount if stage is Stage.SIGNED else None
                ledger.add_stage(project.id, StageChange(day, stage, "", amount))
                if stage is Stage.SIGNED and project.amount:
                    arrived = day
                    for _ in range(rng.randrange(0, 4)):
                        arrived += timedelta(days=rng.randrange(10, 90))
                        if arrived > last:
                            break
                        share = Decimal(rng.choice((5, 10, 15, 20))) / 100
                        ledger.add_funds(project.id, Funding(arrived, project.amount * share))
                day += timedelta(days=rng.randrange(7, 120))
            if rng.random() < 0.04 and day <= last:
                ledger.add_stage(project.id, StageChange(day, Stage.PAUSED))


def build(path: Path, data: Path, year: int, seed: int, rebuild: bool) -> tuple[Ledger, str]:
    """The ledger to time: kept from an earlier run when it was built from the same data."""
    meta_path = path.with_suffix(".json")
    wanted = {**(generate.load_meta(data) or {}), "enrichment": ENRICHMENT}
    wanted.pop("seconds", None)
    last = date(year, 12, 31)
    kept = not rebuild and path.exists() and meta_path.exists()
    if kept and json.loads(meta_path.read_text("utf-8")) == wanted:
        return Ledger.open(path, today=lambda: last), "reused"
    t0 = time.perf_counter()
    ledger = run.open_ledger(path, year)
    run.add_people_and_projects(ledger, data)
    ledger.import_entries_csv(data / generate.ENTRIES_FILE)
    enrich(ledger, year, seed)
    meta_path.write_text(json.dumps(wanted, ensure_ascii=False), "utf-8")
    return ledger, f"built in {time.perf_counter() - t0:.0f} s"


def clock(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--projects", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    parser.add_argument("--month", type=int, default=9, help="the month reported on")
    parser.add_argument("--workdir", type=Path, default=HERE / "data")
    parser.add_argument("--repeat", type=int, default=3, help="warm runs per figure")
    parser.add_argument("--rebuild", action="store_true", help="make the database afresh")
    parser.add_argument("--keep", type=Path, default=None, help="also save the PDFs here")
    args = parser.parse_args()

    data = args.workdir / f"p{args.people}-y{args.year}-s{args.seed}"
    run.ensure_data(data, args.people, args.year, args.projects, args.seed)
    db = args.workdir / "run" / "reports.sqlite"
    ledger, how = build(db, data, args.year, args.seed, args.rebuild)
    period = Period.month(args.year, args.month)
    today = date(args.year, 12, 31)
    entries = ledger.db.execute("SELECT count(*) FROM entries").fetchone()[0]
    print(f"ledger: {db} ({how}); {entries} entries, {len(ledger.persons())} persons")

    def circular() -> bytes:
        return render_pdf(gather_circular(ledger, period, "person", today))[0]

    persons = ledger.persons()
    sample = persons[:: max(1, len(persons) // (args.repeat + 1))][: args.repeat + 1]

    def monthly(i: int) -> bytes:
        (report,) = gather_monthly(ledger, [sample[i]], period, today)
        return render_pdf(report)[0]

    # the first report in a process also loads the fonts, matplotlib and reportlab
    cold_circular = clock(circular)
    warm_circular = statistics.median(clock(circular) for _ in range(args.repeat))
    cold_monthly = clock(lambda: monthly(0))
    warm_monthly = statistics.median(clock(lambda i=i: monthly(i)) for i in range(1, len(sample)))

    out = Path(tempfile.mkdtemp(prefix="onethird-reports-"))
    t0 = time.perf_counter()
    n = 0
    for report in gather_monthly(ledger, persons, period, today):
        write_report(report, "pdf", out / monthly_file_name(report, "pdf"))
        n += 1
    all_monthly = time.perf_counter() - t0
    sizes = [p.stat().st_size for p in out.iterdir()]
    pipeline = clock(lambda: render_pdf(gather_pipeline(ledger, period, today)))
    by_unit = clock(lambda: render_pdf(gather_circular(ledger, period, "unit", today)))

    pdf = circular()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        (args.keep / "circular.pdf").write_bytes(pdf)
        shutil.copytree(out, args.keep / "monthly", dirs_exist_ok=True)
    shutil.rmtree(out)
    print(f"period {period.label}; circular PDF {len(pdf) / 1e3:.0f} KB")
    print()
    print(f"{'figure':<34}{'seconds':>9}{'target':>9}  verdict")
    rows = [
        ("circular PDF, month (first)", cold_circular, TARGETS["circular"]),
        ("circular PDF, month (warm)", warm_circular, TARGETS["circular"]),
        ("one monthly report PDF (first)", cold_monthly, None),
        ("one monthly report PDF (warm)", warm_monthly, TARGETS["monthly"]),
        (f"all {n} monthly report PDFs", all_monthly, TARGETS["all monthly"]),
        ("pipeline PDF, month", pipeline, None),
        ("circular PDF by unit, month", by_unit, None),
    ]
    for name, seconds, target in rows:
        verdict = "" if target is None else ("ok" if seconds <= target else "OVER")
        limit = "" if target is None else f"≤ {target:g}"
        print(f"{name:<34}{seconds:>9.2f}{limit:>9}  {verdict}")
    print()
    print(
        f"monthly PDFs: {n} files, {sum(sizes) / 1e6:.1f} MB,"
        f" median {statistics.median(sizes) / 1e3:.0f} KB;"
        f" per report {all_monthly / max(n, 1):.3f} s; warm = median of {args.repeat}"
    )
    ledger.close()


if __name__ == "__main__":
    main()
