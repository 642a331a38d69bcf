"""Units' databases → report files → the supervision office's database: the same figures come
out; damaged, repeated, replaced and stale files each end consistent, with the user told."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.entries import Entry
from desktop.domain.ledger_parsing import name_key
from desktop.domain.people import Person
from desktop.domain.pipeline import pipeline_figures
from desktop.domain.submission import MonthState
from desktop.domain.submission_messages import SubmissionError
from desktop.reports.circular import CircularReport, CircularRow
from desktop.reports.sources import gather_circular
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY, activity_id, snapshot
from tests.storage.units import OCTOBER, PDF, open_ledger, trust_units


def file_of(out: Path, name: str) -> Path:
    (found,) = out.rglob(f"*{name}.otr")
    return found


def circular(ledger: Ledger, by: str = "person") -> CircularReport:
    return gather_circular(
        ledger, OCTOBER, by, TODAY, not_submitted=ledger.missing_reports(OCTOBER)
    )


def figures(row: CircularRow) -> tuple[object, ...]:
    s, t, p = row.share, row.travel, row.projects
    return (
        round(s.promotion_days, 9),
        round(s.base_days, 9),
        None if s.share is None else round(s.share, 9),
        s.met_count,
        t.trips,
        t.days_out,
        t.destinations,
        (p.talks, p.signed, p.started),
    )


def test_round_trip_gives_the_figures_the_units_compute_themselves(
    units: dict[str, Path], out: Path, office: Ledger
) -> None:
    run = office.intake([out])
    assert [o.code for o in run.outcomes] == ["taken"] * 4, [o.message() for o in run.outcomes]
    assert run.backup is not None and run.backup.is_file()
    merged = {r.name: r for r in circular(office).rows}
    assert sorted(merged) == ["张伟", "李娜", "王强", "陈静"]
    summary = {(i.person.name, i.person.unit): i.result for i in office.summary(OCTOBER)}
    totals = []
    for unit, db in units.items():
        with open_ledger(db) as led:
            own = gather_circular(led, OCTOBER, "person", TODAY)
            totals.append(own.total)
            for row in own.rows:  # each person: same share, trips, places and new projects
                assert figures(merged[row.name]) == figures(row), row.name
            for item in led.summary(OCTOBER):
                assert summary[(item.person.name, item.person.unit)] == item.result
            (by_unit,) = gather_circular(led, OCTOBER, "unit", TODAY).rows
            merged_unit = {r.name: r for r in circular(office, "unit").rows}[unit]
            assert figures(merged_unit) == figures(by_unit)
    total = circular(office).total
    assert total.persons == sum(t.persons for t in totals) == 4
    assert total.share.promotion_days == pytest.approx(sum(t.share.promotion_days for t in totals))
    assert total.share.base_days == pytest.approx(sum(t.share.base_days for t in totals))
    assert total.travel.trips == sum(t.travel.trips for t in totals)
    assert total.travel.days_out == sum(t.travel.days_out for t in totals)
    assert total.projects == sum((t.projects for t in totals), start=type(total.projects)())
    assert circular(office).not_submitted == ()
    assert {s.state for s in office.submission_status(OCTOBER)} == {MonthState.SUBMITTED}


def test_a_project_two_units_report_is_one_project(
    units: dict[str, Path], out: Path, office: Ledger
) -> None:
    office.intake([out])
    boe = [p for p in office.projects() if name_key(p.name) == name_key("京东方显示模组项目(一期)")]
    assert len(boe) == 1  # 市人民政府 wrote （一期）, 高新区 (一期)
    with open_ledger(units["高新区"]) as zone:
        (theirs,) = [p for p in zone.projects() if p.name.startswith("京东方")]
        leader = office.person(boe[0].leader_id or 0)
        assert (leader.name, leader.unit) == ("李娜", "高新区")
        assert len(boe[0].history) == len(theirs.history) == 5  # the signing is not doubled
        assert [(c.day, c.stage, c.amount) for c in boe[0].history] == [
            (c.day, c.stage, c.amount) for c in theirs.history
        ]
        assert pipeline_figures(boe, OCTOBER) == pipeline_figures([theirs], OCTOBER)
    # the trip 李娜 and 陈静 made together is one trip with both their days
    (trip,) = [t for t in office.trips() if t.destinations == ("深圳", "东莞")]
    assert len(trip.traveller_ids) == 2 and len(trip.entry_ids) == 4
    # 孙磊 travelled with 张伟 but does not report: known, not expected, no entries
    sun = office.find_person("孙磊")
    assert not sun.subject_to_rule and office.entries(person_id=sun.id) == []


def rezip(src: Path, dst: Path, change: Callable[[str, bytes], bytes]) -> Path:
    """The same members, each passed through `change`: a zip that opens fine."""
    buf = io.BytesIO()
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            w.writestr(info, change(info.filename, z.read(info.filename)))
    dst.write_bytes(buf.getvalue())
    return dst


def one_byte(name: str, data: bytes) -> bytes:
    if name != "entries.json":
        return data
    i = data.index(b'"minutes": 240') + len(b'"minutes": 2')
    return data[:i] + b"5" + data[i + 1 :]  # 240 -> 250 minutes, one byte


def schema_2(name: str, data: bytes) -> bytes:
    if name != "manifest.json":
        return data
    manifest = json.loads(data)
    manifest["schema_version"] = 2
    return json.dumps(manifest).encode()


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        ("tampered", "entries.json 与清单中的 SHA-256 校验值不符"),
        ("truncated", "不完整（文件被截断或已损坏"),
        ("not_zip", "不是 OneThird 报送文件（不是 zip 格式）"),
        ("empty", "是空文件"),
        ("schema", "格式版本为 2，本程序只能读取版本 1"),
        ("no_manifest", "没有 manifest.json"),
    ],
)
def test_a_damaged_file_is_refused_with_its_reason_and_nothing_of_it_is_taken(
    out: Path, office: Ledger, tmp_path: Path, damage: str, said: str
) -> None:
    good = file_of(out, "张伟")
    bad = tmp_path / "bad" / "2026-10-高新区-李娜.otr"
    bad.parent.mkdir()
    src = file_of(out, "李娜")
    data = src.read_bytes()
    if damage == "tampered":
        rezip(src, bad, one_byte)
        zipfile.ZipFile(bad).testzip()  # the zip itself is sound
    elif damage == "truncated":
        bad.write_bytes(data[: len(data) * 2 // 3])
    elif damage == "not_zip":
        bad.write_text("姓名,日期\n李娜,2026-10-09\n", encoding="utf-8")
    elif damage == "empty":
        bad.write_bytes(b"")
    elif damage == "schema":
        rezip(src, bad, schema_2)
    else:
        with zipfile.ZipFile(src) as z, zipfile.ZipFile(bad, "w") as w:
            for n in z.namelist():
                if n != "manifest.json":
                    w.writestr(n, z.read(n))
    before = snapshot(office)
    run = office.intake([bad])
    (outcome,) = run.outcomes
    assert outcome.refused and not outcome.changed
    assert said in outcome.message(), outcome.message()
    assert outcome.message().startswith("未导入：报送文件：")
    assert snapshot(office) == before and run.backup is None
    # the bad file among good ones: the good one is taken, the bad one not
    run = office.intake([good, bad])
    assert [o.code for o in run.outcomes] == ["taken", "refused"]
    assert {p.name for p in office.persons()} == {"张伟", "孙磊"}


def test_intake_says_how_far_it_has_got(out: Path, office: Ledger, tmp_path: Path) -> None:
    """Two steps a file (read, then taken in), up to the total, also past a file refused on
    reading; the window's progress bar follows it."""
    bad = tmp_path / "empty.otr"
    bad.write_bytes(b"")
    told: list[tuple[int, int]] = []
    run = office.intake([file_of(out, "张伟"), bad], progressed=lambda d, t: told.append((d, t)))
    assert [o.code for o in run.outcomes] == ["taken", "refused"]
    assert told[-1] == (4, 4) and {t for _, t in told} == {4}
    assert [d for d, _ in told] == sorted(d for d, _ in told)


