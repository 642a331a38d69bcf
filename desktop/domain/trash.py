"""An item of the 回收站: a deleted entry, trip or project kept as its rows, with the rows that
went with it (a trip's travellers and day entries, a project's stages and funds)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class TrashItem:
    id: int
    deleted_at: str  # UTC, ISO 8601
    deleted_by: str
    kind: str  # "entry", "trip" or "project"
    record_id: int
    label: str  # a line to recognise it by: date, person, activity / dates, places / name
    record: Row  # the record's row as it was
    dependants: dict[str, list[Row]]  # table -> rows deleted with it
