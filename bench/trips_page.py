"""Benchmark the 外出招商 page on a ledger of many trips: statements issued and time to show it.

Run `python bench/trips_page.py [--trips 5000] [--people 300] [--repeat 5]`. It builds, in a
temporary folder, a ledger of seeded trips of 2026 made through `Ledger.add_trip` (one to four
days, half days, one to four travellers, destinations, companies visited, projects), then:
- times `ledger.trip_lines()` (what the page reads), beside the floor: a plain `sqlite3`
  connection reading the same rows (trips, and travellers with their names); then
  `ledger.trips()` (whole trips, for editing) and one busy person's `ledger.trips_in(2026)`,
  counting the SQL statements each issues (`set_trace_callback` on the ledger's connection);
- opens the main window offscreen on the year 2026 and all persons, lets the dashboard settle,
  then times opening the 外出招商 page until its table has painted, with the
  statements issued, and the page's refresh after that (median of `--repeat`), with the
  part of it spent sizing the table's columns to their text, and the page on one month.
Prints figures; it is not a test. Qt runs offscreen unless QT_QPA_PLATFORM is set.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.domain.errors import ValidationError
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.projects import Project
from desktop.domain.trips import CompanyVisit, Trip
from desktop.storage.ledger import Ledger

TODAY = date(2026, 12, 31)
YEAR = Period.year(2026)
PAGE_TARGET = 0.2
CITIES = ("深圳", "上海", "苏州", "杭州", "广州", "北京", "成都", "重庆", "武汉", "西安", "宁波")
COMPANIES = ("比亚迪", "宁德时代", "华为", "立讯精密", "京东方", "隆基绿能", "中芯国际", "美的集团")


def build_ledger(path: Path, trips: int, people: int, seed: int) -> Ledger:
    """A fresh ledger holding `trips` trips of 2026; a trip that would put someone over 24 hours
    on a day is drawn again."""
    ledger = Ledger.open(path, actor="基准", today=lambda: TODAY)
    rng = random.Random(seed)
    with ledger.db.atomic():
        persons = [
            ledger.add_person(Person(f"人员{i:03d}", "副局长", f"单位{i % 40:02d}"))
            for i in range(people)
        ]
        projects = [
            ledger.add_project(Project(f"项目{i:03d}", amount=Decimal(1000 + i)))
            for i in range(max(people // 2, 1))
        ]
        person_ids = [p.id for p in persons if p.id is not None]
        project_ids = [p.id for p in projects if p.id is not None]
        made = 0
        while made < trips:
            start = date(2026, 1, 1) + timedelta(days=rng.randrange(0, 362))
            end = start + timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))
            start_half = rng.random() < 0.2
            end_half = rng.random() < 0.2 and not (start_half and start == end)
            companies = tuple(
                CompanyVisit(c, f"联系人{rng.randrange(100)}", "总经理")
                for c in rng.sample(COMPANIES, rng.randrange(0, 4))
            )
            trip = Trip(
                tuple(rng.sample(person_ids, rng.choice((1, 1, 2, 3, 4)))),
                start,
                end,
                start_half,
                end_half,
                tuple(rng.sample(CITIES, rng.randrange(1, 4))),
                companies,
                tuple(rng.sample(project_ids, rng.randrange(0, 3))),
                f"洽谈成果{made}",
            )
            try:
                ledger.add_trip(trip)
            except ValidationError:  # someone over 24 hours on a day: draw another
                continue
            made += 1
    return ledger


@contextmanager
def counting(ledger: Ledger) -> Iterator[list[str]]:
    """The SQL statements the ledger's connection runs inside the block."""
    statements: list[str] = []
    ledger.db.conn.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        ledger.db.conn.set_trace_callback(None)


def measured(ledger: Ledger, action: Callable[[], object]) -> tuple[float, int]:
    with counting(ledger) as statements:
        t0 = time.perf_counter()
        action()
        seconds = time.perf_counter() - t0
    return seconds, len(statements)


