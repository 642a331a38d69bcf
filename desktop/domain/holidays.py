"""A year's holiday arrangement as the State Council publishes it, and the package that knows
the years already published.

The arrangement (国务院办公厅关于20XX年部分节假日安排的通知) lists the days off with the
festival's name, the weekend days that are worked instead (调休上班日), and the notice's number
and date. It is entered in the program, read from a file, or sent by the supervision office; it
is validated here, once, whichever door it comes through.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

import chinese_calendar
from chinese_calendar.constants import Holiday
from chinese_calendar.constants import holidays as _package_holidays

from desktop.domain.errors import ValidationError
from desktop.domain.periods import FIRST_YEAR, LAST_YEAR

MAX_NAME = 20
MAX_NOTICE = 100


class YearSource(StrEnum):
    """Where a year's working days come from, in the order one wins over the next."""

    ENTERED = "entered"  # entered in this program, or received from the supervision office
    FILE = "file"  # a holiday arrangement file beside the program
    PACKAGE = "package"  # the chinesecalendar package
    FALLBACK = "fallback"  # not known: Monday to Friday


@dataclass(frozen=True, slots=True)
class YearArrangement:
    """One year's days off (with the festival's name) and make-up workdays."""

    year: int
    holidays: Mapping[date, str]
    workdays: frozenset[date]
    notice: str = ""  # 国办发明电〔2026〕X号
    notice_date: date | None = None
    received_from: str = ""  # the office whose file brought it; empty when entered here

    def is_workday(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def to_json(self) -> dict[str, Any]:
        """The documented file form (docs/holidays.md)."""
        return {
            "year": self.year,
            "notice": self.notice,
            "notice_date": self.notice_date.isoformat() if self.notice_date else "",
            "holidays": {d.isoformat(): self.holidays[d] for d in sorted(self.holidays)},
            "workdays": [d.isoformat() for d in sorted(self.workdays)],
        }

    def same_days(self, other: YearArrangement) -> bool:
        return (
            dict(self.holidays) == dict(other.holidays)
            and self.workdays == other.workdays
            and (self.notice, self.notice_date) == (other.notice, other.notice_date)
        )


def arrangement(
    year: int,
    holidays: Iterable[tuple[date | str, str]],
    workdays: Iterable[date | str],
    notice: str = "",
    notice_date: date | str | None = None,
    *,
    names_required: bool = True,
    received_from: str = "",
) -> YearArrangement:
    """A validated arrangement; any fault is refused with the field and the day named."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError("year", "date_range", value=year, low=FIRST_YEAR, high=LAST_YEAR)
    days_off: dict[date, str] = {}
    for raw, name in holidays:
        day = _day(raw, "holidays", year)
        name = " ".join(str(name).split())
        if not name and names_required:
            raise ValidationError("holiday_name", "holiday_name_missing", value=day.isoformat())
        if len(name) > MAX_NAME:
            raise ValidationError("holiday_name", "too_long", value=name[:MAX_NAME], limit=MAX_NAME)
        if day in days_off:
            raise ValidationError("holidays", "day_twice", value=day.isoformat())
        days_off[day] = name
    worked: set[date] = set()
    for raw in workdays:
        day = _day(raw, "workdays", year)
        if day in days_off:
            raise ValidationError("workdays", "holiday_and_workday", value=day.isoformat())
        if day.weekday() < 5:
            raise ValidationError("workdays", "workday_not_weekend", value=day.isoformat())
        worked.add(day)
    notice = " ".join(notice.split())
    if len(notice) > MAX_NOTICE:
        raise ValidationError("notice", "too_long", value=notice[:20] + "…", limit=MAX_NOTICE)
    when = None
    if notice_date not in (None, ""):
        assert notice_date is not None
        when = _parse(notice_date, "notice_date")
    return YearArrangement(year, days_off, frozenset(worked), notice, when, received_from)


def _parse(raw: date | str, field_name: str) -> date:
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw).strip())
    except ValueError:
        raise ValidationError(field_name, "bad_date", value=raw) from None


def _day(raw: date | str, field_name: str, year: int) -> date:
    day = _parse(raw, field_name)
    if day.year != year:
        raise ValidationError(field_name, "not_in_year", value=day.isoformat(), year=year)
    return day


def arrangement_from_json(obj: Any, names_required: bool = True) -> YearArrangement:
    """Read the documented JSON form of one year."""
    if not isinstance(obj, dict):
        raise ValidationError("calendar", "bad_override", value="not an object")
    try:
        year = int(obj["year"])
    except (KeyError, TypeError, ValueError):
        raise ValidationError("year", "required") from None
    raw_holidays = obj.get("holidays", {})
    if isinstance(raw_holidays, list):  # the older override form: days without names
        pairs: list[tuple[date | str, str]] = [(str(d), "") for d in raw_holidays]
        names_required = False
    elif isinstance(raw_holidays, dict):
        pairs = [(str(d), str(n)) for d, n in raw_holidays.items()]
    else:
        raise ValidationError("holidays", "bad_override", value="holidays")
    raw_workdays = obj.get("workdays", [])
    if not isinstance(raw_workdays, list):
        raise ValidationError("workdays", "bad_override", value="workdays")
    return arrangement(
        year,
        pairs,
        [str(d) for d in raw_workdays],
        str(obj.get("notice", "")),
        str(obj.get("notice_date", "")) or None,
        names_required=names_required,
    )


HOLIDAY_KIND = ("法定节假日", "holiday")
WORKDAY_KIND = ("调休上班日", "workday")


def arrangement_from_csv(
    text: str, year: int, notice: str = "", notice_date: str = ""
) -> YearArrangement:
    """Read the CSV form: 日期,类型,名称 (类型 法定节假日 or 调休上班日); a header line may lead."""
    import csv  # a calendar file to read: not on the path of every ledger's opening

    holidays: list[tuple[date | str, str]] = []
    workdays: list[date | str] = []
    for number, row in enumerate(csv.reader(text.splitlines()), start=1):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if number == 1 and cells[0] in ("日期", "date"):
            continue
        kind = cells[1] if len(cells) > 1 else ""
        if kind in HOLIDAY_KIND:
            holidays.append((cells[0], cells[2] if len(cells) > 2 else ""))
        elif kind in WORKDAY_KIND:
            workdays.append(cells[0])
        else:
            raise ValidationError("line", "bad_day_kind", line=number, value=kind)
    return arrangement(year, holidays, workdays, notice, notice_date or None)


def parse_arrangements(text: str) -> dict[int, YearArrangement]:
    """A holiday file: one year's object, a list of them, or the older override form
    {"2027": {"holidays": [...], "workdays": [...]}}."""
    try:
        raw: Any = json.loads(text)
    except ValueError as exc:
        raise ValidationError("calendar", "bad_override", value=str(exc)) from exc
    if isinstance(raw, dict) and "year" in raw:
        raw = [raw]
    out: dict[int, YearArrangement] = {}
    if raw in ([], {}):
        raise ValidationError("calendar", "bad_override", value="no years in the file")
    if isinstance(raw, list):
        for obj in raw:
            a = arrangement_from_json(obj)
            out[a.year] = a
        return out
    if not isinstance(raw, dict):
        raise ValidationError("calendar", "bad_override", value="top level must be an object")
    for key, spec in raw.items():
        if key.startswith("_"):
            continue  # comments such as "_source"
        try:
            year = int(key)
        except ValueError:
            raise ValidationError(
                "calendar", "bad_override", value=f"{key!r} is not a year"
            ) from None
        if not isinstance(spec, dict):
            raise ValidationError("calendar", "bad_override", value=f"{key} is not an object")
        a = arrangement_from_json({**spec, "year": year}, names_required=False)
        out[a.year] = a
    return out


@dataclass
class PackageHolidays:
    """The years the chinesecalendar package knows, less `hidden` (tests choose which years are
    unknown instead of depending on which years the installed release knows)."""

    hidden: frozenset[int] = frozenset()
    _known: dict[int, bool] = field(default_factory=dict, repr=False)

    def knows(self, year: int) -> bool:
        known = self._known.get(year)
        if known is None:
            known = year not in self.hidden
            if known:
                try:
                    chinese_calendar.is_workday(date(year, 6, 1))
                except NotImplementedError:
                    known = False
            self._known[year] = known
        return known

    def is_workday(self, day: date) -> bool:
        """The package's rule on its own tables (its is_workday checks the date's type first,
        a tenth of the time of a year's working days)."""
        if day in chinese_calendar.workdays:
            return True
        return day.weekday() < 5 and day not in chinese_calendar.holidays

    def holiday_name(self, day: date, lang: str = "zh") -> str:
        festival = _package_holidays.get(day)  # the festival's English name
        if festival is None:
            return ""
        if lang == "en":
            return str(festival)
        return next((str(h.chinese) for h in Holiday if h.value == festival), str(festival))
