"""CLI `unit` and `group`: the office's official order of its units and groups (单位排序), set
from the command line or a file (one name a line), and listed with the units in use it lacks."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from desktop.cli.context import Context
from desktop.cli.emit import FORMATS, emit
from desktop.cli.text import phrase
from desktop.domain.changes import SetOfficialOrder
from desktop.domain.errors import ValidationError
from desktop.reports.labels import label
from desktop.storage.ledger_files import decode_text

Sub = Any

_TEXT = {
    "set": ("已设定{kind}排序：{n} 个", "Set the {kind} order: {n} names"),
    "cleared": ("已清除{kind}排序（按名称排列）", "Cleared the {kind} order (by name)"),
    "unchanged": ("{kind}排序未变", "The {kind} order is unchanged"),
    "unit": ("单位", "unit"),
    "group": ("招商组", "group"),
    "not_listed": ("未排序", "not in the order"),
    "missing": (
        "提示：以下{kind}有人员但不在排序中，排在最后：{names}",
        "note: these {kind}s have persons but are not in the order and come last: {names}",
    ),
    "need_names": (
        "请给出名称，或用 --file 指定文件，或用 --clear 清除",
        "give the names, --file FILE, or --clear",
    ),
}


def say(key: str, lang: str, **params: object) -> str:
    return phrase(_TEXT, key, lang, **params)


def add_parsers(sub: Sub, common: argparse.ArgumentParser) -> None:
    for kind, help_text in (("unit", "单位排序"), ("group", "招商组排序")):
        actions = sub.add_parser(kind, help=help_text, parents=[common]).add_subparsers(
            dest="action", required=True
        )
        p = actions.add_parser("order", help=f"设定{help_text}（按给出的先后）", parents=[common])
        p.add_argument("names", nargs="*", help="名称，按正式排序先后")
        p.add_argument("--file", type=Path, default=None, help="文本文件，每行一个名称")
        p.add_argument("--clear", action="store_true", help="清除排序")
        p.set_defaults(func=cmd_order, kind=kind)
        p = actions.add_parser("list", help=f"列出{help_text}", parents=[common])
        p.add_argument("--format", choices=FORMATS, default="table")
        p.set_defaults(func=cmd_list, kind=kind)


def _names(args: argparse.Namespace) -> list[str]:
    names: list[str] = list(args.names)
    if args.file is not None:
        names += decode_text(args.file.read_bytes()).splitlines()
    return names


def cmd_order(ctx: Context, args: argparse.Namespace) -> int:
    lang, kind = ctx.lang, args.kind
    names = [] if args.clear else _names(args)
    if not args.clear and not any(n.strip() for n in names):
        raise ValidationError(kind, "required")
    ledger = ctx.ledger
    applied = ledger.apply(SetOfficialOrder(((kind, tuple(names)),)))
    assert isinstance(applied.inverse, SetOfficialOrder)
    ((_, before),) = applied.inverse.orders
    order = ledger.official_order()
    after = order.units if kind == "unit" else order.groups
    word = say(kind, lang)
    if after == before:
        print(say("unchanged", lang, kind=word))
    elif after:
        print(say("set", lang, kind=word, n=len(after)))
    else:
        print(say("cleared", lang, kind=word))
    missing = [name for name in _in_use(ctx, kind) if name not in after]
    if after and missing:
        print(say("missing", lang, kind=word, names="、".join(missing)))
    return 0


def _in_use(ctx: Context, kind: str) -> Counter[str]:
    """Names of this kind that persons carry, with how many persons carry each."""
    names = (p.unit if kind == "unit" else p.group for p in ctx.ledger.persons())
    return Counter(name for name in names if name)


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    lang, kind = ctx.lang, args.kind
    order = ctx.ledger.official_order()
    listed = order.units if kind == "unit" else order.groups
    used = _in_use(ctx, kind)
    rows: list[list[object]] = [[i, name, used.get(name, 0)] for i, name in enumerate(listed, 1)]
    extra = sorted(name for name in used if name not in listed)
    if kind == "group":
        extra.sort(key=lambda g: _group_rank(ctx, g))
    rows += [[say("not_listed", lang), name, used[name]] for name in extra]
    keys = ("seq", kind, "persons")
    emit(keys, [label(k, lang) for k in keys], rows, args.format, lang)
    return 0


def _group_rank(ctx: Context, group: str) -> tuple[int, int, str]:
    order = ctx.ledger.official_order()
    units = [p.unit for p in ctx.ledger.persons() if p.group == group]
    return order.group_rank(group, units)
