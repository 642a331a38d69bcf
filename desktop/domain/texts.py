"""The one rule for names and texts, whichever door they come in by (a dialog, the CLI, a ledger
import, a report file taken in): normalised, free of control characters, and of bounded length.

A name (person, unit, group, activity, project, investor, place, company…) is put in Unicode
NFKC form, with zero-width characters and bidirectional controls removed and white space
collapsed to single spaces, so that 张\u200b伟 is 张伟 and not a second person who looks the same.
The full-width punctuation of Chinese text (（）：，) is kept as typed: official names of
companies write it so, and matching ignores the difference (ledger_parsing.name_key).
A note keeps its line breaks and tabs and is not NFKC-folded (it is prose, quoted as written).
Any other control character (a terminal escape sequence starts with one) is refused, naming the
field. Limits and the reasons for them: docs/rules.md.
"""

from __future__ import annotations

import re
import unicodedata

from desktop.domain.errors import ValidationError

NAME_MAX = 50  # a person, unit, group, activity, title, destination
ORG_MAX = 100  # a project, investor, company, industry chain, park: English names run long
LIST_MAX = 500  # an entry's place or counterpart: a trip's entries list all its destinations
NOTE_MAX = 2_000  # a note, a trip's results, a stage's or funds' note

# format characters (Unicode category Cf): zero-width spaces and joiners, bidi marks, embeddings,
# overrides and isolates, the BOM, soft hyphens, tags; tests check the list against unicodedata
_INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
# control characters (C0 but tab and line breaks, DEL, C1) and lone surrogates (no character)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_NOTE_SPACES = re.compile(r"[^\S\n\t]")  # white space other than line breaks and tabs
# full-width punctuation kept out of NFKC (letters and digits in U+FF01–FF5E are folded)
_KEEP = re.compile("[\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff5e]+")


def _refuse_controls(text: str, field: str) -> None:
    m = _CONTROL.search(text)
    if m is not None:
        char = f"U+{ord(m[0]):04X}"
        raise ValidationError(field, "control_char", char=char, position=m.start() + 1)


def _nfkc(text: str) -> str:
    """NFKC, except for the runs of full-width punctuation kept as typed."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    out, at = [], 0
    for m in _KEEP.finditer(text):
        out += [unicodedata.normalize("NFKC", text[at : m.start()]), m[0]]
        at = m.end()
    out.append(unicodedata.normalize("NFKC", text[at:]))
    return "".join(out)


def _shown(text: str) -> str:
    return text if len(text) <= 20 else text[:20] + "…"


def _limit(text: str, field: str, limit: int) -> str:
    if len(text) > limit:
        raise ValidationError(field, "too_long", value=_shown(text), limit=limit)
    return text


def normal_name(text: str) -> str:
    """A name as it is kept, without the checks: NFKC, invisibles gone, white space collapsed.
    Tabs and line breaks are white space here (a cell copied from Excel ends in one)."""
    if not text.isascii():
        text = _nfkc(_INVISIBLE.sub("", text))
    return " ".join(text.split())


def clean_name(text: str, field: str, limit: int = NAME_MAX, required: bool = False) -> str:
    """A name as it is stored, or ValidationError naming the field: a control character, too
    long, or empty when required."""
    _refuse_controls(text, field)
    name = normal_name(text)
    if required and not name:
        raise ValidationError(field, "required")
    return _limit(name, field, limit)


def clean_note(text: str, field: str = "note", limit: int = NOTE_MAX) -> str:
    """A note as it is stored: line breaks made \\n, invisibles gone, other white space single
    spaces, stripped; control characters other than line breaks and tabs refused."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    _refuse_controls(text, field)
    if not text.isascii():
        text = _NOTE_SPACES.sub(" ", _INVISIBLE.sub("", text))
    return _limit(text.strip(), field, limit)
