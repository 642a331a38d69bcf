"""A large import goes in without the per-row upkeep of the text index and the sort indexes,
which are built for its rows in one pass: afterwards the schema is as before, the search
finds exactly what a LIKE scan finds, and a later entry is indexed by the triggers again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.domain.entries import Entry
from desktop.domain.people import Person
from desktop.storage import entry_import, text_index
from desktop.storage.ledger import Ledger
from tests.conftest import activity_id
from tests.storage.test_text_index import _like_ids

PLACES = ("深圳", "上海浦东", "高新区会议室", "重庆两江新区", "")


def _schema(ledger: Ledger) -> list[tuple[str, str]]:
    return ledger.db.execute(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
    ).fetchall()


def _ids(ledger: Ledger, query: str) -> list[int]:
    return [e.id for e in ledger.entries(text=query) if e.id is not None]


def _large_file(tmp_path: Path, rows: int, note: str) -> Path:
    """张伟's half hours on distinct days and hours, row n's note `note` with n in it."""
    lines = ["日期,姓名,开始,结束,活动类型,地点,备注"]
    for n in range(rows):
        day = date(2026, 1 + n % 10, 1 + n // 10 % 28).isoformat()
        start = 6 + n // 280 % 16
        text = note.format(n)
        lines.append(f"{day},张伟,{start:02d}:00,{start:02d}:30,项目洽谈,{PLACES[n % 5]},{text}")
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def test_a_bulk_import_builds_the_text_and_sort_indexes_after_its_rows(
    ledger: Ledger, zhang: Person, tmp_path: Path
) -> None:
    rows = entry_import.BULK_ROWS + 500
    path = _large_file(tmp_path, rows, "第{}次洽谈")
    before = _schema(ledger)
    assert zhang.id is not None
    result = ledger.import_entries(path)
    assert result.rows == rows
    assert _schema(ledger) == before
    for query in ("重庆", "深", "浦东", "第12次", "洽谈", "会议室"):
        assert sorted(_ids(ledger, query)) == sorted(_like_ids(ledger, query)), query
    later = ledger.add_entry(
        Entry(zhang.id, date(2026, 11, 30), activity_id(ledger, "项目洽谈"), 30, location="合肥")
    )
    assert _ids(ledger, "合肥") == [later.id]


def test_the_indexes_sorted_in_threads_are_whole_and_the_connection_is_as_before(
    ledger: Ledger, zhang: Person, tmp_path: Path
) -> None:
    rows = entry_import.BULK_ROWS + 500
    path = _large_file(tmp_path, rows, "备注{}")
    settings = ("threads", "cache_size", "secure_delete")
    before = [ledger.db.execute(f"PRAGMA {name}").fetchone()[0] for name in settings]
    assert ledger.import_entries(path).rows == rows
    assert [ledger.db.execute(f"PRAGMA {name}").fetchone()[0] for name in settings] == before
    # the text index writes its terms out at its usual size again (FTS5's hashsize)
    held = ledger.db.execute(
        "SELECT coalesce((SELECT v FROM entries_text_config WHERE k = 'hashsize'), ?)",
        [text_index.HASH_SIZE],
    ).fetchone()[0]
    assert held == text_index.HASH_SIZE
    # every index holds exactly the table's rows, in its order
    assert ledger.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    by_note = ledger.db.execute(
        "SELECT note FROM entries INDEXED BY idx_entries_by_note ORDER BY note"
    ).fetchall()
    assert [r[0] for r in by_note] == sorted(f"备注{n}" for n in range(rows))
