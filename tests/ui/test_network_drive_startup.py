"""Start-up in the window on a ledger on a network drive or share (the mount table faked at the
boundary to the operating system): the message says to keep the file on the local disk and
exchange report files, the person can only quit, and nothing there is read, made or moved."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.people import Person
from desktop.storage import file_system
from desktop.storage.ledger import Ledger
from desktop.ui import app as app_module
from desktop.ui.app import App
from desktop.ui.i18n import install_language
from desktop.ui.startup import database_ready

SAYS = "在网络驱动器或共享文件夹上（cifs），没有打开"
ADVICE = "请把数据库文件放在本机硬盘上，各单位之间请通过报送文件交换数据"


def _answer(said: list[tuple[str, list[str]]]) -> None:
    """On the message box about to open: note its text and buttons, click 退出 (the reject
    role). Another dialog is noted by its class and closed."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QDialog) and not isinstance(box, QMessageBox):
            said.append((type(box).__name__, []))
            box.reject()
            return
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click)
            return
        said.append((box.text(), [b.text() for b in box.buttons()]))
        quit_ = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole]
        (quit_ or box.buttons())[0].click()  # a box without 退出 is noted, and closed too

    QTimer.singleShot(50, click)


@pytest.fixture
def share(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder the mount table says is a Samba share, the program in Chinese."""
    install_language(qapp, "zh")
    folder = tmp_path / "share"
    folder.mkdir()
    table = [("/", "ext4"), (str(folder), "cifs")]
    monkeypatch.setattr(file_system, "_system", lambda: "linux")
    monkeypatch.setattr(file_system, "_mount_table", lambda: table)
    yield folder


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _ledger_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ledger made there while the folder still counted as local."""
    db = folder / "onethird.db"
    with monkeypatch.context() as local:
        local.setattr(file_system, "_mount_table", lambda: [("/", "ext4")])
        with Ledger.open(db) as ledger:
            ledger.add_person(Person("张伟"))
    return db


def test_the_window_does_not_open_a_ledger_on_a_share(
    qtbot: QtBot, share: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _ledger_in(share, monkeypatch)
    before = _files(share)
    said: list[tuple[str, list[str]]] = []
    app = App(
        QApplication.instance(),  # type: ignore[arg-type]
        QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat),
        date(2026, 11, 20),
    )
    _answer(said)
    assert not app.open(db, "zh")
    assert app.window is None and app.ledger is None
    ((text, buttons),) = said
    assert f"数据库文件“{db}”{SAYS}" in text and ADVICE in text
    assert buttons == ["退出"]
    assert _files(share) == before  # no lock file, no -wal, nothing renamed


def test_a_damaged_file_on_a_share_is_not_moved_aside(
    qtbot: QtBot, share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _ledger_in(share, monkeypatch)
    db.write_bytes(db.read_bytes()[:5000])  # cut short: at a local disk it would be moved aside
    before = _files(share)
    said: list[tuple[str, list[str]]] = []
    _answer(said)
    assert not database_ready(db, "zh")
    assert SAYS in said[0][0] and "已损坏" not in said[0][0]
    assert _files(share) == before


def test_the_first_start_on_a_share_says_so_before_asking_anything(
    qtbot: QtBot, share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = share / "新建" / "onethird.db"
    said: list[tuple[str, list[str]]] = []
    _answer(said)  # before the first-run dialog asks for the unit and the first leader
    assert app_module.database_to_open(db, "zh") is None
    ((text, buttons),) = said
    assert f"数据库文件“{db}”{SAYS}" in text and buttons == ["退出"]
    assert list(share.iterdir()) == []
