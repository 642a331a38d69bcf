"""回收站: deleted entries, trips and projects are kept with what went with them and come back;
a record's history is read from the change log."""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.entries import Entry
from desktop.domain.errors import LedgerError, NotFoundError, ValidationError
from desktop.domain.people import Person
from desktop.domain.projects import Funding, Project, Stage, StageChange
from desktop.domain.trips import CompanyVisit, Trip
from desktop.storage.ledger import Ledger
from tests.conftest import activity_id, snapshot

DAY = date(2026, 9, 1)


def entry(ledger: Ledger, pid: int, start: int = 540, end: int = 690, note: str = "") -> Entry:
    return ledger.add_entry(
        Entry(pid, DAY, activity_id(ledger, "项目洽谈"), start=start, end=end, note=note)
    )


def test_a_deleted_entry_goes_to_the_trash_and_comes_back(ledger: Ledger, zhang: Person) -> None:
    assert zhang.id is not None
    kept = entry(ledger, zhang.id, 480, 500, "先记的")
    e = entry(ledger, zhang.id, note="洽谈电池项目")
    assert e.id is not None
    ledger.delete_entry(e.id)
    assert [x.id for x in ledger.entries()] == [kept.id]
    (item,) = ledger.trash_items()
    assert (item.kind, item.record_id, item.deleted_by) == ("entry", e.id, "测试秘书")
    assert item.label == "2026-09-01 张伟 项目洽谈 洽谈电池项目"
    assert ledger.restore_from_trash(item.id) == ("entry", e.id)
    assert ledger.entry(e.id) == e
    assert ledger.trash_items() == []
    with pytest.raises(NotFoundError, match="回收站中没有编号"):
        ledger.restore_from_trash(item.id)


def test_a_restore_that_would_overlap_is_refused_and_changes_nothing(
    ledger: Ledger, zhang: Person
) -> None:
    assert zhang.id is not None
    e = entry(ledger, zhang.id)
    assert e.id is not None
    ledger.delete_entry(e.id)
    entry(ledger, zhang.id, 600, 660)  # the slot is taken again (and the id reused)
    before = snapshot(ledger)
    (item,) = ledger.trash_items()
    with pytest.raises(ValidationError, match="时间重叠"):
        ledger.restore_from_trash(item.id)
    assert snapshot(ledger) == before


def test_a_reused_id_gets_a_new_one(ledger: Ledger, zhang: Person) -> None:
    assert zhang.id is not None
    e = entry(ledger, zhang.id, 480, 500)
    assert e.id is not None
    ledger.delete_entry(e.id)
    other = entry(ledger, zhang.id, 600, 660)
    assert other.id == e.id  # SQLite hands out the highest id again
    (item,) = ledger.trash_items()
    kind, new_id = ledger.restore_from_trash(item.id)
    assert kind == "entry" and new_id != e.id
    assert ledger.entry(new_id).start == 480 and ledger.entry(e.id).start == 600


def test_a_trip_comes_back_with_its_travellers_projects_and_days(
    ledger: Ledger, zhang: Person
) -> None:
    li = ledger.add_person(Person("李娜", "区长", "高新区"))
    project = ledger.add_project(Project("长安新能源电池项目"))
    assert zhang.id is not None and li.id is not None and project.id is not None
    trip = ledger.add_trip(
        Trip(
            (zhang.id, li.id),
            date(2026, 10, 13),
            date(2026, 10, 15),
            end_half=True,
            destinations=("重庆",),
            companies=(CompanyVisit("长安汽车", "王强", "总经理"),),
            project_ids=(project.id,),
            results="签订框架协议",
        )
    )
    assert trip.id is not None
    before = snapshot(ledger)
    ledger.delete_trip(trip.id)
    assert ledger.entries() == []
    (item,) = ledger.trash_items()
    assert item.kind == "trip" and len(item.dependants["entries"]) == 6
    assert item.label == "2026-10-13–2026-10-15 张伟、李娜 重庆"
    ledger.restore_from_trash(item.id)
    assert ledger.trip(trip.id) == trip
    assert ledger.trip(trip.id).entry_ids == trip.entry_ids
    tables = ("trips", "trip_travellers", "trip_projects", "entries")
    after = snapshot(ledger)
    for table in tables:
        assert [x for x in before.splitlines() if f'"{table}"' in x] == [
            x for x in after.splitlines() if f'"{table}"' in x
        ]


def test_a_project_comes_back_with_its_stages_and_funds(ledger: Ledger, zhang: Person) -> None:
    p = ledger.add_project(Project("电池项目", "长安汽车", amount=Decimal(50000)))
    assert p.id is not None
    ledger.add_stage(p.id, StageChange(date(2026, 7, 1), Stage.TALKS, "首次接洽"))
    ledger.add_stage(p.id, StageChange(date(2026, 8, 1), Stage.SIGNED, "", Decimal(50000)))
    ledger.add_funds(p.id, Funding(date(2026, 9, 1), Decimal(10000), "首笔"))
    saved = ledger.project(p.id)
    ledger.delete_project(p.id)
    (item,) = ledger.trash_items(kind="project")
    assert item.label == "电池项目" and len(item.dependants["project_stages"]) == 2
    ledger.add_project(Project("电池项目"))  # the name is taken meanwhile
    with pytest.raises(ValidationError, match="已存在"):
        ledger.restore_from_trash(item.id)
    other = ledger.find_project("电池项目")
    assert other.id is not None
    ledger.delete_project(other.id)
    ledger.restore_from_trash(item.id)
    assert ledger.project(p.id) == saved


