"""onethird-cli import: an Excel-era ledger (CSV or XLSX) checked row by row, then all new rows
or none; --dry-run shows what would be added and every problem with its line and column."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any

from desktop.cli.context import Context
from desktop.cli.text import phrase
from desktop.storage.entry_import import ImportOptions, ImportRefused, ImportResult
from desktop.storage.ledger_files import load_activity_map

Sub = Any  # argparse's private _SubParsersAction
MAX_LISTED = 200

_TEXT = {
    "imported": (
        "已导入 {rows} 条记录（{persons} 人，{first} 至 {last}）",
        "Imported {rows} entries ({persons} people, {first} to {last})",
    ),
    "dry_run": (
        "试导入：可导入 {rows} 条记录（{persons} 人，{first} 至 {last}），未写入数据库",
        "Dry run: {rows} entries ({persons} people, {first} to {last}) would be imported;"
        " nothing written",
    ),
    "nothing_new": (
        "没有新记录：文件中的 {dups} 条记录都已在台账中，未做任何改动",
        "Nothing new: all {dups} rows are already in the ledger; nothing changed",
    ),
    "duplicates": (
        "跳过 {dups} 条台账中已有的相同记录",
        "Skipped {dups} rows the ledger already holds",
    ),
    "per_person": ("  {name}：{rows} 条", "  {name}: {rows}"),
    "new_persons": ("新建人员：{names}", "New persons: {names}"),
    "previous": (
        "该文件已于 {at} 由 {actor} 导入过（{rows} 条）",
        "This file was imported before on {at} by {actor} ({rows} rows)",
    ),
    "backup": ("导入前已备份：{path}", "Backed up before importing: {path}"),
    "source": ("文件：{name}（{format}，{sheet}）", "File: {name} ({format}, {sheet})"),
    "problems": (
        "试导入：发现 {count} 处问题（涉及 {lines} 行），正式导入将被拒绝",
        "Dry run: {count} problems on {lines} lines; the import would be refused",
    ),
    "more": ("……另有 {n} 处问题未列出", "... and {n} more problems"),
    "unknown_activities": (
        "未知的活动类型：{names}。可用 --map-activities 映射文件指定对应的活动类型"
        '（CSV 两列“原名,活动类型”，或 JSON {{"原名": "活动类型"}}）',
        "Unknown activities: {names}. Map them with --map-activities FILE"
        ' (CSV with two columns source,activity, or JSON {{"source": "activity"}})',
    ),
    "unknown_persons": (
        "未知的人员：{names}。如需导入时新建这些人员，请加 --create-persons",
        "Unknown persons: {names}. Add --create-persons to create them while importing",
    ),
}


def say(key: str, lang: str, **params: object) -> str:
    return phrase(_TEXT, key, lang, **params)


def add_parsers(sub: Sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import",
        help="导入工作记录台账 CSV/XLSX（全部成功才写入，已有的记录不重复导入）",
        parents=[common],
    )
    p.add_argument("file", help="CSV（UTF-8 或 GBK）或 Excel .xlsx 文件")
    p.add_argument("--dry-run", action="store_true", help="只检查并列出问题，不写入")
    p.add_argument("--sheet", default=None, help="Excel 工作表名称或序号（默认第一个）")
    p.add_argument(
        "--map-activities",
        metavar="FILE",
        default=None,
        help="活动类型映射文件：CSV 两列“原名,活动类型”，或 JSON 对象",
    )
    p.add_argument(
        "--create-persons", action="store_true", help="文件中的未知人员导入时新建（默认拒绝）"
    )
    p.set_defaults(func=cmd_import)


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger
    mapping: dict[str, str] = {}
    if args.map_activities:
        mapping = load_activity_map(args.map_activities, {a.name for a in ledger.activities()})
    options = ImportOptions(args.sheet, mapping, args.create_persons)
    lang = ctx.lang
    try:
        result = ledger.import_entries(args.file, options, dry_run=args.dry_run)
    except ImportRefused as exc:
        _print_refusal(exc, args.dry_run, lang)
        return 1
    _print_result(result, args.file, lang)
    return 0


def _print_result(result: ImportResult, file: str, lang: str) -> None:
    dates = {"first": result.first_day, "last": result.last_day}
    if result.dry_run:
        name = file.replace("\\", "/").rsplit("/", 1)[-1]
        print(say("source", lang, name=name, format=result.file_format, sheet=result.sheet))
        print(say("dry_run", lang, rows=result.rows, persons=result.persons, **dates))
        for person, rows in result.per_person:
            print(say("per_person", lang, name=person, rows=rows))
    elif result.rows == 0:
        print(say("nothing_new", lang, dups=result.duplicates))
    else:
        print(say("imported", lang, rows=result.rows, persons=result.persons, **dates))
    if result.duplicates and result.rows:
        print(say("duplicates", lang, dups=result.duplicates))
    if result.new_persons:
        print(say("new_persons", lang, names="、".join(result.new_persons)))
    for before in result.previous:
        at = _local(before.at)
        print(say("previous", lang, at=at, actor=before.actor, rows=before.rows_added))
    if result.backup is not None:
        print(say("backup", lang, path=result.backup))


def _print_refusal(exc: ImportRefused, dry_run: bool, lang: str) -> None:
    err = sys.stderr
    if dry_run:
        lines = len({p.line for p in exc.problems})
        print(say("problems", lang, count=len(exc.problems), lines=lines), file=err)
    else:
        print(exc.message(lang), file=err)
    texts = exc.lines(lang)
    for line in texts[:MAX_LISTED]:
        print(line, file=err)
    if len(texts) > MAX_LISTED:
        print(say("more", lang, n=len(texts) - MAX_LISTED), file=err)
    if exc.unknown_activities:
        names = _counted(exc.unknown_activities, lang)
        print(say("unknown_activities", lang, names=names), file=err)
    if exc.unknown_persons:
        print(say("unknown_persons", lang, names=_counted(exc.unknown_persons, lang)), file=err)


def _local(at: str) -> str:
    try:
        return f"{datetime.fromisoformat(at).astimezone():%Y-%m-%d %H:%M}"
    except ValueError:
        return at


def _counted(names: dict[str, int], lang: str) -> str:
    if lang == "en":
        return ", ".join(f"{n} ({c} rows)" for n, c in names.items())
    return "、".join(f"{n}（{c} 行）" for n, c in names.items())
