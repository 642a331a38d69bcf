"""A 2027 holiday arrangement for the tests, in the shape of the State Council's notice, and an
independent count of working days from the same list of dates. The days are made up for the
tests (they differ on purpose from the stub in tests/holiday_stub); they are not the notice."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

NOTICE = "国办发明电〔2026〕99号"
NOTICE_DATE = "2026-11-28"


def _span(first: str, days: int, name: str) -> list[tuple[str, str]]:
    d = date.fromisoformat(first)
    return [((d + timedelta(days=i)).isoformat(), name) for i in range(days)]


HOLIDAYS_2027: list[tuple[str, str]] = [
    ("2027-01-01", "元旦"),
    *_span("2027-02-06", 9, "春节"),
    *_span("2027-04-03", 3, "清明节"),
    *_span("2027-05-01", 5, "劳动节"),
    *_span("2027-06-09", 3, "端午节"),
    *_span("2027-09-15", 3, "中秋节"),
    *_span("2027-10-01", 7, "国庆节"),
]
WORKDAYS_2027 = ["2027-02-20", "2027-05-09", "2027-09-26", "2027-10-09"]


def independent_counts(
    holidays: list[tuple[str, str]], workdays: list[str], year: int = 2027
) -> dict[int, int]:
    """Working days per month: Monday–Friday, less the listed days off, plus the listed
    make-up days; counted day by day, without the program's calendar."""
    off = {date.fromisoformat(d) for d, _ in holidays}
    on = {date.fromisoformat(d) for d in workdays}
    out = {}
    for month in range(1, 13):
        n = 0
        for day in range(1, calendar.monthrange(year, month)[1] + 1):
            d = date(year, month, day)
            if d in on or (d.weekday() < 5 and d not in off):
                n += 1
        out[month] = n
    return out
