"""onethird: start the desktop program on the ledger (the default one, or --db PATH)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__, paths
from desktop.domain.errors import LedgerError
from desktop.storage.calendar_files import load_work_calendar
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow

FONT_FILES = ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf")


def load_fonts() -> str | None:
    """Register the shipped Chinese font so text renders on a PC without one; returns its family."""
    family = None
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(paths.resource("fonts", name)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else None)
    return family


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="onethird", description="三分之一招商台账")
    parser.add_argument("--db", type=Path, default=None, help="数据库文件")
    parser.add_argument("--version", action="version", version=f"onethird {__version__}")
    args, qt_args = parser.parse_known_args(argv)
    app = QApplication([sys.argv[0], *qt_args])
    family = load_fonts()
    if family:
        app.setFont(QFont(family, 10))
    db_path = args.db or paths.default_database()
    try:
        ledger = Ledger.open(db_path, load_work_calendar(paths.calendar_override_files()))
    except LedgerError as exc:
        QMessageBox.critical(None, "三分之一招商台账", exc.message("zh"))
        return 1
    window = MainWindow(ledger, date.today())
    window.show()
    code = app.exec()
    ledger.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
