"""Typed dates: every form a secretary types reads as the day meant, and no other."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.errors import ValidationError
from desktop.domain.typed_dates import may_become_date, read_date

TODAY = date(2026, 9, 14)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-11-20", date(2026, 11, 20)),
        ("2026/11/20", date(2026, 11, 20)),
        ("20261120", date(2026, 11, 20)),
        ("2026.11.20", date(2026, 11, 20)),
        ("2026-1-5", date(2026, 1, 5)),
        ("11-20", date(2026, 11, 20)),
        ("11.20", date(2026, 11, 20)),
        ("11/20", date(2026, 11, 20)),
        ("2026年11月20日", date(2026, 11, 20)),
        ("2026年1月5号", date(2026, 1, 5)),
        ("11月20日", date(2026, 11, 20)),
        (" 2026-11-20 ", date(2026, 11, 20)),
        ("２０２６－１１－２０", date(2026, 11, 20)),  # full-width, as an input method types
        ("2026。11。20", date(2026, 11, 20)),
        ("2028-02-29", date(2028, 2, 29)),  # a leap day
        ("20261231", date(2026, 12, 31)),
        ("2-29", None),  # 2026 has no 29 February: checked below
    ],
)
def test_typed_forms_read_as_the_day_meant(text: str, day: date | None) -> None:
    if day is None:
        with pytest.raises(ValidationError) as caught:
            read_date(text, TODAY)
        assert caught.value.code == "no_such_date"
        return
    assert read_date(text, TODAY) == day


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("20260230", "no_such_date"),
        ("2026-02-30", "no_such_date"),
        ("2027-02-29", "no_such_date"),
        ("2026-13-01", "no_such_date"),
        ("2026-00-10", "no_such_date"),
        ("2026-04-31", "no_such_date"),
        ("2026年2月30日", "no_such_date"),
        ("13-01", "no_such_date"),
        ("", "bad_date"),
        ("2026", "bad_date"),
        ("2026-11", "bad_date"),
        ("2026112", "bad_date"),
        ("2026-11/20", "bad_date"),  # two kinds of separator: a slip, not a date
        ("明天", "bad_date"),
        ("1899-12-31", "date_range"),
        ("30000101", "date_range"),
    ],
)
def test_what_names_no_day_is_refused_naming_the_field(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        read_date(text, TODAY, field="start_date")
    assert caught.value.code == code
    assert caught.value.field == "start_date"
    assert caught.value.message("zh").startswith("开始日期：")


@pytest.mark.parametrize(
    ("text", "typing"),
    [
        ("2026-1", True),
        ("2026年11", True),
        ("", True),
        ("１１月", True),
        ("abc", False),
        ("2026x", False),
    ],
)
def test_a_field_takes_only_what_dates_are_made_of(text: str, typing: bool) -> None:
    assert may_become_date(text) is typing


days = st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31))


@given(days)
def test_every_day_reads_back_in_every_form_with_a_year(day: date) -> None:
    forms = [
        day.isoformat(),
        day.strftime("%Y/%m/%d"),
        day.strftime("%Y%m%d"),
        day.strftime("%Y.%m.%d"),
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.year}-{day.month}-{day.day}",
    ]
    for text in forms:
        assert read_date(text, TODAY) == day


@given(days, days)
def test_a_month_and_day_are_of_today_s_year(day: date, today: date) -> None:
    try:
        meant = day.replace(year=today.year)
    except ValueError:  # 29 February in a year without it
        with pytest.raises(ValidationError):
            read_date(f"{day.month}-{day.day}", today)
        return
    assert read_date(f"{day.month}-{day.day}", today) == meant
    assert read_date(f"{day.month}月{day.day}日", today) == meant


@given(st.text(alphabet="0123456789-/.年月日", max_size=12))
def test_a_typed_text_is_a_date_or_refused_never_another_day(text: str) -> None:
    try:
        day = read_date(text, TODAY)
    except ValidationError:
        return
    digits = "".join(c for c in text if c.isdigit())
    # the day read is made of the digits typed: nothing carried into the next month
    assert str(day.day) in digits and str(day.month) in digits
