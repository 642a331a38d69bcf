"""Start-up safety in the window: one window per database, a damaged file, the daily backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desktop.domain.people import Person
from desktop.storage.backups import BackupReason, list_backups, make_backup
from desktop.storage.database import upgrade_pending
from desktop.storage.ledger import Ledger
from desktop.ui.startup import DailyBackup, SingleInstance, database_ready, upgrade_database
from tests.conftest import back_to_before_text_search


def _answer(role: QMessageBox.ButtonRole) -> None:
    """Click the button of this role on the message box that is about to open."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        (button,) = [b for b in box.buttons() if box.buttonRole(b) == role]
        button.click()

    QTimer.singleShot(50, click)


def test_a_second_window_asks_the_first_to_come_forward(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    first = SingleInstance(db)
    assert first.claim()
    second = SingleInstance(db)
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert not second.claim()
    first.release()
    third = SingleInstance(db)
    assert third.claim()  # free again once the first let go
    third.release()


def test_a_damaged_database_is_moved_aside_and_the_backup_offered(
    qtbot, qapp, tmp_path: Path
) -> None:
    db = tmp_path / "ledger.db"
    with Ledger.open(db) as ledger:
        ledger.add_person(Person("张伟"))
    make_backup(db, BackupReason.MANUAL)
    db.write_bytes(db.read_bytes()[:5000])  # cut short, as after a failing disk
    _answer(QMessageBox.ButtonRole.AcceptRole)  # 从最近的备份恢复
    assert database_ready(db, "zh")
    with Ledger.open(db) as ledger:
        assert [p.name for p in ledger.persons()] == ["张伟"]
    kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].stat().st_size == 5000  # never deleted


def test_a_text_file_named_db_is_kept_and_an_empty_database_can_start(
    qtbot, qapp, tmp_path: Path
) -> None:
    db = tmp_path / "notes.db"
    db.write_text("会议纪要\n", encoding="utf-8")
    _answer(QMessageBox.ButtonRole.ActionRole)  # 新建空数据库
    assert database_ready(db, "zh")
    assert not db.exists()
    assert [p.read_text(encoding="utf-8") for p in tmp_path.iterdir()] == ["会议纪要\n"]


def test_daily_backup_runs_off_the_gui_thread(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    with Ledger.open(db) as ledger:
        ledger.add_person(Person("张伟"))
    job = DailyBackup(db)
    with qtbot.waitSignal(job.finished, timeout=30_000):
        job.start()
    (backup,) = list_backups(db)
    conn = sqlite3.connect(backup.path)
    assert conn.execute("SELECT name FROM persons").fetchall() == [("张伟",)]
    conn.close()


def test_restore_a_chosen_backup_from_the_window(qtbot, qapp, tmp_path: Path) -> None:
    from datetime import date

    from PySide6.QtCore import QSettings

    from desktop.ui.app import App

    db = tmp_path / "ledger.db"
    with Ledger.open(db) as ledger:
        ledger.add_person(Person("张伟"))
    backup = make_backup(db, BackupReason.MANUAL)
    with Ledger.open(db) as ledger:
        ledger.add_person(Person("李娜"))
    app = App(
        qapp, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), date(2026, 11, 20)
    )
    assert app.open(db, "zh") and app.window is not None
    qtbot.addWidget(app.window)
    assert app.restore(str(backup.path))
    assert app.window is not None and app.ledger is not None
    qtbot.addWidget(app.window)
    assert [p.name for p in app.ledger.persons()] == ["张伟"]
    reasons = {b.reason for b in list_backups(db)}
    assert BackupReason.RESTORE in reasons  # the state before the restore was kept
    app.close()


def database_ready_quietly(db: Path) -> bool:
    from desktop.storage.integrity import check_database

    return check_database(db, deep=False).usable


def test_damage_inside_the_file_is_found_after_the_window_opens(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    with Ledger.open(db) as ledger:
        for i in range(400):
            ledger.add_person(Person(f"人员{i}", unit=f"单位{i % 7}"))
        ledger.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = b"\xff" * 8192  # torn pages, size unchanged
    assert database_ready_quietly(db)  # the check before the window does not read every page
    db.write_bytes(bytes(data))
    job = DailyBackup(db)
    with qtbot.waitSignals([job.damaged, job.finished], timeout=30_000):
        job.start()
    assert list_backups(db) == []  # no copy of a damaged file


def test_an_older_ledger_is_upgraded_off_the_gui_thread_with_a_notice(
    qtbot, tmp_path: Path
) -> None:
    db = tmp_path / "ledger.db"
    with Ledger.open(db) as ledger:
        ledger.add_person(Person("王芳"))
        back_to_before_text_search(ledger)
    assert upgrade_pending(db)
    seen: list[str] = []

    def look() -> None:
        notice = QApplication.activeModalWidget()
        if isinstance(notice, QProgressDialog):
            seen.append(notice.labelText())

    QTimer.singleShot(0, look)
    assert upgrade_database(db, "zh")
    assert not upgrade_pending(db)
    assert [b.reason for b in list_backups(db)] == [BackupReason.MIGRATION]
    assert seen == [
        QApplication.translate(
            "Startup",
            "Updating the database for this version of the program (only this once). Please wait…",
        )
    ]
    assert upgrade_database(db, "zh")  # nothing pending: no notice, nothing done
    assert len(list_backups(db)) == 1
