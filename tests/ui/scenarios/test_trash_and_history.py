"""The 回收站 and an entry's 历史, as a secretary reaches them: an entry deleted with the Delete key
is put back from 编辑 › 回收站 with its 恢复 button, and is on the entries page and in the
database again under its number; an entry changed twice in the entry dialog shows, behind the
历史 button, who added it and both changes, newest first, each with what it changed."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QDialog, QTableView

from desktop.domain.entries import Entry
from desktop.domain.people import Person
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from tests.conftest import activity_id
from tests.ui.scenarios.drive import (
    CTRL,
    LEFT,
    NO_MODIFIER,
    SHIFT,
    cells,
    click_item,
    column,
    find,
    in_dialog,
    key,
    menu_item,
    press,
    shortcut,
    type_into,
)

TALKS, VISIT = "洽谈电池项目", "考察储能企业"


def _click_row(view: QAbstractItemView, row: int) -> None:
    """Select the row with a click on it (the keyboard focus goes to the table)."""
    index = view.model().index(row, 0)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), LEFT, NO_MODIFIER, view.visualRect(index).center())
    assert [i.row() for i in view.selectionModel().selectedRows()] == [row]


def notes(ledger: Ledger) -> list[tuple[int, str, str]]:
    """The entries as stored: id, day, note."""
    return ledger.db.execute("SELECT id, date, note FROM entries ORDER BY date, id").fetchall()


def _arranged(ledger: Ledger, zhang: Person) -> list[int]:
    assert zhang.id is not None
    talks = activity_id(ledger, "项目洽谈")
    made = [
        ledger.add_entry(Entry(zhang.id, date(2026, 11, 10), talks, 90, note=TALKS)),
        ledger.add_entry(Entry(zhang.id, date(2026, 11, 12), talks, 60, note=VISIT)),
    ]
    return [e.id for e in made if e.id is not None]


def test_a_deleted_entry_is_put_back_from_the_recycle_bin(
    qtbot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    zhang: Person,
    questions: list[str],
    warnings: list[str],
) -> None:
    talks_id, visit_id = _arranged(ledger, zhang)
    stored = notes(ledger)
    main = start()
    click_item(main.sidebar, "工作记录")
    table = main.page("entries").table
    assert column(table, "进展成效") == [TALKS, VISIT]

    # Delete asks nothing today (the entry waits in the 回收站); a confirmation, were one
    # added, would be answered Yes by `questions`
    _click_row(table, column(table, "进展成效").index(VISIT))
    key(table, Qt.Key.Key_Delete)
    assert column(table, "进展成效") == [TALKS]
    assert notes(ledger) == [stored[0]]

    put_back: list[str] = []

    def restore(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "回收站"
        bin_table = find(dialog, QTableView)
        assert [row[1:] for row in cells(bin_table)] == [
            ["工作记录", "测试秘书", f"2026-11-12 张伟 项目洽谈 {VISIT}"]
        ]
        # who deleted it is in view, not cut off at the right (it once was, behind a long 内容)
        header = bin_table.horizontalHeader()
        who = 2
        assert header.sectionViewportPosition(who) + header.sectionSize(who) <= (
            bin_table.viewport().width()
        )
        press(dialog, "恢复")  # nothing chosen yet: it says what to do
        assert dialog.message.text() == "请先在列表中选中要恢复的记录。"
        _click_row(bin_table, 0)
        press(dialog, "恢复")
        put_back.append(dialog.message.text())
        assert cells(bin_table) == []  # it left the 回收站
        press(dialog, "关闭")

    in_dialog(qtbot, lambda: menu_item(main, "编辑", "回收站…"), restore)
    assert put_back == [f"已恢复：2026-11-12 张伟 项目洽谈 {VISIT}"]
    assert column(table, "进展成效") == [TALKS, VISIT]
    assert notes(ledger) == stored  # under its old number
    assert ledger.trash_items() == []
    assert visit_id == stored[1][0] and talks_id == stored[0][0]
    assert not warnings

    # the restore is one step on the undo stack: Ctrl+Z sends it back to the bin (it once
    # raised: the delete's own undo put the entry back a second time), Ctrl+Shift+Z restores it
    shortcut(main, Qt.Key.Key_Z, CTRL)
    assert column(table, "进展成效") == [TALKS]
    assert [i.record_id for i in ledger.trash_items()] == [visit_id]
    shortcut(main, Qt.Key.Key_Z, CTRL | SHIFT)
    assert column(table, "进展成效") == [TALKS, VISIT] and notes(ledger) == stored
    assert ledger.trash_items() == []
    # further back: the restore undone again, then the Delete key's own undo puts it back
    shortcut(main, Qt.Key.Key_Z, CTRL)
    shortcut(main, Qt.Key.Key_Z, CTRL)
    assert notes(ledger) == stored and ledger.trash_items() == []
    assert warnings == [], warnings


def test_the_history_of_an_entry_changed_twice(
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    zhang: Person,
    warnings: list[str],
) -> None:
    talks_id, _ = _arranged(ledger, zhang)
    main = start()
    click_item(main.sidebar, "工作记录")
    page = main.page("entries")
    table = page.table
    first, second = f"{TALKS}，商定十月签约", f"{TALKS}，签约推迟到十一月"

    def change_note(to: str) -> Callable[[QDialog], None]:
        def handle(dialog: QDialog) -> None:
            assert dialog.windowTitle() == "修改工作记录"
            type_into(dialog.note, to)
            press(dialog, "保存")

        return handle

    for before, after in ((TALKS, first), (first, second)):
        _click_row(table, column(table, "进展成效").index(before))
        in_dialog(qtbot, lambda: key(table, Qt.Key.Key_Return), change_note(after))
        assert ledger.entry(talks_id).note == after
    assert column(table, "进展成效") == [second, VISIT]

    shown: list[list[str]] = []

    def read(dialog: QDialog) -> None:
        assert dialog.windowTitle() == f"修改历史：2026-11-10 #{talks_id}"
        shown.extend(cells(find(dialog, QTableView)))
        press(dialog, "关闭")

    # an office in China: the log's UTC moments are shown on Beijing time
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        _click_row(table, column(table, "进展成效").index(second))
        in_dialog(qtbot, lambda: press(page, "历史"), read)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert [row[1:3] for row in shown] == [
        ["测试秘书", "修改"],
        ["测试秘书", "修改"],
        ["测试秘书", "新增"],
    ]
    logged = [c.at for c in ledger.record_history("entry", talks_id)]
    beijing = [
        (datetime.fromisoformat(at) + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M")
        for at in logged
    ]
    assert [row[0] for row in shown] == beijing
    # each change says what it changed, from what to what, with the field's own name; the
    # first row is the entry as added, its values as they were typed
    assert shown[0][3] == f"备注：{first} → {second}"
    assert shown[1][3] == f"备注：{TALKS} → {first}"
    added = shown[2][3]
    for part in ("人员：张伟", "日期：2026-11-10", "活动类型：项目洽谈", "时长：1 小时 30 分钟"):
        assert part in added, added
    assert "_id" not in added and "90" not in added, added
    assert not warnings
