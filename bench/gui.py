"""Benchmark the desktop program on a 300-person year: time to first paint, entries page, memory.

Run `python bench/gui.py [--runs 7]`. It builds (once) a ledger from bench/generate.py's data,
then:
- launches `onethird --db LEDGER` as a user would, `--runs` times, and reads the wall-clock time
  of the window's first paint, which the program prints when ONETHIRD_FIRST_PAINT is set; it
  also reports whether matplotlib, reportlab or openpyxl were imported before that paint;
- in this process, opens the main window on the same ledger and times opening the entries page
  and applying each filter (person, period, activity, project, text), then sorting every
  column of the table (all persons, the year: about 300,000 rows) as a click on its heading
  does, ascending and then descending, each to the moment the table has painted its first
  screen of rows;
- reports the peak memory of that process, a fresh one that did not build the ledger: VmHWM
  from /proc/self/status on Linux (ru_maxrss there keeps the high-water mark of the parent it
  was forked from, which counts the build), ru_maxrss elsewhere.
Qt runs offscreen unless QT_QPA_PLATFORM is set.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.domain.periods import Period
from desktop.storage.ledger import Ledger

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run

if TYPE_CHECKING:
    from desktop.ui.pages.entries_page import EntriesPage

TODAY = date(2026, 12, 31)
STARTUP_TARGET = 1.0
PAGE_TARGET = 0.2
MEMORY_TARGET_MB = 300


def build_ledger(workdir: Path) -> Path:
    data = workdir / "p300-y2026-s20261128"
    run.ensure_data(data, 300, 2026, 3000, 20261128)
    path = workdir / "gui-300.db"
    if path.exists():
        return path
    partial = workdir / "gui-300.partial.db"
    for stale in workdir.glob("gui-300.partial.db*"):
        stale.unlink()
    ledger = run.open_ledger(partial, 2026)
    run.add_people_and_projects(ledger, data)
    ledger.close()
    # loaded the raw way (bench/run.py compares it with the import): this bench is about the GUI
    conn = run.connect(partial)
    run.raw_import(conn, data / "entries.csv")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    partial.rename(path)
    return path


def first_paint(db: Path, data_dir: Path) -> tuple[float, str]:
    env = {**os.environ, "ONETHIRD_FIRST_PAINT": "1", "ONETHIRD_DATA_DIR": str(data_dir)}
    exe = Path(sys.executable).parent / "onethird"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "desktop.ui.app"]
    started = time.time()
    done = subprocess.run(
        [*command, "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    return float(lines["first-paint"]) - started, lines.get("heavy-modules", "?")


def peak_memory_mb() -> float:
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # bytes on macOS, kB elsewhere
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def timed(action: Callable[[], object], settle: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    action()
    settle()
    return time.perf_counter() - t0


def entries_page(db: Path) -> list[tuple[str, float]]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.ui.fonts import use_shipped_font
    from desktop.ui.i18n import install_language
    from desktop.ui.main_window import MainWindow
    from desktop.ui.pages.entries_page import EntriesPage
    from desktop.ui.session import Session

    qt = QApplication.instance() or QApplication([])
    assert isinstance(qt, QApplication)
    use_shipped_font(qt)
    install_language(qt, "zh")
    tmp = Path(tempfile.mkdtemp(prefix="onethird-gui-bench-"))
    ledger = Ledger.open(db, today=lambda: TODAY)
    session = Session(ledger, QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat), TODAY)
    session.set_person(None)
    session.set_period(Period.year(2026))
    window = MainWindow(session, str(db))
    window.resize(1280, 800)
    window.show()
    qt.processEvents()
    # the dashboard draws its charts after its first paint; let that finish, as a user would
    # see it finish before going to the entries page
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline and (
        "matplotlib" not in sys.modules or window.page("dashboard")._charts.isActive()
    ):
        qt.processEvents()
        time.sleep(0.01)
    for _ in range(50):  # the canvases draw on idle
        qt.processEvents()
        time.sleep(0.01)

    def settle() -> None:
        qt.processEvents()
        window.repaint()

    results = []
    page: list[EntriesPage] = []

    def open_page() -> None:
        p = window.show_page("entries")
        assert isinstance(p, EntriesPage)
        page.append(p)

    results.append(("open entries page (all persons, 2026)", timed(open_page, settle)))
    entries = page[0]
    persons = ledger.persons()
    results.append((f"rows shown: {entries.model.rowCount():,}", 0.0))
    results.append(("filter: one person", timed(lambda: session.set_person(persons[5].id), settle)))
    results.append(
        ("filter: period 2026-09", timed(lambda: session.set_period(Period.month(2026, 9)), settle))
    )
    results.append(
        ("filter: all persons, 2026-09", timed(lambda: session.set_person(None), settle))
    )
    results.append(
        (
            "filter: activity 项目洽谈",
            timed(
                lambda: entries.activity.setCurrentIndex(entries.activity.findText("项目洽谈")),
                settle,
            ),
        )
    )
    results.append(("filter: a project", timed(lambda: entries.project.setCurrentIndex(5), settle)))
    entries.activity.setCurrentIndex(0)
    entries.project.setCurrentIndex(0)
    session.set_period(Period.year(2026))
    settle()

    def text_filter(text: str) -> Callable[[], None]:
        def apply() -> None:
            entries.text.setText(text)
            entries.apply_filter()

        return apply

    results.append(("filter: text 重庆 (all persons, 2026)", timed(text_filter("重庆"), settle)))
    results.append(
        (
            "filter: text 半导体材料 (all persons, 2026)",
            timed(text_filter("半导体材料"), settle),
        )
    )
    # one character found in half of all rows: the index's worst case
    results.append(("filter: text 市 (all persons, 2026)", timed(text_filter("市"), settle)))
    results.append(
        ("scroll to the last row", timed(lambda: entries.table.scrollToBottom(), settle))
    )
    results += sort_each_column(entries, settle)
    window.close()
    ledger.close()
    return results


def sort_each_column(entries: EntriesPage, settle: Callable[[], object]) -> list[tuple[str, float]]:
    """Every column of the entries table sorted as a click on its heading sorts it (the
    header's sort indicator set, which sorts the model in SQL), ascending then descending,
    over all persons' entries of the year; the date last, so that its ascending order (the
    table's own) is a change too. Then the last row of one order, read walking its index."""
    from PySide6.QtCore import Qt

    entries.text.setText("")
    entries.apply_filter()
    table = entries.table
    table.scrollToTop()
    settle()
    header = table.horizontalHeader()
    model = table.model()
    results = [(f"rows sorted: {model.rowCount():,}", 0.0)]
    ways = ((Qt.SortOrder.AscendingOrder, "↑"), (Qt.SortOrder.DescendingOrder, "↓"))
    columns = [*range(1, model.columnCount()), 0]
    for col in columns:
        name = model.headerData(col, Qt.Orientation.Horizontal)
        for order, way in ways:

            def click(col: int = col, order: Qt.SortOrder = order) -> None:
                header.setSortIndicator(col, order)

            results.append((f"sort by {name} {way}", timed(click, settle)))
    note = 8
    header.setSortIndicator(note, Qt.SortOrder.DescendingOrder)
    settle()
    name = model.headerData(note, Qt.Orientation.Horizontal)
    results.append((f"scroll to the last row (by {name} ↓)", timed(table.scrollToBottom, settle)))
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    settle()
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=run.HERE / "data")
    parser.add_argument("--entries-page", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.entries_page is not None:  # the child process: measure the page and the memory
        for name, seconds in entries_page(args.entries_page):
            print(f"{seconds:.6f}\t{name}")
        print(f"{peak_memory_mb():.1f}\tpeak")
        return
    args.workdir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    db = build_ledger(args.workdir)
    print(
        f"ledger: {db} ({db.stat().st_size / 1e6:.1f} MB, ready in "
        f"{time.perf_counter() - t0:.1f} s)"
    )
    data_dir = Path(tempfile.mkdtemp(prefix="onethird-gui-data-"))
    first_paint(db, data_dir)  # warm-up: the file cache, Python's bytecode cache
    paints = []
    heavy = set()
    for _ in range(args.runs):
        seconds, modules = first_paint(db, data_dir)
        paints.append(seconds)
        heavy.add(modules)
    median = statistics.median(paints)
    verdict = "ok" if median <= STARTUP_TARGET else "OVER"
    print(
        f"launch to first paint: median {median:.3f} s over {args.runs} runs "
        f"(min {min(paints):.3f}, max {max(paints):.3f}); target ≤ {STARTUP_TARGET} s: "
        f"{verdict}"
    )
    print(f"heavy modules imported before the first paint: {', '.join(sorted(heavy))}")
    print()
    child = subprocess.run(
        [sys.executable, __file__, "--entries-page", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
        env={**os.environ, "ONETHIRD_DATA_DIR": str(data_dir)},
    )
    print(f"{'step':44} {'seconds':>8}  target")
    peak = 0.0
    for line in child.stdout.splitlines():
        value, name = line.split("\t", 1)
        if name == "peak":
            peak = float(value)
        elif float(value) == 0.0:
            print(f"{name:44}")
        else:
            verdict = "ok" if float(value) <= PAGE_TARGET else "OVER"
            print(f"{name:44} {float(value):8.3f}  ≤ {PAGE_TARGET} s {verdict}")
    verdict = "ok" if peak <= MEMORY_TARGET_MB else "OVER"
    print(
        f"\npeak memory of the GUI process: {peak:.0f} MB (target ≤ {MEMORY_TARGET_MB} MB: "
        f"{verdict})"
    )


if __name__ == "__main__":
    main()
