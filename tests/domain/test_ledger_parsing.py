"""The import parsers: every form offices type, and property tests that no input crashes them and
every row is either parsed or reported with its line and column."""

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.entries import DayPart
from desktop.domain.entry_rows import (
    COLUMNS,
    HeaderError,
    column_letter,
    find_header,
    header_key,
    map_header,
    parse_row,
    parse_rows,
)
from desktop.domain.errors import LedgerError, ValidationError
from desktop.domain.ledger_parsing import (
    name_key,
    parse_ledger_clock,
    parse_ledger_date,
    parse_ledger_duration,
    tidy_name,
)

TODAY = date(2026, 11, 20)
D = date(2026, 9, 1)


@pytest.mark.parametrize(
    "value",
    [
        "2026-09-01",
        "2026-9-1",
        "2026/9/1",
        "2026/09/01",
        "2026.9.1",
        "2026年9月1日",
        "2026年09月01日",
        "2026年9月1号",
        "20260901",
        " 2026 年 9 月 1 日 ",
        "２０２６－０９－０１",
        "２０２６年９月１日",
        "2026/9/1 0:00",
        "2026-09-01 00:00:00",
        "2026-09-01T09:30",
        datetime(2026, 9, 1, 0, 0),
        D,
        46266,  # Excel's serial number for 2026-09-01
        46266.0,
    ],
)
def test_dates(value: object) -> None:
    assert parse_ledger_date(value) == D


@pytest.mark.parametrize(
    "value", ["2026-02-30", "2026/13/1", "2026-09", "9/1/2026", "下周一", "2026-9/1", 0, -5, 1e9]
)
def test_bad_dates_name_the_field(value: object) -> None:
    with pytest.raises(ValidationError) as err:
        parse_ledger_date(value)
    assert err.value.field == "date" and err.value.code == "bad_date"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2.5", (150, None)),
        ("2.5小时", (150, None)),
        ("2.5 小时", (150, None)),
        ("２.５小时", (150, None)),
        ("2.5h", (150, None)),
        ("2.5 hours", (150, None)),
        ("3个小时", (180, None)),
        ("150分钟", (150, None)),
        ("150 min", (150, None)),
        ("2小时30分", (150, None)),
        ("2小时30分钟", (150, None)),
        ("2h30m", (150, None)),
        ("2:30", (150, None)),
        (".5", (30, None)),
        ("半天", (None, DayPart.HALF)),
        ("半日", (None, DayPart.HALF)),
        ("0.5天", (None, DayPart.HALF)),
        ("上午", (None, DayPart.HALF)),
        ("全天", (None, DayPart.FULL)),
        ("1天", (None, DayPart.FULL)),
        ("一天", (None, DayPart.FULL)),
        ("1.0天", (None, DayPart.FULL)),
        ("FULL", (None, DayPart.FULL)),
        (2.5, (150, None)),
        (8, (480, None)),
        (time(2, 30), (150, None)),
        (timedelta(hours=1, minutes=15), (75, None)),
    ],
)
def test_durations(value: object, expected: tuple[int | None, DayPart | None]) -> None:
    assert parse_ledger_duration(value) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("0", "nonpositive_duration"),
        ("-2", "nonpositive_duration"),
        ("25", "bad_hours"),
        ("2天", "bad_hours"),
        ("1500分钟", "bad_hours"),
        ("两小时", "bad_hours"),
        ("nan", "bad_hours"),
        ("inf", "bad_hours"),
        ("1e400", "bad_hours"),
        (float("inf"), "bad_hours"),
        ("9" * 5000, "bad_hours"),
        ("", "required"),
    ],
)
def test_bad_durations(value: object, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_ledger_duration(value)
    assert err.value.field == "hours" and err.value.code == code


@pytest.mark.parametrize(
    ("value", "minutes"),
    [
        ("09:00", 540),
        ("9:00", 540),
        ("09:00:00", 540),
        ("９：３０", 570),
        ("9点", 540),
        ("9点30分", 570),
        ("9点半", 570),
        ("14时05分", 845),
        ("24:00", 1440),
        (time(9, 30), 570),
        (datetime(2026, 9, 1, 9, 30), 570),
        (0.375, 540),  # Excel keeps 09:00 as 0.375 of a day
    ],
)
def test_clock_times(value: object, minutes: int) -> None:
    assert parse_ledger_clock(value, "start") == minutes


@pytest.mark.parametrize("value", ["25:00", "9:60", "9", "nine", "09:00 pm", 3, 24.5])
def test_bad_clock_times(value: object) -> None:
    with pytest.raises(ValidationError) as err:
        parse_ledger_clock(value, "end")
    assert err.value.field == "end" and err.value.code == "bad_time"


def test_names_match_without_padding_or_full_width() -> None:
    assert name_key("张  伟") == name_key(" 张伟 ") == name_key("张\u3000伟") == "张伟"
    assert tidy_name(" 张  伟 ") == "张伟"
    assert tidy_name("John   Smith") == "John Smith"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("日期", "date"),
        ("时间", "date"),
        ("Date*", "date"),
        ("日期/时间", "date"),
        ("人员", "person"),
        ("领导", "person"),
        ("领导姓名", "person"),
        ("时长（小时）", "hours"),
        ("用时", "hours"),
        ("小时数", "hours"),
        (" 开始时间 ", "start"),
        ("活动", "activity"),
        ("客商/企业", "counterpart"),
        ("进展成效", "note"),
    ],
)
def test_header_aliases(header: str, field: str) -> None:
    row = [header, "姓名", "活动类型", "时长", "日期"]
    assert map_header(row)[field] == 0


