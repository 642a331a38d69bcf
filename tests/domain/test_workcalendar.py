from datetime import date

import pytest

from desktop.domain.errors import ValidationError
from desktop.domain.periods import Period
from desktop.domain.workcalendar import WorkCalendar, fallback_notice, parse_overrides
from tests.conftest import calendar_not_knowing

CAL = WorkCalendar()
UNKNOWING = calendar_not_knowing(2027)


@pytest.mark.parametrize(
    ("day", "is_workday", "why"),
    [
        (date(2026, 2, 14), True, "Saturday make-up day before the Spring Festival"),
        (date(2026, 2, 16), False, "Spring Festival (Monday)"),
        (date(2026, 2, 23), False, "Spring Festival holiday, last day (Monday)"),
        (date(2026, 2, 28), True, "Saturday make-up day after the Spring Festival"),
        (date(2026, 2, 21), False, "an ordinary Saturday in the holiday"),
        (date(2026, 9, 20), True, "Sunday make-up day before National Day"),
        (date(2026, 10, 1), False, "National Day"),
        (date(2026, 10, 7), False, "National Day week, Wednesday"),
        (date(2026, 10, 10), True, "Saturday make-up day after National Day"),
        (date(2026, 10, 11), False, "an ordinary Sunday"),
        (date(2026, 10, 12), True, "an ordinary Monday"),
    ],
)
def test_statutory_days_2026(day: date, is_workday: bool, why: str) -> None:
    assert CAL.is_workday(day) is is_workday, why


@pytest.mark.parametrize(
    ("period", "workdays"),
    [
        ("2026-02", 16),  # 20 weekdays − 6 festival weekdays + 2 make-up Saturdays
        ("2026-09", 22),  # 22 weekdays incl. the make-up Sunday 20th − 1 (Mid-Autumn 25th)
        ("2026-10", 18),  # 22 weekdays − 5 National Day weekdays + make-up Saturday 10th
        ("2026-11", 21),
    ],
)
def test_workdays_per_month(period: str, workdays: int) -> None:
    p = Period.parse(period)
    count = CAL.count(p.start, p.end)
    assert count.days == workdays
    assert not count.flagged


def test_unknown_year_falls_back_to_weekdays_and_is_flagged() -> None:
    p = Period.parse("2027-01")
    count = UNKNOWING.count(p.start, p.end)
    assert count.days == 21  # January 2027: Monday to Friday, no New Year's Day guessed
    assert count.fallback_years == (2027,)
    assert UNKNOWING.is_workday(date(2027, 1, 1))  # a Friday; not guessed to be a holiday
    assert fallback_notice(count.fallback_years) == "2027年节假日安排未收录，按周一至周五计算"


def test_range_over_known_and_unknown_years_flags_only_the_unknown() -> None:
    count = UNKNOWING.count(date(2026, 12, 28), date(2027, 1, 8))
    assert count.fallback_years == (2027,)


def test_override_file_makes_a_year_known() -> None:
    overrides = parse_overrides(
        '{"2027": {"holidays": ["2027-01-01"], "workdays": ["2027-01-09"]}, "_source": "x"}'
    )
    cal = WorkCalendar(overrides, UNKNOWING.package)
    count = cal.count(date(2027, 1, 1), date(2027, 1, 31))
    assert count.days == 21  # − New Year's Day + Saturday 9th
    assert not count.flagged
    assert not cal.is_workday(date(2027, 1, 1))
    assert cal.is_workday(date(2027, 1, 9))


@pytest.mark.parametrize(
    ("text", "field", "says"),
    [
        ("[]", "calendar", "日历覆盖文件有误"),
        ("not json", "calendar", "日历覆盖文件有误"),
        ('{"abc": {}}', "calendar", "日历覆盖文件有误"),
        ('{"2027": {"holidays": ["2027-02-30"]}}', "holidays", "“2027-02-30”不是有效日期"),
        ('{"2027": {"holidays": ["2026-01-01"]}}', "holidays", "2026-01-01 不在 2027 年内"),
    ],
)
def test_bad_override_file_is_refused_with_the_reason(text: str, field: str, says: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_overrides(text)
    assert err.value.field == field
    assert says in str(err.value)
