"""File names made from people's names and units: safe on Windows and Linux, short enough for
either, and distinct for distinct names.

Used for every file the program names itself: the monthly reports of `report monthly --all`, the
report file (.otr) a unit submits, and the names the window proposes. A name is cleaned (the
characters Windows forbids, control characters, white space) and cut to fit the file system's
255 bytes; when cleaning or cutting lost something, a short code from the original text is added,
so that 张/伟 and 张:伟, or two long names alike in their first 40 characters, get two files.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection, Sequence

_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f]+')
_SPACE = re.compile(r"\s+")
# characters of one part (a unit, a name): 40 CJK characters are 120 bytes, and a file name of a
# period, a unit and a name with its suffix stays within 255 bytes
MAX_PART = 40
MAX_STEM_BYTES = 200
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{i}" for d in ("COM", "LPT") for i in range(10)}


def _clean(text: str) -> str:
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")  # zero-width, bidi
    text = _FORBIDDEN.sub("_", text)
    return _SPACE.sub("_", text).strip("._ ")


def _code(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:6]


def safe_part(text: str, limit: int = MAX_PART) -> str:
    """One part of a file name: cleaned, at most limit characters, with a code of the original
    when cleaning changed more than white space or the part was cut."""
    cleaned = _clean(text) or "_"
    lossy = cleaned != _SPACE.sub("_", text.strip()) or len(cleaned) > limit
    if not lossy:
        return cleaned
    return f"{cleaned[: limit - 7].rstrip('._')}~{_code(text)}"


def file_name(parts: Sequence[str], suffix: str, taken: Collection[str] = ()) -> str:
    """The parts (period, unit, name) joined by '-', with suffix ('.pdf'), never one of `taken`
    (compared without case, as Windows does): a repeat gets -2, -3 …"""
    stem = "-".join(safe_part(p) for p in parts if p.strip()) or "_"
    while len(stem.encode("utf-8", "surrogatepass")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    stem = stem.rstrip("._ ")
    if stem.split(".")[0].upper() in _RESERVED:
        stem = f"_{stem}"
    used = {t.casefold() for t in taken}
    name, n = f"{stem}{suffix}", 1
    while name.casefold() in used:
        n += 1
        name = f"{stem}-{n}{suffix}"
    return name
