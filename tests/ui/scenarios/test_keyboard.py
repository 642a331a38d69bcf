"""The keyboard alone: Ctrl+N makes the shown page's record, Ctrl+Enter saves, the duration's
radio buttons move with the arrow keys, Tab and Ctrl+Tab leave the trip's company grid, and a
trip without a destination is refused naming 目的地."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit

from desktop.domain.people import Person
from desktop.storage.ledger import Ledger
from desktop.ui.company_grid import CompanyGridView
from desktop.ui.date_field import DateField
from desktop.ui.main_window import MainWindow
from tests.ui.scenarios.drive import (
    CTRL,
    SHIFT,
    click,
    click_item,
    find,
    in_dialog,
    key,
    shortcut,
    type_into,
)


def _new(qtbot, window: MainWindow, page: str, handle: Callable[[QDialog], None]) -> None:
    click_item(window.sidebar, page)
    in_dialog(qtbot, lambda: shortcut(window, Qt.Key.Key_N, CTRL), handle)


def _ctrl_enter(dialog: QDialog) -> None:
    key(QApplication.focusWidget() or dialog, Qt.Key.Key_Return, CTRL)


def _visible_texts(dialog: QDialog) -> list[str]:
    return [w.text() for w in dialog.findChildren(QLabel) if w.isVisible() and w.text()]


def test_ctrl_n_on_each_page_makes_that_page_s_record_and_ctrl_enter_saves_it(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger
) -> None:
    ledger.add_person(Person("张伟", "市长", "市人民政府"))
    window = start()
    titles: list[str] = []

    def person(dialog: QDialog) -> None:
        titles.append(dialog.windowTitle())
        fields = [w for w in dialog.findChildren(QLineEdit) if w.isVisible()]
        type_into(fields[0], "李娜")
        type_into(fields[1], "副市长")
        type_into(fields[2], "市人民政府")
        _ctrl_enter(dialog)

    def project(dialog: QDialog) -> None:
        titles.append(dialog.windowTitle())
        type_into(dialog.name, "长安新能源电池项目")  # the field the cursor starts in
        _ctrl_enter(dialog)

    def entry(dialog: QDialog) -> None:
        titles.append(dialog.windowTitle())
        full_day = dialog.modes.button(0)
        click(full_day)
        for expected in (1, 2, 3):  # 半天, 起止时间, 小时数 by the arrow key
            key(QApplication.focusWidget(), Qt.Key.Key_Right)
            assert dialog.modes.checkedId() == expected
        key(QApplication.focusWidget(), Qt.Key.Key_Left)
        key(QApplication.focusWidget(), Qt.Key.Key_Left)
        key(QApplication.focusWidget(), Qt.Key.Key_Left)
        assert dialog.modes.checkedId() == 0
        type_into(find(dialog, DateField), "2026-11-18")
        # Enter in the note starts a new line; Ctrl+Enter saves from it
        type_into(dialog.note, "听取项目进展汇报")
        _ctrl_enter(dialog)

    _new(qtbot, window, "人员", person)
    _new(qtbot, window, "项目", project)
    _new(qtbot, window, "工作记录", entry)
    assert titles == ["添加人员", "新建项目", "新建工作记录"]
    assert [p.name for p in ledger.persons()] == ["张伟", "李娜"]
    assert [p.name for p in ledger.projects()] == ["长安新能源电池项目"]
    saved = ledger.entries()
    assert [(e.day, e.note) for e in saved] == [(date(2026, 11, 18), "听取项目进展汇报")]


def test_a_trip_by_keys_tab_leaves_the_company_grid_and_no_destination_is_refused(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger
) -> None:
    ledger.add_person(Person("张伟", "市长", "市人民政府"))
    window = start()
    refused: list[str] = []

    def trip(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "新建外出招商"
        start_field, end_field = dialog.start, dialog.end
        type_into(start_field, "2026-11-16")
        type_into(end_field, "11-17")
        grid = find(dialog, CompanyGridView)
        projects = dialog.projects
        click(grid.viewport())
        key(grid, Qt.Key.Key_Home, CTRL)
        for text in ("宁德时代", "张总", "副总裁"):
            key(grid, Qt.Key.Key_F2)  # edit the current cell, then type into its editor
            type_into(QApplication.focusWidget(), text)
            key(QApplication.focusWidget(), Qt.Key.Key_Tab)
        # the second row's first cell now; Ctrl+Tab leaves the grid for the next field
        assert grid.currentIndex().row() == 1 and grid.currentIndex().column() == 0
        key(QApplication.focusWidget(), Qt.Key.Key_Tab, CTRL)
        assert QApplication.focusWidget() is projects
        # back into the grid with Shift+Tab, then Tab from its last cell leaves it too
        key(projects, Qt.Key.Key_Backtab, SHIFT)
        assert QApplication.focusWidget() is grid
        key(grid, Qt.Key.Key_End, CTRL)
        key(grid, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is projects
        _ctrl_enter(dialog)
        assert dialog.isVisible()
        refused.extend(t for t in _visible_texts(dialog) if t.startswith("目的地："))
        type_into(dialog.destinations, "福建宁德")
        _ctrl_enter(dialog)

    _new(qtbot, window, "外出招商", trip)
    assert refused == ["目的地：不能为空"]
    (saved,) = ledger.trips()
    assert saved.destinations == ("福建宁德",)
    assert [(c.company, c.contact, c.title) for c in saved.companies] == [
        ("宁德时代", "张总", "副总裁")
    ]
    assert (saved.start_date, saved.end_date) == (date(2026, 11, 16), date(2026, 11, 17))
