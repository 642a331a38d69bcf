"""User text in CSV and XLSX cells, so that a spreadsheet shows it and never runs it as a formula.

A note, place, name or investor typed by a unit reaches the supervision office in its report
files; opened in Excel or WPS, a cell such as `=HYPERLINK(…)` or `=cmd|' /C calc'!A0` would
otherwise run there. Only text is guarded: numbers and dates are written as the values they are.
"""

from __future__ import annotations

# Excel, WPS and LibreOffice start a formula at = + - @; a leading TAB or CR is dropped by some
# importers, which then read what follows it (the OWASP list of CSV injection characters).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_text(text: str) -> str:
    """The text, with a leading apostrophe if a spreadsheet would read it as a formula.

    A CSV field has no type, so a leading character is the only way to say "text"; the cell
    opens as text, and everything that was typed is still there after the apostrophe.
    """
    return "'" + text if looks_like_formula(text) else text
