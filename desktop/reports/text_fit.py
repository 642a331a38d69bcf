"""Cutting text that would not fit its place in a report: a table cell, a chart label, a line.

A reportlab table row cannot be split across pages, so one cell holding a long name makes the
row taller than a page and the whole report fails. Text is therefore measured before it is laid
out and, past a number of lines, cut at a character with an ellipsis; the document says that it
did (see PdfDoc.notice). The lines are measured by the rules the PDF then draws them with
(`line_spans`: Chinese breaks between any two characters but never before closing punctuation
nor after an opening bracket, a Latin word or a figure only at its ends), so the cut counts the
lines a reader will see.
"""

from __future__ import annotations

from collections.abc import Callable

ELLIPSIS = "…"
# past this many characters nothing in a report is read whole (notes are held to 2,000): text
# is sliced to it before it is measured, so a 10 MB name costs no more than a long one
HARD_LIMIT = 5_000


def shorten(text: str, limit: int) -> str:
    """text, or its first limit - 1 characters and an ellipsis."""
    return text if len(text) <= limit else text[: max(0, limit - 1)] + ELLIPSIS


# 避头尾 (GB/T 15834): these never begin a line, nor the opening ones end one; a break that
# would do either moves a character on to the next line with them (reportlab's own CJK wrap
# lets ，：；！？》 begin a line, and the second of two closing marks)
CLOSING = frozenset("、，。．：；！？）］｝」』》〉】〕〗”’…‥·%!),.:;?]}")
OPENING = frozenset("（［｛「『《〈【〔〖“‘([{")
_FUZZ = 1e-6  # as reportlab compares widths


def _latin(char: str) -> bool:
    """A character of Latin script or figures: a run of them (a word, 500,000) is not broken
    while a space or a Chinese character before it can take the break."""
    return ord(char) < 0x2E80 and not char.isspace()


def _punctuation_allows(before: str, after: str) -> bool:
    return not (after in CLOSING or before in OPENING or after.isspace())


def _can_break(before: str, after: str) -> bool:
    return _punctuation_allows(before, after) and not (_latin(before) and _latin(after))


_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}  # (font, size) -> char -> points


def _widths(text: str, font: str, size: float) -> list[float]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    cache = _WIDTHS.setdefault((font, size), {})
    out = []
    for char in text:
        width = cache.get(char)
        if width is None:
            width = cache[char] = stringWidth(char, font, size)
        out.append(width)
    return out


def line_spans(text: str, font: str, size: float, room: float) -> list[tuple[int, int]]:
    """Where text breaks into lines of width room (points): (start, end) of each line in text,
    the line breaks of the text itself kept. Characters go on a line while they fit; the break
    then goes back to the last place on the line the rules allow (a word longer than the line
    is broken; a line of only commas still ends where it is full)."""
    widths = _widths(text, font, size)
    spans = []
    start = 0
    for hard in text.split("\n"):
        stop = start + len(hard)
        at = start
        while True:
            used, end = 0.0, at
            while end < stop and (end == at or used + widths[end] <= room + _FUZZ):
                used += widths[end]
                end += 1
            if end >= stop:
                spans.append((at, stop))
                break
            cut = _last_break(text, at, end, _can_break)
            if cut is None:  # one word fills the line: broken, but not before a comma
                cut = _last_break(text, at, end, _punctuation_allows) or end
            spans.append((at, cut))
            at = cut
        start = stop + 1
    return spans


def _last_break(text: str, at: int, end: int, allows: Callable[[str, str], bool]) -> int | None:
    """The last position up to end where a line begun at `at` may break, if any."""
    for cut in range(end, at, -1):
        if allows(text[cut - 1], text[cut]):
            return cut
    return None


def break_lines(text: str, font: str, size: float, room: float) -> list[str]:
    """text as the lines it takes in width room (points), by the rules of line_spans."""
    return [text[a:b] for a, b in line_spans(text, font, size, room)]


def fit_lines(text: str, font: str, size: float, room: float, max_lines: int) -> str:
    """text as it is when it takes at most max_lines lines of width room (points), else cut so
    that it does, ending in an ellipsis."""
    if len(text) > HARD_LIMIT:
        text = shorten(text, HARD_LIMIT)
    room = max(room, size)  # at least one character a line
    spans = line_spans(text, font, size, room)
    if len(spans) <= max_lines:
        return text
    start, end = spans[max_lines - 1]
    last = text[start:end]
    need = _widths(ELLIPSIS, font, size)[0]
    widths = _widths(last, font, size)
    while last and sum(widths[: len(last)]) + need > room + _FUZZ:
        last = last[:-1]
    return text[:start] + last + ELLIPSIS


def fit_width(text: str, font: str, size: float, room: float) -> str:
    """text on one line of width room, cut with an ellipsis when it is wider."""
    return fit_lines(text.replace("\n", " "), font, size, room, 1)
