"""onethird-cli commands that keep data safe: backup (list), restore, check, trash, history."""

from __future__ import annotations

import argparse
import errno
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.cli.context import Context
from desktop.cli.emit import FORMATS, emit
from desktop.cli.text import phrase
from desktop.domain.changes import PutBack
from desktop.storage.backups import (
    BackupReason,
    list_backups,
    make_backup,
    newest_good_backup,
)
from desktop.storage.changelog import Change
from desktop.storage.instance_lock import InstanceLock, lock_holder
from desktop.storage.integrity import DatabaseState, StartCheck, check_database
from desktop.storage.restore import restore_backup

Sub = Any

REASONS = {
    BackupReason.DAILY: ("每日自动", "daily"),
    BackupReason.MANUAL: ("手动", "manual"),
    BackupReason.IMPORT: ("导入前", "before import"),
    BackupReason.MIGRATION: ("升级前", "before upgrade"),
    BackupReason.RESTORE: ("恢复前", "before restore"),
    BackupReason.INTAKE: ("汇总导入前", "before intake"),
}
KIND_NAMES = {"entry": ("工作记录", "entry"), "trip": ("外出招商", "trip")}
KIND_NAMES["project"] = ("项目", "project")
TABLE_NAMES = {"entries": "entry", "trips": "trip", "projects": "project"}
ACTIONS = {
    "insert": ("新增", "added"),
    "update": ("修改", "changed"),
    "delete": ("删除", "deleted"),
    "restore": ("恢复", "restored"),
    "import": ("导入", "imported"),
    "undo_import": ("撤销导入", "import undone"),
    "redo_import": ("重做导入", "import redone"),
}
OTHER_TABLES = {"project_stages": ("阶段", "stage"), "funds": ("到位资金", "funds")}
HEADERS = {
    "n": ("序号", "No."),
    "made_at": ("时间", "Time"),
    "reason": ("类型", "Kind"),
    "size": ("大小(KB)", "Size (KB)"),
    "file": ("文件", "File"),
    "id": ("编号", "No."),
    "deleted_at": ("删除时间", "Deleted"),
    "deleted_by": ("删除人", "By"),
    "kind": ("类型", "Kind"),
    "record_id": ("原编号", "Record"),
    "label": ("内容", "What"),
    "at": ("时间", "Time"),
    "actor": ("操作人", "By"),
    "action": ("操作", "Action"),
    "what": ("内容", "What"),
}
_TEXT = {
    "backed_up": (
        "已备份到：{path}（{kb} KB，已通过完整性检查）",
        "Backed up to {path} ({kb} KB, checked)",
    ),
    "no_database": ("数据库“{path}”还不存在，无需备份", "The database '{path}' does not exist yet"),
    "restored": ("已从“{path}”恢复数据库", "Restored the database from '{path}'"),
    "safety": ("恢复前的数据已备份为：{path}", "The state before the restore was saved as {path}"),
    "moved": ("原来损坏的文件已改名保留为：{path}", "The damaged file was kept as {path}"),
    "ok": ("数据库完好：{path}", "The database is sound: {path}"),
    "new": ("数据库“{path}”还不存在（首次使用时建立）", "'{path}' does not exist yet"),
    "backups": ("备份：{n} 个，位于 {folder}", "Backups: {n} in {folder}"),
    "newest": ("最近的完好备份：{path}（{at}）", "Newest good backup: {path} ({at})"),
    "in_use": ("正在使用该数据库：{holder}", "In use by {holder}"),
    "trash_restored": (
        "已从回收站恢复{kind}（编号 {id}）",
        "Restored {kind} {id} from the recycle bin",
    ),
}


