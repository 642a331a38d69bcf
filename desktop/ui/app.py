"""onethird: start the desktop program on the ledger (the default one, --db PATH, or --demo)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop import __version__, paths
from desktop.domain.errors import LedgerError
from desktop.logs import install_excepthook, setup_logging
from desktop.storage.backups import newest_good_backup
from desktop.storage.calendar_files import load_work_calendar
from desktop.storage.integrity import check_database
from desktop.storage.ledger import Ledger
from desktop.storage.restore import restore_backup
from desktop.ui import display_check, operator
from desktop.ui.dialogs.first_run_dialog import FirstRunDialog
from desktop.ui.fonts import use_shipped_font
from desktop.ui.i18n import install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session
from desktop.ui.startup import (
    DailyBackup,
    SingleInstance,
    bring_forward,
    database_ready,
    on_local_disk,
    show_unexpected,
    upgrade_database,
)

APP_TITLE = "三分之一招商台账"
DAMAGED = QT_TRANSLATE_NOOP("App", "SQLite's check found damage in this database: %1.")
RESTORE_NOW = QT_TRANSLATE_NOOP("App", "Restore the newest good backup, %1, now?")


def app_settings() -> QSettings:
    """Settings in an ini file in the user data folder (tests and portable copies keep theirs)."""
    return QSettings(str(paths.data_dir() / "settings.ini"), QSettings.Format.IniFormat)


class FirstPaintProbe(QObject):
    """Prints the wall-clock time of the window's first paint, for bench/gui_startup.py."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print(f"first-paint {time.time():.6f}", flush=True)
            heavy = [m for m in ("matplotlib", "reportlab", "openpyxl") if m in sys.modules]
            print(f"heavy-modules {','.join(heavy) or '-'}", flush=True)
            app = QApplication.instance()
            if app is not None:
                app.quit()
        return False


