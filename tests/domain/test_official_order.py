"""The official order: listed units by their place, others after them by name, 未填 last;
groups by their own list, else by their best-placed member unit."""

from __future__ import annotations

import pytest

from desktop.domain.errors import ValidationError
from desktop.domain.official_order import OfficialOrder, clean_order
from desktop.domain.travel import TravelTotals, combined

ORDER = OfficialOrder(("市人民政府", "高新区", "十团", "十二团"), ("招商一组",))


def test_units_sort_by_the_list_then_by_name_and_the_unassigned_last() -> None:
    units = ["", "农业科技园区", "十二团", "十团", "阿拉尔", "市人民政府"]
    assert ORDER.sort_units(units) == ["市人民政府", "十团", "十二团", "农业科技园区", "阿拉尔", ""]
    assert OfficialOrder().sort_units(["十团", "十二团", "农业科技园区"]) == [
        "农业科技园区",
        "十二团",
        "十团",
    ]


@pytest.mark.parametrize(
    ("group", "units", "before"),
    [
        ("招商一组", [], "招商二组"),  # listed groups come first
        ("招商三组", ["高新区"], "招商二组"),  # then by their best-placed unit …
        ("招商二组", ["十团", "市人民政府"], "招商三组"),  # … 市人民政府 beats 高新区
        ("招商四组", ["未列单位"], ""),  # a group with no listed unit before the unassigned
    ],
)
def test_groups_by_their_list_or_their_members(group: str, units: list[str], before: str) -> None:
    members = {"招商二组": ["高新区"], "招商三组": ["十二团"], "": []}
    assert ORDER.group_rank(group, units) < ORDER.group_rank(before, members.get(before, []))


def test_an_order_is_cleaned_and_refuses_a_repeated_name() -> None:
    assert clean_order([" 十团 ", "", "十二团"]) == ("十团", "十二团")
    with pytest.raises(ValidationError) as exc:
        clean_order(["十团", "十二团", "十团"])
    assert "十团" in exc.value.message()


def test_a_groups_destinations_in_the_order_first_visited_by_anyone() -> None:
    from datetime import date

    a = TravelTotals(2, 5.0, ("浙江", "四川"), (date(2026, 9, 1), date(2026, 9, 15)))
    b = TravelTotals(1, 2.5, ("广东", "浙江"), (date(2026, 9, 6), date(2026, 9, 20)))
    c = TravelTotals(1, 2.0, ("库尔勒",), (date(2026, 9, 22),))
    group = combined([a, b, c])
    assert group.destinations == ("浙江", "广东", "四川", "库尔勒")
    assert (group.trips, group.days_out) == (4, 9.5)
    assert group.first_days[0] == date(2026, 9, 1)
