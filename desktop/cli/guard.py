"""What runs around every CLI command: the check of the database file, the lock the GUI holds,
the day's automatic backup before writing, and unexpected failures logged instead of shown raw."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
import time
from pathlib import Path

from desktop import logs
from desktop.cli.context import Context
from desktop.domain.errors import LedgerError
from desktop.storage.backups import (
    BackupInfo,
    clean_leftovers,
    daily_backup_if_due,
    newest_good_backup,
)
from desktop.storage.database import ReadOnlyError, sqlite_failure
from desktop.storage.instance_lock import DatabaseInUse, lock_holder
from desktop.storage.integrity import (
    DatabaseCheck,
    DatabaseState,
    check_database,
    network_refusal,
)

EXIT_REFUSED, EXIT_INTERNAL = 1, 3
# Commands that only read. Anything else counts as writing: it is refused while the GUI has the
# database open, and the day's backup is made before it runs.
READ_COMMANDS = frozenset(("summary", "export", "report", "history", "check"))
READ_ACTIONS = frozenset(("list",))
# Commands that look at the database file themselves (a damaged one included), or at none.
OWN_CHECKS = frozenset(("check", "restore", "backup", "self-test"))
# Commands that only look at the database file (or at none), which may be on a network drive.
LOOK_ONLY = frozenset(("check", "self-test"))

_TEXT = {
    "backup_hint": (
        "最近的完好备份：{path}（{at}）。恢复：onethird-cli --db {db} restore {path}",
        "Newest good backup: {path} ({at}). Restore: onethird-cli --db {db} restore {path}",
    ),
    "no_backup": ("没有找到可用的备份。", "No usable backup was found."),
    "daily_failed": (
        "警告：今日自动备份失败：{error}",
        "warning: today's automatic backup failed: {error}",
    ),
    "internal": (
        "程序内部错误（{kind}），未完成的修改已撤销。详情已写入日志：{log}",
        "internal error ({kind}); unfinished changes were rolled back."
        " Details are in the log: {log}",
    ),
    "no_log": ("（日志不可用）", "(no log available)"),
    "interrupted": (
        "已中断（Ctrl-C），未完成的修改已撤销。",
        "Interrupted (Ctrl-C); unfinished changes were rolled back.",
    ),
    "disk_full": (
        "空间不足：{folder} 所在的磁盘只剩 {free}，未完成的修改已撤销。请腾出空间后再试。",
        "Not enough space: the disk of {folder} has {free} left; unfinished changes were rolled"
        " back. Free some space, then try again.",
    ),
    "rolled_back": (
        "注意：上次有一次未完成的写入（例如被中断的恢复或导入），已由 SQLite 撤销，"
        "数据为写入前的状态。",
        "note: an interrupted write (e.g. a restore or import cut short) was rolled back by"
        " SQLite; the data is as it was before it.",
    ),
}


def text(key: str, lang: str, **params: object) -> str:
    zh, en = _TEXT[key]
    return (en if lang == "en" else zh).format(**params)


class DatabaseUnusable(LedgerError):
    """The database file is damaged or not ours; it was left untouched. Names the newest good
    backup and the command that restores it."""

    def __init__(
        self, path: Path, state: DatabaseState, detail: str, backup: BackupInfo | None
    ) -> None:
        self.path = path
        self.state = state
        self.backup = backup
        if state is DatabaseState.DAMAGED:
            super().__init__("database", "db_damaged", value=str(path), detail=detail)
        else:
            super().__init__("file", "not_a_database", value=str(path))

    def message(self, lang: str = "zh") -> str:
        hint = (
            text(
                "backup_hint",
                lang,
                path=self.backup.path,
                at=f"{self.backup.made_at:%Y-%m-%d %H:%M}",
                db=self.path,
            )
            if self.backup is not None
            else text("no_backup", lang)
        )
        return f"{super().message(lang)}\n{hint}"


def is_write(args: argparse.Namespace) -> bool:
    if getattr(args, "read_only", False) or args.command in READ_COMMANDS:
        return False
    if getattr(args, "action", None) in READ_ACTIONS:
        return False
    return not (args.command == "import" and getattr(args, "dry_run", False))


def prepare(ctx: Context, args: argparse.Namespace) -> None:
    """Before a command runs: refuse a damaged or foreign file (untouched), refuse to write while
    another program holds the database, make the day's backup before a write. A ledger on a
    network drive is refused first, before anything there is read, made or changed."""
    if _uses_ledger(args):
        refused = network_refusal(ctx.db_path)
        if refused is not None:
            logs.get_logger(__name__).warning("refused %s: %s", ctx.db_path, refused.params)
            raise refused
    clean_leftovers(ctx.db_path)
    if args.command in OWN_CHECKS:
        return
    writes = is_write(args)
    # quick_check reads every page, so only before writing; opening catches the rest
    check = _check_waiting(ctx.db_path, deep=writes)
    if check.state is DatabaseState.LOCKED:
        raise DatabaseInUse(ctx.db_path, lock_holder(ctx.db_path))
    if check.state is DatabaseState.UNAVAILABLE:
        raise LedgerError("database", "db_unavailable", value=str(ctx.db_path), detail=check.detail)
    if check.usable and not check.writable:
        if writes:
            raise ReadOnlyError(ctx.db_path)
        ctx.read_only = True
        return
    if check.rolled_back:
        print(text("rolled_back", ctx.lang), file=sys.stderr)
    if not check.usable:
        log = logs.get_logger(__name__)
        log.warning("refused %s: %s %s", ctx.db_path, check.state, check.detail)
        raise DatabaseUnusable(
            ctx.db_path, check.state, check.detail, newest_good_backup(ctx.db_path)
        )
    holder = lock_holder(ctx.db_path)
    if holder is not None:
        if writes:
            raise DatabaseInUse(ctx.db_path, holder)
        # reading while the GUI writes is safe in WAL mode; writing through this door is not
        ctx.ledger.refuse_writes()
        return
    if writes:
        try:
            made = daily_backup_if_due(ctx.db_path)
        except (LedgerError, OSError) as exc:
            error = exc.message(ctx.lang) if isinstance(exc, LedgerError) else str(exc)
            logs.get_logger(__name__).error("daily backup failed: %s", error)
            print(text("daily_failed", ctx.lang, error=error), file=sys.stderr)
        else:
            if made is not None:
                logs.get_logger(__name__).info("daily backup %s", made.path)


def _uses_ledger(args: argparse.Namespace) -> bool:
    """The command opens the ledger read-write, or writes beside it (backups)."""
    if args.command in LOOK_ONLY:
        return False
    return not (args.command == "backup" and getattr(args, "action", None) in READ_ACTIONS)


def _writable_now(ctx: Context) -> bool:
    check = check_database(ctx.db_path, deep=False)
    return check.writable


def _check_waiting(path: Path, deep: bool, wait: float = 3.0) -> DatabaseCheck:
    """The check, tried again for a few seconds while another program holds the file."""
    deadline = time.monotonic() + wait
    while True:
        check = check_database(path, deep=deep)
        if check.state is not DatabaseState.LOCKED or time.monotonic() >= deadline:
            return check
        time.sleep(0.2)


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno == errno.ENOSPC
    name = getattr(exc, "sqlite_errorname", "")
    return name == "SQLITE_FULL" or "database or disk is full" in str(exc)


def disk_full_message(db_path: Path, lang: str) -> str:
    import shutil  # with its compression modules: only when the disk is full

    folder = Path(db_path).resolve().parent
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = 0
    return text("disk_full", lang, folder=folder, free=f"{free / 2**20:.0f} MB")


def quiet_stdout() -> None:
    """After a broken pipe: point stdout at nothing, so the exit's flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def unexpected(exc: Exception, ctx: Context) -> int:
    """A failure that is not the user's: logged in full, a short message, exit status 3."""
    if is_disk_full(exc):
        print(disk_full_message(ctx.db_path, ctx.lang), file=sys.stderr)
        return EXIT_REFUSED
    failure = sqlite_failure(exc)
    if failure is not None:
        if ctx.read_only or (failure == "read_only" and not _writable_now(ctx)):
            print(ReadOnlyError(ctx.db_path).message(ctx.lang), file=sys.stderr)
            return EXIT_REFUSED
        if failure in ("busy", "read_only"):
            refused = DatabaseInUse(ctx.db_path, lock_holder(ctx.db_path))
            print(refused.message(ctx.lang), file=sys.stderr)
            return EXIT_REFUSED
    path = logs.log_unexpected(exc, "onethird-cli")
    where = str(path) if path is not None else text("no_log", ctx.lang)
    print(text("internal", ctx.lang, kind=type(exc).__name__, log=where), file=sys.stderr)
    return EXIT_INTERNAL
