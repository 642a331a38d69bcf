"""Which side of the exchange a database is on: the supervision office's or a unit's. A role
chosen in 设置 wins; otherwise a database that has taken in a report from another unit is the
office's (window titles tell two open windows apart; the review buttons show at the office)."""

from __future__ import annotations

from desktop.storage import changelog
from desktop.storage.connection import Connection

ROLE_KEY = "role"
ROLES = ("unit", "office")


def chosen_role(db: Connection) -> str:
    """'unit' or 'office' when chosen in 设置, '' when the database's use decides."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [ROLE_KEY]).fetchone()
    return str(row[0]) if row and row[0] in ROLES else ""


def set_role(db: Connection, actor: str, role: str) -> None:
    if role not in (*ROLES, ""):
        raise ValueError(role)
    before = chosen_role(db)
    if before == role:
        return
    with db.atomic():
        if role:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key)"
                " DO UPDATE SET value = excluded.value",
                [ROLE_KEY, role],
            )
        else:
            db.execute("DELETE FROM settings WHERE key = ?", [ROLE_KEY])
        changelog.record(db, actor, "update", "settings", None, {ROLE_KEY: before},
                         {ROLE_KEY: role})  # fmt: skip


def is_office(db: Connection) -> bool:
    chosen = chosen_role(db)
    if chosen:
        return chosen == "office"
    row = db.execute(
        "SELECT EXISTS (SELECT 1 FROM submissions WHERE origin = 'received')"
    ).fetchone()
    return bool(row[0])