def test_a_missing_column_is_named() -> None:
    with pytest.raises(ValidationError, match="活动类型"):
        map_header(["日期", "姓名", "时长"])
    assert header_key("时长（小时）") == "时长"


def test_the_header_is_found_below_title_rows() -> None:
    rows = [(1, ["2026年9月 台账"]), (2, []), (3, ["姓名", "日期", "用时", "活动"])]
    found = find_header(iter(rows))
    assert found.line == 3 and found.columns == {
        "person": 0,
        "date": 1,
        "hours": 2,
        "activity": 3,
    }
    with pytest.raises(HeaderError) as err:
        find_header(iter([(1, ["标题"]), (2, ["姓名", "日期", "备注"])]))
    assert err.value.problem.line == 2


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 701, 702)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


def test_every_problem_has_its_line_and_column() -> None:
    columns = map_header(["日期", "姓名", "开始", "结束", "时长", "活动类型"])
    rows = [
        (2, ["2026-9-1", "张伟", "", "", "2", "项目洽谈"]),
        (3, ["2026-02-30", "张伟", "", "", "2", "项目洽谈"]),
        (4, ["2026-9-1", "", "", "", "2", "项目洽谈"]),
        (5, ["2026-9-1", "张伟", "10:00", "", "", "项目洽谈"]),
        (6, ["2026-9-1", "张伟", "", "", "", "项目洽谈"]),
        (7, ["", " ", "", "", "", ""]),  # blank: neither imported nor a problem
        (8, ["2026-9-1", "张伟", "11:00", "10:00", "", "项目洽谈"]),
        (9, ["2026-9-1", "张伟", "", "", "2", "项目洽谈", "多出的列"]),
        (10, ["2026-9-1", "张伟"]),  # a short row
    ]
    parsed, problems = parse_rows(rows, columns, TODAY)
    assert [line for line, _ in parsed] == [2, 9]
    got = [(p.line, column_letter(p.column) if p.column is not None else None) for p in problems]
    assert got == [(3, "A"), (4, "B"), (5, "D"), (6, "E"), (8, "D"), (10, "F")]
    assert problems[0].text() == (
        "第 3 行 A 列 日期：“2026-02-30”不是有效日期（应为 2026-09-01 这样的格式）"
    )
    assert problems[0].text("en").startswith("line 3, column A: date:")


CELLS = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(["2026-09-01", "2026年9月1日", "全天", "半天", "09:00", "11:30", "2.5小时"]),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.timedeltas(),
)


@given(CELLS)
@settings(max_examples=300, deadline=None)
def test_no_cell_crashes_the_parsers(value: object) -> None:
    for parse in (
        parse_ledger_date,
        parse_ledger_duration,
        lambda v: parse_ledger_clock(v, "start"),
    ):
        try:
            parse(value)
        except LedgerError as exc:
            assert exc.message("zh") and exc.message("en")


@given(st.lists(st.lists(CELLS, max_size=8), max_size=12))
@settings(max_examples=200, deadline=None)
def test_every_row_is_parsed_or_reported(table: list[list[object]]) -> None:
    columns = {f: i for i, f in enumerate(("date", "person", "activity", "hours", "start", "end"))}
    rows = list(enumerate(table, 2))
    parsed, problems = parse_rows(rows, columns, TODAY)
    blank = {
        line
        for line, values in rows
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values)
    }
    lines = [line for line, _ in parsed] + [p.line for p in problems]
    assert sorted(lines) == sorted(line for line, _ in rows if line not in blank)
    for p in problems:
        assert p.column is None or 0 <= p.column < len(columns)
        assert p.text().startswith(f"第 {p.line} 行")


@given(st.lists(st.one_of(st.none(), st.text(max_size=12)), max_size=15))
@settings(max_examples=200, deadline=None)
def test_any_header_row_is_mapped_or_refused(header: list[object]) -> None:
    try:
        found = map_header(header)
    except ValidationError as exc:
        assert exc.code == "bad_header"
    else:
        assert set(found) <= set(COLUMNS)
        assert all(0 <= i < len(header) for i in found.values())


def test_rows_from_a_workbook_keep_their_types() -> None:
    columns = map_header(["日期", "姓名", "开始", "结束", "时长", "活动类型", "备注"])
    row = parse_row(
        [datetime(2026, 9, 1), " 张伟 ", time(9), time(11, 30), None, "项目洽谈", 12345.0],
        columns,
        TODAY,
    )
    assert (row.day, row.person, row.start, row.end, row.minutes) == (D, "张伟", 540, 690, 150)
    assert row.note == "12345"
