"""The window and the command line reach the database only through the ledger's methods: no
module in desktop/ui or desktop/cli holds SQL, touches a connection or imports sqlite."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# what SQL and connections look like in Python source
FORBIDDEN = {
    "a connection": re.compile(r"\.db\.|\.conn\b|\bexecute(many|script)?\("),
    "an SQLite import": re.compile(r"^\s*(import|from)\s+(sqlite3|sqlite_utils)\b", re.M),
    "SQL text": re.compile(
        r"""["'(]\s*(SELECT\s.+\sFROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|PRAGMA\s)""",
        re.I,
    ),
}
MODULES = sorted(p for d in ("ui", "cli") for p in (ROOT / "desktop" / d).rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(ROOT)) for p in MODULES])
def test_no_sql_and_no_connection(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = [
        f"{what} at line {text.count(chr(10), 0, m.start()) + 1}: {m.group(0)!r}"
        for what, pattern in FORBIDDEN.items()
        for m in pattern.finditer(text)
    ]
    assert not found, found


def test_the_scan_sees_what_it_forbids() -> None:
    for sample in (
        'ledger.db.execute("SELECT id, name FROM projects")',
        "import sqlite3",
        'ctx.ledger.db.conn.executemany("INSERT INTO trash VALUES (?)", rows)',
        'sql = "update persons set name = ?"',
    ):
        assert any(p.search(sample) for p in FORBIDDEN.values()), sample
    assert not any(
        p.search('name = "demo.db"; self.tr("Select a file")') for p in FORBIDDEN.values()
    )
