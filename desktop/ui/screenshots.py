"""`onethird --screenshots DIR [--size 1366x768] [--lang en]`: every page and dialog with sample
data, saved as PNG. Without --size the window opens as it would on this screen (run it under a
1366×768 screen, with QT_SCALE_FACTOR=1.5 for 150 %)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QTableView, QWidget

from desktop.storage.demo_data import fill_demo
from desktop.storage.ledger import Ledger
from desktop.ui.dialogs.first_run_dialog import FirstRunDialog
from desktop.ui.main_window import PAGES, MainWindow
from desktop.ui.pages.dashboard_page import DashboardPage
from desktop.ui.pages.entries_page import EntriesPage
from desktop.ui.pages.projects_page import ProjectsPage
from desktop.ui.pages.settings_page import SettingsPage
from desktop.ui.session import Session


def _settle(ms: int = 150) -> None:
    """Let layouts, lazy tables and queued paints finish before a grab."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _shoot_dialog(opening: Callable[[], object], path: Path) -> None:
    """Do opening (which shows a modal dialog, run by exec() or open()); save the dialog as it
    looks, then close it."""
    closed = QEventLoop()

    def grab() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(50, grab)
            return
        _settle()
        dialog.grab().save(str(path))
        print(path)
        dialog.reject()
        QTimer.singleShot(0, closed.quit)

    QTimer.singleShot(0, grab)
    opening()
    closed.exec()


def _first_row(page: QWidget) -> None:
    view = getattr(page, "table", None)
    if isinstance(view, QTableView):
        view.selectRow(0)


def take_screenshots(
    qt: QApplication,
    settings: QSettings,
    out: Path,
    today: date,
    lang: str,
    size: tuple[int, int] | None = None,
) -> int:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="onethird-shots-") as tmp:
        db_path = Path(tmp) / "demo.db"
        with Ledger.open(db_path, today=lambda: today) as ledger:
            fill_demo(ledger, today)
            session = Session(
                ledger, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat), today, lang
            )
            session.set_person(ledger.persons()[0].id)
            window = MainWindow(session, db_path.name)  # its name, not the throw-away folder
            if size is not None:
                window.resize(*size)
            window.show()
            for name in PAGES:
                page = window.show_page(name)
                _settle()
                if isinstance(page, DashboardPage):
                    page.draw_charts()
                _settle()
                path = out / f"{PAGES.index(name) + 1}-{name}.png"
                window.grab().save(str(path))
                print(path)
            pages = {name: window.page(name) for name in PAGES}
            projects, entries = pages["projects"], pages["entries"]
            settings_page = pages["settings"]
            assert isinstance(projects, ProjectsPage) and isinstance(entries, EntriesPage)
            assert isinstance(settings_page, SettingsPage)
            dialogs: list[tuple[str, str, Callable[[], object]]] = [
                ("entries", "entry", entries.new_record),
                ("trips", "trip", pages["trips"].new_record),
                ("projects", "project", projects.open_project),
                ("people", "person", pages["people"].new_record),
                ("entries", "history", entries.show_history),
                ("entries", "import", window.show_import),
                ("entries", "recycle-bin", window.show_trash),
                ("settings", "holidays", settings_page.edit_holidays.click),
                ("settings", "unit-order", settings_page.edit_order.click),
            ]
            for number, (page_name, name, opening) in enumerate(dialogs, 1):
                window.show_page(page_name)
                _first_row(pages[page_name])
                _settle()
                _shoot_dialog(opening, out / f"d{number}-{name}.png")
            _shoot_dialog(
                lambda: FirstRunDialog(window, str(db_path)).exec(),
                out / f"d{len(dialogs) + 1}-first-run.png",
            )
            window.close()
    return 0