def test_an_entry_whose_project_is_gone_waits_for_it(ledger: Ledger, zhang: Person) -> None:
    p = ledger.add_project(Project("电池项目"))
    assert zhang.id is not None and p.id is not None
    e = ledger.add_entry(
        Entry(zhang.id, DAY, activity_id(ledger, "项目洽谈"), minutes=60, project_id=p.id)
    )
    assert e.id is not None
    ledger.delete_entry(e.id)
    ledger.delete_project(p.id)
    entry_item = next(t for t in ledger.trash_items() if t.kind == "entry")
    with pytest.raises(LedgerError, match="恢复前需要先有项目"):
        ledger.restore_from_trash(entry_item.id)
    project_item = next(t for t in ledger.trash_items() if t.kind == "project")
    ledger.restore_from_trash(project_item.id)
    ledger.restore_from_trash(entry_item.id)
    assert ledger.entry(e.id).project_id == p.id


def test_undo_of_a_delete_empties_the_trash_too(ledger: Ledger, zhang: Person) -> None:
    assert zhang.id is not None
    e = entry(ledger, zhang.id)
    assert e.id is not None
    gone = ledger.delete_entry(e.id)
    ledger.restore_entry(gone)  # what the GUI's undo does
    assert ledger.trash_items() == []


def test_a_refused_delete_puts_nothing_in_the_trash(ledger: Ledger, zhang: Person) -> None:
    assert zhang.id is not None
    trip = ledger.add_trip(Trip((zhang.id,), date(2026, 10, 13), date(2026, 10, 14)))
    with pytest.raises(ValidationError):
        ledger.delete_entry(trip.entry_ids[0])
    with pytest.raises(NotFoundError):
        ledger.delete_entry(999)
    assert ledger.trash_items() == []


def test_history_of_an_entry_a_trip_and_a_project(
    ledger: Ledger, zhang: Person, tmp_path: Path
) -> None:
    assert zhang.id is not None
    e = entry(ledger, zhang.id)
    assert e.id is not None
    ledger.update_entry(replace(e, note="改过的备注"))
    ledger.delete_entry(e.id)
    ledger.restore_from_trash(ledger.trash_items()[0].id)
    actions = [c.action for c in ledger.record_history("entry", e.id)]
    assert actions == ["restore", "delete", "update", "insert"]
    update = ledger.record_history("entry", e.id)[2]
    assert (update.before["note"], update.after["note"]) == ("", "改过的备注")
    assert update.actor == "测试秘书"

    trip = ledger.add_trip(Trip((zhang.id,), date(2026, 10, 13), date(2026, 10, 14)))
    assert trip.id is not None
    assert [c.action for c in ledger.record_history("trip", trip.id)] == ["insert"]
    day = trip.entry_ids[0]
    made_by = ledger.record_history("entry", day)
    assert [(c.table, c.action) for c in made_by] == [("trips", "insert")]

    p = ledger.add_project(Project("电池项目"))
    assert p.id is not None
    ledger.add_stage(p.id, StageChange(date(2026, 7, 1), Stage.TALKS))
    ledger.add_funds(p.id, Funding(date(2026, 9, 1), Decimal(1)))
    ledger.delete_project(p.id)
    history = ledger.record_history("project", p.id)
    assert [(c.table, c.action) for c in history] == [
        ("projects", "delete"),
        ("funds", "insert"),
        ("project_stages", "insert"),
        ("projects", "insert"),
    ]

    source = tmp_path / "ledger.csv"
    source.write_text("日期,姓名,时长,活动类型\n2026-09-02,张伟,2,项目洽谈\n", encoding="utf-8")
    ledger.import_entries(source)
    imported = next(e for e in ledger.entries() if e.day == date(2026, 9, 2))
    assert imported.id is not None
    (made,) = ledger.record_history("entry", imported.id)
    assert (made.action, made.after["file"], made.actor) == ("import", "ledger.csv", "测试秘书")


def test_undoing_a_delete_whose_record_is_back_from_the_bin_is_refused(
    ledger: Ledger, zhang: Person
) -> None:
    assert zhang.id is not None
    made = ledger.add_entry(
        Entry(zhang.id, date(2026, 9, 1), activity_id(ledger, "项目洽谈"), minutes=90)
    )
    assert made.id is not None
    ledger.delete_entry(made.id)
    (item,) = ledger.trash_items()
    ledger.restore_from_trash(item.id)
    before = snapshot(ledger)
    with pytest.raises(ValidationError) as refused:
        ledger.restore_entry(made)  # the Delete key's undo, after the bin put it back
    assert (
        refused.value.message()
        == f"回收站：编号 {made.id} 的记录已经在台账中（可能已从回收站恢复），未做改动"
    )
    assert snapshot(ledger) == before
