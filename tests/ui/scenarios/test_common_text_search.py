"""A text found in most entries (市 in a city's ledger) is searched as a person searches: typed
into the entries page's search field. Its windows are then read walking the display order
(storage/entries.py MANY_MATCHES, made small here), and the table shows the same rows, in the
same order and count, as the sort of every match shows; a click on 日期 turns them round."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.domain.entries import Entry
from desktop.domain.people import Person
from desktop.storage import entries as entries_module
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import PAGES, MainWindow
from tests.conftest import activity_id
from tests.ui.scenarios.drive import click_item, column, type_into
from tests.ui.scenarios.test_tables_like_excel import arrow, click_heading

PLACES = ("市政府", "重庆", "成都市", "高新区", "市招商局")


@pytest.mark.parametrize("many", [1_000, 5], ids=["ids sorted", "walked"])
def test_a_common_text_shows_every_match_in_order_either_way(
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    zhang: Person,
    many: int,
) -> None:
    assert zhang.id is not None
    talks = activity_id(ledger, "项目洽谈")
    first = date(2026, 11, 1)
    for n in range(40):  # two an afternoon, the later one added first
        day, hour = first + timedelta(days=n // 2), 16 - 2 * (n % 2)
        ledger.add_entry(
            Entry(
                zhang.id,
                day,
                talks,
                60,
                start=hour * 60,
                end=hour * 60 + 60,
                location=f"{PLACES[n % 5]}{n}",
            )
        )
    found = [n for n in range(40) if "市" in PLACES[n % 5]]
    # a day's 14:00 (the odd one) before its 16:00
    expected = [f"{PLACES[n % 5]}{n}" for n in sorted(found, key=lambda n: (n // 2, n % 2 == 0))]
    monkeypatch.setattr(entries_module, "MANY_MATCHES", many)
    window = start()
    click_item(window.sidebar, window.sidebar.item(PAGES.index("entries")).text())
    page = window.page("entries")
    type_into(page.text, "市")
    qtbot.waitUntil(lambda: page.count.text() == f"共 {len(expected)} 条", timeout=5_000)
    assert column(page.table, "地点") == expected
    assert (ledger.ordered_entry_ids(text="市", period=page.model.entry_filter.period) is None) == (
        many < len(expected)
    )
    click_heading(page.table, "日期")
    qtbot.waitUntil(lambda: arrow(page.table)[0] == "日期")
    if arrow(page.table)[1] == Qt.SortOrder.AscendingOrder:
        click_heading(page.table, "日期")
    qtbot.waitUntil(lambda: column(page.table, "地点") == expected[::-1], timeout=5_000)
    assert page.count.text() == f"共 {len(expected)} 条"
