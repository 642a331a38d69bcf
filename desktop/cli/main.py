"""onethird-cli: argument parsing, opening the ledger, exit codes (0 done, 1 refused, 2 usage)."""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

from desktop import logs, paths
from desktop.cli import guard
from desktop.cli.context import Context
from desktop.cli.text import say
from desktop.domain.entries import parse_date
from desktop.domain.errors import LedgerError, RangeError
from desktop.domain.periods import FIRST_YEAR, LAST_YEAR

if TYPE_CHECKING:
    from desktop.storage.import_results import ImportRefused

# each command word and the module that registers it (add_parsers); a command run loads only
# its own module, so `summary` does not load the import, intake, report or key commands
COMMANDS: dict[str, str] = {
    "init": "records",
    "person": "records",
    "entry": "records",
    "trip": "records",
    "project": "records",
    "summary": "tables",
    "export": "tables",
    "calendar": "calendar_commands",
    "key": "key_commands",
    "held": "flag_commands",
    "report": "report_commands",
    "import": "import_commands",
    "unit": "order_commands",
    "group": "order_commands",
    "backup": "safety_commands",
    "restore": "safety_commands",
    "check": "safety_commands",
    "trash": "safety_commands",
    "history": "safety_commands",
    "submit": "submission_commands",
    "intake": "submission_commands",
    "status": "submission_commands",
    "review": "submission_commands",
    "deadline": "submission_commands",
    "self-test": "selftest_command",
    "score": "score_commands",
}
_VALUED = ("--db", "--lang", "--as", "--today")  # the common options that take a value

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as shells report Ctrl-C
MAX_LISTED_ERRORS = 200


class _Formatter(argparse.HelpFormatter):
    """argparse's layout of help, the terminal's width read as shutil reads it but without
    importing shutil (and the compression modules it loads): every parser makes a formatter
    for each argument it is given, so every command paid for them."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        super().__init__(prog, indent_increment, max_help_position, width or _columns() - 2)


def _columns() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):  # no stdout, or not a terminal
        return 80


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

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


class _Version(argparse.Action):
    """argparse's version action, the version read only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(
            option_strings, argparse.SUPPRESS, nargs=0, default=argparse.SUPPRESS, help="显示版本"
        )

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from desktop import __version__

        parser.exit(message=f"onethird {__version__}\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command, or with only the module that registers `command`."""
    parser = _Parser(
        prog="onethird-cli",
        description="三分之一招商台账（命令行）",
        parents=[_common_options(suppress=False)],
    )
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    common = _common_options(suppress=True)
    wanted = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for name in wanted:
        module = importlib.import_module(f"desktop.cli.{name}")
        module.add_parsers(sub, common)
    return parser


def command_word(argv: Sequence[str]) -> str | None:
    """The command an argument list names (`--db X summary …` names summary), or None."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _VALUED:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_stdio()
    logs.setup_logging("cli")
    words = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(command_word(words)).parse_args(words)
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
    except LedgerError as exc:
        if not _import_refusal(exc):
            print(
                f"{say('error', lang)}：{exc.message(lang)}"
                if lang == "zh"
                else f"error: {exc.message(lang)}",
                file=sys.stderr,
            )
            return EXIT_REFUSED
        print(exc.message(lang), file=sys.stderr)
        lines = exc.lines(lang)
        for text in lines[:MAX_LISTED_ERRORS]:
            print(text, file=sys.stderr)
        if len(lines) > MAX_LISTED_ERRORS:
            print(say("more_errors", lang, n=len(lines) - MAX_LISTED_ERRORS), file=sys.stderr)
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


def _import_refusal(exc: LedgerError) -> TypeGuard[ImportRefused]:
    """An import refused with its list of problems (its module is loaded when one is raised)."""
    results = sys.modules.get("desktop.storage.import_results")
    return results is not None and isinstance(exc, results.ImportRefused)


def _user_name() -> str:
    """getpass.getuser(): its environment variables, then (getpass loaded only for it) the
    account's name."""
    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        if name := os.environ.get(variable):
            return name
    import getpass

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
