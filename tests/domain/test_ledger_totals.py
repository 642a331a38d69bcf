"""Rows of totals, work content in the note, and cells our own export guarded, as the domain
reads a ledger's rows."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.entry_rows import (
    EntryRow,
    NoteColumn,
    Problem,
    TotalRow,
    map_header,
    read_rows,
    total_word,
)
from desktop.domain.ledger_parsing import unguard

TODAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("values", "word"),
    [
        (["合计", "", "7"], "合计"),
        (["", "小 计", 3.5], "小计"),
        (["本月总计："], "总计"),
        (["累计走访企业3家"], "累计"),
        (["2026-09-01", "张伟"], None),
        ([None, 7.0], None),
    ],
)
def test_total_words(values: list[object], word: str | None) -> None:
    assert total_word(values) == word


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("'=SUM(A1)", "=SUM(A1)"),
        ("'+86 138", "+86 138"),
        ("'-5", "-5"),
        ("'@北京", "@北京"),
        ("'引号开头的备注", "'引号开头的备注"),  # not one our export wrote
        ("=SUM(A1)", "=SUM(A1)"),
    ],
)
def test_unguard(text: str, back: str) -> None:
    assert unguard(text) == back


def test_read_rows_skips_totals_and_keeps_the_work_content() -> None:
    header = ["序号", "日期", "姓名", "用时", "类型", "工作内容", "备注", "电话"]
    columns = map_header(header)
    rows = [
        (2, ["1", "2026-09-01", "张伟", "2", "项目洽谈", "洽谈电池项目", "带队", "138"]),
        (3, ["2", "2026-09-02", "张伟", "1.5", "项目洽谈", "", "", ""]),
        (4, ["", "", "", "3.5", "", "", "", ""]),  # only the sum of 用时 above
        (5, ["", "", "", "9", "", "", "", ""]),  # a number that sums nothing
        (6, ["合计", "", "", "3.5", "", "", "", ""]),
    ]
    phone = NoteColumn(7, "电话", "append")
    out = list(read_rows(rows, columns, TODAY, [phone]))
    first = out[0][1]
    assert isinstance(first, EntryRow) and first.note == "洽谈电池项目；带队；电话：138"
    assert isinstance(out[1][1], EntryRow) and out[1][1].note == ""
    assert out[2][1] == TotalRow(4, "")
    assert isinstance(out[3][1], Problem) and out[3][1].error.field == "date"
    assert out[4][1] == TotalRow(6, "合计")
