"""Undo and redo of a ledger import: exactly the imported rows, and the projects and persons the
import created, go and come back; an undo that would lose a later change, or touch a submitted
month, is refused with the reason; a big import's undo costs the statements of a small one's."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.entries import Entry
from desktop.domain.errors import LedgerError
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.projects import Project, Stage, StageChange
from desktop.storage import changelog
from desktop.storage.import_results import ImportOptions, ImportResult
from desktop.storage.ledger import Ledger
from tests.conftest import activity_id, snapshot
from tests.storage.units import PDF

HEADER = "日期,姓名,职务,开始,结束,时长,活动类型,项目,地点,备注\n"
ROWS = [
    "2026-09-01,张伟,市长,09:00,11:30,,项目洽谈,长安新能源电池项目,重庆,洽谈电池项目\n",
    "2026-09-02,张伟,市长,,,全天,招商考察,成都储能电站项目,成都,赴成都考察储能企业\n",
    "2026-09-03,王强,主任,,,2.5,招商专题会议,,市政府,研究招商方案\n",
]
OPTIONS = ImportOptions(
    activity_map={"招商考察": "外出招商"},
    create_persons=True,
    create_projects=frozenset({"成都储能电站项目"}),
)
# the search index's own tables: their pages keep the marks of deleted rows, so the index is
# compared by what it holds (every token of every row), not by its pages
INDEX_PAGES = ("entries_text_data", "entries_text_idx", "entries_text_config")


def as_before(ledger: Ledger) -> str:
    """The schema and every row of every table, as tests/conftest.py `snapshot` has them, but
    for the change log (append-only: an undo adds its record) and the index's pages; with
    every token the search index holds for every entry instead."""
    conn = ledger.db.conn
    parts: list[str] = []
    schema = conn.execute("SELECT name, sql FROM sqlite_master WHERE sql NOT NULL ORDER BY name")
    for name, sql in schema.fetchall():
        parts.append(sql)
        if sql.startswith("CREATE TABLE") and name != "change_log" and name not in INDEX_PAGES:
            parts += [repr(row) for row in conn.execute(f'SELECT * FROM "{name}"')]
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.index_tokens"
        " USING fts5vocab(main, entries_text, 'instance')"
    )
    parts += [repr(r) for r in conn.execute("SELECT * FROM temp.index_tokens ORDER BY 1, 2, 3, 4")]
    return "\n".join(parts)


def write(tmp_path: Path, rows: list[str], name: str = "台账.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


@pytest.fixture
def seeded(ledger: Ledger, zhang: Person) -> Ledger:
    """张伟 with an entry of his own on the first imported day and one the day before."""
    assert zhang.id is not None
    ledger.add_project(Project("长安新能源电池项目"))
    talks = activity_id(ledger, "项目洽谈")
    ledger.add_entry(Entry(zhang.id, date(2026, 9, 1), talks, start=840, end=900, note="已有记录"))
    ledger.add_entry(Entry(zhang.id, date(2026, 8, 31), talks, 60, note="八月底的记录"))
    return ledger


def imported(ledger: Ledger, tmp_path: Path, rows: list[str] = ROWS) -> ImportResult:
    result = ledger.import_entries(write(tmp_path, rows), OPTIONS)
    assert result.import_id is not None and result.entry_ids is not None
    return result


def ids(result: ImportResult) -> list[int]:
    assert result.entry_ids is not None
    first, last = result.entry_ids
    return list(range(first, last + 1))


def refused(ledger: Ledger, result: ImportResult) -> str:
    """Undo refused, nothing changed: the message."""
    assert result.import_id is not None
    before = snapshot(ledger)
    with pytest.raises(LedgerError) as err:
        ledger.undo_import(result.import_id)
    assert snapshot(ledger) == before
    return err.value.message()


def test_undo_takes_out_exactly_the_import_and_redo_puts_it_back(
    seeded: Ledger, tmp_path: Path
) -> None:
    others = seeded.entries()
    before = as_before(seeded)
    result = imported(seeded, tmp_path)
    assert result.import_id is not None
    assert len(result.project_ids) == 1 and len(result.person_ids) == 1
    assert [e.id for e in seeded.entries_by_ids(ids(result))] == ids(result)
    just_imported = as_before(seeded)
    assert seeded.entries(text="储能")

    assert seeded.undo_import(result.import_id) == 3
    assert as_before(seeded) == before  # entries, projects, persons, imports, the index
    assert seeded.entries() == others
    assert seeded.entries(text="储能") == [] and seeded.entries(text="招商方案") == []
    assert {p.name for p in seeded.projects()} == {"长安新能源电池项目"}
    assert [p.name for p in seeded.persons()] == ["张伟"]
    assert seeded.imports() == []
    log = changelog.history(seeded.db, limit=3)
    assert [(c.action, c.table) for c in log] == [
        ("undo_import", "entries"),
        ("delete", "persons"),
        ("delete", "projects"),
    ]
    assert log[0].before["rows"] == 3 and log[0].before["file"] == "台账.csv"
    assert log[2].before["name"] == "成都储能电站项目"

    assert seeded.redo_import(result.import_id) == 3
    assert as_before(seeded) == just_imported  # the same rows under the same ids
    assert [e.note for e in seeded.entries(text="储能")] == ["赴成都考察储能企业"]
    assert changelog.history(seeded.db, limit=1)[0].action == "redo_import"
    # an entry's history tells the whole story
    assert [c.action for c in seeded.record_history("entry", ids(result)[0])] == [
        "redo_import",
        "undo_import",
        "import",
    ]

    assert seeded.undo_import(result.import_id) == 3  # and once more, after the redo
    assert as_before(seeded) == before


def test_an_imported_row_changed_since_refuses_the_undo(seeded: Ledger, tmp_path: Path) -> None:
    result = imported(seeded, tmp_path)
    first = seeded.entry(ids(result)[0])
    seeded.update_entry(replace(first, note="改过的备注"))
    assert refused(seeded, result) == (
        "导入台账：“台账.csv”导入的记录中有 1 条在导入后被修改或删除（如 2026-09-01 张伟），"
        "撤销导入会丢掉这些修改，因此没有撤销；请先撤销或改回这些修改"
    )
    seeded.update_entry(first)  # changed back, as Ctrl+Z does: nothing would be lost now
    assert result.import_id is not None
    assert seeded.undo_import(result.import_id) == 3


def test_an_imported_row_deleted_since_refuses_the_undo(seeded: Ledger, tmp_path: Path) -> None:
    result = imported(seeded, tmp_path)
    gone = seeded.delete_entry(ids(result)[2])
    assert "有 1 条在导入后被修改或删除（如 2026-09-03 王强）" in refused(seeded, result)
    seeded.restore_entry(gone)  # the delete undone
    assert result.import_id is not None
    assert seeded.undo_import(result.import_id) == 3


def test_a_created_project_changed_or_used_since_refuses_the_undo(
    seeded: Ledger, zhang: Person, tmp_path: Path
) -> None:
    assert zhang.id is not None
    result = imported(seeded, tmp_path)
    (pid,) = result.project_ids
    message = (
        "导入台账：“台账.csv”导入时新建的项目“成都储能电站项目”此后被修改过或已被其他记录使用，"
        "因此没有撤销导入"
    )
    project = seeded.project(pid)
    seeded.update_project(replace(project, investor="宁德时代"))
    assert refused(seeded, result) == message
    seeded.update_project(project)
    stage = seeded.add_stage(pid, StageChange(date(2026, 9, 5), Stage.TALKS))
    assert refused(seeded, result) == message
    assert stage.id is not None
    seeded.delete_stage(stage.id)
    entry = seeded.add_entry(
        Entry(zhang.id, date(2026, 9, 10), activity_id(seeded, "项目洽谈"), 60, project_id=pid)
    )
    assert refused(seeded, result) == message
    assert entry.id is not None and result.import_id is not None
    seeded.delete_entry(entry.id)
    assert seeded.undo_import(result.import_id) == 3


def test_a_created_person_used_since_refuses_the_undo(seeded: Ledger, tmp_path: Path) -> None:
    result = imported(seeded, tmp_path)
    (wang,) = result.person_ids
    seeded.add_entry(Entry(wang, date(2026, 9, 4), activity_id(seeded, "项目洽谈"), 60))
    assert refused(seeded, result) == (
        "导入台账：“台账.csv”导入时新增的人员“王强”此后被修改过或已被其他记录使用，因此没有撤销导入"
    )


def test_a_month_submitted_since_refuses_the_undo(
    seeded: Ledger, zhang: Person, tmp_path: Path
) -> None:
    assert zhang.id is not None
    result = imported(seeded, tmp_path)
    seeded.submit_month(zhang.id, Period.month(2026, 9), PDF, tmp_path / "zhang.otr")
    message = refused(seeded, result)
    assert message.startswith("导入台账：张伟 2026年9月的月报已于 ")
    assert message.endswith(
        "提交，该月的工作记录只读，因此没有撤销“台账.csv”的导入；如需撤销，请督查室退回该月报后再撤销"
    )


def test_redo_is_refused_when_the_month_was_submitted_meanwhile(
    seeded: Ledger, zhang: Person, tmp_path: Path
) -> None:
    assert zhang.id is not None
    result = imported(seeded, tmp_path)
    assert result.import_id is not None
    seeded.undo_import(result.import_id)
    seeded.submit_month(zhang.id, Period.month(2026, 9), PDF, tmp_path / "zhang.otr")
    before = snapshot(seeded)
    with pytest.raises(LedgerError) as err:
        seeded.redo_import(result.import_id)
    assert snapshot(seeded) == before
    assert "提交，该月的工作记录只读，因此没有重做“台账.csv”的导入" in err.value.message()


def test_redo_is_refused_when_a_name_it_creates_was_taken(seeded: Ledger, tmp_path: Path) -> None:
    result = imported(seeded, tmp_path)
    assert result.import_id is not None
    seeded.undo_import(result.import_id)
    seeded.add_project(Project("成都储能电站项目", investor="另一家"))
    before = snapshot(seeded)
    with pytest.raises(LedgerError) as err:
        seeded.redo_import(result.import_id)
    assert snapshot(seeded) == before
    assert err.value.message() == (
        "导入台账：重做“台账.csv”的导入要新建项目“成都储能电站项目”，但现在已有同名的项目，"
        "因此没有重做"
    )


def test_redo_keeps_the_day_rules_with_what_was_put_back_meanwhile(
    seeded: Ledger, zhang: Person, tmp_path: Path
) -> None:
    """The 回收站 writes outside the undo stack: what it puts back counts for the redo."""
    assert zhang.id is not None
    talks = activity_id(seeded, "项目洽谈")
    clash = seeded.add_entry(Entry(zhang.id, date(2026, 9, 1), talks, start=600, end=660))
    assert clash.id is not None
    seeded.delete_entry(clash.id)  # into the 回收站
    result = imported(seeded, tmp_path)  # 09:00–11:30 on that day is free now
    assert result.import_id is not None
    seeded.undo_import(result.import_id)
    (item,) = seeded.trash_items()
    seeded.restore_from_trash(item.id)
    before = snapshot(seeded)
    with pytest.raises(LedgerError) as err:
        seeded.redo_import(result.import_id)
    assert snapshot(seeded) == before
    message = err.value.message()
    assert "张伟 在 2026-09-01" in message and "时间重叠" in message
    assert "09:00–11:30" in message and "10:00–11:00" in message


def test_redo_puts_rows_after_an_id_taken_meanwhile(
    seeded: Ledger, zhang: Person, tmp_path: Path
) -> None:
    assert zhang.id is not None
    result = imported(seeded, tmp_path)
    assert result.import_id is not None
    first = ids(result)[0]
    seeded.undo_import(result.import_id)
    # a record put back from the 回收站 under the first imported id, which is free now
    talks = activity_id(seeded, "项目洽谈")
    other = seeded.add_entry(Entry(zhang.id, date(2026, 9, 20), talks, 30, note="后来的"))
    assert other.id == first
    seeded.delete_entry(other.id)
    seeded.restore_from_trash(seeded.trash_items()[0].id)
    assert seeded.redo_import(result.import_id) == 3
    notes = {e.id: e.note for e in seeded.entries()}
    assert notes[first] == "后来的"
    moved = [first + 1, first + 2, first + 3]
    assert [notes[i] for i in moved] == [
        "洽谈电池项目",
        "赴成都考察储能企业",
        "研究招商方案",
    ]
    assert seeded.imports()[0].rows_added == 3
    assert "redo_import" in [c.action for c in seeded.record_history("entry", moved[0])]
    assert seeded.undo_import(result.import_id) == 3  # the range it has now
    assert seeded.entry(first).note == "后来的"


def test_undo_twice_or_redo_without_undo_is_refused(seeded: Ledger, tmp_path: Path) -> None:
    result = imported(seeded, tmp_path)
    assert result.import_id is not None
    with pytest.raises(LedgerError) as err:
        seeded.redo_import(result.import_id)
    assert err.value.message() == "导入台账：“台账.csv”的导入没有撤销，无需重做"
    seeded.undo_import(result.import_id)
    with pytest.raises(LedgerError) as err:
        seeded.undo_import(result.import_id)
    assert err.value.message() == "导入台账：“台账.csv”的导入已经撤销"


def test_held_rows_stay_with_the_connection(db_path: Path, seeded: Ledger, tmp_path: Path) -> None:
    """What an undo holds for its redo is not in the database file: another connection (or the
    program opened again) finds the file as before the import."""
    result = imported(seeded, tmp_path)
    assert result.import_id is not None
    seeded.undo_import(result.import_id)
    with Ledger.open(db_path, seeded.calendar, "另一个窗口") as other:
        assert [e.note for e in other.entries()] == ["八月底的记录", "已有记录"]
        with pytest.raises(LedgerError):
            other.redo_import(result.import_id)
    assert seeded.redo_import(result.import_id) == 3


def _undo_statements(tmp_path: Path, rows: int) -> set[str]:
    """The statements an undo and its redo issue, for an import of `rows` rows of one person
    (its own database). The rows' triggers (search index, month lock) run inside the one
    statement that deletes or inserts them; SQLite's own statements ("-- …") are left out."""
    folder = tmp_path / str(rows)
    folder.mkdir()
    with Ledger.open(
        folder / "ledger.db", actor="测试秘书", today=lambda: date(2026, 11, 20)
    ) as led:
        led.add_person(Person("张伟", "市长", "市人民政府"))
        lines = [
            f"{date.fromordinal(date(2025, 6, 1).toordinal() + i // 40)},张伟,市长,,,0.25,"
            f"项目洽谈,{('甲项目', '乙项目', '丙项目')[i % 3]},重庆,第 {i} 次洽谈\n"
            for i in range(rows)
        ]
        result = led.import_entries(write(folder, lines), ImportOptions(create_projects=True))
        assert result.import_id is not None and result.rows == rows
        seen: list[str] = []
        led.db.conn.set_trace_callback(seen.append)
        try:
            led.undo_import(result.import_id)
            led.redo_import(result.import_id)
        finally:
            led.db.conn.set_trace_callback(None)
        assert led.count_entries() == rows
    # values differ between the two imports; what is issued, and how often, must not
    return {s for s in seen if not s.startswith("--")}


def test_a_big_imports_undo_issues_the_statements_of_a_small_ones(tmp_path: Path) -> None:
    small, big = _undo_statements(tmp_path, 3), _undo_statements(tmp_path, 6_000)
    assert len(big) == len(small)
