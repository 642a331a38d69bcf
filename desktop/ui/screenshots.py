"""`onethird --screenshots DIR [--size 1024x640]`: every page with sample data, saved as PNG."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.storage.demo_data import fill_demo
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import PAGES, MainWindow
from desktop.ui.pages.dashboard_page import DashboardPage
from desktop.ui.session import Session


def take_screenshots(
    qt: QApplication,
    settings: QSettings,
    out: Path,
    today: date,
    lang: str,
    size: tuple[int, int] = (1280, 800),
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
            window.resize(*size)
            window.show()
            for name in PAGES:
                page = window.show_page(name)
                qt.processEvents()
                if isinstance(page, DashboardPage):
                    page.draw_charts()
                qt.processEvents()
                path = out / f"{PAGES.index(name) + 1}-{name}.png"
                window.grab().save(str(path))
                print(path)
            window.close()
    return 0
