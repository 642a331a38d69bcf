"""A chinesecalendar that claims to know a year the installed release may not know yet.

The suite is run once with the installed package and once with this stub (`pytest
--holiday-stub`), so no test can depend on which years the release knows: the day a release
with next year's data appears, nothing turns red. The days below are made up for the stub; they
are not any State Council notice.
"""

from __future__ import annotations

import os
from datetime import date, timedelta

ENV = "ONETHIRD_TEST_HOLIDAY_STUB"
STUB_YEAR = 2027


def _days(first: str, last: str) -> list[date]:
    d, end = date.fromisoformat(first), date.fromisoformat(last)
    out = []
    while d <= end:
        out.append(d)
        d += timedelta(days=1)
    return out


def install() -> None:
    """Teach the imported chinesecalendar the stub year (in this process)."""
    from chinese_calendar import constants

    holiday = constants.Holiday
    off = {
        holiday.new_years_day: _days("2027-01-01", "2027-01-03"),
        holiday.spring_festival: _days("2027-02-05", "2027-02-12"),
        holiday.tomb_sweeping_day: _days("2027-04-03", "2027-04-05"),
        holiday.labour_day: _days("2027-05-01", "2027-05-05"),
        holiday.dragon_boat_festival: _days("2027-06-09", "2027-06-11"),
        holiday.national_day: _days("2027-10-01", "2027-10-07"),
        holiday.mid_autumn_festival: _days("2027-09-15", "2027-09-15"),
    }
    worked = {
        holiday.spring_festival: [date(2027, 2, 20)],
        holiday.labour_day: [date(2027, 5, 8)],
        holiday.national_day: [date(2027, 10, 9)],
    }
    for festival, days in off.items():
        for d in days:
            constants.holidays.setdefault(d, festival.value)
    for festival, days in worked.items():
        for d in days:
            constants.workdays.setdefault(d, festival.value)


def wanted() -> bool:
    return os.environ.get(ENV) == "1"
