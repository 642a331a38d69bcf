"""CLI `score`: the held 考核方案 scored over a period (printed, or saved as PDF/XLSX/CSV), and
`score scheme import|export|show` for the scheme itself.

The report modules (and reportlab, openpyxl behind them) are imported only when a command here
runs, so the other commands start as fast as before.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.context import Context
from desktop.cli.report_output import said, warned
from desktop.cli.text import phrase, text_table
from desktop.domain.assessment_scheme import MEASURES, Item, Scheme, SchemeError
from desktop.domain.changes import SetScheme
from desktop.domain.errors import ValidationError
from desktop.domain.periods import Period

if TYPE_CHECKING:
    from desktop.reports.assessment_report import AssessmentReport
    from desktop.reports.sheet import Sheet

Sub = Any
EXIT_USAGE = 2
OUT_FORMATS = ("pdf", "xlsx", "csv")

SAY: Mapping[str, tuple[str, str]] = {
    "need_period": (
        "请用 --period 指定统计期（如 2026、2026Q1、2026-03）",
        "give the period with --period (e.g. 2026, 2026Q1, 2026-03)",
    ),
    "no_scheme_hint": (
        "导入方案：onethird-cli score scheme import 方案文件.json",
        "to import one: onethird-cli score scheme import scheme.json",
    ),
    "not_json": ("文件不是 JSON：{detail}", "the file is not JSON: {detail}"),
    "imported": (
        "已导入考核方案：{name}（{n} 个考核项目）",
        "Imported the assessment scheme {name} ({n} items)",
    ),
    "replaced": ("替换了原方案：{name}", "It replaces {name}"),
    "exported": ("已导出考核方案到 {path}", "Exported the assessment scheme to {path}"),
    "written": ("已生成：{path}", "Written: {path}"),
    "warning": ("警告：{text}", "warning: {text}"),
    "notes": ("说明", "Notes"),
    "checks": ("核对提示（仅列出，未作更正）", "Checks (shown, not corrected)"),
    "none": ("（无）", "(none)"),
    "scheme": ("考核方案：{name}", "Scheme: {name}"),
    "document": ("文号：{document}", "Document: {document}"),
    "covers": ("每次考核：{period}；按{by}", "Each result covers: {period}; by {by}"),
    "exclude": ("不予认定：{rules}", "Not credited: {rules}"),
    "period_month": ("月度", "a month"),
    "period_quarter": ("季度", "a quarter"),
    "period_year": ("年度", "a year"),
    "by_unit": ("单位", "unit"),
    "by_person": ("人员", "person"),
    "h_id": ("编号", "No."),
    "h_name": ("考核项目", "Item"),
    "h_measure": ("指标", "Measure"),
    "h_kind": ("计分方法", "Formula"),
    "h_parameters": ("参数", "Parameters"),
    "kind_ratio": ("ratio 完成值÷目标×权重", "ratio: value ÷ target × weight"),
    "kind_points": ("points 完成值×每个计分", "points: value × points each"),
    "kind_efficacy": ("efficacy 功效系数法", "efficacy coefficient"),
    "kind_deduction": ("deduction 每次扣分", "deduction: points off each"),
    "kind_bonus": ("bonus 超出目标部分加分", "bonus: points for each above the target"),
    "p_weight": ("权重 {value}", "weight {value}"),
    "p_target": ("目标 {value}", "target {value}"),
    "p_targets": ("分单位目标 {value}", "targets {value}"),
    "p_points": ("每个计分 {value}", "points {value}"),
    "p_points_deduction": ("每次扣分 {value}", "points off {value}"),
    "p_points_bonus": ("每单位加分 {value}", "points each {value}"),
    "p_cap": ("封顶 {value}", "cap {value}"),
    "p_cap_deduction": ("最多扣 {value}", "at most {value} off"),
    "f_min_amount": ("协议投资额不低于 {value} 万元", "amount at least {value} (10k CNY)"),
    "f_below_amount": ("协议投资额低于 {value} 万元", "amount below {value} (10k CNY)"),
    "f_kinds": ("项目类型 {value}", "project type {value}"),
    "f_origins": ("投资方来源 {value}", "investor origin {value}"),
    "f_chains": ("产业链 {value}", "industry chain {value}"),
    "f_fund_kinds": ("资金性质 {value}", "kind of funds {value}"),
}


def say(key: str, lang: str, **params: object) -> str:
    return phrase(SAY, key, lang, **params)


def add_parsers(sub: Sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "score",
        help="考核：按考核方案计分排名；score scheme 导入、导出、查看方案",
        parents=[common],
    )
    p.add_argument("--period", help="统计期：2026、2026Q1、2026-03")
    p.add_argument(
        "--by", choices=("unit", "person"), default=None, help="按单位或人员（默认按方案）"
    )
    p.add_argument("--format", choices=OUT_FORMATS, default=None, help="默认按 --out 的扩展名")
    p.add_argument("--out", type=Path, default=None, help="写入文件（PDF、XLSX 或 CSV）")
    p.set_defaults(func=cmd_score, read_only=True)
    actions = p.add_subparsers(dest="action")
    scheme = actions.add_parser("scheme", help="考核方案", parents=[common]).add_subparsers(
        dest="scheme_action", required=True
    )
    s = scheme.add_parser("import", help="导入考核方案（JSON）", parents=[common])
    s.add_argument("file", type=Path)
    s.set_defaults(func=cmd_scheme_import, read_only=False)
    s = scheme.add_parser("export", help="导出所用的考核方案（JSON）", parents=[common])
    s.add_argument("file", type=Path)
    s.set_defaults(func=cmd_scheme_export, read_only=True)
    s = scheme.add_parser("show", help="查看所用的考核方案", parents=[common])
    s.set_defaults(func=cmd_scheme_show, read_only=True)


def _no_scheme(ctx: Context, exc: ValidationError) -> int:
    lang = ctx.lang
    prefix = "错误：" if lang != "en" else "error: "
    warned(prefix + exc.message(lang))
    warned(say("no_scheme_hint", lang))
    return 1


def _held(ctx: Context) -> Scheme:
    scheme = ctx.ledger.scheme()
    if scheme is None:
        raise ValidationError("scheme", "no_scheme")
    return scheme


def cmd_score(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.reports.assessment_report import gather_assessment

    if not args.period:
        warned(say("need_period", ctx.lang))
        return EXIT_USAGE
    period = Period.parse(args.period)
    try:
        report = gather_assessment(ctx.ledger, period, args.by)
    except ValidationError as exc:
        if exc.code != "no_scheme":
            raise
        return _no_scheme(ctx, exc)
    if args.out is None:
        _print(report, ctx.lang)
        return 0
    from desktop.reports.export import guess_format, write_report

    fmt = args.format or guess_format(args.out)
    written = write_report(report, fmt, args.out, ctx.lang)
    for path in written.paths:
        said(say("written", ctx.lang, path=path))
    for w in written.warnings:
        warned(say("warning", ctx.lang, text=w.message(ctx.lang)))
    return 0


def _print(report: AssessmentReport, lang: str) -> None:
    from desktop.reports.assessment_report import detail_sheet, ranking_sheet

    lines = list(report.caption(lang))
    for sheet in (ranking_sheet(report, lang, progress=False), detail_sheet(report, lang)):
        lines += ["", sheet.title, _table(sheet)]
    for key, texts in (("notes", report.notes(lang)), ("checks", report.checks(lang))):
        if key == "checks" and not texts:
            continue
        lines += ["", say(key, lang)]
        lines += [f"{i}. {t}" for i, t in enumerate(texts, start=1)] or [say("none", lang)]
    said("\n".join(lines))


def _table(sheet: Sheet) -> str:
    from desktop.reports.sheet import Kind

    def cell(value: object) -> str:
        return "" if value is None else str(value)

    right = [c.kind is not Kind.TEXT for c in sheet.columns]
    rows = [[cell(v) for v in row] for row in sheet.rows]
    return text_table(sheet.header, rows, right)


def _read_scheme(path: Path, lang: str) -> Scheme:
    raw = path.read_bytes()
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SchemeError(
            "scheme", "not_a_scheme", detail=say("not_json", lang, detail=exc)
        ) from None
    return Scheme.from_dict(data)


def cmd_scheme_import(ctx: Context, args: argparse.Namespace) -> int:
    scheme = _read_scheme(args.file, ctx.lang)  # refused before the ledger is touched
    applied = ctx.ledger.apply(SetScheme(scheme))
    said(say("imported", ctx.lang, name=scheme.name or args.file.name, n=len(scheme.items)))
    before = applied.inverse.scheme if isinstance(applied.inverse, SetScheme) else None
    if before is not None and before != scheme:
        said(say("replaced", ctx.lang, name=before.name or before.document))
    return 0


def cmd_scheme_export(ctx: Context, args: argparse.Namespace) -> int:
    try:
        scheme = _held(ctx)
    except ValidationError as exc:
        return _no_scheme(ctx, exc)
    from desktop.storage.report_file import write_atomically

    text = json.dumps(scheme.to_dict(), ensure_ascii=False, indent=2) + "\n"
    write_atomically(args.file, text.encode("utf-8"))
    said(say("exported", ctx.lang, path=args.file))
    return 0


def cmd_scheme_show(ctx: Context, args: argparse.Namespace) -> int:
    lang = ctx.lang
    try:
        scheme = _held(ctx)
    except ValidationError as exc:
        return _no_scheme(ctx, exc)
    lines = [say("scheme", lang, name=scheme.name)]
    if scheme.document:
        lines.append(say("document", lang, document=scheme.document))
    period, by = say(f"period_{scheme.period}", lang), say(f"by_{scheme.by}", lang)
    lines.append(say("covers", lang, period=period, by=by))
    if scheme.exclude:
        lines.append(say("exclude", lang, rules=_rules(scheme.exclude, lang)))
    header = [say(f"h_{k}", lang) for k in ("id", "name", "measure", "kind", "parameters")]
    rows = [_item_row(item, lang) for item in scheme.items]
    lines += ["", text_table(header, rows)]
    said("\n".join(lines))
    return 0


def _item_row(item: Item, lang: str) -> list[str]:
    measure = MEASURES[item.measure][1 if lang == "en" else 0]
    parts = []
    for key in ("weight", "target", "points", "cap"):
        value = getattr(item, key)
        if value is None:
            continue
        own = f"p_{key}_{item.kind.value}"  # a deduction's points are taken off, not given
        parts.append(say(own if own in SAY else f"p_{key}", lang, value=_number(value)))
    if item.targets:
        each = _list((f"{u} {_number(v)}" for u, v in item.targets.items()), lang)
        parts.append(say("p_targets", lang, value=each))
    if item.filters:
        parts.append(_rules(item.filters, lang))
    sep = "；" if lang != "en" else "; "
    kind = say(f"kind_{item.kind.value}", lang)
    return [item.id, item.name, f"{item.measure} {measure}", kind, sep.join(parts)]


def _rules(block: Mapping[str, Any], lang: str) -> str:
    parts = []
    for key, value in block.items():
        shown = _list(value, lang) if isinstance(value, list) else _number(Decimal(str(value)))
        parts.append(say(f"f_{key}", lang, value=shown))
    return ("；" if lang != "en" else "; ").join(parts)


def _list(values: Any, lang: str) -> str:
    return ("、" if lang != "en" else ", ").join(str(v) for v in values)


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"
