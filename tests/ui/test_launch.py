"""The program as a user starts it: `onethird`, in its own process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from desktop.domain.people import Person
from desktop.storage.ledger import Ledger

EXE = shutil.which("onethird", path=str(Path(sys.executable).parent))


def _run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    command = [EXE] if EXE else [sys.executable, "-m", "desktop.ui.app"]
    environ = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ONETHIRD_DATA_DIR": str(tmp_path / "data"),
        **env,
    }
    return subprocess.run(
        [*command, *args],
        env=environ,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_window_paints_without_heavy_imports(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    with Ledger.open(db) as ledger:
        ledger.add_person(Person("张伟", "市长", "市人民政府"))
    done = _run(["--db", str(db)], tmp_path, ONETHIRD_FIRST_PAINT="1")
    assert done.returncode == 0, done.stderr
    assert "first-paint" in done.stdout
    assert "heavy-modules -" in done.stdout  # no matplotlib, reportlab, openpyxl yet


def test_screenshots_of_every_page_and_dialog(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    done = _run(["--screenshots", str(out)], tmp_path)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.iterdir())
    dialogs = ["entry", "trip", "project", "person", "history", "import", "recycle-bin"]
    dialogs += ["holidays", "unit-order", "first-run"]
    shots = {f"d{i}-{n}.png" for i, n in enumerate(dialogs, 1)}
    assert shots <= set(names) and all((out / n).stat().st_size > 5_000 for n in shots)
    pages = [n for n in names if n not in shots]
    assert pages == [
        "1-dashboard.png",
        "2-entries.png",
        "3-trips.png",
        "4-projects.png",
        "5-reports.png",
        "6-submissions.png",
        "7-people.png",
        "8-settings.png",
    ]
    assert all((out / n).stat().st_size > 20_000 for n in pages)