def median_of(repeat: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        action()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def storage_figures(ledger: Ledger, repeat: int) -> list[tuple[str, float, int | None]]:
    busiest = ledger.db.execute(
        "SELECT person_id FROM trip_travellers GROUP BY person_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    out = []
    _, count = measured(ledger, ledger.trip_lines)
    out.append(
        (
            f"ledger.trip_lines() ({len(ledger.trip_lines()):,} lines, what the page reads)",
            median_of(repeat, ledger.trip_lines),
            count,
        )
    )
    plain = sqlite3.connect(ledger.path)

    def floor() -> object:
        return (
            plain.execute(
                "SELECT id, start_date, end_date, start_half, end_half, destinations, companies,"
                " results FROM trips ORDER BY start_date DESC, id DESC"
            ).fetchall(),
            plain.execute(
                "SELECT x.trip_id, p.name FROM trip_travellers x"
                " JOIN persons p ON p.id = x.person_id"
            ).fetchall(),
        )

    out.append(("  floor: plain sqlite3 reading the same rows", median_of(repeat, floor), 2))
    plain.close()
    _, count = measured(ledger, ledger.trips)
    out.append(
        (f"ledger.trips() ({len(ledger.trips()):,} trips)", median_of(repeat, ledger.trips), count)
    )

    def person_year() -> object:
        return ledger.trips_in(YEAR, busiest)

    _, count = measured(ledger, person_year)
    out.append(
        (
            f"ledger.trips_in(2026, one person) ({len(ledger.trips_in(YEAR, busiest))} trips)",
            median_of(repeat, person_year),
            count,
        )
    )
    return out


def page_figures(ledger: Ledger, repeat: int) -> list[tuple[str, float, int | None]]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.ui.fonts import use_shipped_font
    from desktop.ui.i18n import install_language
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import Session

    qt = QApplication.instance() or QApplication([])
    assert isinstance(qt, QApplication)
    use_shipped_font(qt)
    install_language(qt, "zh")
    tmp = Path(tempfile.mkdtemp(prefix="onethird-trips-bench-"))
    session = Session(ledger, QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat), TODAY)
    session.set_person(None)
    session.set_period(YEAR)
    window = MainWindow(session, "trips-bench.db")
    window.resize(1280, 800)
    window.show()
    qt.processEvents()
    for _ in range(100):  # let the dashboard, the first page, settle before going on
        qt.processEvents()
        time.sleep(0.01)

    def open_page() -> None:
        window.show_page("trips")
        qt.processEvents()
        window.repaint()

    seconds, count = measured(ledger, open_page)
    page = window.page("trips")
    rows = page.model.rowCount()  # type: ignore[attr-defined]
    out = [(f"open the 外出招商 page (all persons, 2026: {rows:,} rows)", seconds, count)]

    def refresh() -> None:
        page.refresh_now()
        qt.processEvents()
        window.repaint()

    _, count = measured(ledger, refresh)
    out.append(("refresh the page", median_of(repeat, refresh), count))
    # the part of a refresh that is Qt's: sizing the columns to the text of every row
    fit = page.fit_columns  # type: ignore[attr-defined]
    out.append(("  of which the page's fit_columns()", median_of(repeat, fit), None))
    # a month shows a twelfth of the rows; the page still reads every trip and keeps the month's
    month = Period.month(2026, 9)
    seconds, count = measured(ledger, lambda: (session.set_period(month), refresh()))
    rows = page.model.rowCount()  # type: ignore[attr-defined]
    out.append((f"show 2026-09 on the page ({rows:,} rows)", median_of(repeat, refresh), count))
    window.close()
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trips", type=int, default=5000)
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="onethird-trips-bench-"))
    t0 = time.perf_counter()
    ledger = build_ledger(folder / "trips.db", args.trips, args.people, args.seed)
    made = time.perf_counter() - t0
    print(f"ledger: {args.trips:,} trips, {args.people} persons, made in {made:.1f} s")
    figures = storage_figures(ledger, args.repeat) + page_figures(ledger, args.repeat)
    print(f"\n{'step':58} {'seconds':>8} {'statements':>10}  target")
    for name, seconds, count in figures:
        verdict = "ok" if seconds <= PAGE_TARGET else "OVER"
        shown = "" if count is None else f"{count:,}"
        print(f"{name:58} {seconds:8.3f} {shown:>10}  ≤ {PAGE_TARGET} s {verdict}")
    ledger.close()


if __name__ == "__main__":
    main()
