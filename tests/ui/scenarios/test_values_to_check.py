"""At the office, in the window: 高新区's report names a project 市人民政府 keeps, with another
investor, another leader and a 500 亿 amount. After intake the 报送 page offers 待核对（4 项）…;
the clerk takes the file's investor, keeps the office's leader, and Ctrl+Z takes the investor
decision back — the project in the database follows each click."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QPushButton, QTableView

from desktop.domain.intake_flags import FlagState
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from tests.storage.test_intake_flags import SOLAR, _submit, two_units  # noqa: F401
from tests.storage.units import introduce, open_ledger
from tests.ui.scenarios.drive import (
    button,
    cells,
    column,
    feedback,
    find,
    in_dialog,
    press,
    press_and_wait,
    shortcut,
)
from tests.ui.scenarios.test_office_round import Picked, click_row, picked, to_board  # noqa: F401


def _solar(ledger: Ledger) -> tuple[str, str, Decimal | None]:
    (p,) = [p for p in ledger.projects() if p.name == SOLAR]
    leader = "" if p.leader_id is None else ledger.person(p.leader_id).name
    return p.investor, leader, p.amount


def test_the_office_checks_what_another_unit_sent_for_a_project_it_does_not_keep(
    qtbot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    two_units: dict[str, Path],  # noqa: F811
    tmp_path: Path,
    picked: Picked,  # noqa: F811
    warnings: list[str],
) -> None:
    for unit, db in two_units.items():
        with open_ledger(db) as led:
            introduce(ledger, led, "unit", unit)
    out = tmp_path / "out"
    sent = [
        _submit(two_units["市人民政府"], "张伟", out),
        _submit(two_units["高新区"], "李娜", out),
    ]

    main = start()
    board = to_board(main)
    shown = [b.text() for b in board.findChildren(QPushButton) if b.isVisible()]
    assert not [t for t in shown if t.startswith("待核对")], shown  # not an office yet
    picked.answers.append([str(sent[0])])
    press_and_wait(qtbot, board, "接收报送文件…")
    picked.answers.append([str(sent[1])])
    press_and_wait(qtbot, board, "接收报送文件…")
    said = feedback(main)
    assert (
        "已留待督查室核对" in said and "投资方与本库不同（本库：甲集团；报送：乙公司）" in said
    ), said
    assert not warnings, warnings
    assert _solar(ledger) == ("甲集团", "张伟", Decimal(1000))
    to_check = button(board, "待核对（4 项）…")
    assert to_check.isVisible()

    def decide(dialog: QDialog) -> None:
        table = find(dialog, QTableView)
        theirs = column(table, "报送")
        assert {"乙公司", "李娜", "50000000 万元", "2026-10-25 签约 5000000 万元"} == set(theirs), (
            cells(table)
        )
        rows = column(table, "内容")
        assert sorted(rows) == ["包联领导", "协议投资额", "投资方", "阶段变化"], rows
        click_row(table, rows.index("投资方"))
        press(dialog, "采用报送的值")
        assert _solar(ledger)[0] == "乙公司"
        rows = column(table, "内容")
        click_row(table, rows.index("包联领导"))
        press(dialog, "保持本库的值")
        assert _solar(ledger)[1] == "张伟"
        assert sorted(column(table, "内容")) == ["协议投资额", "阶段变化"]
        press(dialog, "关闭")

    in_dialog(qtbot, lambda: to_check.click(), decide)

    # the board printed: the month, its counts and the rows, on A4 through Qt's preview
    printed: list[int] = []

    def look(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "2026年10月月报报送情况"
        (preview,) = dialog.findChildren(QPrintPreviewWidget)
        printed.append(preview.pageCount())
        dialog.reject()

    in_dialog(qtbot, lambda: press(board, "打印看板…"), look)
    assert printed == [1]
    assert button(board, "待核对（2 项）…").isVisible()
    decided = {f.what: f.state for f in ledger.intake_flags() if f.state is not FlagState.OPEN}
    assert decided == {"investor": FlagState.ACCEPTED, "leader": FlagState.REJECTED}

    # Ctrl+Z twice: the leader decision, then the investor one, are taken back
    shortcut(main, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    shortcut(main, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _solar(ledger) == ("甲集团", "张伟", Decimal(1000))
    assert {f.state for f in ledger.intake_flags()} == {FlagState.OPEN}
    assert button(board, "待核对（4 项）…").isVisible()
