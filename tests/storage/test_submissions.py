"""A submitted month is read-only in storage, whichever way a write comes; it opens again when
returned. Every transition is in the change log; the board shows states, deadlines, urgency."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop.domain.entries import DayPart, Entry
from desktop.domain.errors import ValidationError
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.submission import MonthState, Origin, Urgency
from desktop.domain.submission_messages import SubmissionError
from desktop.domain.trips import Trip
from desktop.storage.entry_import import ImportRefused
from desktop.storage.ledger import Ledger
from desktop.storage.report_file import read_package
from tests.conftest import activity_id, snapshot
from tests.storage.units import OCTOBER, PDF

AT = datetime(2026, 11, 3, 1, 30, tzinfo=UTC)  # 09:30 in Beijing
LOCKED = "月报：张伟 2026年10月的月报已于 .* 提交，该月的工作记录和外出招商只读"


def entry(ledger: Ledger, pid: int, day: date, start: int = 540, end: int = 600) -> Entry:
    return Entry(pid, day, activity_id(ledger, "项目洽谈"), start=start, end=end)


@pytest.fixture
def submitted(ledger: Ledger, zhang: Person, tmp_path: Path) -> tuple[Ledger, int, Entry, Trip]:
    """张伟 with an entry and a trip in October, October submitted."""
    assert zhang.id is not None
    e = ledger.add_entry(entry(ledger, zhang.id, date(2026, 10, 9)))
    trip = ledger.add_trip(Trip((zhang.id,), date(2026, 10, 13), date(2026, 10, 14)))
    done = ledger.submit_month(zhang.id, OCTOBER, PDF, tmp_path / "oct.otr", now=AT)
    assert done.status.state is MonthState.SUBMITTED and done.path.is_file()
    assert (done.entries, done.trips, done.projects) == (3, 1, 0)
    return ledger, zhang.id, e, trip


def test_every_write_to_a_submitted_month_is_refused_and_changes_nothing(
    submitted: tuple[Ledger, int, Entry, Trip], tmp_path: Path
) -> None:
    ledger, pid, e, trip = submitted
    assert e.id is not None and trip.id is not None
    before = snapshot(ledger)
    oct_20, sep_30 = date(2026, 10, 20), date(2026, 9, 30)
    writes = {
        "add_entry": lambda: ledger.add_entry(entry(ledger, pid, oct_20)),
        "update_entry": lambda: ledger.update_entry(replace(e, note="改")),
        "move_entry_out": lambda: ledger.update_entry(replace(e, day=sep_30)),
        "delete_entry": lambda: ledger.delete_entry(e.id or 0),
        "restore_entry": lambda: ledger.restore_entry(replace(e, id=None, start=700, end=720)),
        "add_trip": lambda: ledger.add_trip(Trip((pid,), sep_30, date(2026, 10, 1))),
        "update_trip": lambda: ledger.update_trip(replace(trip, results="改")),
        "delete_trip": lambda: ledger.delete_trip(trip.id or 0),
        "restore_trip": lambda: ledger.restore_trip(replace(trip, id=None)),
    }
    for name, write in writes.items():
        with pytest.raises(SubmissionError, match=LOCKED):
            write()
        assert snapshot(ledger) == before, name
    # the message says when
    with pytest.raises(SubmissionError) as caught:
        ledger.add_entry(entry(ledger, pid, oct_20))
    assert caught.value.params["at"] == AT.astimezone().strftime("%Y-%m-%d %H:%M")
    assert "submitted on" in caught.value.message("en")
    assert "2026-10" in caught.value.message("en") and "年" not in caught.value.message("en")
    # September is not submitted: still open
    ledger.add_entry(entry(ledger, pid, sep_30))


def test_the_trash_and_imports_respect_the_lock(
    ledger: Ledger, zhang: Person, tmp_path: Path
) -> None:
    assert zhang.id is not None
    e = ledger.add_entry(entry(ledger, zhang.id, date(2026, 10, 9)))
    assert e.id is not None
    ledger.delete_entry(e.id)
    (item,) = ledger.trash_items()
    ledger.submit_month(zhang.id, OCTOBER, PDF, tmp_path / "oct.otr")
    before = snapshot(ledger)
    with pytest.raises(SubmissionError, match=LOCKED):
        ledger.restore_from_trash(item.id)
    csv = tmp_path / "ledger.csv"
    csv.write_text(
        "日期,姓名,活动类型,时长\n2026-09-30,张伟,项目洽谈,2\n2026-10-12,张伟,项目洽谈,2\n",
        encoding="utf-8",
    )
    for dry_run in (True, False):
        with pytest.raises(ImportRefused) as refused:
            ledger.import_entries(csv, dry_run=dry_run)
        (line,) = refused.value.lines()
        assert line.startswith("第 3 行 A 列 月报：张伟 2026年10月的月报已于")
    assert snapshot(ledger) == before


def test_the_database_itself_refuses_what_slips_past(
    submitted: tuple[Ledger, int, Entry, Trip],
) -> None:
    ledger, pid, e, _ = submitted
    with pytest.raises(sqlite3.IntegrityError, match="read-only"):
        ledger.db.execute(
            "INSERT INTO entries (person_id, date, activity_id, minutes) VALUES (?, ?, ?, 60)",
            [pid, "2026-10-21", e.activity_id],
        )
    with pytest.raises(sqlite3.IntegrityError, match="read-only"):
        ledger.db.execute("DELETE FROM entries WHERE id = ?", [e.id])


def test_returned_opens_the_month_again_and_every_step_is_logged(
    submitted: tuple[Ledger, int, Entry, Trip], tmp_path: Path
) -> None:
    ledger, pid, e, _ = submitted
    with pytest.raises(SubmissionError, match="当前为“已提交”，不能提交") as caught:
        ledger.submit_month(pid, OCTOBER, PDF, tmp_path / "again.otr")
    english = caught.value.message("en")
    assert (
        "2026-10" in english
        and "submitted" in english
        and not re.search(r"[\u4e00-\u9fff]", english.replace("张伟", ""))
    )
    assert not (tmp_path / "again.otr").exists()
    with pytest.raises(SubmissionError, match="不是报送到本数据库的"):
        ledger.review_month(pid, OCTOBER, accept=False, opinion="x")
    # the office's return arrives as a file: simulated here by taking the state as received
    ledger.db.execute("UPDATE submissions SET origin = 'received'")
    with pytest.raises(SubmissionError, match="退回时必须填写审核意见"):
        ledger.review_month(pid, OCTOBER, accept=False, opinion="  ")
    status = ledger.review_month(pid, OCTOBER, accept=False, opinion="请补充成效")
    assert (status.state, status.opinion, status.locked) == (
        MonthState.RETURNED,
        "请补充成效",
        False,
    )
    assert "审核意见：请补充成效" in status.banner()
    ledger.db.execute("UPDATE submissions SET origin = 'local'")
    ledger.update_entry(replace(e, note="补充了成效"))
    done = ledger.submit_month(pid, OCTOBER, PDF, tmp_path / "again.otr")
    assert (done.status.revision, done.status.opinion) == (2, "")
    assert [c.action for c in ledger.submission_history(pid, OCTOBER)] == [
        "submit",
        "return",
        "submit",
    ]
    package = read_package(done.path)
    assert package.manifest.revision == 2
    assert b"\\u8865" not in package.parts["entries.json"]  # Chinese kept as text
    assert "补充了成效".encode() in package.parts["entries.json"]


def test_the_board_shows_everyone_expected_with_deadline_colours(
    ledger: Ledger, tmp_path: Path
) -> None:
    people = {}
    for name, unit, subject in (
        ("张伟", "市人民政府", True),
        ("孙磊", "市人民政府", False),
        ("李娜", "高新区", True),
    ):
        p = ledger.add_person(Person(name, unit=unit, subject_to_rule=subject))
        assert p.id is not None
        people[name] = p.id
    ledger.add_entry(
        Entry(people["张伟"], date(2026, 10, 9), activity_id(ledger, "请假"), day_part=DayPart.FULL)
    )
    ledger.submit_month(people["张伟"], OCTOBER, PDF, tmp_path / "a.otr", now=AT)
    rows = {s.person.name: s for s in ledger.submission_status(OCTOBER)}
    assert list(rows) == ["张伟", "李娜"]  # 孙磊 is not subject to the rule
    assert rows["张伟"].state.board_label() == "已报送" and not rows["张伟"].late
    assert rows["李娜"].state.board_label() == "未报送"
    assert rows["李娜"].deadline == date(2026, 11, 5)
    # TODAY is 2026-11-20: October is overdue for 李娜, November not yet due
    assert rows["李娜"].urgency is Urgency.OVERDUE
    assert rows["张伟"].urgency is Urgency.NONE
    (nov,) = [
        s for s in ledger.submission_status(Period.month(2026, 11)) if s.person.name == "李娜"
    ]
    assert (nov.deadline, nov.urgency) == (date(2026, 12, 5), Urgency.NONE)
    ledger.set_deadline_day(23)
    (li,) = [s for s in ledger.submission_status(OCTOBER) if s.person.name == "李娜"]
    assert (li.deadline, li.urgency) == (date(2026, 11, 23), Urgency.DUE_SOON)
    with pytest.raises(SubmissionError, match="不在 1 与 28 之间"):
        ledger.set_deadline_day(31)
    assert ledger.deadline_day() == 23
    (unit_gov, unit_zone) = ledger.unit_status(OCTOBER)
    assert (unit_gov.unit, unit_gov.state, unit_gov.submitted) == (
        "市人民政府",
        MonthState.SUBMITTED,
        1,
    )
    assert (unit_zone.state, unit_zone.missing, unit_zone.urgency) == (
        MonthState.DRAFT,
        ("李娜",),
        Urgency.DUE_SOON,
    )
    (missing,) = ledger.missing_reports(OCTOBER)
    assert (missing.person.name, missing.whole_period) == ("李娜", True)
    # a year: the months that have ended (January to October on 20 November)
    zhang, li = ledger.missing_reports(Period.year(2026))
    assert (zhang.person.name, len(zhang.months), zhang.whole_period) == ("张伟", 9, False)
    assert zhang.months_text() == "1月、2月、3月、4月、5月、6月、7月、8月、9月"
    assert (li.person.name, len(li.months), li.whole_period) == ("李娜", 10, True)
    assert not ledger.has_received_reports()
    statuses = ledger.month_statuses(people["张伟"], Period.parse("2026Q4"))
    assert [s.state for s in statuses] == [MonthState.SUBMITTED, MonthState.DRAFT, MonthState.DRAFT]
    assert statuses[0].origin is Origin.LOCAL


def test_a_month_is_what_is_submitted(ledger: Ledger, zhang: Person, tmp_path: Path) -> None:
    assert zhang.id is not None
    with pytest.raises(ValidationError, match="不是一个月份"):
        ledger.submit_month(zhang.id, Period.parse("2026Q4"), PDF, tmp_path / "q.otr")
    with pytest.raises(SubmissionError, match="尚未报送，无可审核"):
        ledger.review_month(zhang.id, OCTOBER, accept=True)
    with pytest.raises(SubmissionError, match="还没有审核结果"):
        ledger.write_review_file(zhang.id, OCTOBER, tmp_path / "r.otv")
