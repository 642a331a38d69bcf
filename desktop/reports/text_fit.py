"""Cutting text that would not fit its place in a report: a table cell, a chart label, a line.

A reportlab table row cannot be split across pages, so one cell holding a long name makes the
row taller than a page and the whole report fails. Text is therefore measured before it is laid
out and, past a number of lines, cut at a character with an ellipsis; the document says that it
did (see PdfDoc.notice). The cut is by characters as CJK text wraps; English wraps between words,
so it may take a line or two more, which the row still has room for.
"""

from __future__ import annotations

ELLIPSIS = "…"
# past this many characters nothing in a report is read whole (notes are held to 2,000): text
# is sliced to it before it is measured, so a 10 MB name costs no more than a long one
HARD_LIMIT = 5_000


def shorten(text: str, limit: int) -> str:
    """text, or its first limit - 1 characters and an ellipsis."""
    return text if len(text) <= limit else text[: max(0, limit - 1)] + ELLIPSIS


def fit_lines(text: str, font: str, size: float, room: float, max_lines: int) -> str:
    """text as it is when it takes at most max_lines lines of width room (points), else cut so
    that it does, ending in an ellipsis."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if len(text) > HARD_LIMIT:
        text = shorten(text, HARD_LIMIT)
    room = max(room, size)  # at least one character a line
    lines, used = 1, 0.0
    for i, char in enumerate(text):
        if char == "\n":
            lines, used = lines + 1, 0.0
        else:
            width = stringWidth(char, font, size)
            if used + width > room:
                lines, used = lines + 1, 0.0
            used += width
        if lines > max_lines:
            return _cut_before(text, i, font, size)
    return text


def _cut_before(text: str, at: int, font: str, size: float) -> str:
    """text up to character at (the first that no longer fits), less what the ellipsis needs
    of the last line kept."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    keep = text[:at].rstrip("\n")
    need = stringWidth(ELLIPSIS, font, size)
    freed = 0.0
    while keep and freed < need and keep[-1] != "\n":
        freed += stringWidth(keep[-1], font, size)
        keep = keep[:-1]
    return keep + ELLIPSIS


def fit_width(text: str, font: str, size: float, room: float) -> str:
    """text on one line of width room, cut with an ellipsis when it is wider."""
    return fit_lines(text.replace("\n", " "), font, size, room, 1)
