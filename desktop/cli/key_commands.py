"""onethird-cli key: this database's signing key, the registration file that introduces it, and
the keys of other offices this database trusts (docs/submission.md, "Signed files")."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.context import Context
from desktop.cli.emit import FORMATS, emit
from desktop.domain.errors import ValidationError
from desktop.storage.report_file import write_atomically

Sub = Any

_TEXT = {
    "own": ("本数据库的签名密钥指纹：{key}", "This database's signing key: {key}"),
    "written": (
        "已写出登记文件：{path}\n请用电话向对方核对密钥指纹：{key}",
        "Wrote the registration file {path}\nRead the key's fingerprint to the other office"
        " by phone: {key}",
    ),
    "accepted": (
        "已登记{role}“{unit}”的密钥 {key}（{persons} 名人员）",
        "Registered the key {key} of the {role} '{unit}' ({persons} persons)",
    ),
    "revoked": ("已注销密钥 {key}", "Revoked key {key}"),
    "new": (
        "已为本数据库换用新的签名密钥：{key}\n请把新的登记文件交对方重新登记",
        "This database signs with a new key now: {key}\nGive the other office a new"
        " registration file to accept",
    ),
}
ROLE = {"unit": ("单位", "unit"), "office": ("督查室", "supervision office")}


def _say(what: str, lang: str, **params: object) -> str:
    zh, en = _TEXT[what]
    return (en if lang == "en" else zh).format(**params)


def add_parsers(sub: Sub, common: argparse.ArgumentParser) -> None:
    key = sub.add_parser("key", help="签名密钥与登记（报送文件的可信来源）", parents=[common])
    actions = key.add_subparsers(dest="action", required=True)
    p = actions.add_parser("show", help="本数据库的密钥指纹", parents=[common])
    p.set_defaults(func=cmd_show, read_only=False)
    p = actions.add_parser("export", help="写出登记文件（.otk）", parents=[common])
    p.add_argument("--role", choices=("unit", "office"), default="unit")
    p.add_argument("--unit", default="", help="本单位名称（单位登记时必填）")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_export)
    p = actions.add_parser("accept", help="接受对方的登记文件", parents=[common])
    p.add_argument("file", type=Path)
    p.add_argument("--fingerprint", default="", help="电话核对的密钥指纹（一致才登记）")
    p.set_defaults(func=cmd_accept)
    p = actions.add_parser("list", help="已登记的密钥", parents=[common])
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_list, read_only=True)
    p = actions.add_parser("revoke", help="注销已登记的密钥", parents=[common])
    p.add_argument("fingerprint")
    p.set_defaults(func=cmd_revoke)
    p = actions.add_parser(
        "renew", help="本数据库换用新密钥（原密钥丢失或泄露时）", parents=[common]
    )
    p.set_defaults(func=cmd_renew)


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    print(_say("own", ctx.lang, key=ctx.ledger.own_key().fingerprint))
    return 0


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger
    if args.role == "unit" and not args.unit.strip():
        raise ValidationError("unit", "required")
    write_atomically(args.out, ledger.registration_file(args.role, args.unit.strip()))
    print(_say("written", ctx.lang, path=args.out, key=ledger.own_key().fingerprint))
    return 0


def cmd_accept(ctx: Context, args: argparse.Namespace) -> int:
    key = ctx.ledger.accept_registration(args.file, args.fingerprint)
    role = ROLE[key.role][ctx.lang == "en"]
    unit = key.unit or role
    print(_say("accepted", ctx.lang, role=role, unit=unit, key=key.fingerprint,
               persons=len(key.persons)))  # fmt: skip
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    keys = ("fingerprint", "role", "unit", "persons", "accepted_at", "revoked_at")
    header = {
        "zh": ("密钥指纹", "角色", "单位", "人员", "登记时间", "注销时间"),
        "en": ("Fingerprint", "Role", "Unit", "Persons", "Accepted", "Revoked"),
    }[ctx.lang]
    rows = [
        [
            k.fingerprint,
            ROLE[k.role][ctx.lang == "en"],
            k.unit,
            "、".join(k.persons),
            k.accepted_at,
            k.revoked_at or "",
        ]
        for k in ctx.ledger.trusted_keys()
    ]
    emit(keys, header, rows, args.format, ctx.lang)
    return 0


def cmd_revoke(ctx: Context, args: argparse.Namespace) -> int:
    key = ctx.ledger.revoke_key(args.fingerprint.strip().upper())
    print(_say("revoked", ctx.lang, key=key.fingerprint))
    return 0


def cmd_renew(ctx: Context, args: argparse.Namespace) -> int:
    print(_say("new", ctx.lang, key=ctx.ledger.new_own_key().fingerprint))
    return 0
