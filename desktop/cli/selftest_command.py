"""CLI `self-test`: the checks of an installed copy that need no Qt (see desktop/selftest.py).

It works on its own temporary ledger, never on --db, so it runs whatever state the user's
database is in (guard.py lets it through like `check`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.context import Context


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "self-test", help="自检：示例数据、月报与通报 PDF（字体嵌入、文字读回）", parents=[common]
    )
    p.add_argument(
        "--keep", type=Path, default=None, metavar="DIR", help="把示例数据库和生成的报告留在 DIR"
    )
    p.set_defaults(func=cmd_self_test)


def cmd_self_test(ctx: Context, args: argparse.Namespace) -> int:
    from desktop import selftest

    return selftest.run(ctx.lang, ctx.today, args.keep)