def test_the_same_file_again_changes_nothing(out: Path, office: Ledger, tmp_path: Path) -> None:
    f = file_of(out, "王强")
    office.intake([f])
    before = snapshot(office)
    again = rezip(f, tmp_path / "copy.otr", lambda n, d: d)  # zipped anew: other bytes
    run = office.intake([f, again])
    assert [o.code for o in run.outcomes] == ["duplicate", "duplicate"]
    assert "已于" in run.outcomes[0].message() and "未做任何改动" in run.outcomes[0].message()
    assert snapshot(office) == before and run.backup is None


def resubmit(
    db: Path, name: str, office: Ledger, folder: Path, edit: Callable[[Ledger, int], None]
) -> Path:
    """The office returns the month, the unit takes the review in, edits, submits again."""
    pid = office.find_person(name).id
    assert pid is not None
    office.review_month(pid, OCTOBER, accept=False, opinion="请补充外出成效")
    review = office.write_review_file(pid, OCTOBER, folder / f"{name}.otv")
    with open_ledger(db) as led:
        (outcome,) = led.intake([review]).outcomes
        assert outcome.code == "review_returned", outcome.message()
        assert "请补充外出成效" in outcome.message()
        mine = led.find_person(name)
        assert mine.id is not None
        status = led.month_status(mine.id, OCTOBER)
        assert (status.state, status.opinion) == (MonthState.RETURNED, "请补充外出成效")
        edit(led, mine.id)
        return led.submit_month(mine.id, OCTOBER, PDF, folder / f"{name}-2.otr").path


