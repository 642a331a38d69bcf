from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.entries import DayPart, Entry
from desktop.domain.errors import (
    ConfirmationRequired,
    LedgerError,
    NotFoundError,
    UnknownNameError,
    ValidationError,
)
from desktop.domain.people import ActivityKind, Person
from desktop.domain.periods import Period
from desktop.domain.pipeline import pipeline_figures
from desktop.domain.projects import Funding, Project, Stage, StageChange
from desktop.domain.rules import Rules
from desktop.domain.share import compute_share, totals_from_entries
from desktop.domain.trips import CompanyVisit, Trip
from desktop.storage import changelog
from desktop.storage.ledger import Ledger
from tests.conftest import activity_id, snapshot

D = date(2026, 11, 10)


def test_person_round_trip_and_duplicates(ledger: Ledger, zhang: Person) -> None:
    assert ledger.person(zhang.id) == zhang  # type: ignore[arg-type]
    assert ledger.find_person("张伟") == zhang
    before = snapshot(ledger)
    with pytest.raises(ValidationError, match="已存在"):
        ledger.add_person(Person("张伟", unit="市人民政府"))
    with pytest.raises(ValidationError, match="不能为空"):
        ledger.add_person(Person("  "))
    assert snapshot(ledger) == before
    other = ledger.add_person(Person("张伟", "局长", "市商务局"))
    with pytest.raises(ValidationError, match="多名同名"):
        ledger.find_person("张伟")
    assert ledger.find_person("张伟", title="局长") == other
    with pytest.raises(UnknownNameError, match="没有名为“李四”的人员"):
        ledger.find_person("李四")


def test_default_activities_are_seeded(ledger: Ledger) -> None:
    acts = ledger.activities()
    assert [a.name for a in acts][:2] == ["外出招商", "接待客商考察"]
    assert sum(a.counts_as_promotion for a in acts) == 8
    assert [a.name for a in acts if a.kind is ActivityKind.LEAVE] == ["请假"]
    with pytest.raises(UnknownNameError, match="活动类型"):
        ledger.find_activity("打高尔夫")


def test_entry_round_trip(ledger: Ledger, zhang: Person) -> None:
    e = ledger.add_entry(
        Entry(
            zhang.id,
            D,
            activity_id(ledger, "项目洽谈"),  # type: ignore[arg-type]
            start=540,
            end=690,
            location="重庆",
            counterpart="长安汽车",
            note="就电池项目达成初步意向",
        )
    )
    assert e.id is not None and e.minutes == 150 and e.recorded_by == "测试秘书"
    assert ledger.entry(e.id) == e
    assert ledger.entries(person_id=zhang.id, period=Period.parse("2026-11")) == [e]
    assert ledger.entries(text="长安") == [e]
    assert ledger.entries(text="比亚迪") == []
    assert ledger.count_entries(period=Period.parse("2026-10")) == 0
    log = changelog.history(ledger.db, "entries", e.id)
    assert log[0].action == "insert" and log[0].after["location"] == "重庆"
    assert log[0].actor == "测试秘书"
    ledger.delete_entry(e.id)
    assert ledger.entries() == []
    log = changelog.history(ledger.db, "entries", e.id)
    assert [c.action for c in log] == ["delete", "insert"]
    assert log[0].before["note"] == "就电池项目达成初步意向"


def _refused(ledger: Ledger, entry: Entry, error: type[LedgerError], text: str) -> None:
    before = snapshot(ledger)
    with pytest.raises(error) as err:
        ledger.add_entry(entry)
    assert text in str(err.value)
    assert snapshot(ledger) == before


def test_refused_entries_change_nothing(ledger: Ledger, zhang: Person) -> None:
    pid, act = zhang.id, activity_id(ledger, "项目洽谈")
    assert pid is not None
    ledger.add_entry(Entry(pid, D, act, start=540, end=720))
    ledger.add_entry(Entry(pid, D, act, minutes=1080))  # 3 h + 18 h
    _refused(ledger, Entry(pid, D, act, start=700, end=800), ValidationError, "时间重叠")
    _refused(ledger, Entry(pid, D, act, minutes=181), ValidationError, "超过 24 小时")
    _refused(ledger, Entry(pid, date(2030, 1, 1), act, minutes=60), ValidationError, "超出允许范围")
    _refused(ledger, Entry(999, D, act, minutes=60), NotFoundError, "不存在")
    _refused(ledger, Entry(pid, D, 999, minutes=60), NotFoundError, "不存在")
    ledger.add_entry(Entry(pid, D, act, minutes=180))  # exactly 24 h is allowed