def say(key: str, lang: str, **params: object) -> str:
    return phrase(_TEXT, key, lang, **params)


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def add_parsers(sub: Sub, common: argparse.ArgumentParser) -> None:
    backup = sub.add_parser("backup", help="备份数据库；backup list 列出备份", parents=[common])
    backup.set_defaults(func=cmd_backup)
    actions = backup.add_subparsers(dest="action")
    p = actions.add_parser("list", help="列出备份（最新的在前）", parents=[common])
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_backup_list)

    p = sub.add_parser("restore", help="从备份恢复数据库（先备份当前数据）", parents=[common])
    p.add_argument("file", help="备份文件：路径，或 backup list 中的文件名或序号")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("check", help="完整检查数据库文件，列出可用备份", parents=[common])
    p.set_defaults(func=cmd_check)

    trash = sub.add_parser("trash", help="回收站", parents=[common]).add_subparsers(
        dest="action", required=True
    )
    p = trash.add_parser("list", help="列出回收站中的记录", parents=[common])
    p.add_argument("--kind", choices=tuple(KIND_NAMES), default=None)
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_trash_list)
    p = trash.add_parser("restore", help="从回收站恢复", parents=[common])
    p.add_argument("id", type=int, help="回收站编号（trash list 中的编号）")
    p.set_defaults(func=cmd_trash_restore)

    p = sub.add_parser("history", help="一条记录的修改历史（谁、何时、改了什么）", parents=[common])
    p.add_argument("kind", choices=tuple(KIND_NAMES))
    p.add_argument("id", type=int)
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_history)


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    if not ctx.db_path.is_file():
        print(say("no_database", ctx.lang, path=ctx.db_path))
        return 0
    info = make_backup(ctx.db_path, BackupReason.MANUAL)
    print(say("backed_up", ctx.lang, path=info.path, kb=max(1, info.size // 1024)))
    return 0


def cmd_backup_list(ctx: Context, args: argparse.Namespace) -> int:
    keys = ("n", "made_at", "reason", "size", "file")
    rows = [
        [
            i,
            f"{b.made_at:%Y-%m-%d %H:%M:%S}",
            pick(REASONS[b.reason], ctx.lang),
            b.size // 1024,
            str(b.path) if args.format != "table" else b.path.name,
        ]
        for i, b in enumerate(list_backups(ctx.db_path), 1)
    ]
    emit(keys, [pick(HEADERS[k], ctx.lang) for k in keys], rows, args.format, ctx.lang)
    return 0


def _backup_file(db_path: Path, name: str) -> Path:
    given = Path(name)
    if given.is_file():
        return given
    backups = list_backups(db_path)
    if name.isdigit() and 1 <= int(name) <= len(backups):
        return backups[int(name) - 1].path
    for b in backups:
        if b.path.name == given.name:
            return b.path
    raise FileNotFoundError(errno.ENOENT, "没有这个备份文件 (no such backup)", name)


def cmd_restore(ctx: Context, args: argparse.Namespace) -> int:
    source = _backup_file(ctx.db_path, args.file)
    ctx.close()
    # held for the whole restore, so the GUI cannot open the file half-way
    with InstanceLock(ctx.db_path, kind="cli"):
        result = restore_backup(ctx.db_path, source, actor=ctx.actor)
        ctx.ledger  # noqa: B018 - brings an older backup's schema up to date
        ctx.close()
    print(say("restored", ctx.lang, path=result.restored_from))
    if result.safety_backup is not None:
        print(say("safety", ctx.lang, path=result.safety_backup.path))
    if result.moved_aside is not None:
        print(say("moved", ctx.lang, path=result.moved_aside))
    return 0


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    check = check_database(ctx.db_path, full=True)
    newest = newest_good_backup(ctx.db_path)
    lang = ctx.lang
    if check.state is DatabaseState.OK:
        print(say("ok", lang, path=ctx.db_path))
    elif check.state is DatabaseState.NEW:
        print(say("new", lang, path=ctx.db_path))
    else:
        print(StartCheck(check, None, newest).message(lang))
    backups = list_backups(ctx.db_path)
    print(say("backups", lang, n=len(backups), folder=ctx.db_path.name + ".backups"))
    if newest is not None:
        print(say("newest", lang, path=newest.path, at=f"{newest.made_at:%Y-%m-%d %H:%M}"))
    holder = lock_holder(ctx.db_path)
    if holder is not None:
        print(say("in_use", lang, holder=holder.describe(lang)))
    return 0 if check.usable else 1


def cmd_trash_list(ctx: Context, args: argparse.Namespace) -> int:
    keys = ("id", "deleted_at", "deleted_by", "kind", "record_id", "label")
    rows = [
        [
            t.id,
            _local(t.deleted_at),
            t.deleted_by,
            pick(KIND_NAMES[t.kind], ctx.lang),
            t.record_id,
            t.label,
        ]
        for t in ctx.ledger.trash_items(args.kind)
    ]
    emit(keys, [pick(HEADERS[k], ctx.lang) for k in keys], rows, args.format, ctx.lang)
    return 0


def cmd_trash_restore(ctx: Context, args: argparse.Namespace) -> int:
    kind, new_id = ctx.ledger.apply(PutBack(args.id)).result
    print(say("trash_restored", ctx.lang, kind=pick(KIND_NAMES[kind], ctx.lang), id=new_id))
    return 0


def cmd_history(ctx: Context, args: argparse.Namespace) -> int:
    keys = ("at", "actor", "action", "what")
    rows = [
        [_local(c.at), c.actor, _action(c, args.kind, ctx.lang), describe(c, ctx.lang)]
        for c in ctx.ledger.record_history(args.kind, args.id)
    ]
    emit(keys, [pick(HEADERS[k], ctx.lang) for k in keys], rows, args.format, ctx.lang)
    return 0


def _local(at: str) -> str:
    try:
        return f"{datetime.fromisoformat(at).astimezone():%Y-%m-%d %H:%M}"
    except ValueError:
        return at


def _action(c: Change, kind: str, lang: str) -> str:
    action = pick(ACTIONS.get(c.action, (c.action, c.action)), lang)
    if c.table in OTHER_TABLES:
        return f"{action}{pick(OTHER_TABLES[c.table], lang)}" if lang != "en" else action
    other = TABLE_NAMES.get(c.table)
    if other is not None and other != kind:  # an entry made by its trip
        made_by = f"{pick(KIND_NAMES[other], lang)} {c.record_id or ''}".strip()
        return f"{action} ({made_by})" if lang == "en" else f"{action}（{made_by}）"
    return action


def describe(c: Change, lang: str, limit: int = 6) -> str:
    """What changed: old → new for an update; the main values otherwise."""
    before = c.before if isinstance(c.before, dict) else {}
    after = c.after if isinstance(c.after, dict) else {}
    if c.action in ("import", "undo_import", "redo_import"):
        told = after or before
        return f"{told.get('file', '')}（{told.get('rows', '')}）"
    if before and after:
        changed = [k for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)]
        parts = [f"{k}: {_short(before.get(k))} → {_short(after.get(k))}" for k in changed]
    else:
        values = after or before
        parts = [f"{k}: {_short(v)}" for k, v in values.items() if v not in (None, "", [], 0)]
        if not values and isinstance(c.before, list):
            parts = [_short(v) for v in c.before]
    more = len(parts) - limit
    text = "；".join(parts[:limit]) if lang != "en" else "; ".join(parts[:limit])
    return text + (f" …(+{more})" if more > 0 else "")


def _short(value: Any, width: int = 24) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"
