"""The office sends its unit order to a unit from the window: 设置 › 导出下发文件… writes the
signed calendar file; at the unit, on its own database, 报送 › 接收报送文件… takes it in and the
unit's order is the office's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from tests.storage.units import introduce, open_ledger
from tests.ui.scenarios.conftest import FileAnswers
from tests.ui.scenarios.drive import click_item, feedback, press, press_and_wait
from tests.ui.scenarios.test_office_round import (  # noqa: F401
    Picked,
    picked,
    to_board,
    unit_window,
)

ORDER = ("市人民政府", "高新区", "青山县")


def test_the_office_exports_its_order_and_a_unit_takes_it_in(
    qtbot,
    start: Callable[[], MainWindow],
    unit_window: Callable[[Ledger], MainWindow],  # noqa: F811
    ledger: Ledger,
    tmp_path: Path,
    files: FileAnswers,
    picked: Picked,  # noqa: F811
    warnings: list[str],
) -> None:
    ledger.set_official_order("unit", list(ORDER))  # set on an earlier day (test_unit_order)
    unit_db = tmp_path / "unit.db"
    with open_ledger(unit_db) as unit:
        introduce(unit, ledger, "office")
        unit.set_official_order("unit", ["青山县"])

    main = start()
    click_item(main.sidebar, "设置")
    sent = tmp_path / "下发" / "order.otc"
    sent.parent.mkdir()
    files.save.append(str(sent))
    press(main.page("settings"), "导出下发文件…")
    assert not warnings, warnings
    assert files.suggested and files.suggested[0].endswith("下发各单位.otc"), files.suggested
    said = feedback(main)
    assert "order.otc" in said and "单位排序中的单位：3" in said, said
    assert sent.is_file()

    with open_ledger(unit_db) as unit:
        window = unit_window(unit)
        board = to_board(window)
        picked.answers.append([str(sent)])
        press_and_wait(qtbot, board, "接收报送文件…")
        said = feedback(window)
        assert "已采用督查室下发的单位排序（单位 3 个，招商组 0 个）" in said, said
        assert unit.official_order().units == ORDER
