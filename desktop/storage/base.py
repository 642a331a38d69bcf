"""What every part of the ledger shares: the database, the calendar, who acts and what day it is."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlite_utils import Database

from desktop.domain.rules import Rules
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage import changelog

_RULE_KEYS = {"target": float, "hours_per_day": float, "count_weekend_promotion": bool}


class StoreBase:
    def __init__(
        self,
        db: Database,
        calendar: WorkCalendar,
        actor: str = "",
        today: Callable[[], date] = date.today,
    ) -> None:
        self.db = db
        self.calendar = calendar
        self.actor = actor
        self.today = today

    def _log(
        self, action: str, table: str, record_id: int | None, before: Any = None, after: Any = None
    ) -> None:
        changelog.record(self.db, self.actor, action, table, record_id, before, after)

    def _insert(self, sql: str, params: list[Any]) -> int:
        cursor = self.db.execute(sql, params)
        rowid = cursor.lastrowid
        assert rowid is not None
        return rowid

    def rules(self) -> Rules:
        values: dict[str, Any] = {}
        for key, value in self.db.execute("SELECT key, value FROM settings").fetchall():
            kind = _RULE_KEYS.get(key)
            if kind is bool:
                values[key] = value == "1"
            elif kind is float:
                values[key] = float(value)
        return Rules(**values)

    def set_rules(self, rules: Rules) -> None:
        rules.validated()
        before = self.rules()
        with self.db.atomic():
            for key in _RULE_KEYS:
                value = getattr(rules, key)
                text = ("1" if value else "0") if isinstance(value, bool) else repr(value)
                self.db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key)"
                    " DO UPDATE SET value = excluded.value",
                    [key, text],
                )
            self._log("update", "settings", None, _rules_dict(before), _rules_dict(rules))


def _rules_dict(rules: Rules) -> dict[str, Any]:
    return {key: getattr(rules, key) for key in _RULE_KEYS}
