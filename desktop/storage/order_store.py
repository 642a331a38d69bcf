"""The official order of units and groups held in the database: read it, replace a list.

A change is one transaction with its change-log record and returns the list it replaced, so the
caller can undo it by writing that back."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.official_order import OfficialOrder, clean_order
from desktop.storage import changelog
from desktop.storage.connection import Connection

TABLE = "official_order"
KINDS = ("unit", "group")


def load(db: Connection) -> OfficialOrder:
    lists: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for kind, name in db.execute(
        "SELECT kind, name FROM official_order ORDER BY kind, position"
    ).fetchall():
        lists[kind].append(name)
    return OfficialOrder(tuple(lists["unit"]), tuple(lists["group"]))


def put(db: Connection, actor: str, kind: str, names: Sequence[str]) -> tuple[str, ...]:
    """Make `names` the order of this kind (empty: no fixed order); returns the order before."""
    if kind not in KINDS:
        raise ValueError(kind)
    after = clean_order(names, kind)
    order = load(db)
    before = order.units if kind == "unit" else order.groups
    if before == after:
        return before
    with db.atomic():
        db.execute("DELETE FROM official_order WHERE kind = ?", [kind])
        db.conn.executemany(
            "INSERT INTO official_order (kind, position, name) VALUES (?, ?, ?)",
            [(kind, i, name) for i, name in enumerate(after, start=1)],
        )
        changelog.record(
            db, actor, "update", TABLE, None, {kind: list(before)}, {kind: list(after)}
        )
    return before
