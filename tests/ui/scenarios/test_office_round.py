"""The supervision office's month in the window, and back at a unit: three units' October report
files taken in with 接收报送文件…, the board showing October in; the circular by unit printed
from the 报告 page as onethird-cli prints it; one person's month returned with an opinion typed
into the opinion dialog; then at that unit, on its own database, the return file taken in, and
the month open for changes again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.domain.submission import MonthState
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.entries_page import EntriesPage
from desktop.ui.pages.reports_page import ReportsPage
from desktop.ui.pages.submissions_page import SubmissionsPage
from desktop.ui.session import Session
from tests.conftest import TODAY
from tests.reports.conftest import pdf_text
from tests.storage.units import (
    OCTOBER,
    PDF,
    UNITS,
    make_units,
    open_ledger,
    submit_all,
    trust_units,
)
from tests.test_cli import ok
from tests.ui.scenarios.conftest import FileAnswers
from tests.ui.scenarios.drive import (
    LEFT,
    NO_MODIFIER,
    button,
    choose,
    click,
    click_item,
    column,
    feedback,
    find,
    in_dialog,
    press,
    press_and_wait,
    type_into,
)

OPINION = "请补充京东方项目增资进展"
SENT = {"市人民政府": ["张伟"], "高新区": ["李娜", "陈静"], "青山县": ["王强"]}
NAMES = [name for names in SENT.values() for name in names]


def press_in_message(main: MainWindow, text: str) -> None:
    """Press a button the window's message bar offers (显示…, 打开文件)."""
    bar = main.findChild(QWidget, "feedback")
    assert bar is not None and bar.isVisible(), "no message bar to see"
    press(bar, text)


class Picked:
    """The files a person picks in the (several files) open dialog, in turn."""

    def __init__(self) -> None:
        self.answers: list[list[str]] = []
        self.asked: list[str] = []


@pytest.fixture
def picked(monkeypatch: pytest.MonkeyPatch) -> Picked:
    answers = Picked()

    def open_names(
        parent: object, title: str = "", *args: object, **kw: object
    ) -> tuple[list[str], str]:
        answers.asked.append(title)
        return (answers.answers.pop(0) if answers.answers else [], "")

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_names)
    return answers


def click_row(view: QAbstractItemView, row: int) -> None:
    """Click a row of a table, as a person selects it."""
    index = view.model().index(row, 0)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), LEFT, NO_MODIFIER, view.visualRect(index).center())
    assert view.selectionModel().isRowSelected(row, index.parent()), f"row {row} not selected"


def board_rows(page: SubmissionsPage) -> dict[str, tuple[str, str, str]]:
    """Name → (unit, state, opinion), as the board shows them."""
    return {
        name: (unit, state, opinion)
        for name, unit, state, opinion in zip(
            column(page.table, "姓名"),
            column(page.table, "单位"),
            column(page.table, "状态"),
            column(page.table, "审核意见"),
            strict=True,
        )
    }


def to_board(main: MainWindow) -> SubmissionsPage:
    click_item(main.sidebar, "报送")
    page = main.page("submissions")
    assert isinstance(page, SubmissionsPage)
    return page


def to_entries(main: MainWindow) -> EntriesPage:
    click_item(main.sidebar, "工作记录")
    page = main.page("entries")
    assert isinstance(page, EntriesPage)
    return page