class App:
    """Owns the ledger, the session and the window; rebuilds the window on a language switch."""

    def __init__(self, qt: QApplication, settings: QSettings, today: date) -> None:
        self.qt = qt
        self.settings = settings
        self.today = today
        self.ledger: Ledger | None = None
        self.session: Session | None = None
        self.window: MainWindow | None = None
        self.db_path = ""
        self.instance: SingleInstance | None = None
        self.backup: DailyBackup | None = None

    def open(self, path: Path, lang: str) -> bool:
        """Check the file, claim it (one window per database), open it, show the window."""
        if not database_ready(path, lang):
            return False
        instance = SingleInstance(path)
        if not instance.claim():
            return False
        writable = check_database(path, deep=False).writable
        if writable and not upgrade_database(path, lang):
            instance.release()
            return False
        try:
            opener = Ledger.open if writable else Ledger.open_read_only
            ledger = opener(
                path,
                load_work_calendar(paths.calendar_override_files()),
                actor=operator.actor(self.settings, path),
                today=lambda: self.today,
            )
        except LedgerError as exc:
            instance.release()
            QMessageBox.critical(None, APP_TITLE, exc.message(lang))
            return False
        self.close()
        self.ledger, self.db_path, self.instance = ledger, str(path), instance
        instance.activated.connect(self._on_activated)
        self.session = Session(ledger, self.settings, self.today, lang)
        window = self.build_window()
        if writable and not operator.operator(self.settings, path)[0]:
            window.ask_for_operator()
        self.backup = DailyBackup(path)
        self.backup.failed.connect(self._on_backup_failed)
        self.backup.damaged.connect(self._on_found_damaged)
        QTimer.singleShot(1500, self.backup.start)  # after the window has painted
        return True

    def restore(self, backup: str) -> bool:
        """Close the ledger, put the backup in its place (the present state is backed up
        first), and open it again."""
        lang = self.session.lang if self.session else "zh"
        path = Path(self.db_path)
        self.close()
        try:
            restore_backup(path, backup, actor=operator.actor(self.settings, path))
        except LedgerError as exc:
            QMessageBox.critical(None, APP_TITLE, exc.message(lang))
        return self.open(path, lang)

    def _on_activated(self) -> None:
        if self.window is not None:
            bring_forward(self.window)

    def _on_found_damaged(self, detail: str) -> None:
        newest = newest_good_backup(Path(self.db_path))
        text = QCoreApplication.translate("App", str(DAMAGED)).replace("%1", detail)
        if newest is None:
            QMessageBox.warning(self.window, APP_TITLE, text)
            return
        answer = QMessageBox.question(
            self.window,
            APP_TITLE,
            text
            + "\n\n"
            + QCoreApplication.translate("App", str(RESTORE_NOW)).replace("%1", newest.path.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(str(newest.path))

    def _on_backup_failed(self, text: str) -> None:
        if self.window is not None:
            self.window.statusBar().showMessage(text)

    def close(self) -> None:
        """Let go of the open database: the window goes, the backup finishes, the ledger and
        the lock close."""
        if self.window is not None:
            self.window.save_state()
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self.backup is not None:
            self.backup.wait()
            self.backup = None
        if self.ledger is not None:
            self.ledger.close()
            self.ledger = None
        if self.instance is not None:
            self.instance.release()
            self.instance = None

    def build_window(self) -> MainWindow:
        assert self.session is not None
        old = self.window
        if old is not None:
            old.save_state()
        window = MainWindow(self.session, self.db_path)
        window.language_chosen.connect(self.switch_language)
        window.restore_requested.connect(self.restore)
        window.open_database_requested.connect(
            lambda name: self.open(Path(name), self.session.lang if self.session else "zh")
        )
        self.window = window
        window.show()
        if old is not None:
            old.close()
            old.deleteLater()
        return window

    def switch_language(self, lang: str) -> None:
        assert self.session is not None
        if lang == self.session.lang:
            return
        install_language(self.qt, lang)
        self.settings.setValue("ui/language", lang)
        self.session.lang = lang
        self.build_window()


def first_run(db_path: Path, lang: str = "zh", settings: QSettings | None = None) -> bool:
    """Create the database with the first person; False if the user cancels (or, on a network
    drive, is told it cannot be there). The 填报人 typed is remembered for this database."""
    if not on_local_disk(db_path, lang):
        return False
    dialog = FirstRunDialog(None, str(db_path), lang)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    name, phone = dialog.operator.text().strip(), dialog.phone.text().strip()
    try:
        with Ledger.open(db_path, actor=name) as ledger:
            ledger.add_person(dialog.person())
    except LedgerError as exc:
        QMessageBox.critical(None, APP_TITLE, exc.message(lang))
        return False
    if settings is not None and name:
        operator.remember(settings, db_path, name, phone)
    return True


def database_to_open(
    named: Path | None, lang: str, settings: QSettings | None = None
) -> Path | None:
    """The file to open: the one named with --db or the default one. A file that does not
    exist yet starts with the first-run dialog (None: the person cancelled it)."""
    db_path = named or paths.default_database()
    if not db_path.exists() and not first_run(db_path, lang, settings):
        return None
    return db_path


def _window_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(n) for n in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是窗口大小，应写成 1024x640") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"窗口大小 {width}x{height} 超出范围") from None
    return width, height


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，应写成 2026-11-20") from None


def parse_args(argv: Sequence[str] | None) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="onethird", description=APP_TITLE)
    parser.add_argument("--db", type=Path, default=None, help="数据库文件")
    parser.add_argument("--demo", action="store_true", help="打开一个填好示例数据的临时数据库")
    parser.add_argument(
        "--screenshots",
        type=Path,
        default=None,
        metavar="DIR",
        help="用示例数据把每个页面截图保存到 DIR 后退出",
    )
    parser.add_argument(
        "--size",
        type=_window_size,
        default=None,
        metavar="宽x高",
        help="截图的窗口大小（默认按屏幕大小，与正常打开时相同）",
    )
    parser.add_argument("--lang", choices=("zh", "en"), default=None, help="界面语言")
    parser.add_argument(
        "--self-test", action="store_true", help="自检：在临时示例台账上打开主窗口、生成报告后退出"
    )
    parser.add_argument(
        "--as-of",
        type=_day,
        default=None,
        metavar="YYYY-MM-DD",
        help="与 --screenshots 或 --demo 一起用：示例数据截至这一天（默认今天）",
    )
    parser.add_argument("--version", action="version", version=f"onethird {__version__}")
    args, rest = parser.parse_known_args(argv)
    if args.as_of is not None and args.screenshots is None and not args.demo:
        parser.error("--as-of 只能与 --screenshots 或 --demo 一起使用")
    return args, rest


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(argv)
    blocked = display_check.problem()
    if blocked is not None:
        print(blocked, file=sys.stderr)
        return 1
    qt = QApplication([sys.argv[0], *qt_args])
    qt.setApplicationName("OneThird")
    qt.setApplicationDisplayName(APP_TITLE)
    qt.setWindowIcon(QIcon(str(paths.resource("icons", "onethird.png"))))
    use_shipped_font(qt)
    if args.self_test:
        from desktop.ui.selftest import run_self_test

        return run_self_test(qt, date.today())
    settings = app_settings()
    lang = args.lang or str(settings.value("ui/language", "zh"))
    install_language(qt, lang)
    today = args.as_of or date.today()
    if args.screenshots is not None:
        from desktop.ui.screenshots import take_screenshots

        return take_screenshots(qt, settings, args.screenshots, today, lang, args.size)
    if args.demo:
        from desktop.storage.demo_data import fill_demo

        db_path = Path(tempfile.mkdtemp(prefix="onethird-demo-")) / "demo.db"
        with Ledger.open(db_path) as ledger:
            fill_demo(ledger, today)
    else:
        chosen = database_to_open(args.db, lang, settings)
        if chosen is None:
            return 0
        db_path = chosen
    setup_logging("gui")
    install_excepthook(show_unexpected)
    app = App(qt, settings, today)
    if "ONETHIRD_FIRST_PAINT" in os.environ:
        probe = FirstPaintProbe(qt)
        if not app.open(db_path, lang) or app.window is None:
            return 1
        app.window.installEventFilter(probe)
    elif not app.open(db_path, lang):
        return 1
    code = qt.exec()
    app.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
