"""Start-up in the window with a sound database that cannot simply be opened: held by another
program (waited for, then try again or quit), on a read-only drive (opened read-only). Neither
is ever moved aside."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.domain.people import Person
from desktop.storage.ledger import Ledger
from desktop.ui.startup import database_ready
from tests.test_cli_database_conditions import HOLD, _can_mount, _mount_read_only


def _answer(role: QMessageBox.ButtonRole, said: list[str]) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click)
            return
        said.append(box.text())
        (button,) = [b for b in box.buttons() if box.buttonRole(b) == role]
        button.click()

    QTimer.singleShot(50, click)


def test_a_database_another_program_holds_is_waited_for_and_never_moved(
    qtbot, qapp, tmp_path: Path
) -> None:
    db = tmp_path / "ledger.db"
    with Ledger.open(db) as ledger:
        ledger.add_person(Person("张伟"))
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")  # held this way, readers must wait
    conn.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    said: list[str] = []
    try:
        _answer(QMessageBox.ButtonRole.RejectRole, said)  # 退出
        assert not database_ready(db, "zh")
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    assert "正被另一个程序占用" in said[0] and "未做任何改动" in said[0]
    # the holder was killed inside its transaction: its journal is left, nothing is renamed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.db", "ledger.db-journal"]
    assert database_ready(db, "zh")  # free again: SQLite rolls the holder's write back
    with Ledger.open(db) as ledger:
        assert [p.name for p in ledger.persons()] == ["张伟"]


READ_ONLY_WINDOW = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from datetime import date
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from desktop.domain.errors import LedgerError
from desktop.domain.people import Person
from desktop.ui.app import App
from desktop.ui.i18n import install_language
qt = QApplication([])
install_language(qt, "zh")
app = App(qt, QSettings(sys.argv[2], QSettings.Format.IniFormat), date(2026, 11, 20))
assert app.open(Path(sys.argv[1]), "zh")
window = app.window
print("banner", window.read_only_banner.isVisible(), window.read_only_banner.text())
print("persons", [p.name for p in app.session.ledger.persons()])
try:
    app.session.ledger.add_person(Person("李娜"))
except LedgerError as exc:
    print("refused", exc.message("zh"))
app.close()
"""


@pytest.mark.skipif(not _can_mount(), reason="needs a mount namespace for a read-only drive")
def test_on_a_read_only_drive_the_window_opens_read_only_with_a_banner(tmp_path: Path) -> None:
    folder = tmp_path / "drive"
    folder.mkdir()
    db = folder / "ledger.db"
    with Ledger.open(db) as ledger:
        ledger.add_person(Person("张伟"))
    before = sorted(p.name for p in folder.iterdir())
    script = tmp_path / "window.py"
    script.write_text(READ_ONLY_WINDOW, encoding="utf-8")
    done = _mount_read_only(
        folder, sys.executable, str(script), str(db), str(tmp_path / "settings.ini")
    )
    assert done.returncode == 0, done.stderr
    assert "banner True 此数据库文件为只读" in done.stdout
    assert "persons ['张伟']" in done.stdout
    assert "refused 数据库：" in done.stdout and "不能修改" in done.stdout
    assert sorted(p.name for p in folder.iterdir()) == before
