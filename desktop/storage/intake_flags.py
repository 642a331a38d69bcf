"""The values intake holds back for the supervision office (domain/intake_flags.py): raised while
a report is written, listed for the office, accepted (what the file said is written then) or
rejected, and reopened by undo. Every decision is one transaction with its change-log record."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.intake_flags import FlagKind, FlagState, IntakeFlag
from desktop.storage import changelog
from desktop.storage.connection import Connection

_COLUMNS = (
    "f.id, f.kind, f.project_id, p.name, f.what, f.value, f.ours, f.theirs, f.unit, f.person,"
    " f.file_name, f.raised_at, f.state, f.decided_at, f.decided_by"
)
# the columns a project's attribute is written to
_PROJECT_COLUMNS = {
    "investor": ("investor",),
    "chain": ("chain",),
    "amount": ("amount", "currency"),
    "leader": ("leader_id",),
    "park": ("park",),
}


@dataclass(frozen=True, slots=True)
class Source:
    """Where a held value came from: the reporting person's unit and name, the report, the file."""

    unit: str
    person: str
    report_id: str
    file_name: str


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dump(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def hold(
    db: Connection,
    kind: FlagKind,
    project_id: int,
    what: str,
    value: dict[str, Any],
    texts: tuple[str, str],
    source: Source,
) -> bool:
    """Hold a value back for the office; False when the same unit's same value for this project
    is already waiting or was rejected (it is not asked about twice)."""
    known = db.execute(
        "SELECT 1 FROM intake_flags WHERE project_id = ? AND what = ? AND value = ? AND unit = ?"
        " AND state IN ('open', 'rejected') LIMIT 1",
        [project_id, what, _dump(value), source.unit],
    ).fetchone()
    if known is not None:
        return False
    db.execute(
        "INSERT INTO intake_flags (kind, project_id, what, value, ours, theirs, unit, person,"
        " report_id, file_name, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            kind.value,
            project_id,
            what,
            _dump(value),
            texts[0],
            texts[1],
            source.unit,
            source.person,
            source.report_id,
            source.file_name,
            _now(),
        ],
    )
    return True


def flags(db: Connection, state: FlagState | None = None) -> list[IntakeFlag]:
    """The held values, newest first; only those in `state` when given."""
    where, params = ("WHERE f.state = ?", [state.value]) if state else ("", [])
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM intake_flags f JOIN projects p ON p.id = f.project_id"
        f" {where} ORDER BY f.id DESC",
        params,
    ).fetchall()
    return [_flag(r) for r in rows]


def flag(db: Connection, flag_id: int) -> IntakeFlag:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM intake_flags f JOIN projects p ON p.id = f.project_id"
        " WHERE f.id = ?",
        [flag_id],
    ).fetchone()
    if row is None:
        raise NotFoundError("intake_flag", "not_found", value=flag_id)
    return _flag(row)


def _flag(r: Any) -> IntakeFlag:
    return IntakeFlag(
        r[0], FlagKind(r[1]), r[2], r[3], r[4], json.loads(r[5]), r[6], r[7], r[8], r[9],
        r[10], r[11], FlagState(r[12]), r[13], r[14],
    )  # fmt: skip


def decide(db: Connection, actor: str, flag_id: int, accept: bool) -> IntakeFlag:
    """Accept (write what the file said) or reject (keep ours) a waiting value."""
    with db.atomic():
        held = flag(db, flag_id)
        if held.state is not FlagState.OPEN:
            raise ValidationError("intake_flag", "flag_decided", value=held.project)
        undo = _write(db, actor, held) if accept else None
        state = FlagState.ACCEPTED if accept else FlagState.REJECTED
        db.execute(
            "UPDATE intake_flags SET state = ?, decided_at = ?, decided_by = ?, undo = ?"
            " WHERE id = ?",
            [state.value, _now(), actor, None if undo is None else _dump(undo), flag_id],
        )
        changelog.record(
            db, actor, "update", "intake_flags", flag_id, {"state": "open"}, {"state": state.value}
        )
    return flag(db, flag_id)


def reopen(db: Connection, actor: str, flag_id: int) -> IntakeFlag:
    """Take a decision back: what accepting wrote is undone, and the value waits again."""
    with db.atomic():
        held = flag(db, flag_id)
        if held.state is FlagState.OPEN:
            return held
        if held.state is FlagState.ACCEPTED:
            (undo,) = db.execute("SELECT undo FROM intake_flags WHERE id = ?", [flag_id]).fetchone()
            _unwrite(db, actor, held, json.loads(undo))
        db.execute(
            "UPDATE intake_flags SET state = 'open', decided_at = NULL, decided_by = '',"
            " undo = NULL WHERE id = ?",
            [flag_id],
        )
        changelog.record(
            db, actor, "update", "intake_flags", flag_id, {"state": held.state.value},
            {"state": "open"},
        )  # fmt: skip
    return flag(db, flag_id)


def _write(db: Connection, actor: str, held: IntakeFlag) -> dict[str, Any]:
    """Write the held value; what it replaced (a project's columns) or added (a row's id)."""
    if held.what in _PROJECT_COLUMNS:
        columns = _PROJECT_COLUMNS[held.what]
        row = db.execute(
            f"SELECT {', '.join(columns)} FROM projects WHERE id = ?", [held.project_id]
        ).fetchone()
        before = dict(zip(columns, row, strict=True))
        after = {c: held.value[c] for c in columns}
        db.execute(
            f"UPDATE projects SET {', '.join(f'{c} = :{c}' for c in columns)} WHERE id = :id",
            {**after, "id": held.project_id},
        )
        changelog.record(
            db, actor, "update", "projects", held.project_id, {"name": held.project, **before},
            after,
        )  # fmt: skip
        return {"before": before}
    row_columns = ["date", "stage", "amount", "note"] if held.what == "project_stages" else []
    # a held funding also carries its 资金来源 and 资金性质 (none in a flag held before m014)
    row_columns = row_columns or ["date", "amount", "note", "origin", "kind"]
    values = [held.value.get(c) for c in row_columns]
    cursor = db.execute(
        f"INSERT INTO {held.what} (project_id, {', '.join(row_columns)})"
        f" VALUES (?, {', '.join('?' for _ in row_columns)})",
        [held.project_id, *values],
    )
    row_id = cursor.lastrowid
    changelog.record(
        db, actor, "insert", held.what, row_id, None,
        {"project": held.project, **dict(zip(row_columns, values, strict=True))},
    )  # fmt: skip
    return {"row_id": row_id}


def _unwrite(db: Connection, actor: str, held: IntakeFlag, undo: dict[str, Any]) -> None:
    if held.what in _PROJECT_COLUMNS:
        before = undo["before"]
        columns = list(before)
        db.execute(
            f"UPDATE projects SET {', '.join(f'{c} = :{c}' for c in columns)} WHERE id = :id",
            {**before, "id": held.project_id},
        )
        changelog.record(
            db, actor, "update", "projects", held.project_id,
            {"name": held.project, **{c: held.value[c] for c in columns}}, before,
        )  # fmt: skip
        return
    db.execute(f"DELETE FROM {held.what} WHERE id = ?", [undo["row_id"]])
    changelog.record(
        db, actor, "delete", held.what, undo["row_id"], {"project": held.project, **held.value},
        None,
    )  # fmt: skip


def amount_text(amount: Any, currency: str = "CNY") -> str:
    """An amount as a person reads it in the list: 1200000 万元, 30 万美元."""
    if amount is None or amount == "":
        return ""
    unit = "万美元" if currency == "USD" else "万元"
    return f"{Decimal(str(amount)):f} {unit}"
