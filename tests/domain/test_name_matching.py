"""One key matches every name (persons, activities, projects, units), and one rule chooses
among persons who share a name: by unit, then title, else refused with their units."""

from __future__ import annotations

import pytest

from desktop.domain.errors import LedgerError
from desktop.domain.ledger_parsing import name_key
from desktop.domain.name_matching import choose_person
from desktop.domain.people import Person

LI_CITY = Person("李娜", "副市长", "市人民政府", id=1)
LI_ZONE = Person("李娜", "主任", "高新区", id=2)
LI_ZONE_DEPUTY = Person("李娜", "副主任", "高新区", id=3)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("张  伟", "张伟"),
        ("张\u200b伟", "张伟"),
        ("长安 电池项目（一期）", "长安电池项目(一期)"),
        ("LI NA", "Li Na"),
        ("项目 洽谈", "项目洽谈"),
        ("高新区 ", "高新区"),
    ],
)
def test_one_key_matches_a_name_however_it_was_typed(typed: str, stored: str) -> None:
    assert name_key(typed) == name_key(stored)


def test_different_names_keep_different_keys() -> None:
    assert name_key("李娜") != name_key("李娟")
    assert name_key("长安电池项目(一期)") != name_key("长安电池项目(二期)")


def test_persons_sharing_a_name_are_told_apart_by_unit_then_title() -> None:
    everyone = [LI_CITY, LI_ZONE, LI_ZONE_DEPUTY]
    assert choose_person([LI_CITY], "李娜") is LI_CITY
    assert choose_person(everyone, "李娜", unit="市人民政府") is LI_CITY
    assert choose_person(everyone, "李娜", unit="高新区 ", title="副主任") is LI_ZONE_DEPUTY
    with pytest.raises(LedgerError) as ambiguous:
        choose_person(everyone, "李娜", unit="高新区")
    assert ambiguous.value.code == "ambiguous_person"
    assert "高新区" in ambiguous.value.message("zh")
    with pytest.raises(LedgerError) as unknown:
        choose_person([], "王五")
    assert unknown.value.code == "unknown_person"
