"""导入台账 loses nothing: a GBK ledger with a 工作内容 column, a 合计 row and projects the ledger
does not know is checked, its columns and unknowns shown at once, the projects created by ticking
them, and every 工作内容 text kept in the note."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QGridLayout, QLabel

from desktop.domain.people import Person
from desktop.domain.projects import Project
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from tests.conftest import snapshot
from tests.ui.scenarios.conftest import FileAnswers
from tests.ui.scenarios.drive import (
    CTRL,
    button,
    click,
    click_choice,
    click_item,
    column,
    modal,
    press,
    shortcut,
    wait_for_text,
)

DATA = Path(__file__).resolve().parents[2] / "data"
WORK_DONE = [
    "与长安汽车洽谈电池项目二期，商定十月签约",
    "赴成都考察储能企业3家",
    "陪同京东方考察新能源产业园，介绍用地和配套政策",
    "研究电子信息产业链招商方案",
]


def _column_rows(dialog: QDialog) -> dict[str, str]:
    """The columns list as the user reads it: header name -> its field or its choice."""
    grid = dialog.columns.grid
    assert isinstance(grid, QGridLayout)
    rows: dict[str, str] = {}
    for r in range(grid.rowCount()):
        name, use = grid.itemAtPosition(r, 1), grid.itemAtPosition(r, 2)
        if name is None or use is None:
            continue
        label, shown = name.widget(), use.widget()
        assert isinstance(label, QLabel)
        rows[label.text()] = shown.currentText() if isinstance(shown, QComboBox) else shown.text()
    return rows


def _open_import(qtbot, main: MainWindow) -> QDialog:
    shortcut(main, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: modal() is not None)
    dialog = modal()
    assert dialog is not None and dialog.windowTitle() == "导入台账"
    return dialog


def _wait_refused(qtbot, dialog: QDialog, lines: int) -> None:
    qtbot.waitUntil(lambda: button(dialog, "检查").isEnabled(), timeout=30_000)
    assert f"{lines} 行有误，未导入任何记录" in dialog.summary.text()


def _project_boxes(qtbot, dialog: QDialog, count: int) -> list[QCheckBox]:
    """The 新建项目 boxes, once they are on the screen."""

    def boxes() -> list[QCheckBox]:
        found = dialog.findChildren(QCheckBox)
        return [b for b in found if b.text().startswith("新建项目") and b.isVisible()]

    qtbot.waitUntil(lambda: len(boxes()) == count)
    return boxes()


def _tick(boxes: list[QCheckBox]) -> None:
    for box in boxes:
        click(box)
        assert box.isChecked()


def test_work_content_kept_total_row_skipped_projects_created(
    qtbot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    files: FileAnswers,
    warnings: list[str],
) -> None:
    ledger.add_person(Person("张伟", "市长", "市人民政府"))
    ledger.add_person(Person("李娜", "区长", "高新区"))
    ledger.add_project(Project("长安新能源电池项目"))
    main = start()
    dialog = _open_import(qtbot, main)
    files.open.append(str(DATA / "ledger-work-content-gbk.csv"))
    press(dialog, "选择文件…")
    before = snapshot(ledger)
    press(dialog, "检查")
    _wait_refused(qtbot, dialog, 2)
    # every column, with what it becomes; the 合计 row is skipped, named with its line
    assert _column_rows(dialog) == {
        "序号": "不导入（序号）",
        "领导": "姓名",
        "日期": "日期",
        "类型": "活动类型",
        "用时": "时长",
        "地点": "地点",
        "项目名称": "项目",
        "工作内容": "备注（工作内容在前）",
    }
    assert dialog.notices.text() == "已跳过合计行，未导入：第 7 行（合计）"
    boxes = _project_boxes(qtbot, dialog, 2)
    assert sorted(b.text() for b in boxes) == [
        "新建项目“京东方模组项目”",
        "新建项目“成都储能电站项目”",
    ]
    assert not button(dialog, "导入").isEnabled()
    assert snapshot(ledger) == before  # a check writes nothing

    _tick(boxes)
    press(dialog, "检查")
    text = wait_for_text(qtbot, dialog.summary, "检查通过")
    assert "新增 4 条记录（2 人" in text and "新项目：成都储能电站项目、京东方模组项目" in text
    assert snapshot(ledger) == before
    qtbot.waitUntil(button(dialog, "导入").isEnabled)
    press(dialog, "导入")
    wait_for_text(qtbot, dialog.summary, "已导入")
    assert dialog.notices.text() == "已跳过合计行，未导入：第 7 行（合计）"
    press(dialog, "关闭")
    qtbot.waitUntil(lambda: modal() is None)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)

    notes = sorted(e.note for e in ledger.entries())
    assert notes == sorted(WORK_DONE)
    names = {p.name for p in ledger.projects()}
    assert names == {"长安新能源电池项目", "成都储能电站项目", "京东方模组项目"}
    click_item(main.sidebar, "项目")
    page = main.page("projects")
    assert sorted(column(page.table, "项目")) == sorted(names)
    assert not warnings


def test_a_column_no_field_reads_is_chosen_for_the_note(
    qtbot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    tmp_path: Path,
    files: FileAnswers,
) -> None:
    # the same ledger with a column of its own: 陪同人员, which no field of an entry reads
    lines = (DATA / "ledger-work-content-gbk.csv").read_bytes().decode("gbk").splitlines()
    extra = ["陪同人员", "王秘书", "", "", "赵主任", "", ""]
    text = "\n".join(f"{line},{x}" if line else line for line, x in zip(lines, extra, strict=True))
    path = tmp_path / "ledger.csv"
    path.write_bytes((text + "\n").encode("gbk"))
    ledger.add_person(Person("张伟", "市长", "市人民政府"))
    ledger.add_person(Person("李娜", "区长", "高新区"))
    main = start()
    dialog = _open_import(qtbot, main)
    files.open.append(str(path))
    press(dialog, "选择文件…")
    press(dialog, "检查")
    _wait_refused(qtbot, dialog, 3)
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any("“陪同人员”列有内容但未导入" in p for p in problems)
    # the column is offered with the domain's suggestion (appended, nothing lost); the person
    # chooses it to be the note as it is
    assert _column_rows(dialog)["陪同人员"] == "追加到备注"
    click_choice(dialog.columns.combos["陪同人员"], "作为备注")
    _tick(_project_boxes(qtbot, dialog, 3))
    press(dialog, "检查")
    wait_for_text(qtbot, dialog.summary, "检查通过")
    qtbot.waitUntil(button(dialog, "导入").isEnabled)
    press(dialog, "导入")
    wait_for_text(qtbot, dialog.summary, "已导入")
    notes = sorted(e.note for e in ledger.entries())
    assert notes == sorted(
        [
            WORK_DONE[0] + "；王秘书",
            WORK_DONE[1],
            WORK_DONE[2] + "；赵主任",
            WORK_DONE[3],
        ]
    )
    press(dialog, "关闭")
