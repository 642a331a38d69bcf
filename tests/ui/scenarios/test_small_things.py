"""Small things a secretary trips over, each as they meet it: a 半天 entry opened again shows
sensible times, a new file named with --db starts with the first-run dialog, a ledger without
persons says so instead of opening an empty entry dialog, and the entry dialog's errors about
the person name its 人员 field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPushButton, QWidget

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.storage.ledger import Ledger
from desktop.ui import app
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session
from tests.conftest import activity_id
from tests.storage.units import PDF
from tests.ui.scenarios.drive import (
    CTRL,
    LEFT,
    NO_MODIFIER,
    choose,
    click_item,
    double_click_row,
    feedback,
    in_dialog,
    key,
    modal,
    press,
    shortcut,
    type_into,
    wait_for_text,
)


def test_a_half_day_opened_again_shows_the_times_a_person_would_start_from(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, zhang: Person
) -> None:
    assert zhang.id is not None
    talks = activity_id(ledger, "项目洽谈")
    ledger.add_entry(Entry(zhang.id, date(2026, 11, 18), talks, day_part=DayPart.HALF))
    window = start()
    click_item(window.sidebar, "工作记录")
    table = window.page("entries").table
    QTest.mouseClick(
        table.viewport(), LEFT, NO_MODIFIER, table.visualRect(table.model().index(0, 0)).center()
    )
    seen: list[tuple[str, str, float, int]] = []

    def look(dialog: QDialog) -> None:
        seen.append(
            (dialog.start.text(), dialog.end.text(), dialog.hours.value(), dialog.modes.checkedId())
        )
        dialog.reject()

    in_dialog(qtbot, lambda: key(table, Qt.Key.Key_Return), look)
    assert seen == [("09:00", "11:00", 2.0, 1)]  # 半天 chosen; not 00:00–00:00 and 0.25 h


def test_a_new_file_named_with_db_starts_with_the_first_run_dialog(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[Path] = []
    monkeypatch.setattr(
        app, "first_run", lambda path, lang, settings=None: asked.append(path) or False
    )
    new = tmp_path / "新台账.db"
    assert app.database_to_open(new, "zh") is None  # cancelled: nothing opens
    assert asked == [new]
    new.write_bytes(b"")  # one that exists is opened as it is
    assert app.database_to_open(new, "zh") == new and asked == [new]


def test_without_persons_ctrl_n_says_to_add_one_first(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger
) -> None:
    window = start()
    click_item(window.sidebar, "工作记录")
    shortcut(window, Qt.Key.Key_N, CTRL)
    qtbot.wait(100)
    assert modal() is None  # no entry dialog with an empty person list
    assert feedback(window) == "人员：还没有人员，请先在“人员”页添加要登记的领导"


def shown_errors(dialog: QDialog) -> list[str]:
    """The red lines the dialog shows under its fields."""
    return [
        w.text()
        for w in dialog.findChildren(QLabel)
        if w.isVisible() and "c0392b" in w.styleSheet()
    ]


def test_the_entry_dialog_s_person_errors_name_its_person_field(
    qtbot, start: Callable[[], MainWindow], zhang: Person
) -> None:
    window = start()
    click_item(window.sidebar, "工作记录")
    said: list[str] = []

    def wrong_person(dialog: QDialog) -> None:
        type_into(dialog.person, "赵六")
        press(dialog, "保存")
        said.extend(shown_errors(dialog))
        type_into(dialog.person, "")
        press(dialog, "保存")
        said.extend(shown_errors(dialog))
        dialog.reject()

    in_dialog(qtbot, lambda: shortcut(window, Qt.Key.Key_N, CTRL), wrong_person)
    assert said == ["人员：没有名为“赵六”的人员", "人员：不能为空"]


def test_amounts_read_as_typed_and_their_messages_name_the_field_beside_it(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, questions: list[str]
) -> None:
    window = start()
    click_item(window.sidebar, "项目")
    said: list[str] = []

    def refused_then_saved(dialog: QDialog) -> None:
        type_into(dialog.name, "长安新能源电池项目")
        type_into(dialog.amount, "-5")
        press(dialog, "保存")
        said.extend(shown_errors(dialog))
        # the line is right under the details, above the stage history
        assert (
            dialog.error.geometry().top()
            < dialog.history.mapTo(dialog, dialog.history.rect().topLeft()).y()
        )
        type_into(dialog.amount, "2,000,000")
        press(dialog, "保存")  # asked first: more than 100 亿 (answered Yes)

    in_dialog(qtbot, lambda: shortcut(window, Qt.Key.Key_N, CTRL), refused_then_saved)
    assert said == ["协议投资额：不能为负数（-5）"]
    assert questions == ["协议投资额：2000000 万元超过 100 亿元，请确认后再保存"]
    (amount,) = ledger.db.execute("SELECT amount FROM projects").fetchone()
    assert amount == "2000000"

    def funds(dialog: QDialog) -> None:
        type_into(dialog.funds_amount, "50，000")  # a full-width comma, as a Chinese keyboard types
        press(dialog, "添加到位资金")
        dialog.reject()

    page = window.page("projects")
    in_dialog(qtbot, lambda: double_click_row(page.table, 0), funds)
    (arrived,) = ledger.db.execute("SELECT amount FROM funds").fetchone()
    assert arrived == "50000"


def test_an_entry_of_a_submitted_month_opens_read_only(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, zhang: Person, tmp_path: Path
) -> None:
    assert zhang.id is not None
    talks = activity_id(ledger, "项目洽谈")
    ledger.add_entry(Entry(zhang.id, date(2026, 10, 9), talks, day_part=DayPart.FULL, note="原文"))
    ledger.submit_month(zhang.id, Period.month(2026, 10), PDF, tmp_path / "zhang.otr")
    before = ledger.entries()
    window = start()
    choose(window.period_bar.part, "10月")
    click_item(window.sidebar, "工作记录")
    table = window.page("entries").table
    seen: list[object] = []

    def look(dialog: QDialog) -> None:
        seen.append(dialog.windowTitle())
        seen.append(dialog.read_only_reason.text())
        seen.append(dialog.note.isReadOnly())
        seen.append([b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()])
        press(dialog, "关闭")

    in_dialog(qtbot, lambda: double_click_row(table, 0), look)
    title, reason, read_only, buttons = seen
    assert title == "工作记录（只读）" and read_only and buttons == ["关闭"]
    assert "已于" in str(reason) and "只读" in str(reason), reason
    assert ledger.entries() == before


def test_the_import_dialog_says_what_is_missing_and_takes_a_typed_path(
    qtbot,
    start: Callable[[], MainWindow],
    zhang: Person,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ledger_file = tmp_path / "台账.txt"  # Excel's 'Unicode text': UTF-16 with a BOM, tabs
    ledger_file.write_bytes(
        "日期\t姓名\t时长\t活动类型\n2026-11-02\t张伟\t全天\t项目 洽谈\n".encode("utf-16")
    )
    filters: list[str] = []

    def pick(parent: object, title: str, folder: str, wanted: str, *a: object) -> tuple[str, str]:
        filters.append(wanted)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    window = start()
    shortcut(window, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: modal() is not None)
    dialog = modal()
    assert dialog is not None
    press(dialog, "检查")  # no file yet
    assert dialog.summary.text() == "请先选择要导入的文件（选择文件…）。"
    press(dialog, "选择文件…")
    assert "*.txt" in filters[0].split(";;")[0]  # Excel's Unicode text is offered, not hidden
    type_into(dialog.file, str(ledger_file))  # a path typed or pasted
    press(dialog, "检查")
    wait_for_text(qtbot, dialog.summary, "检查通过")
    press(dialog, "关闭")


def test_what_is_remembered_belongs_to_the_ledger_it_was_chosen_in(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, session, tmp_path: Path
) -> None:
    ledger.add_person(Person("张伟", "市长", "市人民政府"))
    window = start()
    choose(window.period_bar.person, "张伟（市长）")
    click_item(window.sidebar, "工作记录")

    def log(dialog: QDialog) -> None:
        choose(dialog.activity, "招商专题会议")
        press(dialog, "保存")

    in_dialog(qtbot, lambda: shortcut(window, Qt.Key.Key_N, CTRL), log)
    window.close()

    # the same PC opens another county's ledger: its own persons, none chosen for it yet
    with Ledger.open(tmp_path / "other.db") as other:
        other.add_person(Person("李娜", "县长", "青山县人民政府"))
        elsewhere = MainWindow(Session(other, session.settings, session.today), "other.db")
        qtbot.addWidget(elsewhere)
        assert elsewhere.session.person_id is None
        seen: list[str] = []

        def look(dialog: QDialog) -> None:
            seen.append(dialog.activity.currentText())
            dialog.reject()

        elsewhere.show()
        qtbot.waitExposed(elsewhere)
        elsewhere.activateWindow()
        qtbot.waitUntil(elsewhere.isActiveWindow)
        click_item(elsewhere.sidebar, "工作记录")
        in_dialog(qtbot, lambda: shortcut(elsewhere, Qt.Key.Key_N, CTRL), look)
        assert seen != ["招商专题会议"]  # the other ledger's last activity is not carried over
        elsewhere.close()

    again = start()  # back at the first ledger, its choices are there
    assert again.session.person_id is not None


def test_a_refusal_line_covers_no_field(
    qtbot, start: Callable[[], MainWindow], zhang: Person
) -> None:
    window = start()
    click_item(window.sidebar, "工作记录")
    seen: list[tuple[bool, list[str]]] = []

    def refused(dialog: QDialog) -> None:
        type_into(dialog.person, "不在台账中的人员名字很长很长" * 3)  # a refusal that wraps
        type_into(dialog.note, "一段很长的进展成效，" * 12)
        press(dialog, "保存")
        errors = [
            w for w in dialog.findChildren(QLabel) if w.isVisible() and "c0392b" in w.styleSheet()
        ]
        fields = [dialog.note, dialog.date, dialog.activity, dialog.counterpart, dialog.location]

        def box(widget: QWidget) -> QRect:
            return QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())

        covered = any(box(e).intersects(box(f)) for e in errors for f in fields)
        seen.append((covered, [e.text() for e in errors]))
        dialog.reject()

    in_dialog(qtbot, lambda: shortcut(window, Qt.Key.Key_N, CTRL), refused)
    ((covered, said),) = seen
    assert said and not covered, said
