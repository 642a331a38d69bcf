"""The shipped Chinese font for Qt, so text renders on a PC that has none."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.reports.fonts import font_path


def load_fonts() -> str | None:
    """Register the shipped font files; returns the family name, or None if none loaded."""
    family = None
    for bold in (False, True):
        font_id = QFontDatabase.addApplicationFont(str(font_path(bold)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else None)
    return family


def use_shipped_font(app: QApplication, point_size: int = 10) -> str | None:
    family = load_fonts()
    if family:
        app.setFont(QFont(family, point_size))
    return family
