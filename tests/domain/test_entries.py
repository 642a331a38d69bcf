from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.entries import (
    DayPart,
    Entry,
    check_day,
    parse_clock,
    parse_date,
    parse_hours,
)
from desktop.domain.errors import LedgerError, ValidationError

TODAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.5", (150, None)),
        ("8", (480, None)),
        ("全天", (None, DayPart.FULL)),
        ("半天", (None, DayPart.HALF)),
        (" 0.25 ", (15, None)),
    ],
)
def test_parse_hours(text: str, expected: tuple) -> None:
    assert parse_hours(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "-1", "0", "25", "nan", "1e9"])
def test_bad_hours_name_the_field(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_hours(text)
    assert err.value.field == "hours"
    assert err.value.message("zh").startswith("时长：")


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13-01", "2026-9-31", "九月一日", ""])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_date(text)
    assert err.value.field == "date"
    assert "日期" in str(err.value)


@pytest.mark.parametrize(
    ("day", "ok"),
    [
        (date(1999, 12, 31), False),
        (date(2000, 1, 1), True),
        (date(2027, 11, 20), True),
        (date(2027, 11, 21), False),
    ],
)
def test_date_range_is_2000_to_a_year_ahead(day: date, ok: bool) -> None:
    entry = Entry(1, day, 1, minutes=60)
    if ok:
        entry.validated(TODAY)
    else:
        with pytest.raises(ValidationError, match="超出允许范围"):
            entry.validated(TODAY)


def test_clock() -> None:
    assert parse_clock("09:30", "start") == 570
    assert parse_clock("24:00", "end") == 1440
    for bad in ("9.30", "24:01", "12:60", "x"):
        with pytest.raises(ValidationError):
            parse_clock(bad, "start")


def test_start_end_fill_in_minutes_and_must_agree() -> None:
    e = Entry(1, TODAY, 1, start=540, end=690).validated(TODAY)
    assert e.minutes == 150
    with pytest.raises(ValidationError, match="不符"):
        Entry(1, TODAY, 1, minutes=60, start=540, end=690).validated(TODAY)
    with pytest.raises(ValidationError, match="不晚于"):
        Entry(1, TODAY, 1, start=600, end=540).validated(TODAY)
    with pytest.raises(ValidationError) as err:
        Entry(1, TODAY, 1).validated(TODAY)
    assert err.value.field == "hours"


def test_a_day_over_24_hours_is_refused() -> None:
    entries = [
        Entry(1, TODAY, 1, minutes=600),
        Entry(1, TODAY, 1, minutes=600),
        Entry(1, TODAY, 1, day_part=DayPart.HALF),
    ]  # 10 + 10 + 4 = 24 h: allowed
    check_day("张伟", TODAY, entries, 480)
    with pytest.raises(ValidationError) as err:
        check_day("张伟", TODAY, [*entries, Entry(1, TODAY, 1, minutes=1)], 480)
    assert "超过 24 小时" in str(err.value) and "张伟" in str(err.value)


def test_overlapping_timed_entries_are_refused_touching_ones_are_not() -> None:
    a = Entry(1, TODAY, 1, start=540, end=660, minutes=120)
    b = Entry(1, TODAY, 1, start=660, end=720, minutes=60)
    check_day("张伟", TODAY, [a, b], 480)
    c = Entry(1, TODAY, 1, start=700, end=760, minutes=60)
    with pytest.raises(ValidationError) as err:
        check_day("张伟", TODAY, [a, b, c], 480)
    assert "时间重叠" in str(err.value)
    assert "11:40–12:40" in str(err.value)


def test_english_messages() -> None:
    with pytest.raises(LedgerError) as err:
        parse_date("2026-02-30")
    assert err.value.message("en") == (
        "date: '2026-02-30' is not a valid date (expected e.g. 2026-09-01)"
    )


@given(st.text(max_size=12))
def test_parse_hours_never_crashes(text: str) -> None:
    try:
        minutes, part = parse_hours(text)
    except ValidationError:
        return
    assert (minutes is None) != (part is None)
    assert minutes is None or 0 < minutes <= 1440


@given(st.text(max_size=8))
def test_parse_clock_never_crashes(text: str) -> None:
    try:
        minutes = parse_clock(text, "start")
    except ValidationError:
        return
    assert 0 <= minutes <= 1440
