"""The entries table reads a window of rows at a time; one in the second half of a long list is
read from the far end in the reversed order. Every row it shows, in every order, is the row the
whole ordered list has at that place."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.domain.entries import Entry
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.storage.entries import EntryOrder
from desktop.storage.ledger import Ledger
from desktop.ui.entries_model import PAGE, SORT_BY, EntriesTableModel, EntryFilter
from tests.conftest import activity_id

ROWS = 2 * PAGE + 37  # three windows, the last one short


@pytest.fixture
def filled(ledger: Ledger) -> Ledger:
    people = [ledger.add_person(Person(name, "局长", "市政府")).id for name in ("张伟", "李娜")]
    talks, visit = activity_id(ledger, "项目洽谈"), activity_id(ledger, "接待客商考察")
    with ledger.db.atomic():
        for i in range(ROWS):
            who = people[i % 2]
            assert who is not None
            day = date(2026, 1, 1) + timedelta(days=i // 4)
            start = 480 + 60 * (i % 4) if i % 5 else None  # some rows given only hours
            ledger.add_entry(
                Entry(who, day, talks if i % 3 else visit, minutes=50,
                      start=start, end=None if start is None else start + 50,
                      location=["重庆", "成都", ""][i % 3], note=f"第{i % 7}次")
            )  # fmt: skip
    return ledger


@pytest.mark.parametrize("way", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
@pytest.mark.parametrize("column", range(len(SORT_BY)))
def test_every_window_holds_the_rows_the_whole_order_has_there(
    qapp: object, filled: Ledger, column: int, way: Qt.SortOrder
) -> None:
    model = EntriesTableModel(filled)
    model.set_filter(EntryFilter(period=Period.year(2026)))
    model.sort(column, way)  # as a click on the heading sorts
    order = model.order
    assert order == EntryOrder(SORT_BY[column], way == Qt.SortOrder.DescendingOrder)
    whole = [e.id for e in filled.entries(period=Period.year(2026), order=order)]
    assert model.rowCount() == len(whole) == ROWS
    for row in range(ROWS - 1, -1, -1):  # the end first, as scrolling to it reads it
        assert model.entry_at(row).id == whole[row], row