def test_updating_an_entry_checks_the_day_without_itself(ledger: Ledger, zhang: Person) -> None:
    pid, act = zhang.id, activity_id(ledger, "项目洽谈")
    assert pid is not None
    e = ledger.add_entry(Entry(pid, D, act, start=540, end=720))
    moved = ledger.update_entry(Entry(pid, D, act, start=600, end=780, id=e.id))
    assert ledger.entry(e.id) == moved  # type: ignore[arg-type]
    assert [c.action for c in changelog.history(ledger.db, "entries", e.id)] == ["update", "insert"]


def test_trip_creates_day_entries_for_every_traveller(ledger: Ledger, zhang: Person) -> None:
    li = ledger.add_person(Person("李娜", "副秘书长", "市人民政府"))
    project = ledger.add_project(Project("长安新能源电池项目", "长安汽车", "新能源汽车"))
    trip = ledger.add_trip(
        Trip(
            (zhang.id, li.id),
            date(2026, 10, 13),
            date(2026, 10, 15),
            end_half=True,  # type: ignore[arg-type]
            destinations=("重庆", "成都"),
            companies=(CompanyVisit("长安汽车", "王强", "总经理"),),
            project_ids=(project.id,),
            results="签订框架协议",
        )
    )  # type: ignore[arg-type]
    assert trip.id is not None and len(trip.entry_ids) == 6
    assert ledger.trip(trip.id) == trip
    october = Period.parse("2026-10")
    by_person = {s.person.name: s.result.promotion_days for s in ledger.summary(october)}
    assert by_person == {"张伟": 2.5, "李娜": 2.5}
    entries = ledger.entries(person_id=zhang.id)
    assert {e.location for e in entries} == {"重庆、成都"}
    assert {e.project_id for e in entries} == {project.id}
    with pytest.raises(ValidationError, match="属于外出招商"):
        ledger.delete_entry(entries[0].id)  # type: ignore[arg-type]
    ledger.delete_trip(trip.id)
    assert ledger.entries() == []


def test_a_trip_over_a_full_day_is_refused_whole(ledger: Ledger, zhang: Person) -> None:
    pid = zhang.id
    assert pid is not None
    ledger.add_entry(
        Entry(pid, date(2026, 10, 14), activity_id(ledger, "其他工作"), minutes=20 * 60)
    )
    before = snapshot(ledger)
    with pytest.raises(ValidationError, match="超过 24 小时"):
        ledger.add_trip(Trip((pid,), date(2026, 10, 13), date(2026, 10, 15)))
    assert snapshot(ledger) == before


def test_project_history_funds_and_pipeline(ledger: Ledger, zhang: Person) -> None:
    p = ledger.add_project(
        Project(
            "比亚迪储能项目",
            "比亚迪",
            "新能源",
            Decimal("120000.5"),
            leader_id=zhang.id,
            park="高新区",
        )
    )
    assert p.id is not None
    ledger.add_stage(p.id, StageChange(date(2026, 7, 1), Stage.TALKS, "首次接洽"))
    ledger.add_stage(p.id, StageChange(date(2026, 8, 1), Stage.SIGNED, "", Decimal(120000)))
    ledger.add_funds(p.id, Funding(date(2026, 9, 1), Decimal(30000), "首笔"))
    loaded = ledger.project(p.id)
    assert loaded.amount == Decimal("120000.5")
    assert [c.stage for c in loaded.history] == [Stage.TALKS, Stage.SIGNED]
    assert loaded.funds[0].amount == Decimal(30000)
    assert ledger.find_project("比亚迪储能项目") == loaded
    f = pipeline_figures(ledger.projects(), Period.parse("2026Q3"))
    assert f.success_rate == 1.0 and f.funds_rate() == pytest.approx(0.25)
    before = snapshot(ledger)
    with pytest.raises(ValidationError, match="不能为负数"):
        ledger.add_funds(p.id, Funding(date(2026, 9, 2), Decimal(-5)))
    with pytest.raises(ConfirmationRequired):
        ledger.add_funds(p.id, Funding(date(2026, 9, 2), Decimal(2_000_000)))
    with pytest.raises(ValidationError, match="已存在"):
        ledger.add_project(Project("比亚迪储能项目"))
    assert snapshot(ledger) == before
    ledger.add_funds(p.id, Funding(date(2026, 9, 2), Decimal(2_000_000)), confirmed=True)


