"""The CLI's plain-text tables line up in a terminal: a Chinese character takes two columns."""

from __future__ import annotations

from desktop.cli.text import text_table, width


def test_a_chinese_character_takes_two_columns() -> None:
    assert width("") == 0
    assert width("abc 12") == 6
    assert width("张伟") == 4
    assert width("市长A") == 5
    assert width("（全角）") == 8


def test_columns_line_up_with_chinese_and_numbers_right_aligned() -> None:
    table = text_table(
        ["姓名", "days"], [["张伟", "3.5"], ["Li", "12.25"], ["欧阳修文", "0"]], [False, True]
    )
    assert table.split("\n") == [
        "姓名       days",
        "--------  -----",
        "张伟        3.5",
        "Li        12.25",
        "欧阳修文      0",
    ]
