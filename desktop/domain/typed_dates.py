"""Dates as secretaries type them (2026-11-20, 2026/11/20, 20261120, 2026.11.20, 2026年11月20日,
11-20 and 11月20日 of this year), read exactly: a day that does not exist is refused, never moved
to another."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from desktop.domain.errors import ValidationError

# the years a date field holds; the ledger's own rule (DESIGN §3) is checked when saving
FIRST_YEAR = 1900
LAST_YEAR = 2999

# an input method gives full-width forms (２０２６－１１－２０) that NFKC folds; these it does not
_FOLD = str.maketrans({"。": ".", "、": "/", "—": "-", "－": "-", "．": "."})
_SEP = r"[-/.]"
_PATTERNS: tuple[tuple[re.Pattern[str], bool], ...] = (
    # (pattern, has a year); each has the groups year?, month, day
    (re.compile(rf"(\d{{4}})({_SEP})(\d{{1,2}})\2(\d{{1,2}})"), True),
    (re.compile(r"(\d{4})()(\d{2})(\d{2})"), True),
    (re.compile(r"(\d{4})年()(\d{1,2})月(\d{1,2})[日号]?"), True),
    (re.compile(rf"()()(\d{{1,2}}){_SEP}(\d{{1,2}})"), False),
    (re.compile(r"()()(\d{1,2})月(\d{1,2})[日号]?"), False),
)
# what a date is made of while it is being typed: digits, separators, 年月日
_TYPING = re.compile(r"[\d\-/.年月日号\s]*")


def _normal(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(_FOLD))


def may_become_date(text: str) -> bool:
    """Whether text is made only of what a typed date is made of (a field refuses other keys)."""
    return _TYPING.fullmatch(_normal(text)) is not None


def read_date(text: str, today: date, field: str = "date") -> date:
    """The date text names; a month and day alone are in today's year.

    Raises ValidationError(field, "bad_date") for text in no known form and
    ValidationError(field, "no_such_date") for a form that names no real day (2026-02-30)."""
    s = _normal(text)
    for pattern, has_year in _PATTERNS:
        m = pattern.fullmatch(s)
        if m is None:
            continue
        year = int(m[1]) if has_year else today.year
        month, day = int(m[3]), int(m[4])
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValidationError(
                field, "date_range", value=text.strip(), low=FIRST_YEAR, high=LAST_YEAR
            )
        try:
            return date(year, month, day)
        except ValueError:
            raise ValidationError(field, "no_such_date", value=text.strip()) from None
    raise ValidationError(field, "bad_date", value=text.strip())
