"""onethird-cli: argument parsing, opening the ledger, exit codes (0 done, 1 refused, 2 usage)."""

from __future__ import annotations

import argparse
import getpass
import signal
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from desktop import __version__, logs, paths
from desktop.cli import (
    calendar_commands,
    flag_commands,
    guard,
    import_commands,
    key_commands,
    order_commands,
    records,
    report_commands,
    safety_commands,
    score_commands,
    tables,
)
from desktop.cli.context import Context
from desktop.cli.selftest_command import add_parsers as add_self_test_parser
from desktop.cli.submission_commands import add_parsers as add_submission_parsers
from desktop.cli.text import say
from desktop.domain.entries import parse_date
from desktop.domain.errors import LedgerError, RangeError
from desktop.domain.periods import FIRST_YEAR, LAST_YEAR
from desktop.storage.entry_import import ImportRefused

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as shells report Ctrl-C
MAX_LISTED_ERRORS = 200


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: 用法错误 (usage error): {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _common_options(suppress: bool) -> _Parser:
    """Options accepted before or after the command word (`--db X summary` = `summary --db X`)."""
    common = _Parser(add_help=False)

    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    common.add_argument(
        "--db", type=Path, default=default(None), help="数据库文件（默认在用户数据目录）"
    )
    common.add_argument("--lang", choices=("zh", "en"), default=default("zh"), help="输出语言")
    common.add_argument(
        "--as", dest="actor", default=default(None), help="填报人/操作人（默认为系统用户名）"
    )
    common.add_argument(
        "--today", default=default(None), help="按指定日期作为“今天”计算（默认为当天）"
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="onethird-cli",
        description="三分之一招商台账（命令行）",
        parents=[_common_options(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"onethird {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    common = _common_options(suppress=True)
    sub.add_parser("init", help="建立数据库", parents=[common]).set_defaults(func=records.cmd_init)
    records.add_parsers(sub, common)
    tables.add_parsers(sub, common)
    calendar_commands.add_parsers(sub, common)
    key_commands.add_parsers(sub, common)
    flag_commands.add_parsers(sub, common)
    report_commands.add_parsers(sub, common)
    score_commands.add_parsers(sub, common)
    import_commands.add_parsers(sub, common)
    order_commands.add_parsers(sub, common)
    safety_commands.add_parsers(sub, common)
    add_submission_parsers(sub, common)
    add_self_test_parser(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_stdio()
    logs.setup_logging("cli")
    args = build_parser().parse_args(argv)
    lang: str = args.lang
    actor = args.actor if args.actor is not None else _user_name()
    db_path = args.db or paths.default_database()
    try:
        today = parse_date(args.today, "date") if args.today else date.today()
        if not FIRST_YEAR <= today.year < LAST_YEAR:
            raise RangeError(
                "date", "date_range", value=today, low=f"{FIRST_YEAR}-01-01",
                high=f"{LAST_YEAR - 1}-12-31",
            )  # fmt: skip
    except LedgerError as exc:
        print(exc.message(lang), file=sys.stderr)
        return EXIT_USAGE
    ctx = Context(db_path, lang, actor, today)
    interrupted: list[bool] = []

    def on_interrupt(signum: int, frame: object) -> None:
        interrupted.append(True)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, on_interrupt)
    try:
        guard.prepare(ctx, args)
        code: int = args.func(ctx, args)
        return code
    except RangeError as exc:  # an argument outside what the program allows: a usage error
        print(f"{say('error', lang)}：{exc.message(lang)}" if lang == "zh" else
              f"error: {exc.message(lang)}", file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    except ImportRefused as exc:
        print(exc.message(lang), file=sys.stderr)
        lines = exc.lines(lang)
        for text in lines[:MAX_LISTED_ERRORS]:
            print(text, file=sys.stderr)
        if len(lines) > MAX_LISTED_ERRORS:
            print(say("more_errors", lang, n=len(lines) - MAX_LISTED_ERRORS), file=sys.stderr)
        return EXIT_REFUSED
    except LedgerError as exc:
        print(
            f"{say('error', lang)}：{exc.message(lang)}"
            if lang == "zh"
            else f"error: {exc.message(lang)}",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    except BrokenPipeError:
        # the reader went away (`| head`): nothing more to say, and nothing went wrong
        guard.quiet_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        print(guard.text("interrupted", lang), file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:
        if guard.is_disk_full(exc):
            print(guard.disk_full_message(ctx.db_path, lang), file=sys.stderr)
            return EXIT_REFUSED
        name = exc.filename or ""
        print(f"{say('error', lang)}：{name} {exc.strerror or exc}", file=sys.stderr)
        return EXIT_REFUSED
    except Exception as exc:  # not the user's mistake: logged in full, a short message
        if interrupted:
            # Ctrl-C inside SQLite (a function a trigger calls) arrives as an OperationalError
            print(guard.text("interrupted", lang), file=sys.stderr)
            return EXIT_INTERRUPTED
        return guard.unexpected(exc, ctx)
    finally:
        ctx.close()


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def _utf8_stdio() -> None:
    """Chinese output must not crash on a console whose encoding cannot show it."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            reconfigure(encoding="utf-8", errors="replace")


if __name__ == "__main__":
    sys.exit(main())
