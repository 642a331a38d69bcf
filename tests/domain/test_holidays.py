"""The holiday arrangement: validated at every door, winning over the package, counted exactly."""

from datetime import date, timedelta

import chinese_calendar
import pytest

from desktop.domain.errors import ValidationError
from desktop.domain.holidays import (
    PackageHolidays,
    YearSource,
    arrangement,
    arrangement_from_csv,
    parse_arrangements,
)
from desktop.domain.periods import Period
from desktop.domain.workcalendar import WorkCalendar, basis_notice
from tests.calendar_data import (
    HOLIDAYS_2027,
    NOTICE,
    NOTICE_DATE,
    WORKDAYS_2027,
    independent_counts,
)
from tests.conftest import calendar_not_knowing

ENTERED = arrangement(2027, HOLIDAYS_2027, WORKDAYS_2027, NOTICE, NOTICE_DATE)


@pytest.mark.parametrize("package_knows", [False, True])
def test_entered_year_counts_as_an_independent_count_of_the_same_dates(
    package_knows: bool,
) -> None:
    base = WorkCalendar() if package_knows else calendar_not_knowing(2027)
    cal = base.with_entered({2027: ENTERED})
    expected = independent_counts(HOLIDAYS_2027, WORKDAYS_2027)
    for month in Period.year(2027).months():
        count = cal.count(month.start, month.end)
        assert count.days == expected[month.start.month], month.code
        assert not count.flagged
    assert cal.source(2027) is YearSource.ENTERED
    assert cal.holiday_name(date(2027, 2, 10)) == "春节"
    assert cal.is_makeup_workday(date(2027, 2, 20))


def test_entered_wins_over_the_package_and_over_a_file() -> None:
    # 2026 is in every release of the package: 2026-10-07 is a holiday there
    own = arrangement(2026, [("2026-10-01", "国庆节")], [], "测试")
    assert not WorkCalendar().is_workday(date(2026, 10, 7))
    from_file = WorkCalendar(parse_arrangements('{"2026": {"holidays": ["2026-10-09"]}}'))
    assert from_file.is_workday(date(2026, 10, 7))
    assert not from_file.is_workday(date(2026, 10, 9))
    assert from_file.source(2026) is YearSource.FILE
    both = from_file.with_entered({2026: own})
    assert both.is_workday(date(2026, 10, 7)) and both.is_workday(date(2026, 10, 9))
    assert both.source(2026) is YearSource.ENTERED


def test_the_source_replaces_the_fallback_notice() -> None:
    unknown = calendar_not_knowing(2027)
    jan = Period.month(2027, 1)
    before = unknown.count(jan.start, jan.end)
    assert basis_notice(before.basis) == "2027年节假日安排未收录，按周一至周五计算"
    after = unknown.with_entered({2027: ENTERED}).count(jan.start, jan.end)
    text = basis_notice(after.basis)
    assert "未收录" not in text
    assert text == "2027年节假日按国务院办公厅通知（国办发明电〔2026〕99号）计算，在本程序中录入"
    assert "entered here" in basis_notice(after.basis, "en")


def test_package_years_are_not_noted_and_name_their_festivals() -> None:
    cal = WorkCalendar()
    assert cal.noted(date(2026, 1, 1), date(2026, 12, 31)) == ()
    assert cal.holiday_name(date(2026, 10, 1)) == "国庆节"
    assert cal.holiday_name(date(2026, 10, 1), "en") == "National Day"


@pytest.mark.parametrize(
    ("holidays", "workdays", "field", "says"),
    [
        ([("2028-01-01", "元旦")], [], "holidays", "2028-01-01 不在 2027 年内"),
        ([], ["2026-12-26"], "workdays", "2026-12-26 不在 2027 年内"),
        ([("2027-02-06", "春节")], ["2027-02-06"], "workdays", "不能既是法定节假日又是调休上班日"),
        ([("2027-01-01", "")], [], "holiday_name", "2027-01-01 没有填写节日名称"),
        ([("2027-01-01", "   ")], [], "holiday_name", "没有填写节日名称"),
        ([("2027-02-30", "春节")], [], "holidays", "“2027-02-30”不是有效日期"),
        ([], ["2027-02-08"], "workdays", "不是周六或周日"),
        ([("2027-01-01", "元旦"), ("2027-01-01", "元旦")], [], "holidays", "列了两次"),
    ],
)
def test_bad_arrangements_are_refused_with_the_field_named(
    holidays: list[tuple[str, str]], workdays: list[str], field: str, says: str
) -> None:
    with pytest.raises(ValidationError) as err:
        arrangement(2027, holidays, workdays, NOTICE)
    assert err.value.field == field
    assert says in err.value.message("zh")


def test_year_and_notice_limits() -> None:
    with pytest.raises(ValidationError) as err:
        arrangement(1999, [], [])
    assert err.value.field == "year"
    with pytest.raises(ValidationError) as err:
        arrangement(2027, [], [], "号" * 101)
    assert err.value.field == "notice"


def test_csv_and_json_forms_read_the_same_arrangement() -> None:
    lines = ["日期,类型,名称"]
    lines += [f"{d},法定节假日,{n}" for d, n in HOLIDAYS_2027]
    lines += [f"{d},调休上班日," for d in WORKDAYS_2027]
    from_csv = arrangement_from_csv("\n".join(lines), 2027, NOTICE, NOTICE_DATE)
    import json

    from_json = parse_arrangements(json.dumps(ENTERED.to_json(), ensure_ascii=False))[2027]
    assert from_csv == ENTERED == from_json
    with pytest.raises(ValidationError) as err:
        arrangement_from_csv("2027-01-01,放假,元旦", 2027)
    assert err.value.field == "line" and "第 1 行" in err.value.message()


def test_the_package_years_are_read_as_the_package_itself_says() -> None:
    package = PackageHolidays()
    years = [y for y in range(2004, 2040) if package.knows(y)]
    assert len(years) > 15
    for year in years:
        day = date(year, 1, 1)
        while day.year == year:
            assert package.is_workday(day) == chinese_calendar.is_workday(day), day
            day += timedelta(days=1)
