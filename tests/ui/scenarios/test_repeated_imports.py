"""导入台账 fifty times in one window, by Ctrl+I, the file dialog, 检查 and 导入, each import then
undone with Ctrl+Z: every check and import runs off the GUI thread, and the window survives all
of them (it once crashed in Qt)."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.domain.people import Person
from desktop.domain.projects import Project
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from tests.ui.scenarios.conftest import FileAnswers
from tests.ui.scenarios.drive import (
    CTRL,
    SHIFT,
    button,
    close_import,
    open_import,
    press,
    shortcut,
    wait_for_text,
)

DATA = Path(__file__).resolve().parents[2] / "data"
ROUNDS = 50


def _ledgers(folder: Path) -> list[Path]:
    """ledger-utf8.csv, ROUNDS times, each copy eight days earlier than the one before, so that
    every import adds its six entries."""
    text = (DATA / "ledger-utf8.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    at = rows[0].index("date")
    paths = []
    for i in range(ROUNDS):
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(rows[0])
        for row in rows[1:]:
            day = date.fromisoformat(row[at]) - timedelta(days=8 * i)
            writer.writerow([*row[:at], day.isoformat(), *row[at + 1 :]])
        path = folder / f"ledger-{i:02d}.csv"
        path.write_text(out.getvalue(), encoding="utf-8")
        paths.append(path)
    return paths


def test_fifty_imports_in_one_window(
    qtbot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    tmp_path: Path,
    files: FileAnswers,
    warnings: list[str],
) -> None:
    ledger.add_person(Person("张伟", "市长", "市人民政府"))
    ledger.add_person(Person("李娜", "区长", "高新区"))
    ledger.add_project(Project("长安新能源电池项目"))
    paths = _ledgers(tmp_path)
    main = start()
    began = time.monotonic()
    for i, path in enumerate(paths):
        dialog = open_import(qtbot, main)
        files.open.append(str(path))
        press(dialog, "选择文件…")
        press(dialog, "检查")
        wait_for_text(qtbot, dialog.summary, "检查通过")
        qtbot.waitUntil(button(dialog, "导入").isEnabled)
        press(dialog, "导入")
        assert "新增 6 条记录（2 人" in wait_for_text(qtbot, dialog.summary, "已导入"), i
        close_import(qtbot, main, dialog)
        assert len(ledger.entries()) == 6, i
        shortcut(main, Qt.Key.Key_Z, CTRL)
        assert ledger.entries() == [], i
        imported = ledger.db.execute("SELECT count(*) FROM imports").fetchone()[0]
        assert imported == 0, i
    took = time.monotonic() - began
    assert not warnings
    shortcut(main, Qt.Key.Key_Z, CTRL | SHIFT)  # the last one made again
    assert len(ledger.entries()) == 6
    print(f"{ROUNDS} checks, imports and undos through the dialog: {took:.1f} s")
