"""Substring search over the entries' place, counterpart and note: an FTS5 index of character pairs.

A two-character Chinese word such as 重庆 is the common search, too short for FTS5's trigram
tokenizer, so each text is indexed as its consecutive character pairs. Every character is written
as four base-36 digits, so the tokenizer sees plain ASCII words whatever the text holds
(punctuation, spaces, rare characters). A text "abc" becomes the tokens "ab bc c"; a search for
"ab…" is the phrase of its pairs, a one-character search the prefix of that character, which
matches its pairs and the lone last character. With ASCII letters folded as LIKE folds them, a
match is exactly `text LIKE '%query%'`; tests/storage/test_text_index.py checks this.

The index is kept by triggers on `entries` that call `text_grams`, so every connection that
writes entries must `register` it (open_database does); a connection without it cannot write
entries at all rather than leave the index behind.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.storage.connection import Connection

FUNCTION = "text_grams"
TABLE = "entries_text"
COLUMNS = ("location", "counterpart", "note")
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


class _Codes(dict[int, str]):
    """str.translate table: a character to its four base-36 digits, ASCII letters folded."""

    def __missing__(self, n: int) -> str:
        m = n + 32 if 65 <= n <= 90 else n  # ≤ 0x10FFFF < 36**4
        digits = []
        for _ in range(4):
            m, d = divmod(m, 36)
            digits.append(_DIGITS[d])
        self[n] = code = "".join(reversed(digits))
        return code


_CODES = _Codes()


def _pairs(coded: str) -> list[str]:
    return [coded[i : i + 8] for i in range(0, len(coded) - 4, 4)]


@lru_cache(maxsize=1 << 14)  # places and counterparts repeat on thousands of rows
def grams(text: str | None) -> str:
    """The tokens the index holds for one text: its character pairs, then its last character."""
    if not text:
        return ""
    coded = text.translate(_CODES)
    return " ".join([*_pairs(coded), coded[-4:]])


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for texts containing query, or None for an empty query."""
    if not query:
        return None
    coded = query.translate(_CODES)
    if len(coded) == 4:
        return coded + "*"
    return '"' + " ".join(_pairs(coded)) + '"'


HASH_SIZE = 1 << 20  # FTS5's own: the bytes of new terms it holds before writing a segment


@contextmanager
def terms_held(conn: Connection, size: int) -> Iterator[None]:
    """The index holds up to `size` bytes of new terms in memory before it writes them out
    (FTS5's hashsize), for a bulk insert: fewer, larger segments and less merging of them.
    Set back afterwards; a setting of the index, so it is rolled back with the transaction."""
    (before,) = conn.execute(
        f"SELECT coalesce((SELECT v FROM {TABLE}_config WHERE k = 'hashsize'), ?)", [HASH_SIZE]
    ).fetchone()
    conn.execute(f"INSERT INTO {TABLE} ({TABLE}, rank) VALUES ('hashsize', ?)", [size])
    try:
        yield
    finally:
        conn.execute(f"INSERT INTO {TABLE} ({TABLE}, rank) VALUES ('hashsize', ?)", [before])


def register(conn: sqlite3.Connection) -> None:
    conn.create_function(FUNCTION, 1, grams, deterministic=True)


def _values(row: str) -> str:
    return ", ".join(f"{FUNCTION}({row}.{c})" for c in COLUMNS)


CREATE_SQL = f"""
CREATE VIRTUAL TABLE {TABLE} USING fts5({", ".join(COLUMNS)}, content='', columnsize=0);
CREATE TRIGGER {TABLE}_insert AFTER INSERT ON entries BEGIN
    INSERT INTO {TABLE} (rowid, {", ".join(COLUMNS)}) VALUES (NEW.id, {_values("NEW")});
END;
CREATE TRIGGER {TABLE}_delete AFTER DELETE ON entries BEGIN
    INSERT INTO {TABLE} ({TABLE}, rowid, {", ".join(COLUMNS)})
    VALUES ('delete', OLD.id, {_values("OLD")});
END;
CREATE TRIGGER {TABLE}_update AFTER UPDATE OF id, {", ".join(COLUMNS)} ON entries BEGIN
    INSERT INTO {TABLE} ({TABLE}, rowid, {", ".join(COLUMNS)})
    VALUES ('delete', OLD.id, {_values("OLD")});
    INSERT INTO {TABLE} (rowid, {", ".join(COLUMNS)}) VALUES (NEW.id, {_values("NEW")});
END;
INSERT INTO {TABLE} (rowid, {", ".join(COLUMNS)}) SELECT id, {_values("entries")} FROM entries;
"""