def test_a_resubmission_replaces_the_older_one_and_leaves_no_orphans(
    units: dict[str, Path], out: Path, office: Ledger, tmp_path: Path
) -> None:
    office.intake([out])

    def change_trip(led: Ledger, pid: int) -> None:
        (trip,) = [t for t in led.trips(pid) if t.destinations == ("重庆",)]
        led.update_trip(replace(trip, destinations=("重庆", "成都"), end_half=False))
        first = next(e for e in led.entries(person_id=pid, period=OCTOBER) if e.trip_id is None)
        assert first.id is not None
        led.delete_entry(first.id)

    newer = resubmit(units["市人民政府"], "张伟", office, tmp_path, change_trip)
    (outcome,) = office.intake([newer]).outcomes
    assert outcome.code == "replaced"
    assert "替换第 1 次报送" in outcome.message()
    with open_ledger(units["市人民政府"]) as led:
        (own,) = [r for r in gather_circular(led, OCTOBER, "person", TODAY).rows]
    (merged,) = [r for r in circular(office).rows if r.name == "张伟"]
    assert figures(merged) == figures(own)
    assert merged.travel.destinations == ("上海", "重庆", "成都")
    # the old Chongqing trip went with the old report; the Shanghai trip (also in September's
    # days) stayed, held by the new report
    assert sorted(t.destinations for t in office.trips()) == [
        ("上海",),
        ("深圳", "东莞"),
        ("重庆", "成都"),
    ]
    zhang = office.find_person("张伟")
    assert zhang.id is not None
    log = office.submission_history(zhang.id, OCTOBER)
    assert [c.action for c in log] == ["intake", "return", "intake"]
    assert log[0].after["replaced_revision"] == 1 and log[0].after["revision"] == 2
    assert office.month_status(zhang.id, OCTOBER).state is MonthState.SUBMITTED
    # the first file, arriving late, is older: ignored, nothing changes
    before = snapshot(office)
    (late,) = office.intake([file_of(out, "张伟")]).outcomes
    assert late.code == "older" and not late.refused
    assert "比已接收的第 2 次" in late.message() and "已忽略" in late.message()
    assert snapshot(office) == before


def test_a_folder_with_both_submissions_ends_with_the_newer(
    units: dict[str, Path], out: Path, office: Ledger, tmp_path: Path
) -> None:
    f1 = file_of(out, "王强")
    office.intake([f1])

    def drop_leave(led: Ledger, pid: int) -> None:
        leave = [e for e in led.entries(person_id=pid, period=OCTOBER) if e.day.day == 27]
        assert leave[0].id is not None
        led.delete_entry(leave[0].id)

    f2 = resubmit(units["青山县"], "王强", office, tmp_path, drop_leave)
    fresh_path = tmp_path / "fresh.db"
    with open_ledger(fresh_path) as fresh:
        trust_units(fresh, {"青山县": units["青山县"]})
        run = fresh.intake([f2, f1])  # given newest first: taken oldest first
        assert [o.code for o in run.outcomes] == ["replaced", "taken"]
        wang = fresh.find_person("王强")
        assert wang.id is not None
        assert fresh.month_status(wang.id, OCTOBER).revision == 2
        assert len(fresh.entries(person_id=wang.id, period=OCTOBER)) == 15


