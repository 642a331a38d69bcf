"""A secretary's week on the entries page, by mouse and keys only: a timed 项目洽谈 with its
counterpart, a 半天 visit and a 请假 day logged; one changed after Enter on its row, another
after F2; one deleted with the Delete key; then Ctrl+Z and Ctrl+Shift+Z step back and forth.
After every step the table shows, and the database holds, exactly the entries meant. And a
date or time typed over what its field holds, reached by Tab, Shift+Tab or a click, reads as
typed (2026-11-16, 14:30, 9点半); a time that is none (25:00) is refused naming 结束, nothing
saved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QLabel

from desktop.domain.people import Person
from desktop.storage.ledger import Ledger
from desktop.ui.date_field import DateField
from desktop.ui.main_window import PAGES, MainWindow
from tests.ui.scenarios.drive import (
    CTRL,
    LEFT,
    NO_MODIFIER,
    SHIFT,
    cells,
    choose,
    click,
    click_item,
    column,
    find,
    in_dialog,
    key,
    press,
    shortcut,
    type_into,
)

Rows = list[list[str]]

# what the table shows: 日期 人员 时间 时长 活动类型 项目 地点 客商/企业 进展成效 填报人
TALKS = ["2026-11-16", "张伟", "14:30–16:00", "1.5 小时", "项目洽谈", "", "市政府会议室",
         "长安汽车", "", "测试秘书"]  # fmt: skip
VISIT = ["2026-11-17", "张伟", "", "半天", "接待客商考察", "", "", "宁德时代", "", "测试秘书"]
LEAVE = ["2026-11-18", "张伟", "", "全天", "请假", "", "", "", "", "测试秘书"]
# the changes: the visit's progress noted (Enter), the talks run on to 16:30 (F2)
VISIT_NOTED = [*VISIT[:8], "陪同考察动力电池园区", "测试秘书"]
TALKS_LONGER = [*TALKS[:2], "14:30–16:30", "2 小时", *TALKS[4:]]


def held(ledger: Ledger) -> list[tuple[object, ...]]:
    """The entries as stored: day, activity, minutes, 全天/半天, start and end, place,
    counterpart, note."""
    return ledger.db.execute(
        "SELECT e.date, a.name, e.minutes, e.day_part, e.start_min, e.end_min, e.location,"
        " e.counterpart, e.note FROM entries e JOIN activities a ON a.id = e.activity_id"
        " ORDER BY e.date, e.id"
    ).fetchall()


TALKS_HELD = ("2026-11-16", "项目洽谈", 90, None, 870, 960, "市政府会议室", "长安汽车", "")
VISIT_HELD = ("2026-11-17", "接待客商考察", None, "half", None, None, "", "宁德时代", "")
LEAVE_HELD = ("2026-11-18", "请假", None, "full", None, None, "", "", "")
VISIT_NOTED_HELD = (*VISIT_HELD[:8], "陪同考察动力电池园区")
TALKS_LONGER_HELD = (*TALKS_HELD[:2], 120, None, 870, 990, *TALKS_HELD[6:])
LEAVE_BINNED = "2026-11-18 张伟 请假"  # as the 回收站 lists it


def _click_row(view: QAbstractItemView, row: int) -> None:
    """Select the row with a click on it (the keyboard focus goes to the table)."""
    index = view.model().index(row, 0)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), LEFT, NO_MODIFIER, view.visualRect(index).center())
    assert [i.row() for i in view.selectionModel().selectedRows()] == [row]


def _fits_the_screen(dialog: QDialog) -> None:
    """The dialog is wholly on the screen (at 150 % too), its buttons where they can be clicked."""
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert screen.contains(dialog.frameGeometry()), (dialog.frameGeometry(), screen)


def _entry(
    day: str, activity: str, duration: str, fill: Callable[[QDialog], None] | None = None
) -> Callable[[QDialog], None]:
    """Fill the new-entry dialog: the day typed, the activity and the duration chosen, then
    whatever else fill types; saved with its button."""

    def handle(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "新建工作记录"
        _fits_the_screen(dialog)
        type_into(find(dialog, DateField), day)
        choose(dialog.activity, activity)
        press(dialog, duration)
        if fill is not None:
            fill(dialog)
        press(dialog, "保存")

    return handle


def test_log_edit_delete_undo_and_redo_entries_by_keys_and_clicks(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, zhang: Person, questions: list[str]
) -> None:
    window = start()
    click_item(window.sidebar, window.sidebar.item(PAGES.index("entries")).text())
    page = window.page("entries")
    table = page.table

    def shows(rows: Rows, stored: list[tuple[object, ...]], step: str, binned: int = 0) -> None:
        assert cells(table) == rows, step
        assert page.count.text() == f"共 {len(rows)} 条", step
        assert held(ledger) == stored, step
        # a deleted entry waits in the 回收站; an undone delete takes it out again
        assert [t.label for t in ledger.trash_items()] == binned * [LEAVE_BINNED], step

    def talks(dialog: QDialog) -> None:
        type_into(dialog.start, "14:30")
        type_into(dialog.end, "16:00")
        type_into(dialog.location, "市政府会议室")
        type_into(dialog.counterpart, "长安汽车")

    def new(handle: Callable[[QDialog], None]) -> None:
        in_dialog(qtbot, lambda: press(page, "新建工作记录"), handle)

    new(_entry("2026-11-16", "项目洽谈", "起止时间", talks))
    shows([TALKS], [TALKS_HELD], "the talks logged")
    new(
        _entry("2026-11-17", "接待客商考察", "半天", lambda d: type_into(d.counterpart, "宁德时代"))
    )
    shows([TALKS, VISIT], [TALKS_HELD, VISIT_HELD], "the half day logged")
    new(_entry("2026-11-18", "请假", "全天"))
    shows([TALKS, VISIT, LEAVE], [TALKS_HELD, VISIT_HELD, LEAVE_HELD], "the leave logged")

    def note_visit(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "修改工作记录"
        _fits_the_screen(dialog)
        assert dialog.counterpart.text() == "宁德时代"
        assert dialog.modes.checkedButton().text() == "半天"
        type_into(dialog.note, "陪同考察动力电池园区")
        press(dialog, "保存")

    _click_row(table, column(table, "日期").index("2026-11-17"))
    in_dialog(qtbot, lambda: key(table, Qt.Key.Key_Return), note_visit)
    edited = [TALKS, VISIT_NOTED, LEAVE]
    edited_held = [TALKS_HELD, VISIT_NOTED_HELD, LEAVE_HELD]
    shows(edited, edited_held, "the visit noted after Enter")

    def longer_talks(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "修改工作记录"
        assert (dialog.start.text(), dialog.end.text()) == ("14:30", "16:00")
        type_into(dialog.end, "16:30")
        press(dialog, "保存")

    _click_row(table, column(table, "日期").index("2026-11-16"))
    in_dialog(qtbot, lambda: key(table, Qt.Key.Key_F2), longer_talks)
    longer = [TALKS_LONGER, VISIT_NOTED, LEAVE]
    longer_held = [TALKS_LONGER_HELD, VISIT_NOTED_HELD, LEAVE_HELD]
    shows(longer, longer_held, "the talks made longer after F2")

    # Delete asks nothing today (the entry waits in the 回收站, Ctrl+Z brings it back); a
    # confirmation, were one added, would be answered Yes by `questions`
    _click_row(table, column(table, "活动类型").index("请假"))
    key(table, Qt.Key.Key_Delete)
    deleted = [TALKS_LONGER, VISIT_NOTED]
    deleted_held = [TALKS_LONGER_HELD, VISIT_NOTED_HELD]
    shows(deleted, deleted_held, "the leave deleted", binned=1)

    undo, redo = CTRL, CTRL | SHIFT
    for keys, rows, stored, step, binned in (
        (undo, longer, longer_held, "undo of the delete: the leave is back", 0),
        (undo, edited, edited_held, "undo of the F2 change: 16:00 again", 0),
        (redo, longer, longer_held, "redo of the F2 change: 16:30 again", 0),
        (redo, deleted, deleted_held, "redo of the delete: the leave gone again", 1),
    ):
        shortcut(window, Qt.Key.Key_Z, keys)
        shows(rows, stored, step, binned)


def _type_and_tab(text: str) -> str:
    """Type text into the field the keyboard is in and leave it with Tab; what it then reads."""
    field = QApplication.focusWidget()
    QTest.keyClicks(field, text)
    key(field, Qt.Key.Key_Tab)
    return field.text()


def test_dates_and_times_typed_over_what_a_field_holds_read_as_typed_and_no_time_is_refused(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, zhang: Person
) -> None:
    window = start()
    click_item(window.sidebar, window.sidebar.item(PAGES.index("entries")).text())
    page = window.page("entries")
    read: list[str] = []
    refused: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert QApplication.focusWidget() is dialog.person  # where the dialog starts
        key(dialog.person, Qt.Key.Key_Tab)  # into the date field
        read.append(_type_and_tab("2026-11-16"))
        choose(dialog.activity, "项目洽谈")
        press(dialog, "起止时间")
        click(dialog.end)
        key(dialog.end, Qt.Key.Key_Backtab, SHIFT)  # back into 开始
        read.append(_type_and_tab("14:30"))  # and on into 结束
        read.append(_type_and_tab("16:00"))
        type_into(dialog.start, "9点半")  # a click, Ctrl+A and the time typed over
        key(dialog.start, Qt.Key.Key_Tab)
        read.append(dialog.start.text())
        type_into(dialog.end, "25:00")
        press(dialog, "保存")
        assert dialog.isVisible()
        assert dialog.end.text() == "25:00"  # the typed text stays, it is not put back
        assert held(ledger) == []
        refused.extend(w.text() for w in dialog.findChildren(QLabel) if w.isVisible())
        type_into(dialog.end, "10:00")
        press(dialog, "保存")

    in_dialog(qtbot, lambda: press(page, "新建工作记录"), fill)
    assert read == ["2026-11-16", "14:30", "16:00", "09:30"]
    assert "结束：“25:00”不是有效时间（应为 09:30 这样的格式）" in refused
    assert held(ledger) == [("2026-11-16", "项目洽谈", 30, None, 570, 600, "", "", "")]