@pytest.fixture
def unit_window(qtbot, tmp_path: Path) -> Iterator[Callable[[Ledger], MainWindow]]:
    """The main window started on a unit's own database (another machine's program), as the
    `start` fixture starts the office's."""
    windows: list[MainWindow] = []

    def started(ledger: Ledger) -> MainWindow:
        settings = QSettings(str(tmp_path / "unit-settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(Session(ledger, settings, TODAY, "zh"), ledger.path.name)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    yield started
    for window in windows:
        window.close()


def test_take_in_three_units_print_the_circular_return_a_month_and_the_unit_reopens_it(
    qtbot,
    start: Callable[[], MainWindow],
    unit_window: Callable[[Ledger], MainWindow],
    ledger: Ledger,
    db_path: Path,
    tmp_path: Path,
    files: FileAnswers,
    picked: Picked,
    opened: list[str],
    questions: list[str],
    warnings: list[str],
) -> None:
    # three units have submitted October on their own machines and sent the files in
    units = make_units(tmp_path / "units")
    trust_units(ledger, units)
    sent: list[Path] = []
    for unit, db in units.items():
        sent += submit_all(db, tmp_path / "sent" / unit)
    assert sorted(f.stem.rsplit("-", 1)[1] for f in sent) == sorted(NAMES)

    # the office, on 20 November, takes them in with the intake button
    main = start()
    board = to_board(main)
    picked.answers.append([str(f) for f in sent])
    press_and_wait(qtbot, board, "接收报送文件…")
    assert len(picked.asked) == 1 and not warnings, warnings
    said = feedback(main)
    for name in NAMES:
        assert name in said, said
    assert "2026年10月" in said and "拒" not in said, said
    held = {s.person.name: s for s in ledger.submission_status(OCTOBER)}
    assert {n: s.state for n, s in held.items()} == dict.fromkeys(NAMES, MonthState.SUBMITTED)

    # the board was on November; it turns to October, what was taken in, and says so
    assert main.period_bar.part.currentText() == "10月"
    assert "已显示2026年10月" in said, said
    rows = board_rows(board)
    assert rows == {name: (unit, "已报送", "") for unit, names in SENT.items() for name in names}, (
        rows
    )
    counts = find(board, QLabel, "board_counts").text()
    assert counts == "已报送 4/4 · 已审核 0 · 已退回 0 · 未报送 0", counts

    # the month by unit: one row a unit, in the office's order (here none is set: by name)
    choose(board.view, "按单位")
    in_order = sorted(UNITS, key=ledger.official_order().unit_rank)
    assert column(board.table, "单位") == in_order
    sent_by = {unit: str(len(names)) for unit, names in SENT.items()}
    assert column(board.table, "已报送") == [sent_by[u] for u in in_order]
    choose(board.view, "按人员")

    # the unit's own PDF, from the file it sent, opened from its row
    click_row(board.table, column(board.table, "姓名").index("王强"))
    press(board, "查看报送的月报")
    assert len(opened) == 1 and opened[0].endswith(".pdf"), opened
    assert Path(opened[0]).read_bytes() == PDF  # the one in 王强's file (a stand-in here)
    assert "王强" in Path(opened[0]).name
    opened.clear()

    # the circular by unit, printed in the window, is the CLI's for the same database
    click_item(main.sidebar, "报告")
    reports = main.page("reports")
    assert isinstance(reports, ReportsPage)
    choose(reports.kind, "汇总通报")
    choose(reports.by, "按单位")
    assert reports.fmt.currentText() == "PDF"
    shown_units = column(reports.table, "单位")
    assert set(UNITS) <= set(shown_units), shown_units
    gui_pdf = tmp_path / "通报" / "circular-2026-10.pdf"
    gui_pdf.parent.mkdir()
    files.save.append(str(gui_pdf))
    press(reports, "导出…")
    qtbot.waitUntil(lambda: reports.job is None and gui_pdf.exists(), timeout=60_000)
    assert opened == [str(gui_pdf)] and not warnings, (feedback(main), warnings)
    cli_pdf = tmp_path / "cli.pdf"
    ok(db_path, "report", "circular", "--period", "2026-10", "--by", "unit", "--out", str(cli_pdf))
    seen = pdf_text(gui_pdf.read_bytes(), tmp_path)
    assert seen == pdf_text(cli_pdf.read_bytes(), tmp_path)
    printed = "".join(seen)
    for unit in UNITS:
        assert unit in printed, unit
    assert "未报送" not in printed.replace("未报送：无", "")

    # 李娜 of 高新区 is returned, with an opinion typed into the opinion dialog
    board = to_board(main)
    click_row(board.table, column(board.table, "姓名").index("李娜"))
    otv = tmp_path / "退回" / "2026-10-李娜.otv"
    otv.parent.mkdir()
    files.save.append(str(otv))
    asked: list[str] = []

    def give_opinion(dialog: QDialog) -> None:
        asked.append(dialog.windowTitle())
        # wide enough for its title and a title bar's buttons (it was cut off)
        title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
        assert dialog.width() >= title + 150, (dialog.width(), title)
        asked.extend(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
        type_into(find(dialog, QPlainTextEdit), OPINION)
        ok_button = find(dialog, QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        click(ok_button)

    # cancelling the file dialog leaves the month as it was, not returned with no file to send
    files.save.clear()
    in_dialog(qtbot, lambda: press(board, "退回并提出意见…"), give_opinion)
    assert files.asked[-1] == "保存发给单位的退回文件"
    (li,) = [s for s in ledger.submission_status(OCTOBER) if s.person.name == "李娜"]
    assert li.state is MonthState.SUBMITTED and board_rows(board)["李娜"][1] == "已报送"
    asked.clear()
    files.save.append(str(otv))
    in_dialog(qtbot, lambda: press(board, "退回并提出意见…"), give_opinion)
    assert asked[:2] == ["退回并提出意见", "对 李娜 的审核意见"], asked
    assert questions[-1].startswith("按此意见退回 李娜 2026年10月的月报吗？"), questions
    assert otv.exists(), feedback(main)
    assert str(otv) in feedback(main)
    assert files.asked[-1] == "保存发给单位的退回文件"
    assert files.suggested[-1] == "2026-10-高新区-李娜-审核意见.otv"  # as onethird-cli names it
    assert [w for w in warnings if w not in questions] == [], warnings
    rows = board_rows(board)
    assert rows["李娜"] == ("高新区", "已退回", OPINION), rows
    assert all(rows[n][1] == "已报送" for n in ("张伟", "陈静", "王强")), rows
    (li,) = [s for s in ledger.submission_status(OCTOBER) if s.person.name == "李娜"]
    assert (li.state, li.opinion) == (MonthState.RETURNED, OPINION)
    # the file lost: pressing it again on the returned row saves the file again, nothing else
    again = tmp_path / "退回" / "again.otv"
    files.save.append(str(again))
    click_row(board.table, column(board.table, "姓名").index("李娜"))
    press(board, "退回并提出意见…")
    assert again.read_bytes() == otv.read_bytes() and str(again) in feedback(main)
    main.close()

    # at 高新区, on its own database: October is locked until the return file is taken in
    with open_ledger(units["高新区"]) as zone:
        person = zone.find_person("李娜")
        assert person.id is not None
        before = len(zone.entries(period=OCTOBER))
        there = unit_window(zone)
        choose(there.period_bar.person, "李娜（区长）")
        choose(there.period_bar.part, "10月")
        entries = to_entries(there)
        assert "只读" in entries.banner.text() and not entries.add_button.isEnabled()

        board = to_board(there)
        # a unit neither returns nor accepts: those buttons are the office's
        shown = {b.text() for b in board.findChildren(QPushButton) if b.isVisible()}
        assert {"报送本月…", "接收报送文件…"} <= shown and not {
            "退回并提出意见…",
            "审核通过",
        } & shown
        picked.answers.append([str(otv)])
        press_and_wait(qtbot, board, "接收报送文件…")
        assert [w for w in warnings if w not in questions] == [], warnings
        said = feedback(there)
        assert "李娜" in said and OPINION in said and "可以修改" in said, said
        rows = board_rows(board)
        assert rows["李娜"] == ("高新区", "已退回", OPINION), rows
        assert rows["陈静"][1] == "已报送", rows
        (status,) = zone.month_statuses(person.id, OCTOBER)
        assert status.state is MonthState.RETURNED and not status.locked

        entries = to_entries(there)
        assert OPINION in entries.banner.text() and "只读" not in entries.banner.text()
        assert button(entries, "新建工作记录").isEnabled()

        def log_a_day(dialog: QDialog) -> None:
            assert dialog.persons.current() == person.id
            type_into(dialog.date, "2026-10-29")
            choose(dialog.activity, "项目洽谈")
            click(dialog.modes.button(0))  # 全天
            type_into(dialog.counterpart, "京东方科技集团")
            type_into(dialog.note, "增资扩产协议条款")
            press(dialog, "保存")

        in_dialog(qtbot, lambda: press(entries, "新建工作记录"), log_a_day)
        assert [w for w in warnings if w not in questions] == [], warnings
        added = [e for e in zone.entries(period=OCTOBER) if e.day == date(2026, 10, 29)]
        assert len(zone.entries(period=OCTOBER)) == before + 1
        assert [(e.person_id, e.counterpart, e.note) for e in added] == [
            (person.id, "京东方科技集团", "增资扩产协议条款")
        ]
        there.close()
    # the two returns asked once each (the first was cancelled at its file dialog)
    assert [q.split("？")[0] for q in questions] == ["按此意见退回 李娜 2026年10月的月报吗"] * 2
