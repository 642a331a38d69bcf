"""The month workflow's rules: transitions, the deadline and its colours, which file wins, and
the report payload read back field by field."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from desktop.domain.entries import DayPart
from desktop.domain.json_fields import PayloadError
from desktop.domain.ledger_parsing import name_key
from desktop.domain.people import ActivityKind, Person
from desktop.domain.periods import Period
from desktop.domain.projects import Funding, FundKind, InvestorOrigin, Stage, StageChange
from desktop.domain.report_payload import (
    ENTRIES_PART,
    PROJECTS_PART,
    MonthReport,
    PersonRef,
    ReportedEntry,
    ReportedProject,
    ReportedTrip,
    ReviewNote,
)
from desktop.domain.rules import Rules
from desktop.domain.submission import (
    Action,
    Decision,
    Held,
    MonthState,
    MonthStatus,
    Origin,
    Urgency,
    deadline,
    decide,
    transition,
    unit_statuses,
    urgency,
)
from desktop.domain.submission_messages import SubmissionError

OCT = Period.month(2026, 10)
D, S, R, A = MonthState.DRAFT, MonthState.SUBMITTED, MonthState.RETURNED, MonthState.ACCEPTED


@pytest.mark.parametrize(
    ("state", "action", "after"),
    [
        (D, Action.SUBMIT, S),
        (R, Action.SUBMIT, S),
        (S, Action.RETURN, R),
        (S, Action.ACCEPT, A),
        (A, Action.RETURN, R),
        (S, Action.SUBMIT, None),
        (A, Action.SUBMIT, None),
        (D, Action.RETURN, None),
        (D, Action.ACCEPT, None),
        (R, Action.ACCEPT, None),
        (R, Action.RETURN, None),
        (A, Action.ACCEPT, None),
    ],
)
def test_transitions(state: MonthState, action: Action, after: MonthState | None) -> None:
    if after is None:
        with pytest.raises(SubmissionError, match=f"当前为“{state.label()}”，不能"):
            transition(state, action, "张伟", OCT)
    else:
        assert transition(state, action, "张伟", OCT) is after
    assert state.locked == (state in (S, A))


@pytest.mark.parametrize(
    ("period", "day", "due"),
    [
        (OCT, 5, date(2026, 11, 5)),
        (Period.month(2026, 12), 5, date(2027, 1, 5)),
        (Period.month(2026, 1), 28, date(2026, 2, 28)),
        (Period.month(2026, 2), 1, date(2026, 3, 1)),
    ],
)
def test_the_deadline_is_a_day_of_the_next_month(period: Period, day: int, due: date) -> None:
    assert deadline(period, day) == due


@pytest.mark.parametrize("day", [0, 29, 31, -1])
def test_a_deadline_day_must_exist_in_every_month(day: int) -> None:
    with pytest.raises(SubmissionError, match="不在 1 与 28 之间"):
        deadline(OCT, day)


@pytest.mark.parametrize(
    ("state", "days_left", "expected"),
    [
        (D, 4, Urgency.NONE),
        (D, 3, Urgency.DUE_SOON),
        (D, 0, Urgency.DUE_SOON),
        (D, -1, Urgency.OVERDUE),
        (R, -10, Urgency.OVERDUE),
        (R, 2, Urgency.DUE_SOON),
        (S, -1, Urgency.NONE),
        (A, -30, Urgency.NONE),
    ],
)
def test_urgency(state: MonthState, days_left: int, expected: Urgency) -> None:
    due = date(2026, 11, 5)
    assert urgency(state, due, due - timedelta(days=days_left)) is expected


T1 = datetime(2026, 11, 3, 1, 0, tzinfo=UTC)
T2 = T1 + timedelta(hours=1)


def held(
    revision: int = 1,
    at: datetime = T1,
    state: MonthState = S,
    origin: Origin = Origin.RECEIVED,
) -> Held:
    return Held(origin, state, revision, at, "r1", "c1")


@pytest.mark.parametrize(
    ("before", "incoming", "expected"),
    [
        (None, (1, T1, "r1", "c1"), Decision.TAKE),
        (held(), (1, T1, "r1", "c1"), Decision.DUPLICATE),
        (held(), (1, T1, "r1", "other"), Decision.CONFLICT),
        (held(), (2, T1, "r2", "c2"), Decision.REPLACE),
        (held(state=R), (2, T1, "r2", "c2"), Decision.REPLACE),
        (held(revision=2), (1, T2, "r0", "c0"), Decision.OLDER),
        (held(at=T2), (1, T1, "r0", "c0"), Decision.OLDER),  # same number, earlier: a restore
        (held(at=T1), (1, T2, "r9", "c9"), Decision.REPLACE),
        (held(state=A), (2, T2, "r2", "c2"), Decision.ACCEPTED),
        (held(state=A), (1, T1, "r1", "c1"), Decision.DUPLICATE),
        (held(origin=Origin.LOCAL), (1, T1, "r1", "c1"), Decision.OWN),
    ],
)
def test_which_file_wins(
    before: Held | None, incoming: tuple[int, datetime, str, str], expected: Decision
) -> None:
    assert decide(before, *incoming) is expected


def status(name: str, unit: str, state: MonthState, u: Urgency = Urgency.NONE) -> MonthStatus:
    return MonthStatus(
        Person(name, unit=unit, id=hash(name) % 1000), OCT, state, date(2026, 11, 5), u
    )


def test_units_roll_up_to_their_least_advanced_person() -> None:
    rows = [
        status("张伟", "市人民政府", A),
        status("李娜", "高新区", S),
        status("陈静", "高新区", D, Urgency.OVERDUE),
        status("王强", "青山县", R, Urgency.DUE_SOON),
    ]
    gov, zone, county = unit_statuses(rows)
    assert (gov.state, gov.submitted, gov.accepted, gov.missing) == (A, 1, 1, ())
    assert (zone.state, zone.persons, zone.submitted, zone.missing) == (D, 2, 1, ("陈静",))
    assert zone.urgency is Urgency.OVERDUE
    assert (county.state, county.returned, county.urgency) == (R, 1, Urgency.DUE_SOON)
    assert [r.state.board_label() for r in rows] == ["已审核", "已报送", "未报送", "已退回"]


ZHANG = PersonRef("张伟", "市人民政府", "市长", "汽车", True)


def report() -> MonthReport:
    return MonthReport(
        ZHANG,
        OCT,
        Rules(),
        (
            ReportedEntry(
                date(2026, 10, 13),
                "外出招商",
                ActivityKind.PROMOTION,
                day_part=DayPart.FULL,
                project="长安电池（一期）",
                trip=7,
                location="重庆",
            ),
            ReportedEntry(
                date(2026, 10, 9), "项目洽谈", ActivityKind.PROMOTION, 90, None, 540, 630
            ),
        ),
        (
            ReportedTrip(
                7,
                (ZHANG, PersonRef("孙磊", "市人民政府", subject_to_rule=False)),
                date(2026, 10, 13),
                date(2026, 10, 13),
                destinations=("重庆",),
                projects=("长安电池(一期)",),
            ),
        ),
        (
            ReportedProject(
                "长安电池（一期）",
                amount=Decimal("500000.5"),
                leader=ZHANG,
                history=(StageChange(date(2026, 10, 20), Stage.SIGNED, "签约", Decimal(500000)),),
                funds=(
                    Funding(date(2026, 10, 30), Decimal(1000), "首期"),
                    Funding(
                        date(2026, 10, 31),
                        Decimal(500),
                        origin=InvestorOrigin.COUNTRY,
                        kind=FundKind.WORKING_CAPITAL,
                    ),
                ),
            ),
        ),
    )


def test_the_payload_reads_back_as_it_was_written() -> None:
    parts = report().encode()
    assert set(parts) == {"person.json", "entries.json", "trips.json", "projects.json"}
    assert "重庆".encode() in parts[ENTRIES_PART]  # readable, not \\u escapes
    assert MonthReport.decode(parts) == report()
    assert name_key("长安 电池（一期）") == name_key("长安电池(一期)")
    note = ReviewNote("r1", ZHANG, OCT, 2, R, "请补充", T1, "督查室")
    assert ReviewNote.decode(note.encode()) == note


def test_a_funding_s_origin_and_kind_are_written_only_when_given() -> None:
    """A file with fundings that say neither is the file written before they could."""
    (project,) = json.loads(report().encode()[PROJECTS_PART])["projects"]
    assert project["funds"] == [
        {"date": "2026-10-30", "amount": "1000", "note": "首期"},
        {
            "date": "2026-10-31",
            "amount": "500",
            "note": "",
            "origin": "国内省外",
            "kind": "流动资金",
        },
    ]


def _edit(part: str, change: Callable[[Any], object]) -> dict[str, bytes]:
    parts = report().encode()
    obj = json.loads(parts[part])
    change(obj)
    parts[part] = json.dumps(obj).encode()
    return parts


@pytest.mark.parametrize(
    ("part", "change", "where"),
    [
        ("entries.json", lambda o: o["entries"][0].update(date="2026-13-01"), "entries[0].date"),
        ("entries.json", lambda o: o["entries"][0].update(date="2026-11-01"), "entries[0].date"),
        ("entries.json", lambda o: o["entries"][1].update(minutes="90"), "entries[1].minutes"),
        ("entries.json", lambda o: o["entries"][1].update(minutes=True), "entries[1].minutes"),
        ("entries.json", lambda o: o["entries"][0].update(trip=8), "entries[0].trip"),
        (
            "entries.json",
            lambda o: o["entries"][0].update(project="无此项目"),
            "entries[0].project",
        ),
        ("entries.json", lambda o: o["entries"][0].update(activity_kind="x"), "activity_kind"),
        ("entries.json", lambda o: o.pop("entries"), "entries"),
        ("trips.json", lambda o: o["trips"][0].update(travellers=[]), "travellers"),
        ("trips.json", lambda o: o["trips"][0]["travellers"].pop(0), "trips[0].travellers"),
        ("projects.json", lambda o: o["projects"][0].update(amount="-1"), "amount"),
        ("projects.json", lambda o: o["projects"][0]["history"][0].update(stage="x"), "stage"),
        (
            "projects.json",
            lambda o: o["projects"][0]["funds"][1].update(kind="固定资产投资"),
            "funds[1].kind",
        ),
        (
            "projects.json",
            lambda o: o["projects"][0]["funds"][0].update(origin="外星"),
            "funds[0].origin",
        ),
        ("person.json", lambda o: o.update(period="2026Q4"), "period"),
        ("person.json", lambda o: o["rules"].update(hours_per_day=99), "rules"),
    ],
)
def test_a_wrong_field_is_named(part: str, change: Callable[[Any], object], where: str) -> None:
    with pytest.raises(PayloadError) as caught:
        MonthReport.decode(_edit(part, change))
    assert caught.value.part == part and where in caught.value.detail


def test_not_json_is_named() -> None:
    parts = report().encode()
    parts[ENTRIES_PART] = b"{not json"
    with pytest.raises(PayloadError, match=r"entries\.json: JSON"):
        MonthReport.decode(parts)
