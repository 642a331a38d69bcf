"""导入台账 undone with Ctrl+Z and redone with Ctrl+Shift+Z like every other change: a ledger with
an activity the program does not know (chosen to be 外出招商) and a project it does not know
(ticked to be created) is imported by clicks; Ctrl+Z takes its entries and the new project out
of the entries page and the database, Ctrl+Shift+Z brings them back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QFormLayout, QLabel

from desktop.domain.entries import Entry
from desktop.domain.people import Person
from desktop.domain.projects import Project
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from tests.conftest import activity_id
from tests.ui.scenarios.conftest import FileAnswers
from tests.ui.scenarios.drive import (
    CTRL,
    SHIFT,
    button,
    choose,
    click,
    click_item,
    close_import,
    column,
    open_import,
    press,
    shortcut,
    wait_for_text,
)

LEDGER = (
    "日期,姓名,职务,时长,活动类型,项目,地点,备注\n"
    "2026-11-02,张伟,市长,全天,招商考察,,成都,考察储能企业3家\n"
    "2026-11-03,张伟,市长,2.5,项目洽谈,成都储能电站项目,重庆,洽谈储能电站项目\n"
    "2026-11-04,李娜,区长,1.5,招商专题会议,,高新区,研究电子信息产业链招商方案\n"
)
OWN = "本月已有的记录"  # the note of the one entry logged before the import
IMPORTED = ["考察储能企业3家", "洽谈储能电站项目", "研究电子信息产业链招商方案"]
NEW_PROJECT = "成都储能电站项目"


def held(ledger: Ledger) -> list[tuple[object, ...]]:
    """The entries as stored: day, person, activity, project, note."""
    return ledger.db.execute(
        "SELECT e.date, p.name, a.name, coalesce(j.name, ''), e.note FROM entries e"
        " JOIN persons p ON p.id = e.person_id JOIN activities a ON a.id = e.activity_id"
        " LEFT JOIN projects j ON j.id = e.project_id ORDER BY e.date, e.id"
    ).fetchall()


def projects(ledger: Ledger) -> list[str]:
    return [r[0] for r in ledger.db.execute("SELECT name FROM projects ORDER BY name")]


def _offered_for(dialog: QDialog, activity: str) -> QComboBox:
    """The choice the dialog offers beside an activity of the file that it does not know."""
    form = dialog.mapping
    assert isinstance(form, QFormLayout)
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is not None and field is not None:
            shown, combo = label.widget(), field.widget()
            if isinstance(shown, QLabel) and shown.text() == activity:
                assert isinstance(combo, QComboBox)
                return combo
    raise AssertionError(f"no choice offered for “{activity}”")


def _import(qtbot, main: MainWindow, files: FileAnswers, path: Path) -> None:
    """Ctrl+I, the file chosen, 检查; the unknown activity chosen and the project ticked, 检查
    again, 导入, 关闭."""
    dialog = open_import(qtbot, main)
    files.open.append(str(path))
    press(dialog, "选择文件…")
    press(dialog, "检查")
    qtbot.waitUntil(lambda: button(dialog, "检查").isEnabled(), timeout=30_000)
    assert "2 行有误，未导入任何记录" in dialog.summary.text()
    # a row added to a shown dialog appears a moment later (Qt shows it queued)
    combo = _offered_for(dialog, "招商考察")
    qtbot.waitUntil(combo.isVisible)
    choose(combo, "外出招商")
    boxes = [b for b in dialog.findChildren(QCheckBox) if b.text() == f"新建项目“{NEW_PROJECT}”"]
    assert len(boxes) == 1
    qtbot.waitUntil(boxes[0].isVisible)
    click(boxes[0])
    assert boxes[0].isChecked()
    press(dialog, "检查")
    text = wait_for_text(qtbot, dialog.summary, "检查通过")
    assert "新增 3 条记录（2 人" in text and f"新项目：{NEW_PROJECT}" in text
    qtbot.waitUntil(button(dialog, "导入").isEnabled)
    press(dialog, "导入")
    wait_for_text(qtbot, dialog.summary, "已导入")
    close_import(qtbot, main, dialog)


def test_an_import_is_undone_and_redone_with_the_keys(
    qtbot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    tmp_path: Path,
    files: FileAnswers,
    warnings: list[str],
) -> None:
    zhang = ledger.add_person(Person("张伟", "市长", "市人民政府"))
    ledger.add_person(Person("李娜", "区长", "高新区"))
    ledger.add_project(Project("长安新能源电池项目"))
    assert zhang.id is not None
    ledger.add_entry(
        Entry(zhang.id, date(2026, 11, 10), activity_id(ledger, "项目洽谈"), 60, note=OWN)
    )
    path = tmp_path / "十一月台账.csv"
    path.write_text(LEDGER, encoding="utf-8")
    before = held(ledger)
    main = start()
    click_item(main.sidebar, "工作记录")
    table = main.page("entries").table
    assert column(table, "进展成效") == [OWN]

    _import(qtbot, main, files, path)
    imported = [
        ("2026-11-02", "张伟", "外出招商", "", IMPORTED[0]),
        ("2026-11-03", "张伟", "项目洽谈", NEW_PROJECT, IMPORTED[1]),
        ("2026-11-04", "李娜", "招商专题会议", "", IMPORTED[2]),
        ("2026-11-10", "张伟", "项目洽谈", "", OWN),
    ]
    assert held(ledger) == imported
    assert projects(ledger) == sorted(["长安新能源电池项目", NEW_PROJECT])
    assert column(table, "进展成效") == [*IMPORTED, OWN]
    assert column(table, "项目")[1] == NEW_PROJECT
    assert main.undo_action.text() == "撤销 导入台账“十一月台账.csv”"

    shortcut(main, Qt.Key.Key_Z, CTRL)
    assert column(table, "进展成效") == [OWN]
    assert held(ledger) == before
    assert projects(ledger) == ["长安新能源电池项目"]
    assert ledger.imports() == []  # the file counts as not imported

    shortcut(main, Qt.Key.Key_Z, CTRL | SHIFT)
    assert column(table, "进展成效") == [*IMPORTED, OWN]
    assert held(ledger) == imported
    assert projects(ledger) == sorted(["长安新能源电池项目", NEW_PROJECT])
    assert not warnings  # nothing refused, nothing failed