def test_entries_already_kept_here_are_not_counted_twice(out: Path, office: Ledger) -> None:
    # spelled with a space, the same person
    zhang = office.add_person(Person("张 伟", "市长", "市人民政府"))
    assert zhang.id is not None
    office.add_entry(
        Entry(zhang.id, date(2026, 10, 9), activity_id(office, "项目洽谈"), minutes=60)
    )
    before = snapshot(office)
    (outcome,) = office.intake([file_of(out, "张伟")]).outcomes
    assert outcome.refused and "1 条本地工作记录" in outcome.message()
    assert snapshot(office) == before


def test_an_accepted_month_takes_no_newer_submission(
    units: dict[str, Path], out: Path, office: Ledger, tmp_path: Path
) -> None:
    office.intake([out])
    li = office.find_person("李娜")
    assert li.id is not None
    office.review_month(li.id, OCTOBER, accept=True)
    # the unit restored an old backup and submitted again: refused, the accepted one stays
    with open_ledger(units["高新区"]) as led:
        mine = led.find_person("李娜")
        assert mine.id is not None
        led.db.execute("UPDATE submissions SET state = 'returned'")
        again = led.submit_month(mine.id, OCTOBER, PDF, tmp_path / "again.otr").path
    before = snapshot(office)
    (outcome,) = office.intake([again]).outcomes
    assert outcome.refused and "已审核通过" in outcome.message()
    assert snapshot(office) == before


def test_reviews_travel_back_once(
    units: dict[str, Path], out: Path, office: Ledger, tmp_path: Path
) -> None:
    office.intake([out])
    chen = office.find_person("陈静")
    assert chen.id is not None
    office.review_month(chen.id, OCTOBER, accept=True, opinion="同意")
    accepted = office.write_review_file(chen.id, OCTOBER, tmp_path / "ok.otv")
    with open_ledger(units["高新区"]) as led:
        mine = led.find_person("陈静")
        assert mine.id is not None
        (o,) = led.intake([accepted]).outcomes
        assert o.code == "review_accepted"
        assert led.month_status(mine.id, OCTOBER).state is MonthState.ACCEPTED
        before = snapshot(led)
        assert [o.code for o in led.intake([accepted]).outcomes] == ["review_duplicate"]
        assert snapshot(led) == before
        # a review file is for the unit: the office that sent it ignores it, another refuses it
        (o,) = office.intake([accepted]).outcomes
        assert (o.code, o.refused) == ("review_own", False) and "已忽略" in o.message()
        with open_ledger(tmp_path / "other.db") as other:
            (o,) = other.intake([accepted]).outcomes
            assert o.refused and "不是发给本数据库的" in o.message()
    # a report is not the office's to submit again, and a unit cannot review its own month
    with pytest.raises(SubmissionError, match="不能在这里再次报送"):
        office.submit_month(chen.id, OCTOBER, PDF, tmp_path / "x.otr")
    assert not (tmp_path / "x.otr").exists()
    with (
        open_ledger(units["高新区"]) as led,
        pytest.raises(SubmissionError, match="不能在这里审核"),
    ):
        led.review_month(led.find_person("陈静").id or 0, OCTOBER, accept=True)


def test_a_refused_write_inside_intake_rolls_the_whole_file_back(
    out: Path, office: Ledger, tmp_path: Path
) -> None:
    """The office counts 项目洽谈 as something else: the file is refused as a whole."""
    office.db.execute("UPDATE activities SET kind = 'other' WHERE name = '项目洽谈'")
    before = snapshot(office)
    (o,) = office.intake([file_of(out, "陈静")]).outcomes
    assert o.refused and "活动类型“项目洽谈”在报送文件中为“招商工作”" in o.message()
    assert snapshot(office) == before


def test_the_office_opens_the_pdf_a_unit_sent_from_where_it_took_the_file_in(
    out: Path, office: Ledger, tmp_path: Path
) -> None:
    office.intake([out])
    zhang = office.find_person("张伟")
    assert zhang.id is not None
    assert office.submitted_pdf(zhang.id, OCTOBER) == PDF
    sent = file_of(out, "张伟")
    sent.rename(tmp_path / "moved.otr")
    with pytest.raises(SubmissionError, match="已不在接收时的位置"):
        office.submitted_pdf(zhang.id, OCTOBER)
