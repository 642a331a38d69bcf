"""The text search index answers exactly what a LIKE '%query%' scan answers, through every write."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.entries import Entry
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage import text_index
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY, activity_id, back_to_before_text_search

ALPHABET = "重庆市招商庆重aAbBzZ%_\\ -()，。é\U00020000"
texts = st.text(ALPHABET, max_size=7)


def _like_ids(ledger: Ledger, query: str) -> list[int]:
    pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = ledger.db.execute(
        "SELECT id FROM entries WHERE location LIKE ?1 ESCAPE '\\' OR counterpart LIKE ?1"
        " ESCAPE '\\' OR note LIKE ?1 ESCAPE '\\' ORDER BY date, person_id, start_min, id",
        [pattern],
    ).fetchall()
    return [r[0] for r in rows]


def _folded_contains(entry: Entry, query: str) -> bool:
    def fold(s: str) -> str:
        return "".join(c.lower() if c.isascii() else c for c in s)

    return any(fold(query) in fold(t) for t in (entry.location, entry.counterpart, entry.note))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.tuples(texts, texts, texts), min_size=1, max_size=6),
    changed=st.lists(st.tuples(st.integers(0, 5), texts), max_size=3),
    deleted=st.sets(st.integers(0, 5), max_size=2),
    query=st.one_of(texts, st.tuples(st.integers(0, 17), st.integers(1, 4))),
)
def test_search_equals_a_like_scan_after_adds_updates_and_deletes(
    tmp_path_factory: object,
    rows: list[tuple[str, str, str]],
    changed: list[tuple[int, str]],
    deleted: set[int],
    query: str | tuple[int, int],
) -> None:
    ledger = _shared_ledger(tmp_path_factory)
    for e in ledger.entries():
        ledger.delete_entry(e.id)  # type: ignore[arg-type]
    pid = ledger.find_person("王芳").id
    act = activity_id(ledger, "外出招商")
    added = [
        ledger.add_entry(
            Entry(
                pid, TODAY - timedelta(days=i), act, minutes=30, location=a, counterpart=b, note=c
            )
        )
        for i, (a, b, c) in enumerate(rows)
    ]
    for index, note in changed:
        if index < len(added):
            added[index] = ledger.update_entry(replace(added[index], note=note))
    for index in deleted:
        if index < len(added):
            ledger.delete_entry(added[index].id)  # type: ignore[arg-type]
    stored = ledger.entries()
    if isinstance(query, tuple):  # a piece of the stored texts
        joined = "".join(e.location + e.counterpart + e.note for e in stored)
        query = joined[query[0] : query[0] + query[1]]
    q = query.strip()
    found = [e.id for e in ledger.entries(text=query)]
    if not q:
        assert found == [e.id for e in stored]
        return
    assert found == _like_ids(ledger, q)
    assert found == [e.id for e in stored if _folded_contains(e, q)]
    assert ledger.count_entries(text=query) == len(found)
    assert ledger.entry_ids(text=query) == found


_LEDGERS: dict[int, Ledger] = {}


def _shared_ledger(factory: object) -> Ledger:
    """One database for all examples (each example empties it first, through the delete path)."""
    key = id(factory)
    if key not in _LEDGERS:
        path = factory.mktemp("text-index") / "ledger.db"  # type: ignore[attr-defined]
        ledger = Ledger.open(path, WorkCalendar(), actor="测试秘书", today=lambda: TODAY)
        ledger.add_person(Person("王芳", "区长", "高新区"))
        _LEDGERS[key] = ledger
    return _LEDGERS[key]


def test_search_combines_with_the_other_filters(ledger: Ledger, zhang: Person) -> None:
    act = activity_id(ledger, "外出招商")
    other = ledger.add_person(Person("李明", "副市长", "市人民政府"))
    e1 = ledger.add_entry(Entry(zhang.id, date(2026, 10, 9), act, minutes=60, location="重庆"))
    ledger.add_entry(Entry(other.id, date(2026, 10, 9), act, minutes=60, location="重庆"))
    ledger.add_entry(Entry(zhang.id, date(2026, 9, 9), act, minutes=60, location="重庆"))
    found = ledger.entries(person_id=zhang.id, period=Period.month(2026, 10), text="重庆")
    assert found == [e1]


def test_an_existing_ledger_is_indexed_when_it_is_upgraded(db_path: Path) -> None:
    with Ledger.open(db_path, WorkCalendar(), today=lambda: TODAY) as ledger:
        pid = ledger.add_person(Person("王芳")).id
        act = activity_id(ledger, "外出招商")
        ledger.add_entry(Entry(pid, TODAY, act, minutes=60, counterpart="重庆长安汽车"))
        # back to the schema before the index: no table, no triggers, migration not applied
        back_to_before_text_search(ledger)
        ledger.add_entry(Entry(pid, TODAY, act, minutes=60, note="再谈长安"))
        assert (
            ledger.db.execute(
                "SELECT count(*) FROM sqlite_master WHERE name LIKE 'entries_text%'"
            ).fetchone()[0]
            == 0
        )
    with Ledger.open(db_path, WorkCalendar(), today=lambda: TODAY) as ledger:
        assert [e.note or e.counterpart for e in ledger.entries(text="长安")] == [
            "重庆长安汽车",
            "再谈长安",
        ]
        assert ledger.entries(text="安") == ledger.entries(text="长安")
        upgraded = _schema(ledger)
    with Ledger.open(db_path.with_name("new.db"), WorkCalendar(), today=lambda: TODAY) as new:
        assert upgraded == _schema(new)


def _schema(ledger: Ledger) -> list[tuple[str, str]]:
    return ledger.db.execute("SELECT type, name FROM sqlite_master ORDER BY name").fetchall()


def test_tokens_are_ascii_words_whatever_the_text() -> None:
    tokens = text_index.grams("A重\U00020000 (")
    assert tokens.split() == [
        text_index.grams("a")[:4] + text_index.grams("重")[:4],
        text_index.grams("重")[:4] + text_index.grams("\U00020000")[:4],
        text_index.grams("\U00020000")[:4] + text_index.grams(" ")[:4],
        text_index.grams(" ")[:4] + text_index.grams("(")[:4],
        text_index.grams("(")[:4],
    ]
    assert all(t.isascii() and t.isalnum() and t == t.lower() for t in tokens.split())
    assert text_index.match_expression("") is None


def test_a_connection_without_the_function_can_read_but_not_change_entries(
    ledger: Ledger, zhang: Person, db_path: Path
) -> None:
    act = activity_id(ledger, "外出招商")
    e = ledger.add_entry(Entry(zhang.id, TODAY, act, minutes=60, location="重庆"))  # type: ignore[arg-type]
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("SELECT location FROM entries").fetchall() == [("重庆",)]
        for sql in (
            "UPDATE entries SET location = '成都'",
            "DELETE FROM entries",
        ):
            with pytest.raises(sqlite3.OperationalError, match="text_grams"):
                raw.execute(sql)
        raw.rollback()
    finally:
        raw.close()
    assert ledger.entries(text="重庆") == [e]
