"""考核: each formula kind on a small set checked by hand, the 功效系数法 with ties and with
every unit equal, the scheme refused with the item named, and a five-item table of three
units reproduced to two decimals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from desktop.domain.assessment_scheme import Scheme, SchemeError
from desktop.domain.assessment_scoring import Result, progress_label, score


def scheme(*items: dict[str, Any]) -> Scheme:
    return Scheme.from_dict({"name": "考核办法", "document": "某办发〔2026〕1号", "items": items})


def finals(results: list[Result], item: str = "x") -> dict[str, Decimal]:
    return {r.name: next(s.final for s in r.items if s.item.id == item) for r in results}


def D(text: str) -> Decimal:
    return Decimal(text)


def test_ratio_to_target_times_weight_with_its_cap_and_a_unit_s_own_target() -> None:
    s = scheme(
        {
            "id": "x",
            "measure": "trip_days",
            "kind": "ratio",
            "weight": 20,
            "target": 40,
            "targets": {"高新区": 50},
            "cap": 24,
        }
    )
    results = score(s, {"经开区": {"x": D("30")}, "高新区": {"x": D("75")}, "县": {"x": D("0")}})
    assert finals(results) == {"经开区": D("15.00"), "高新区": D("24.00"), "县": D("0.00")}
    capped = next(r for r in results if r.name == "高新区").items[0]
    assert capped.raw == D("30") and capped.applied_text() == "封顶 24 分"
    assert capped.formula_text() == "75 ÷ 50 × 20 = 30"


def test_points_per_project_capped() -> None:
    s = scheme({"id": "x", "measure": "signed_projects", "kind": "points", "points": 5, "cap": 20})
    results = score(s, {"甲": {"x": D(3)}, "乙": {"x": D(5)}})
    assert finals(results) == {"甲": D("15.00"), "乙": D("20.00")}


def test_efficacy_coefficient_across_units() -> None:
    s = scheme({"id": "x", "measure": "funds_arrived", "kind": "efficacy", "weight": 30})
    results = score(s, {"甲": {"x": D(10)}, "乙": {"x": D(20)}, "丙": {"x": D(15)}})
    assert finals(results) == {"甲": D("18.00"), "乙": D("30.00"), "丙": D("24.00")}


def test_efficacy_with_ties_scores_equal_values_alike() -> None:
    s = scheme({"id": "x", "measure": "funds_arrived", "kind": "efficacy", "weight": 30})
    results = score(s, {"甲": {"x": D(10)}, "乙": {"x": D(10)}, "丙": {"x": D(20)}})
    assert finals(results) == {"甲": D("18.00"), "乙": D("18.00"), "丙": D("30.00")}
    assert [(r.rank, r.name) for r in results] == [(1, "丙"), (2, "甲"), (2, "乙")]


def test_efficacy_with_every_unit_equal_gives_each_the_full_weight() -> None:
    s = scheme({"id": "x", "measure": "funds_arrived", "kind": "efficacy", "weight": 30})
    results = score(s, {"甲": {"x": D(7)}, "乙": {"x": D(7)}, "丙": {"x": D(7)}})
    assert finals(results) == {"甲": D("30.00"), "乙": D("30.00"), "丙": D("30.00")}
    assert all(r.rank == 1 for r in results)
    assert "得满分" in results[0].items[0].formula_text()


def test_deduction_per_missing_report_at_most_its_cap() -> None:
    s = scheme(
        {"id": "x", "measure": "missing_reports", "kind": "deduction", "points": 2, "cap": 5}
    )
    results = score(s, {"甲": {"x": D(1)}, "乙": {"x": D(0)}, "丙": {"x": D(4)}})
    assert finals(results) == {"甲": D("-2.00"), "乙": D("0.00"), "丙": D("-5.00")}
    assert str(finals(results)["乙"]) == "0.00"
    assert next(r for r in results if r.name == "丙").items[0].applied_text() == "最多扣 5 分"
    written = {r.name: r.items[0].formula_text() for r in results}
    assert written == {"甲": "−(1 × 2 分) = −2", "乙": "−(0 × 2 分) = 0", "丙": "−(4 × 2 分) = −8"}


def test_bonus_above_target_only_and_capped() -> None:
    s = scheme(
        {"id": "x", "measure": "signed_projects", "kind": "bonus", "target": 3, "points": 1.5,
         "cap": 6}
    )  # fmt: skip
    results = score(s, {"甲": {"x": D(5)}, "乙": {"x": D(2)}, "丙": {"x": D(8)}})
    assert finals(results) == {"甲": D("3.00"), "乙": D("0.00"), "丙": D("6.00")}


@pytest.mark.parametrize(
    ("item", "code", "named"),
    [
        ({"id": "A1", "measure": "golf_rounds", "kind": "ratio"}, "unknown_measure", "A1"),
        ({"id": "A2", "measure": "trip_days", "kind": "guess"}, "unknown_kind", "A2"),
        ({"id": "A3", "measure": "trip_days", "kind": "ratio", "weight": 20}, "missing_parameter",
         "A3"),
        ({"id": "A4", "measure": "trip_days", "kind": "points", "points": -1}, "bad_parameter",
         "A4"),
        ({"id": "A5", "measure": "trip_days", "kind": "points", "points": "五"}, "bad_parameter",
         "A5"),
        ({"id": "A6", "measure": "signed_projects", "kind": "points", "points": 1,
          "filters": {"colour": "red"}}, "unknown_filter", "A6"),
    ],
)  # fmt: skip
def test_a_bad_scheme_is_refused_with_the_item_named(
    item: dict[str, Any], code: str, named: str
) -> None:
    with pytest.raises(SchemeError) as refused:
        scheme(item)
    assert refused.value.code == code
    assert named in refused.value.message("zh") and refused.value.message("zh").startswith(
        "考核方案"
    )
    assert named in refused.value.message("en")


def test_an_item_numbered_twice_is_refused() -> None:
    item = {"id": "A1", "measure": "trip_days", "kind": "points", "points": 1}
    with pytest.raises(SchemeError) as refused:
        scheme(item, item)
    assert refused.value.code == "duplicate_item"


TABLE = [
    {"id": "A1", "name": "外出招商天数", "measure": "trip_days", "kind": "ratio", "weight": 20,
     "target": 40, "targets": {"高新区": 50}, "cap": 24},
    {"id": "A2", "name": "新签约亿元以上项目", "measure": "signed_projects", "kind": "points",
     "points": 5, "cap": 20, "filters": {"min_amount": 10000}},
    {"id": "A3", "name": "到位资金", "measure": "funds_arrived", "kind": "efficacy", "weight": 25},
    {"id": "A4", "name": "未按时报送月报", "measure": "missing_reports", "kind": "deduction",
     "points": 2, "cap": 5},
    {"id": "A5", "name": "超额签约", "measure": "signed_projects", "kind": "bonus", "target": 3,
     "points": 1.5, "cap": 6},
]  # fmt: skip
VALUES = {
    "经开区": {"A1": D(30), "A2": D(3), "A3": D(12000), "A4": D(1), "A5": D(5)},
    "高新区": {"A1": D(60), "A2": D(5), "A3": D(20000), "A4": D(0), "A5": D(2)},
    "东湖县": {"A1": D(20), "A2": D(1), "A3": D(8000), "A4": D(4), "A5": D(8)},
}
# by hand (9 months gone: 序时 0.75):
#   A1 30÷40×20=15 · 60÷50×20=24 (cap 24) · 20÷40×20=10
#   A2 3×5=15 · 5×5=25→20 · 1×5=5
#   A3 (60+40×4000÷12000)×25÷100=18.33 · 100×0.25=25 · 60×0.25=15
#   A4 −2 · 0 · −8→−5      A5 (5−3)×1.5=3 · 0 · (8−3)×1.5=7.5→6
HAND = {
    "经开区": ["15.00", "15.00", "18.33", "-2.00", "3.00"],
    "高新区": ["24.00", "20.00", "25.00", "0.00", "0.00"],
    "东湖县": ["10.00", "5.00", "15.00", "-5.00", "6.00"],
}


def test_a_five_item_table_of_three_units_matches_the_hand_computation() -> None:
    s = Scheme.from_dict({"name": "某市招商引资考核办法", "document": "某办发〔2026〕12号",
                          "items": TABLE})  # fmt: skip
    results = score(s, VALUES, elapsed_months=9)
    assert {r.name: [str(i.final) for i in r.items] for r in results} == HAND
    assert [(r.rank, r.name, str(r.total)) for r in results] == [
        (1, "高新区", "69.00"),
        (2, "经开区", "49.33"),
        (3, "东湖县", "31.00"),
    ]
    progress = {r.name: progress_label(r.items[0].progress) for r in results}
    assert progress == {
        "高新区": "超进度 45.0 个百分点",
        "经开区": "超进度 0.0 个百分点",
        "东湖县": "欠进度 25.0 个百分点",
    }
    assert Scheme.from_dict(s.to_dict()) == s  # the file format keeps every parameter
