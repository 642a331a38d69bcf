"""帮助 › 使用说明 and 帮助 › 数据位置; 设置 › 备份与恢复 (立即备份, then a backup chosen from the
list and restored after a confirmation); the submission deadline day set in 设置 and shown on
the 报送 page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QSpinBox, QTableView, QTextBrowser

from desktop.storage.backups import backups_dir
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from tests.ui.scenarios.drive import (
    cells,
    choose,
    click_item,
    find,
    in_dialog,
    menu_item,
    press,
    type_into,
)
from tests.ui.scenarios.test_office_round import click_row


def test_the_manual_and_where_the_data_is(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, warnings: list[str]
) -> None:
    main = start()
    said: list[str] = []

    def read_manual(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "使用说明"
        said.append(find(dialog, QTextBrowser).toPlainText())
        press(dialog, "关闭")

    in_dialog(qtbot, lambda: menu_item(main, "帮助", "使用说明…"), read_manual)
    for part in ("每天：记工作", "月底：报送", "督查室", "Ctrl+N"):
        assert part in said[0], part

    shown: list[str] = []

    def read_places(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "数据位置"
        shown.extend(label.text() for label in dialog.findChildren(QLabel))
        press(dialog, "关闭")

    in_dialog(qtbot, lambda: menu_item(main, "帮助", "数据位置…"), read_places)
    assert str(ledger.path) in shown and str(backups_dir(ledger.path)) in shown, shown
    assert not warnings, warnings


def test_back_up_now_then_restore_the_chosen_backup(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, questions: list[str]
) -> None:
    main = start()
    click_item(main.sidebar, "设置")
    settings = main.page("settings")
    restored: list[str] = []
    main.restore_requested.connect(restored.append)

    def back_up_and_restore(dialog: QDialog) -> None:
        table = find(dialog, QTableView)
        before = len(cells(table))
        press(dialog, "立即备份")
        qtbot.waitUntil(lambda: len(cells(table)) == before + 1, timeout=20_000)
        assert cells(table)[0][1] == "手动", cells(table)
        message = [w.text() for w in dialog.findChildren(QLabel) if w.text().startswith("已备份")]
        assert message and message[0].endswith("）。"), message
        press(dialog, "恢复所选备份…")  # nothing chosen: said so, nothing done
        assert any("请先在列表中选择" in w.text() for w in dialog.findChildren(QLabel))
        click_row(table, 0)
        press(dialog, "恢复所选备份…")

    in_dialog(qtbot, lambda: press(settings, "备份与恢复…"), back_up_and_restore)
    (newest, *_) = ledger.backups()
    assert newest.reason.value == "manual" and newest.path.is_file()
    assert questions and questions[-1].startswith(f"用备份 {newest.path.name} 替换当前台账吗"), (
        questions
    )
    assert restored == [str(newest.path)]


def test_the_deadline_day_is_set_in_settings(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, warnings: list[str]
) -> None:
    main = start()
    click_item(main.sidebar, "设置")
    settings = main.page("settings")
    spin = [s for s in settings.findChildren(QSpinBox) if s.prefix() == "次月 "]
    assert len(spin) == 1 and spin[0].value() == 5
    type_into(spin[0], "10")
    press(settings, "应用")
    assert ledger.deadline_day() == 10
    click_item(main.sidebar, "报送")
    hint = main.page("submissions").hint.text()
    assert "次月 10 日" in hint, hint
    assert not warnings, warnings


def test_apply_keeps_the_exact_third_the_box_shows_as_33_33(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger
) -> None:
    main = start()
    click_item(main.sidebar, "设置")
    settings = main.page("settings")
    assert ledger.rules().target == 1 / 3
    type_into(settings.hours, "7.5")
    press(settings, "应用")
    assert ledger.rules().hours_per_day == 7.5
    assert ledger.rules().target == 1 / 3  # not 0.3333


def test_the_role_chosen_in_settings_shows_the_offices_buttons(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, warnings: list[str]
) -> None:
    main = start()
    click_item(main.sidebar, "报送")
    board = main.page("submissions")

    def shown() -> set[str]:
        return {b.text() for b in board.findChildren(QPushButton) if b.isVisible()}

    assert "审核通过" not in shown()  # a unit's database: no review
    click_item(main.sidebar, "设置")
    choose(main.page("settings").role, "督查室")
    assert ledger.is_office() and ledger.chosen_role() == "office"
    click_item(main.sidebar, "报送")
    assert {"审核通过", "退回并提出意见…"} <= shown(), shown()
    click_item(main.sidebar, "设置")
    choose(main.page("settings").role, "按使用情况（接收过报送即为督查室）")
    assert not ledger.is_office() and ledger.chosen_role() == ""
    assert not warnings, warnings
