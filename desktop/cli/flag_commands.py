"""CLI `held`: what taken-in reports brought that the office decides on before it counts
(another unit's differing project details, amounts over 100 亿元): listed, accepted, rejected,
or a decision taken back (domain/intake_flags.py)."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.context import Context
from desktop.cli.emit import FORMATS, emit
from desktop.cli.text import phrase
from desktop.domain.changes import DecideFlag, ReopenFlag
from desktop.domain.intake_flags import FlagState, IntakeFlag, label

Sub = Any

_TEXT = {
    "accepted": (
        "已接受：项目“{project}”的{what}按报送改为 {theirs}",
        "Accepted: project '{project}' now has the file's {what}, {theirs}",
    ),
    "rejected": (
        "未采用：项目“{project}”的{what}保持 {ours}",
        "Rejected: project '{project}' keeps its {what}, {ours}",
    ),
    "reopened": (
        "已撤销对项目“{project}”{what}的处理，重新待核对",
        "Took back the decision on project '{project}' ({what}); it waits again",
    ),
    "none": ("没有待核对的事项", "Nothing waits to be checked"),
}


def say(key: str, lang: str, **params: object) -> str:
    return phrase(_TEXT, key, lang, **params)


def add_parsers(sub: Sub, common: argparse.ArgumentParser) -> None:
    actions = sub.add_parser(
        "held", help="待核对事项（报送中与本库不同的项目信息、超过 100 亿元的金额）",
        parents=[common],
    ).add_subparsers(dest="action", required=True)  # fmt: skip
    p = actions.add_parser("list", help="列出待核对事项", parents=[common])
    p.add_argument("--all", action="store_true", help="也列出已处理的")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_list, read_only=True)
    for name, help_text in (("accept", "接受报送的值"), ("reject", "不采用，保持本库的值")):
        p = actions.add_parser(name, help=help_text, parents=[common])
        p.add_argument("number", type=int, help="待核对事项的编号（held list 的第一列）")
        p.set_defaults(func=cmd_decide, accept=name == "accept")
    p = actions.add_parser("undo", help="撤销对一项的处理", parents=[common])
    p.add_argument("number", type=int)
    p.set_defaults(func=cmd_undo)


def _what(flag: IntakeFlag, lang: str) -> str:
    return label(flag.what, lang)


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    lang = ctx.lang
    found = ctx.ledger.intake_flags(None if args.all else FlagState.OPEN)
    if not found and args.format == "table":
        print(say("none", lang))
        return 0
    keys = ("id", "state", "kind", "project", "what", "ours", "theirs", "unit", "person", "file")
    header = {
        "zh": ("编号", "状态", "原因", "项目", "内容", "本库", "报送", "单位", "报送人", "文件"),
        "en": ("No.", "State", "Why", "Project", "What", "Ours", "Theirs", "Unit", "By", "File"),
    }[lang]
    rows = [
        [
            f.id,
            label(f.state, lang),
            label(f.kind, lang),
            f.project,
            _what(f, lang),
            f.ours,
            f.theirs,
            f.unit,
            f.person,
            f.file_name,
        ]
        for f in found
    ]
    emit(keys, header, rows, args.format, lang)
    return 0


def cmd_decide(ctx: Context, args: argparse.Namespace) -> int:
    done: IntakeFlag = ctx.ledger.apply(DecideFlag(args.number, args.accept)).result
    key = "accepted" if args.accept else "rejected"
    print(say(key, ctx.lang, project=done.project, what=_what(done, ctx.lang), theirs=done.theirs,
              ours=done.ours or "—"))  # fmt: skip
    return 0


def cmd_undo(ctx: Context, args: argparse.Namespace) -> int:
    done: IntakeFlag = ctx.ledger.apply(ReopenFlag(args.number)).result
    print(say("reopened", ctx.lang, project=done.project, what=_what(done, ctx.lang)))
    return 0
