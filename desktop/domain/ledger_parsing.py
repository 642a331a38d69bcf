"""Reading the cells of Excel-era ledgers: dates, durations and clock times as offices type them."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta

from desktop.domain.entries import DAY_MINUTES, DayPart
from desktop.domain.errors import ValidationError
from desktop.domain.texts import normal_name

# Full-width ASCII (０-９, Ａ-Ｚ, ：, ．, ／ …) and the ideographic space, as IMEs type them.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# Invisible characters Excel and web copies leave behind.
_INVISIBLE: dict[int, int | None] = {0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None}
_INVISIBLE |= {0xFEFF: None, 0x00A0: 0x20}
_TABLE: dict[int, int | None] = {**_FULL_WIDTH, **_INVISIBLE}

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 (after Excel's 1900 leap-year bug)
EXCEL_MAX_SERIAL = 2958465  # 9999-12-31
MAX_SHOWN = 40  # how much of a bad value a message repeats


def clean(text: str) -> str:
    """Half-width, without invisible characters, stripped; ASCII text takes the fast path."""
    if text.isascii():
        return text.strip()
    return text.translate(_TABLE).strip()


# Our own CSV exports write text a spreadsheet would take for a formula with an apostrophe in
# front (reports/cell_text.py); read back, the apostrophe goes again.
_GUARDED = ("'=", "'+", "'-", "'@", "'\t", "'\r")


def unguard(text: str) -> str:
    """ "'=SUM(A1)" as our export wrote it -> "=SUM(A1)"; any other text as it is."""
    return text[1:] if text.startswith(_GUARDED) else text


def squeeze(text: str) -> str:
    """clean() and every space removed: '2026 年 9 月 1 日' -> '2026年9月1日'."""
    return "".join(clean(text).split())


def name_key(text: str) -> str:
    """How names are matched, the one key for persons, activities, projects and units
    wherever a name finds its record (typed, imported or taken in): spaces Excel users pad
    names with ('张  伟') do not count, nor invisible characters, full-width forms
    (domain/texts.py) or the case of letters (“长安 电池项目（一期）” is “长安电池项目(一期)”)."""
    return "".join(normal_name(clean(text)).split()).casefold()


def tidy_name(text: str) -> str:
    """A name as it is stored: half-width, single spaces, and none inside a Chinese name."""
    words = clean(text).split()
    if all(not ch.isascii() for word in words for ch in word):
        return "".join(words)
    return " ".join(words)


def cell_text(value: object) -> str:
    """A cell as text: numbers without a trailing '.0', dates as ISO dates, None as ''."""
    if value is None:
        return ""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return clean(str(value))


def shown(value: object) -> str:
    text = cell_text(value)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


_DATE = re.compile(
    r"(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})[日号]?|(\d{2})(\d{2}))"
)
# a time of day after the date ('2026/9/1 0:00' from a date-time cell); the date is what counts
_TIME_SUFFIX = re.compile(r"(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")


def parse_ledger_date(value: object, field: str = "date") -> date:
    """2026-09-01, 2026/9/1, 2026.9.1, 2026年9月1日, 20260901, an Excel date cell or serial."""
    if isinstance(value, str):
        text = value
        if len(text) == 10 and text.isascii():
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
    elif isinstance(value, datetime):
        return value.date()
    elif isinstance(value, date):
        return value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if math.isfinite(value) and 1 <= value <= EXCEL_MAX_SERIAL:
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise ValidationError(field, "bad_date", value=shown(value))
    else:
        text = cell_text(value)
    s = clean(text)
    if not s:
        raise ValidationError(field, "required")
    s = "".join(_TIME_SUFFIX.sub("", s).split())
    m = _DATE.fullmatch(s)
    if m is not None:
        year = int(m[1])
        month, day = (m[3], m[4]) if m[2] else (m[5], m[6]) if m[5] else (m[7], m[8])
        try:
            return date(year, int(month), int(day))
        except ValueError:
            pass
    raise ValidationError(field, "bad_date", value=shown(text))


_FULL_DAY = frozenset(
    ("全天", "整天", "一天", "1天", "1日", "全日", "一日", "full", "fullday", "1d")
)
_HALF_DAY = frozenset(
    ("半天", "半日", "0.5天", "0.5日", ".5天", "half", "halfday", "0.5d", "上午", "下午")
)
_NUMBER = r"(\d{1,5}(?:\.\d{0,6})?|\.\d{1,6})"
_HOURS_UNIT = r"(?:小时|个小时|个钟头|钟头|时|h|hr|hrs|hour|hours)"
_MINUTES_UNIT = r"(?:分钟|分|min|mins|minute|minutes|m)"
_DURATION = re.compile(
    rf"{_NUMBER}{_HOURS_UNIT}?|{_NUMBER}{_MINUTES_UNIT}"
    rf"|(\d{{1,3}}){_HOURS_UNIT}(\d{{1,4}}){_MINUTES_UNIT}?|(\d{{1,3}}):(\d{{2}})(?::00)?"
    rf"|{_NUMBER}(?:天|日|d)"
)


def parse_ledger_duration(value: object) -> tuple[int | None, DayPart | None]:
    """2.5, 2.5小时, 150分钟, 2小时30分, 2:30, 半天, 全天, 1天, a number or time cell."""
    if isinstance(value, str):
        text = value
        # the forms exports write, before anything slower
        if text == "全天":
            return None, DayPart.FULL
        if text == "半天":
            return None, DayPart.HALF
        if text.isascii():
            try:
                value = float(text)
            except ValueError:
                pass
            else:
                return _hours_number(value)
    elif isinstance(value, time):
        return _check_minutes(value.hour * 60 + value.minute, value)
    elif isinstance(value, timedelta):
        return _check_minutes(round(value.total_seconds() / 60), value)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        return _hours_number(value)
    else:
        text = cell_text(value)
    s = squeeze(text).lower()
    if not s:
        raise ValidationError("hours", "required")
    if s in _FULL_DAY:
        return None, DayPart.FULL
    if s in _HALF_DAY:
        return None, DayPart.HALF
    m = _DURATION.fullmatch(s)
    if m is None:
        raise ValidationError("hours", "bad_hours", value=shown(text))
    if m[1] is not None:
        minutes = round(float(m[1]) * 60)
    elif m[2] is not None:
        minutes = round(float(m[2]))
    elif m[3] is not None:
        minutes = int(m[3]) * 60 + int(m[4] or 0)
    elif m[5] is not None:
        minutes = int(m[5]) * 60 + int(m[6])
    else:
        days = float(m[7])
        if days == 1:
            return None, DayPart.FULL
        if days == 0.5:
            return None, DayPart.HALF
        raise ValidationError("hours", "bad_hours", value=shown(text))
    return _check_minutes(minutes, text)


def _hours_number(value: float) -> tuple[int | None, DayPart | None]:
    if not (math.isfinite(value) and abs(value) <= DAY_MINUTES):
        raise ValidationError("hours", "bad_hours", value=shown(value))
    return _check_minutes(round(value * 60), value)


def _check_minutes(minutes: int, shown_as: object) -> tuple[int | None, DayPart | None]:
    if minutes <= 0:
        raise ValidationError("hours", "nonpositive_duration")
    if minutes > DAY_MINUTES:
        raise ValidationError("hours", "bad_hours", value=shown(shown_as))
    return minutes, None


_CLOCK = re.compile(r"(\d{1,2})(?::(\d{2})(?::\d{2})?|[点时](?:(\d{1,2})分?|(半))?)")


def parse_ledger_clock(value: object, field: str) -> int:
    """09:00, 9:00, 9:00:00, 9点, 9点30分, 9点半, an Excel time cell -> minutes after midnight."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, datetime | time):
        return value.hour * 60 + value.minute
    elif isinstance(value, int | float) and not isinstance(value, bool):
        # Excel keeps a time of day as a fraction of a day
        if math.isfinite(value) and 0 <= value <= 1:
            return round(value * DAY_MINUTES)
        raise ValidationError(field, "bad_time", value=shown(value))
    else:
        text = cell_text(value)
    if len(text) == 5 and text[2] == ":" and text.isascii():
        hh, mm = text[:2], text[3:]
        if hh.isdigit() and mm.isdigit():
            hours, minutes = int(hh), int(mm)
            if minutes < 60 and hours * 60 + minutes <= DAY_MINUTES:
                return hours * 60 + minutes
            raise ValidationError(field, "bad_time", value=text)
    m = _CLOCK.fullmatch(squeeze(text))
    if m is None:
        raise ValidationError(field, "bad_time", value=shown(text))
    hours = int(m[1])
    minutes = int(m[2] or m[3] or 0) + (30 if m[4] else 0)
    if minutes >= 60 or hours * 60 + minutes > DAY_MINUTES:
        raise ValidationError(field, "bad_time", value=shown(text))
    return hours * 60 + minutes
