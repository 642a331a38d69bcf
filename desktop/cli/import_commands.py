"""onethird-cli import: an Excel-era ledger (CSV or XLSX) checked row by row, then all new rows
or none; --dry-run shows what would be added and every problem with its line and column."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.cli.context import Context
from desktop.cli.text import phrase
from desktop.domain.errors import ValidationError
from desktop.reports.labels import label
from desktop.storage.entry_import import ImportOptions, ImportRefused, ImportResult
from desktop.storage.import_results import COLUMN_CHOICES, ColumnUse
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
    "unknown_projects": (
        "未知的项目：{names}。如需导入时新建这些项目（仅名称），请加 --create-projects",
        "Unknown projects: {names}. Add --create-projects to create them (by name) while importing",
    ),
    "new_projects": ("新建项目：{names}", "New projects: {names}"),
    "extra_columns": (
        "逐列指定 --column {name}=note（并入备注）、append（以“列名：内容”追加到备注）或 ignore"
        "（不导入）；或对所有这样的列用 --extra-columns note|append|ignore",
        "choose per column --column {name}=note|append|ignore, or for all such columns"
        " --extra-columns note|append|ignore",
    ),
    "columns": ("各列：{columns}", "Columns: {columns}"),
    "not_imported": ("未导入的列：{columns}", "Columns not imported: {columns}"),
    "skipped": ("跳过合计行：{lines}", "Skipped rows of totals: {lines}"),
    "sums": ("合计数", "sums"),
    "progress": ("已读取 {pct}%（{done}/{size} MB）", "Read {pct}% ({done}/{size} MB)"),
    "line": ("第 {line} 行（{word}）", "line {line} ({word})"),
}

USES = {
    "not_kept": ("不导入（序号）", "not imported (row number)"),
    "note": ("并入备注", "into the note"),
    "append": ("以“列名：内容”追加到备注", "appended to the note with its name"),
    "ignored": ("不导入（已指定）", "not imported (as chosen)"),
    "empty": ("不导入（无内容）", "not imported (empty)"),
    "content": ("备注（工作内容，在备注之前）", "note (work content, before 备注)"),
}
NOT_IMPORTED = frozenset(("not_kept", "ignored", "empty"))
LARGE = 32 << 20  # files above this show their progress


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
    p.add_argument(
        "--create-projects", action="store_true", help="文件中的未知项目导入时新建（仅名称）"
    )
    p.add_argument(
        "--extra-columns",
        choices=COLUMN_CHOICES,
        default="",
        help="无法对应的列：note 并入备注，append 以“列名：内容”追加到备注，ignore 不导入"
        "（默认：这样的列有内容时拒绝导入）",
    )
    p.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="列名=方式",
        help="逐列指定：如 --column 联系电话=append、--column 附件=ignore（可多次）",
    )
    p.set_defaults(func=cmd_import)


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger
    mapping: dict[str, str] = {}
    if args.map_activities:
        mapping = load_activity_map(args.map_activities, {a.name for a in ledger.activities()})
    options = ImportOptions(
        args.sheet,
        mapping,
        args.create_persons,
        args.create_projects,
        args.extra_columns,
        _column_choices(args.column),
    )
    lang = ctx.lang
    progress = _progress(Path(args.file), lang)
    try:
        result = ledger.import_entries(args.file, options, dry_run=args.dry_run, progress=progress)
    except ImportRefused as exc:
        _print_refusal(exc, args.dry_run, lang)
        return 1
    _print_result(result, args.file, lang)
    return 0


def _column_choices(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        name, _, choice = item.rpartition("=")
        if not name.strip() or choice.strip() not in COLUMN_CHOICES:
            raise ValidationError("file", "bad_column_choice", value=item)
        out[name.strip()] = choice.strip()
    return out


def _progress(path: Path, lang: str) -> Callable[[int, int], None] | None:
    """A big file says how far the reading has got, on stderr, every 5 %."""
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if size < LARGE:
        return None
    shown = [-5]

    def report(done: int, total: int) -> None:
        pct = int(done * 100 / total) if total else 100
        if pct - shown[0] >= 5 or (pct == 100 and shown[0] != 100):
            shown[0] = pct
            mb = {"done": done >> 20, "size": total >> 20}
            print(say("progress", lang, pct=pct, **mb), file=sys.stderr, flush=True)

    return report


def _use_text(use: str, lang: str) -> str:
    if use in USES:
        zh, en = USES[use]
        return en if lang == "en" else zh
    return label(use, lang)  # the field the column is read into: 日期, 姓名 …


def _print_columns(columns: Sequence[ColumnUse], lang: str, dry_run: bool) -> None:
    """A dry run lists every column and what becomes of it; an import those not imported."""
    shown = columns if dry_run else [c for c in columns if c.use in NOT_IMPORTED]
    if shown:
        text = "；".join(f"{c.letter} {c.name or '—'} → {_use_text(c.use, lang)}" for c in shown)
        print(say("columns" if dry_run else "not_imported", lang, columns=text))


def _print_skipped(skipped: Sequence[tuple[int, str]], lang: str) -> None:
    if skipped:
        lines = "、".join(
            say("line", lang, line=line, word=word or say("sums", lang)) for line, word in skipped
        )
        print(say("skipped", lang, lines=lines))


def _print_result(result: ImportResult, file: str, lang: str) -> None:
    dates = {"first": result.first_day, "last": result.last_day}
    _print_columns(result.columns, lang, result.dry_run)
    _print_skipped(result.skipped, lang)
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
    if result.new_projects:
        print(say("new_projects", lang, names="、".join(result.new_projects)))
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
    if len(texts) + exc.more > MAX_LISTED:
        print(say("more", lang, n=len(texts) + exc.more - MAX_LISTED), file=err)
    if exc.unknown_activities:
        names = _counted(exc.unknown_activities, lang)
        print(say("unknown_activities", lang, names=names), file=err)
    if exc.unknown_persons:
        print(say("unknown_persons", lang, names=_counted(exc.unknown_persons, lang)), file=err)
    extra = [p.error.params["value"] for p in exc.problems if p.error.code == "extra_column"]
    if extra:
        print(say("extra_columns", lang, name=extra[0]), file=err)
    if exc.unknown_projects:
        print(say("unknown_projects", lang, names=_counted(exc.unknown_projects, lang)), file=err)


def _local(at: str) -> str:
    try:
        return f"{datetime.fromisoformat(at).astimezone():%Y-%m-%d %H:%M}"
    except ValueError:
        return at


def _counted(names: dict[str, int], lang: str) -> str:
    if lang == "en":
        return ", ".join(f"{n} ({c} rows)" for n, c in names.items())
    return "、".join(f"{n}（{c} 行）" for n, c in names.items())
