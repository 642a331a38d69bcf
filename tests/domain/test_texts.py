"""The one rule for names and texts (domain/texts.py), and the records that apply it."""

from __future__ import annotations

import sys
import unicodedata
from datetime import date
from decimal import Decimal

import pytest

from desktop.domain.entries import DayPart, Entry
from desktop.domain.entry_rows import parse_row
from desktop.domain.errors import ValidationError
from desktop.domain.ledger_parsing import name_key
from desktop.domain.official_order import clean_order
from desktop.domain.people import Activity, ActivityKind, Person
from desktop.domain.projects import (
    Funding,
    Project,
    Stage,
    StageChange,
    check_funding,
    check_stage_change,
)
from desktop.domain.texts import _INVISIBLE, clean_name, clean_note, normal_name
from desktop.domain.trips import CompanyVisit, Trip
from tests.conftest import TODAY


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("张伟", "张伟"),
        ("张\u200b伟", "张伟"),  # zero-width space
        ("\ufeff张伟\u200d", "张伟"),  # BOM, zero-width joiner
        ("张\u202e伟", "张伟"),  # right-to-left override
        ("\u2066张伟\u2069", "张伟"),  # bidi isolate
        ("  张伟 ", "张伟"),
        ("市  人民\t政府", "市 人民 政府"),  # inner white space collapsed
        ("市人民政府\n", "市人民政府"),  # a cell copied from Excel
        ("张\u3000伟", "张 伟"),  # the ideographic space is a space
        ("ＡＢＣ１２３", "ABC123"),  # full-width letters and digits folded (NFKC)
        ("㈱长安", "(株)长安"),  # compatibility forms folded
        ("博世（中国）投资有限公司", "博世（中国）投资有限公司"),  # Chinese punctuation kept
        ("e\u0301cole", "école"),  # composed
        ("Li  Ming", "Li Ming"),
    ],
)
def test_names_are_normalised(typed: str, kept: str) -> None:
    assert clean_name(typed, "person") == kept


@pytest.mark.parametrize(
    ("typed", "code", "position"),
    [
        ("\x1b[31m张伟", "U+001B", 1),  # a terminal escape sequence
        ("张伟\x07", "U+0007", 3),
        ("张\x00伟", "U+0000", 2),
        ("张伟\x7f", "U+007F", 3),
        ("张伟\x9b2J", "U+009B", 3),  # the C1 CSI
        ("张\ud800伟", "U+D800", 2),  # a lone surrogate (JSON "\ud800")
    ],
)
def test_control_characters_are_refused_naming_the_field(
    typed: str, code: str, position: int
) -> None:
    for field, check in (("unit", clean_name), ("note", clean_note)):
        with pytest.raises(ValidationError) as caught:
            check(typed, field)
        assert caught.value.field == field
        assert caught.value.params == {"char": code, "position": position}
        message = caught.value.message()
        assert message.startswith("单位：" if field == "unit" else "备注：")
        assert code in message and "\x1b" not in message


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("第一行\r\n第二行", "第一行\n第二行"),
        ("第一行\r第二行", "第一行\n第二行"),
        ("\t缩进", "缩进"),
        ("前\t后", "前\t后"),
        ("进\u200b展", "进展"),
        ("（一）签约", "（一）签约"),  # prose is quoted as written: no NFKC
        ("ＡＢＣ", "ＡＢＣ"),
    ],
)
def test_notes_keep_their_lines(typed: str, kept: str) -> None:
    assert clean_note(typed) == kept


@pytest.mark.parametrize(
    ("check", "limit"),
    [
        (lambda t: clean_name(t, "person"), 50),
        (lambda t: clean_name(t, "project", 100), 100),
        (lambda t: clean_note(t), 2000),
    ],
)
def test_lengths_are_limited(check, limit: int) -> None:  # type: ignore[no-untyped-def]
    assert check("长" * limit) == "长" * limit
    with pytest.raises(ValidationError) as caught:
        check("长" * (limit + 1))
    assert caught.value.code == "too_long" and caught.value.params["limit"] == limit
    assert len(caught.value.message()) < 80  # the message does not repeat the text whole


def test_required_names() -> None:
    with pytest.raises(ValidationError, match="姓名：不能为空"):
        clean_name("\u200b ", "person", required=True)
    assert clean_name("", "unit") == ""


def test_every_format_character_is_invisible() -> None:
    cf = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
    assert cf and all(_INVISIBLE.fullmatch(c) for c in cf)
    assert not _INVISIBLE.search("张伟 abc，。（）·—")


def test_matching_ignores_what_the_rule_removes() -> None:
    assert name_key("张\u200b伟") == name_key("张伟") == name_key("张 伟") == name_key("\u202e张伟")


# ---- the records that apply the rule


def test_a_person_with_a_zero_width_space_is_the_same_person() -> None:
    typed = Person("张\u200b伟", "市\u200e长", " 市人民政府 ", "新能源\u00a0汽车").validated()
    assert typed == Person("张伟", "市长", "市人民政府", "新能源 汽车")
    with pytest.raises(ValidationError) as caught:
        Person("张伟", unit="\x1b]0;title\x07").validated()
    assert caught.value.field == "unit"
    with pytest.raises(ValidationError) as caught:
        Person("张" * 51).validated()
    assert (caught.value.field, caught.value.code) == ("person", "too_long")


