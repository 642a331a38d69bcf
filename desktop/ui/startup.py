"""Before and just after the window opens: the database check, one window per database, the
daily backup, and a dialog for failures nobody expected."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEventLoop,
    QObject,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.domain.errors import LedgerError
from desktop.storage.backups import daily_backup_if_due
from desktop.storage.database import open_database, upgrade_pending
from desktop.storage.instance_lock import InstanceLock, activation_name, lock_holder
from desktop.storage.integrity import (
    DatabaseState,
    StartCheck,
    check_at_start,
    check_database,
    network_refusal,
)
from desktop.storage.restore import restore_backup

TITLE = "三分之一招商台账"
RESTORE = QT_TRANSLATE_NOOP("Startup", "Restore the newest backup")
EMPTY = QT_TRANSLATE_NOOP("Startup", "Start an empty database")
QUIT = QT_TRANSLATE_NOOP("Startup", "Quit")
RETRY = QT_TRANSLATE_NOOP("Startup", "Try again")
HELD_BY = QT_TRANSLATE_NOOP("Startup", "It is held by %1.")
ANOTHER = QT_TRANSLATE_NOOP("Startup", "another program")
IN_USE = QT_TRANSLATE_NOOP("Startup", "This database is in use by %1. Close it, then start again.")
NO_LOG = QT_TRANSLATE_NOOP("Startup", "(no log file could be written)")
UPGRADING = QT_TRANSLATE_NOOP(
    "Startup",
    "Updating the database for this version of the program (only this once). Please wait…",
)
FAILED = QT_TRANSLATE_NOOP(
    "Startup", "Something went wrong: %1\n\nWhat was saved is safe. Details are in the log:\n%2"
)


def _t(text: object) -> str:
    return QCoreApplication.translate("Startup", str(text))


def database_ready(db_path: Path, lang: str) -> bool:
    """Check the file before opening it; a damaged or foreign file has been moved aside, and the
    user chooses between the newest good backup, a new empty database, or quitting. A file that
    another program holds is waited for, then the user may try again or quit; it is never
    moved. A ledger on a network drive is refused before anything is looked at."""
    if not on_local_disk(db_path, lang):
        return False
    if not db_path.exists():
        return True
    while True:
        # header, size and schema only: SQLite's page-by-page check runs after the window is up
        result = _check_waiting(db_path)
        if result.state not in (DatabaseState.LOCKED, DatabaseState.UNAVAILABLE):
            break
        box = QMessageBox(QMessageBox.Icon.Warning, TITLE, _held_text(result, db_path, lang))
        again = box.addButton(_t(RETRY), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_t(QUIT), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not again:
            return False
    if result.usable:
        return True
    box = QMessageBox(QMessageBox.Icon.Warning, TITLE, result.message(lang))
    restore = None
    if result.newest_backup is not None:
        restore = box.addButton(_t(RESTORE), QMessageBox.ButtonRole.AcceptRole)
    fresh = box.addButton(_t(EMPTY), QMessageBox.ButtonRole.ActionRole)
    box.addButton(_t(QUIT), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore and result.newest_backup is not None:
        try:
            restore_backup(db_path, result.newest_backup.path)
        except LedgerError as exc:
            QMessageBox.critical(None, TITLE, exc.message(lang))
            return False
        return True
    return clicked is fresh


def on_local_disk(db_path: Path, lang: str) -> bool:
    """False, after saying why (the person can only quit), when the ledger is on a network drive
    or share, where SQLite's WAL can damage it; nothing there is read, made or moved."""
    refused = network_refusal(db_path)
    if refused is None:
        return True
    box = QMessageBox(QMessageBox.Icon.Critical, TITLE, refused.message(lang))
    box.addButton(_t(QUIT), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return False


def _check_waiting(db_path: Path, wait: float = 3.0) -> StartCheck:
    """The check at start, tried again for a few seconds while another program holds the file."""
    deadline = time.monotonic() + wait
    while True:
        result = check_at_start(db_path, deep=False)
        if result.state is not DatabaseState.LOCKED or time.monotonic() >= deadline:
            return result
        time.sleep(0.2)


def _held_text(result: StartCheck, db_path: Path, lang: str) -> str:
    text = result.message(lang)
    holder = lock_holder(db_path)
    if holder is not None:
        text += "\n\n" + _t(HELD_BY).replace("%1", holder.describe(lang))
    return text


class _Upgrade(QThread):
    """Opens the ledger once on its own connection, which applies the pending migrations."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            open_database(self.db_path).close()
        except BaseException as exc:  # handed to the GUI thread, which reports it
            self.error = exc


def upgrade_database(db_path: Path, lang: str) -> bool:
    """Apply a new version's schema changes off the GUI thread, with a notice that says so;
    False (after telling the user why) when the ledger cannot be opened."""
    if not upgrade_pending(db_path):
        return True
    notice = QProgressDialog(_t(UPGRADING), "", 0, 0)
    notice.setWindowTitle(TITLE)
    notice.setCancelButton(None)
    notice.setWindowModality(Qt.WindowModality.ApplicationModal)
    notice.setMinimumDuration(0)
    worker = _Upgrade(db_path)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    notice.show()
    worker.start()
    loop.exec()
    worker.wait()
    notice.close()
    if isinstance(worker.error, LedgerError):
        QMessageBox.critical(None, TITLE, worker.error.message(lang))
        return False
    if worker.error is not None:
        raise worker.error
    return True


class SingleInstance(QObject):
    """One window per database: the first holds the lock and listens; a second start asks the
    first to come forward and quits."""

    activated = Signal()

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.lock = InstanceLock(db_path, kind="gui")
        self.name = activation_name(db_path)
        self.server: QLocalServer | None = None

    def claim(self) -> bool:
        """True if this process may open the database; else the other window was asked forward."""
        try:
            acquired = self.lock.acquire(timeout=1.0)
        except OSError:
            # no lock file can be made beside a database on a read-only medium: nothing can
            # write it there, so no lock is needed to keep two writers apart
            return True
        if acquired:
            QLocalServer.removeServer(self.name)  # a stale name left by a killed process
            self.server = QLocalServer(self)
            self.server.newConnection.connect(self._on_new_connection)
            self.server.listen(self.name)
            return True
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if socket.waitForConnected(1000):
            socket.write(b"activate\n")
            socket.waitForBytesWritten(1000)
            socket.disconnectFromServer()
            return False
        holder = self.lock.holder()
        who = holder.describe() if holder else _t(ANOTHER)
        QMessageBox.information(
            None,
            TITLE,
            _t(IN_USE).replace("%1", who),
        )
        return False

    def _on_new_connection(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.disconnectFromServer()
            self.activated.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.release()


def bring_forward(window: QWidget) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()


class DailyBackup(QThread):
    """After the window is up: SQLite's check of every page, then the day's first backup
    (checked, rotated), without holding the window."""

    failed = Signal(str)
    damaged = Signal(str)  # quick_check found damage: what it said

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path

    def run(self) -> None:
        check = check_database(self.db_path, deep=True)
        if check.may_be_moved:
            self.damaged.emit(check.detail)
            return  # no backup of a damaged file over the good ones
        if not check.usable or not check.writable:
            return  # held by another program, or read-only: no backup can be written now
        try:
            daily_backup_if_due(self.db_path)
        except (LedgerError, OSError) as exc:
            text = exc.message("zh") if isinstance(exc, LedgerError) else str(exc)
            self.failed.emit(text)


def show_unexpected(exc: BaseException, log_path: Path | None) -> None:
    """A short message and where the details are; the program carries on."""
    where = str(log_path) if log_path else _t(NO_LOG)
    QMessageBox.critical(
        None,
        TITLE,
        _t(FAILED).replace("%1", f"{type(exc).__name__}: {exc}").replace("%2", where),
    )
