"""Undo, redo, undo, redo of every kind of change made in the window — an entry added, changed
and deleted, a trip added and deleted, a project, a stage, funds, a person added and deleted, a
record put back from the 回收站, an import — each by the keys and clicks a person uses, and the
database compared whole after each step: undo gives back exactly the state before the change
(the same rows under the same ids), redo exactly the state after it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit, QTableView

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.domain.projects import Project, Stage, StageChange
from desktop.domain.trips import Trip
from desktop.storage.ledger import Ledger
from desktop.ui.date_field import DateField
from desktop.ui.main_window import MainWindow
from tests.conftest import activity_id
from tests.ui.scenarios.conftest import FileAnswers
from tests.ui.scenarios.drive import (
    CTRL,
    LEFT,
    NO_MODIFIER,
    SHIFT,
    button,
    choose,
    click_item,
    close_import,
    column,
    double_click_row,
    find,
    in_dialog,
    key,
    menu_item,
    open_import,
    press,
    shortcut,
    type_into,
    wait_for_text,
)

# the log only grows (it records the undo too) and the search index's pages keep marks of
# deleted rows; everything a person's data is in is compared
NOT_COMPARED = {"change_log", "_sqlite_migrations"}

LEDGER = (
    "日期,姓名,职务,时长,活动类型,项目,地点,备注\n"
    "2026-11-02,张伟,市长,全天,项目洽谈,,成都,导入的一天\n"
)


def dump(ledger: Ledger) -> dict[str, list[tuple[object, ...]]]:
    tables = [
        name
        for (name,) in ledger.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'entries_text%'"
        )
        if name not in NOT_COMPARED
    ]
    return {
        t: sorted(ledger.db.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables
    }


def _select(table, row: int) -> None:
    index = table.model().index(row, 0)
    QTest.mouseClick(table.viewport(), LEFT, NO_MODIFIER, table.visualRect(index).center())


def _arranged(ledger: Ledger) -> Person:
    zhang = ledger.add_person(Person("张伟", "市长", "市人民政府"))
    ledger.add_person(Person("王强", "副市长", "市人民政府"))
    assert zhang.id is not None
    talks = activity_id(ledger, "项目洽谈")
    ledger.add_entry(Entry(zhang.id, date(2026, 11, 9), talks, day_part=DayPart.FULL, note="一"))
    ledger.add_entry(Entry(zhang.id, date(2026, 11, 10), talks, 60, note="二"))
    project = ledger.add_project(Project("长安新能源电池项目", leader_id=zhang.id))
    assert project.id is not None
    ledger.add_stage(project.id, StageChange(date(2026, 11, 2), Stage.TALKS))
    ledger.add_trip(
        Trip((zhang.id,), date(2026, 11, 16), date(2026, 11, 17), destinations=("重庆",))
    )
    return zhang


def _entries(main: MainWindow):
    click_item(main.sidebar, "工作记录")
    return main.page("entries").table


def add_entry(qtbot, main: MainWindow, **_: object) -> None:
    _entries(main)

    def log(dialog: QDialog) -> None:
        type_into(find(dialog, DateField), "2026-11-12")
        type_into(dialog.note, "新的一天")
        press(dialog, "保存")

    in_dialog(qtbot, lambda: shortcut(main, Qt.Key.Key_N, CTRL), log)


def edit_entry(qtbot, main: MainWindow, **_: object) -> None:
    table = _entries(main)
    _select(table, column(table, "进展成效").index("二"))

    def change(dialog: QDialog) -> None:
        type_into(dialog.note, "二，改过")
        press(dialog, "保存")

    in_dialog(qtbot, lambda: key(table, Qt.Key.Key_Return), change)


def delete_entry(qtbot, main: MainWindow, **_: object) -> None:
    table = _entries(main)
    _select(table, column(table, "进展成效").index("一"))
    key(table, Qt.Key.Key_Delete)


def _delete_one(qtbot, main: MainWindow) -> None:
    """Before put_back: the entry 一 deleted, so that it waits in the 回收站."""
    delete_entry(qtbot, main)
    main.session.undo_stack.clear()  # the state the test starts from, not a step to undo


def put_back(qtbot, main: MainWindow, **_: object) -> None:
    def restore(dialog: QDialog) -> None:
        _select(find(dialog, QTableView), 0)
        press(dialog, "恢复")
        press(dialog, "关闭")

    in_dialog(qtbot, lambda: menu_item(main, "编辑", "回收站…"), restore)


def add_trip(qtbot, main: MainWindow, **_: object) -> None:
    click_item(main.sidebar, "外出招商")

    def go(dialog: QDialog) -> None:
        type_into(dialog.destinations, "成都")
        press(dialog, "保存")

    in_dialog(qtbot, lambda: shortcut(main, Qt.Key.Key_N, CTRL), go)


def delete_trip(qtbot, main: MainWindow, **_: object) -> None:
    click_item(main.sidebar, "外出招商")
    page = main.stack.currentWidget()
    _select(page.table, 0)
    press(page, "删除")


def add_project(qtbot, main: MainWindow, **_: object) -> None:
    click_item(main.sidebar, "项目")

    def name(dialog: QDialog) -> None:
        type_into(dialog.name, "京东方柔性屏项目")
        press(dialog, "保存")

    in_dialog(qtbot, lambda: shortcut(main, Qt.Key.Key_N, CTRL), name)


def _in_project(qtbot, main: MainWindow, handle: Callable[[QDialog], None]) -> None:
    click_item(main.sidebar, "项目")
    page = main.stack.currentWidget()
    in_dialog(qtbot, lambda: double_click_row(page.table, 0), handle)


def add_stage(qtbot, main: MainWindow, **_: object) -> None:
    def stage(dialog: QDialog) -> None:
        choose(dialog.stage, "签约")
        type_into(dialog.stage_amount, "50000")
        press(dialog, "添加阶段变更")
        press(dialog, "关闭")

    _in_project(qtbot, main, stage)


def add_funds(qtbot, main: MainWindow, **_: object) -> None:
    def funds(dialog: QDialog) -> None:
        type_into(dialog.funds_amount, "10000")
        press(dialog, "添加到位资金")
        press(dialog, "关闭")

    _in_project(qtbot, main, funds)


def add_person(qtbot, main: MainWindow, **_: object) -> None:
    click_item(main.sidebar, "人员")

    def person(dialog: QDialog) -> None:
        fields = [w for w in dialog.findChildren(QLineEdit) if w.isVisible()]
        type_into(fields[0], "李娜")
        press(dialog, "保存")

    in_dialog(qtbot, lambda: shortcut(main, Qt.Key.Key_N, CTRL), person)


def delete_person(qtbot, main: MainWindow, **_: object) -> None:
    click_item(main.sidebar, "人员")
    page = main.stack.currentWidget()
    _select(page.table, column(page.table, "姓名").index("王强"))
    press(page, "删除")


def import_ledger(qtbot, main: MainWindow, files: FileAnswers, tmp_path: Path, **_: object) -> None:
    path = tmp_path / "台账.csv"
    path.write_text(LEDGER, encoding="utf-8")
    dialog = open_import(qtbot, main)
    files.open.append(str(path))
    press(dialog, "选择文件…")
    press(dialog, "检查")
    wait_for_text(qtbot, dialog.summary, "检查通过")
    qtbot.waitUntil(button(dialog, "导入").isEnabled)
    press(dialog, "导入")
    wait_for_text(qtbot, dialog.summary, "已导入")
    close_import(qtbot, main, dialog)


CHANGES = [
    add_entry,
    edit_entry,
    delete_entry,
    put_back,
    add_trip,
    delete_trip,
    add_project,
    add_stage,
    add_funds,
    add_person,
    delete_person,
    import_ledger,
]


@pytest.mark.parametrize("change", CHANGES, ids=[c.__name__ for c in CHANGES])
def test_undo_and_redo_give_back_the_exact_database(
    qtbot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    files: FileAnswers,
    questions: list[str],
    warnings: list[str],
    tmp_path: Path,
    change: Callable[..., None],
) -> None:
    _arranged(ledger)
    main = start()
    if change is put_back:
        _delete_one(qtbot, main)
    before = dump(ledger)
    change(qtbot, main, ledger=ledger, files=files, tmp_path=tmp_path)
    after = dump(ledger)
    assert after != before, "the change changed nothing"
    if "trash" in after and after["trash"] != before["trash"]:
        qtbot.wait(1100)  # a redo that deleted anew would stamp the bin's item a second later
    for round_ in (1, 2):
        shortcut(main, Qt.Key.Key_Z, CTRL)
        assert dump(ledger) == before, f"undo {round_}"
        shortcut(main, Qt.Key.Key_Z, CTRL | SHIFT)
        assert dump(ledger) == after, f"redo {round_}"
    assert not warnings, warnings
