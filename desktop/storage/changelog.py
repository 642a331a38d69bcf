"""The append-only change log: who changed what, when, with the record before and after."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.storage.connection import Connection


@dataclass(frozen=True, slots=True)
class Change:
    at: str
    actor: str
    action: str
    table: str
    record_id: int | None
    before: Any
    after: Any


def _dump(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def as_logged(value: Any) -> Any:
    """A value as the log gives it back once written: dates and decimals as text, tuples as
    lists; for comparing a record now with one the log holds."""
    text = _dump(value)
    return None if text is None else json.loads(text)


def record(
    db: Connection,
    actor: str,
    action: str,
    table: str,
    record_id: int | None,
    before: Any = None,
    after: Any = None,
) -> None:
    """Append one change; call inside the transaction that makes the change."""
    db.execute(
        "INSERT INTO change_log (at, actor, action, table_name, record_id, before, after)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            datetime.now(UTC).isoformat(timespec="seconds"),
            actor,
            action,
            table,
            record_id,
            _dump(before),
            _dump(after),
        ],
    )


def history(
    db: Connection, table: str | None = None, record_id: int | None = None, limit: int = 1000
) -> list[Change]:
    where: list[str] = []
    params: list[object] = []
    if table is not None:
        where.append("table_name = ?")
        params.append(table)
    if record_id is not None:
        where.append("record_id = ?")
        params.append(record_id)
    sql = "SELECT at, actor, action, table_name, record_id, before, after FROM change_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT ?"
    rows = db.execute(sql, [*params, limit]).fetchall()
    return [
        Change(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            json.loads(r[5]) if r[5] else None,
            json.loads(r[6]) if r[6] else None,
        )
        for r in rows
    ]