def test_change_log_is_append_only(ledger: Ledger, zhang: Person) -> None:
    with pytest.raises(Exception, match="append-only"):
        ledger.db.execute("DELETE FROM change_log")
    with pytest.raises(Exception, match="append-only"):
        ledger.db.execute("UPDATE change_log SET actor = 'x'")


def test_rules_are_settings(ledger: Ledger) -> None:
    assert ledger.rules() == Rules()
    ledger.set_rules(Rules(target=0.4, hours_per_day=7.5, count_weekend_promotion=False))
    assert ledger.rules() == Rules(0.4, 7.5, False)
    with pytest.raises(ValidationError):
        ledger.set_rules(Rules(target=1.5))
    assert ledger.rules() == Rules(0.4, 7.5, False)


DAYS = [date(2026, 10, 1) + timedelta(days=i) for i in range(61)]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(
            st.integers(0, 2),
            st.sampled_from(DAYS),
            st.sampled_from(["外出招商", "项目洽谈", "其他工作", "请假"]),
            st.sampled_from([DayPart.FULL, DayPart.HALF, 30, 90, 240]),
        ),
        max_size=60,
    ),
    weekends=st.booleans(),
    period=st.sampled_from(["2026-10", "2026-11", "2026Q4", "2026-10-05..2026-11-12"]),
)
def test_sql_summary_equals_the_domain_computation(
    ledger: Ledger, rows: list, weekends: bool, period: str
) -> None:
    """The GROUP BY in SQL and the reference sums in Python agree for any set of entries."""
    ledger.db.execute("DELETE FROM entries")
    ledger.set_rules(Rules(count_weekend_promotion=weekends))
    people = ledger.persons() or [ledger.add_person(Person(f"人员{i}")) for i in range(3)]
    acts = {a.name: a for a in ledger.activities()}
    entries = []
    for who, day, act, amount in rows:
        e = Entry(
            people[who].id,
            day,
            acts[act].id,  # type: ignore[arg-type]
            day_part=amount if isinstance(amount, DayPart) else None,
            minutes=amount if isinstance(amount, int) else None,
        )
        entries.append(e)
    ledger.db.conn.executemany(
        "INSERT INTO entries (person_id, date, activity_id, minutes, day_part)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (
                e.person_id,
                e.day.isoformat(),
                e.activity_id,
                e.minutes,
                e.day_part.value if e.day_part else None,
            )
            for e in entries
        ],
    )
    p = Period.parse(period)
    kinds = {a.id: a.kind for a in acts.values()}
    rules = ledger.rules()
    for item in ledger.summary(p):
        mine = [e for e in entries if e.person_id == item.person.id]
        totals = totals_from_entries(
            mine,
            kinds,
            p,
            ledger.calendar,
            rules,  # type: ignore[arg-type]
            ledger.today(),
        )
        expected = compute_share(p, ledger.calendar, totals, rules, ledger.today())
        assert item.result.promotion_days == pytest.approx(expected.promotion_days)
        assert item.result.base_days == pytest.approx(expected.base_days)
        assert item.result.met == expected.met
        assert item.result.pace == (None if expected.pace is None else pytest.approx(expected.pace))


def test_a_persons_projects_are_found_by_index_among_many(ledger: Ledger) -> None:
    # the projects a person leads or first brought, for each monthly report: not a look
    # through every project of the ledger
    zhang = ledger.add_person(Person("张伟", "市长", "市人民政府"))
    wang = ledger.add_person(Person("王强", "副市长", "市人民政府"))
    assert zhang.id is not None and wang.id is not None
    for n in range(40):
        ledger.add_project(Project(f"项目{n}", leader_id=wang.id if n % 2 else None))
    led = ledger.add_project(Project("长安新能源电池项目", leader_id=zhang.id))
    brought = ledger.add_project(Project("京东方柔性屏项目", first_person_id=zhang.id))
    statements: list[str] = []
    ledger.db.conn.set_trace_callback(statements.append)
    try:
        found = ledger.projects_for(zhang.id, Period.month(2026, 10))
    finally:
        ledger.db.conn.set_trace_callback(None)
    assert sorted(p.name for p in found) == sorted([led.name, brought.name])
    (sql,) = [s for s in statements if "leader_id = " in s]
    plan = " | ".join(str(r[-1]) for r in ledger.db.execute("EXPLAIN QUERY PLAN " + sql))
    assert "idx_projects_leader" in plan and "idx_projects_first_person" in plan, plan
    assert "SCAN projects" not in plan, plan
