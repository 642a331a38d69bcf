"""到位资金 split by 资金来源 and 资金性质, on a small set checked by hand: a funding's own origin
counts where recorded, else its project's; a funding a filter cannot place is left out and
said in a note; 不予认定 stays per project.

| 项目 (招引单位, 投资方来源) | 到位 | 资金来源 | 资金性质 |
|---|---|---|---|
| 电池 (高新区, 国内省外) | 2026-03-01 8000 | — (so 国内省外) | 固定资产 |
| | 2026-05-01 2000 | 市外省内 | 流动资金 |
| | 2025-12-01 9999 (before the year) | 国内省外 | 固定资产 |
| 装备 (经开区, —) | 2026-02-01 3000 | 国内省外 | — |
| | 2026-06-01 500 | — (none) | 固定资产 |
| 商业 (经开区, 市内: 不予认定) | 2026-04-01 7000 | 国内省外 | 固定资产 |
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from desktop.domain.assessment_measures import Facts, measure
from desktop.domain.assessment_scheme import Scheme, SchemeError
from desktop.domain.errors import ValidationError
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.projects import (
    Funding,
    FundKind,
    InvestorOrigin,
    Project,
    Stage,
    StageChange,
    parse_choice,
)

FIXED, WORKING = FundKind.FIXED_ASSETS, FundKind.WORKING_CAPITAL
COUNTRY, PROVINCE, CITY = InvestorOrigin.COUNTRY, InvestorOrigin.PROVINCE, InvestorOrigin.CITY
SIGNED = (StageChange(date(2026, 1, 10), Stage.SIGNED),)
PERSONS = (Person("陈静", unit="高新区", id=1), Person("王强", unit="经开区", id=2))
PROJECTS = (
    Project(
        "电池",
        credit_unit="高新区",
        origin=COUNTRY,
        history=SIGNED,
        funds=(
            Funding(date(2026, 3, 1), Decimal(8000), kind=FIXED),
            Funding(date(2026, 5, 1), Decimal(2000), origin=PROVINCE, kind=WORKING),
            Funding(date(2025, 12, 1), Decimal(9999), origin=COUNTRY, kind=FIXED),
        ),
    ),
    Project(
        "装备",
        credit_unit="经开区",
        history=SIGNED,
        funds=(
            Funding(date(2026, 2, 1), Decimal(3000), origin=COUNTRY),
            Funding(date(2026, 6, 1), Decimal(500), kind=FIXED),
        ),
    ),
    Project(
        "商业",
        credit_unit="经开区",
        origin=CITY,
        history=SIGNED,
        funds=(Funding(date(2026, 4, 1), Decimal(7000), origin=COUNTRY, kind=FIXED),),
    ),
)
LACKS_ORIGIN = "“{}”：1 笔到位资金缺少资金来源，未计入"
LACKS_KIND = "“{}”：1 笔到位资金缺少资金性质，未计入"


def scheme(*filters: dict[str, Any]) -> Scheme:
    items = [
        {"id": f"F{i}", "name": f"到位资金{i}", "measure": "funds_arrived", "kind": "points",
         "points": 1, **({"filters": f} if f else {})}
        for i, f in enumerate(filters, 1)
    ]  # fmt: skip
    return Scheme.from_dict({"name": "考核办法", "items": items, "exclude": {"origins": ["市内"]}})


def funds(filters: dict[str, Any]) -> tuple[dict[str, Decimal], list[str]]:
    measured = measure(scheme(filters), Facts(Period.year(2026), PERSONS, PROJECTS))
    values = {unit: measured.values[unit]["F1"] for unit in measured.names}
    return values, [n.zh for n in measured.notes if not n.zh.startswith("不予认定")]


@pytest.mark.parametrize(
    ("filters", "high_tech", "development", "notes"),
    [
        # every funding of the year, whether it says where it came from or not
        ({}, 10000, 3500, []),
        # 8000 by its project's origin, 3000 by its own; 500 has neither
        ({"origins": ["国内省外"]}, 8000, 3000, [LACKS_ORIGIN]),
        # 2000's own origin counts, not its project's 国内省外
        ({"origins": ["市外省内"]}, 2000, 0, [LACKS_ORIGIN]),
        ({"origins": ["国内省外", "市外省内"]}, 10000, 3000, [LACKS_ORIGIN]),
        ({"fund_kinds": ["固定资产"]}, 8000, 500, [LACKS_KIND]),
        ({"fund_kinds": ["流动资金"]}, 2000, 0, [LACKS_KIND]),
        # 3000 is from 国内省外 but of no kind; 500 fixed assets of no origin
        (
            {"origins": ["国内省外"], "fund_kinds": ["固定资产"]},
            8000,
            0,
            [LACKS_ORIGIN, LACKS_KIND],
        ),
        # 3000's 国内省外 already rules it out: it is not counted as lacking a kind
        ({"origins": ["市外省内"], "fund_kinds": ["固定资产"]}, 0, 0, [LACKS_ORIGIN]),
    ],
)
def test_funds_arrived_split_by_origin_and_kind(
    filters: dict[str, Any], high_tech: int, development: int, notes: list[str]
) -> None:
    values, said = funds(filters)
    assert values == {"高新区": Decimal(high_tech), "经开区": Decimal(development)}
    assert said == [n.format("到位资金1") for n in notes]


def test_a_project_not_credited_counts_none_of_its_funds_whatever_their_origin() -> None:
    measured = measure(
        scheme({"origins": ["国内省外"]}), Facts(Period.year(2026), PERSONS, PROJECTS)
    )
    assert "不予认定：商业（投资方来源为市内）" in [n.zh for n in measured.notes]
    assert measured.values["经开区"]["F1"] == Decimal(3000)  # not 3000 + 7000


def test_notes_count_the_fundings_of_each_item_and_say_so_in_english() -> None:
    two = scheme({"origins": ["境外"]}, {"fund_kinds": ["流动资金"]})
    measured = measure(two, Facts(Period.year(2026), PERSONS, PROJECTS))
    assert [n.zh for n in measured.notes if "笔" in n.zh] == [
        "“到位资金1”：1 笔到位资金缺少资金来源，未计入",
        "“到位资金2”：1 笔到位资金缺少资金性质，未计入",
    ]
    assert "'到位资金2': 1 funding(s) lack the kind of funds, not counted" in [
        n.en for n in measured.notes
    ]


@pytest.mark.parametrize(
    ("item", "code", "said"),
    [
        ({"measure": "funds_arrived", "filters": {"fund_kinds": ["固定资产投资"]}}, "bad_choice",
         "“固定资产投资”"),
        ({"measure": "signed_projects", "filters": {"fund_kinds": ["固定资产"]}},
         "filter_not_for_measure", "funds_arrived"),
    ],
)  # fmt: skip
def test_a_bad_fund_kinds_filter_is_refused_naming_the_item(
    item: dict[str, Any], code: str, said: str
) -> None:
    with pytest.raises(SchemeError) as refused:
        Scheme.from_dict(
            {"name": "考核办法", "items": [{"id": "B7", "kind": "points", "points": 1, **item}]}
        )
    assert refused.value.code == code
    message = refused.value.message("zh")
    assert message.startswith("考核方案") and "B7" in message and said in message


def test_fund_kinds_survive_the_scheme_file() -> None:
    s = scheme({"fund_kinds": "流动资金"})
    assert s.items[0].filters == {"fund_kinds": ["流动资金"]}
    assert Scheme.from_dict(s.to_dict()) == s


@pytest.mark.parametrize(
    ("text", "expected"),
    [("固定资产", FIXED), (" 流动资金 ", WORKING), ("working_capital", WORKING), ("", None)],
)
def test_a_fund_kind_as_typed(text: str, expected: FundKind | None) -> None:
    assert parse_choice(FundKind, text, "fund_kind") is expected


def test_an_unknown_fund_kind_names_the_field() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_choice(FundKind, "固定资产投资", "fund_kind")
    assert refused.value.message("zh") == "资金性质：“固定资产投资”无效（固定资产、流动资金）"