def test_activity_project_stage_funds() -> None:
    assert Activity("项目\u200b洽谈", ActivityKind.PROMOTION).validated().name == "项目洽谈"
    p = Project(
        "长安\u200b电池项目", "长安\u202e汽车", "新能源  产业链", park="经开区\t"
    ).validated()
    assert (p.name, p.investor, p.chain, p.park) == (
        "长安电池项目",
        "长安汽车",
        "新能源 产业链",
        "经开区",
    )
    for field in ("investor", "chain", "park"):
        with pytest.raises(ValidationError) as caught:
            Project("项目", **{field: "\x1b[2J"}).validated()  # type: ignore[arg-type]
        assert caught.value.field == field
    change = check_stage_change(StageChange(TODAY, Stage.SIGNED, "签\u200b约\r\n仪式"), TODAY)
    assert change.note == "签约\n仪式"
    with pytest.raises(ValidationError, match="备注"):
        check_funding(Funding(TODAY, Decimal(1), "\x1b[0m"), TODAY)


def test_an_entry_cleans_its_texts() -> None:
    entry = Entry(
        1,
        TODAY,
        1,
        day_part=DayPart.FULL,
        location="重庆\u200b",
        counterpart="长安  汽车",
        note="洽谈\r\n",
        recorded_by="王秘书",
    ).validated(TODAY)
    assert (entry.location, entry.counterpart, entry.note) == ("重庆", "长安 汽车", "洽谈")
    for field in ("location", "counterpart", "note", "recorded_by"):
        bad = Entry(1, TODAY, 1, day_part=DayPart.FULL, **{field: "x\x1by"})  # type: ignore[arg-type]
        with pytest.raises(ValidationError) as caught:
            bad.validated(TODAY)
        assert caught.value.field == field


def test_a_trip_cleans_its_texts_and_has_a_sensible_span() -> None:
    trip = Trip(
        (1,),
        date(2026, 10, 13),
        date(2026, 10, 15),
        destinations=("重\u200b庆", " ", "上海"),
        companies=(CompanyVisit("长安\u202e汽车", "刘\u200b建国", "副总裁 "),),
        results="签订\u200b框架协议",
    ).validated(TODAY)
    assert trip.destinations == ("重庆", "上海")
    assert trip.companies == (CompanyVisit("长安汽车", "刘建国", "副总裁"),)
    assert trip.results == "签订框架协议"
    with pytest.raises(ValidationError) as caught:
        Trip(
            (1,), date(2026, 1, 1), date(2026, 10, 15), companies=(CompanyVisit("\x1b"),)
        ).validated(TODAY)
    assert caught.value.field == "company"


def test_an_end_date_before_the_start_says_so_in_both_languages() -> None:
    with pytest.raises(ValidationError) as caught:
        Trip((1,), date(2026, 11, 2), date(2026, 11, 1), destinations=("重庆",)).validated(TODAY)
    assert caught.value.message("zh").endswith("结束日期 2026-11-01 早于开始日期 2026-11-02")
    assert caught.value.message("en").endswith(
        "the end date 2026-11-01 is before the start date 2026-11-02"
    )


@pytest.mark.parametrize(
    ("start", "end", "refused"),
    [
        (date(2026, 1, 1), date(2026, 1, 1), None),
        (date(2025, 1, 1), date(2025, 12, 31), None),  # 365 days
        (date(2024, 1, 1), date(2024, 12, 31), None),  # 366 days (a leap year)
        (date(2024, 1, 1), date(2025, 1, 1), "trip_too_long"),  # 367 days
        (date(2000, 1, 1), date(2026, 11, 1), "trip_too_long"),
        (date(1, 1, 1), date(9999, 12, 31), "date_range"),
        (date(2026, 11, 2), date(2026, 11, 1), "end_date_before_start"),
    ],
)
def test_trip_span(start: date, end: date, refused: str | None) -> None:
    trip = Trip((1,), start, end, destinations=("重庆",))
    if refused is None:
        assert trip.validated(TODAY).days_away == (end - start).days + 1
    else:
        with pytest.raises(ValidationError) as caught:
            trip.validated(TODAY)
        assert caught.value.code == refused


def test_the_official_order_and_ledger_rows_use_the_rule() -> None:
    assert clean_order(["市人民\u200b政府", " 高新区 ", ""]) == ("市人民政府", "高新区")
    with pytest.raises(ValidationError, match="不止一次"):
        clean_order(["市人民政府", "市人民\u200b政府"])
    with pytest.raises(ValidationError) as caught:
        clean_order(["\x1b[31m高新区"], "group")
    assert caught.value.field == "group"
    columns = {"date": 0, "person": 1, "activity": 2, "hours": 3, "note": 4, "unit": 5}
    row = parse_row(
        ["2026-10-09", "张\u200b伟", "项目洽谈", "2", "洽谈\u202e", "市政府"], columns, TODAY
    )
    assert (row.person, row.note, row.unit) == ("张伟", "洽谈", "市政府")
    with pytest.raises(ValidationError) as caught:
        parse_row(["2026-10-09", "张伟", "项目洽谈", "2", "\x1b[2J", ""], columns, TODAY)
    assert caught.value.field == "note"
    with pytest.raises(ValidationError) as caught:
        parse_row(["2026-10-09", "张" * 51, "项目洽谈", "2", "", ""], columns, TODAY)
    assert (caught.value.field, caught.value.code) == ("person", "too_long")


def test_normal_name_takes_the_fast_path_for_ascii() -> None:
    assert normal_name("  Zhang   Wei ") == "Zhang Wei"
