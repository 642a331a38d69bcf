"""A ledger's SQLite connection as the stores use it: `execute`, `executescript`, `atomic`,
`table_names`, `close`, with the transaction behaviour of sqlite-utils' `Database` (a write
outside a transaction commits at once; `atomic()` nests as savepoints). sqlite-utils itself
is imported only to change the schema (storage/schema.py): on every start it cost more than
Python and SQLite together."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

# statements that open or close a transaction themselves: never committed behind their back
_CONTROL = {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}


class Connection:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(
        self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None
    ) -> sqlite3.Cursor:
        """Run one statement; one that writes outside a transaction is committed at once."""
        was_in_transaction = self.conn.in_transaction
        try:
            cursor = (
                self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)
            )
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")  # the implicit transaction the failure left open
            raise
        if (
            not was_in_transaction
            and self.conn.in_transaction
            and cursor.description is None
            and _first_keyword(sql) not in _CONTROL
        ):
            self.conn.execute("COMMIT")
        return cursor

    def executescript(self, sql: str) -> sqlite3.Cursor:
        """Run several statements; inside a transaction without committing it (which
        sqlite3's executescript would)."""
        if self.conn.in_transaction:
            cursor = self.conn.cursor()
            for statement in _statements(sql):
                cursor.execute(statement)
            return cursor
        return self.conn.executescript(sql)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Connection]:
        """One transaction, all or nothing; inside another, a savepoint of it."""
        if self.conn.in_transaction:
            savepoint = f"onethird_{os.urandom(8).hex()}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:  # a RAISE(ROLLBACK) may have ended it already
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
        else:
            self.conn.execute("BEGIN")
            try:
                yield self
            except BaseException:
                self.rollback()
                raise
            else:
                try:
                    self.conn.execute("COMMIT")
                except BaseException:
                    self.rollback()
                    raise

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def table_names(self) -> list[str]:
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return [r[0] for r in rows.fetchall()]

    def close(self) -> None:
        self.conn.close()


def _first_keyword(sql: str) -> str:
    """The statement's first keyword, upper-cased, past spaces, comments and empty ';'."""
    i, n = 0, len(sql)
    while i < n:
        if sql[i].isspace() or sql[i] in (";", "\ufeff"):
            i += 1
        elif sql.startswith("--", i):
            newline = sql.find("\n", i)
            i = n if newline == -1 else newline + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            i = n if end == -1 else end + 2
        else:
            break
    j = i
    while j < n and (sql[j].isalnum() or sql[j] == "_"):
        j += 1
    return sql[i:j].upper()


def _statements(sql: str) -> Iterator[str]:
    statement = ""
    for char in sql:
        statement += char
        if statement.strip() and sqlite3.complete_statement(statement.strip()):
            yield statement.strip()
            statement = ""
    if statement.strip():
        yield statement.strip()


@contextlib.contextmanager
def large_cache(db: Connection) -> Iterator[None]:
    """A page cache of 64 MB while many rows go into the entries table and its indexes at once
    (an import, a month's intake): with the everyday cache the index pages thrash."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute("PRAGMA cache_size = -65536")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(before)}")


@contextlib.contextmanager
def sorting_in_threads(db: Connection) -> Iterator[None]:
    """SQLite's sorter in several threads while indexes are built over many rows. It sorts in
    one thread while the rows fit its memory, which the large cache makes all of them; with a
    few MB it sorts chunk by chunk, each chunk in a thread of its own, then merges them: a
    quarter less time for the sort indexes of a year on two cores (bench/README.md)."""
    before = [db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("threads", "cache_size")]
    db.execute(f"PRAGMA threads = {min(os.cpu_count() or 1, 4)}")
    db.execute("PRAGMA cache_size = -4096")
    try:
        yield
    finally:
        db.execute(f"PRAGMA threads = {int(before[0])}")
        db.execute(f"PRAGMA cache_size = {int(before[1])}")
