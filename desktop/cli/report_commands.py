"""CLI `report`: the monthly report, the circular, the trips form (外出招商情况上报表), the
pipeline report, raw entries and projects.

PDF, matplotlib and openpyxl are imported only when a report is written, so other commands start
as fast as before.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from desktop.cli.context import Context
from desktop.cli.guard import is_disk_full
from desktop.cli.report_output import said, warned
from desktop.cli.text import phrase
from desktop.domain.errors import ValidationError
from desktop.domain.periods import Period, PeriodKind
from desktop.reports.circular import BY
from desktop.reports.export import (
    FORMATS,
    TABLE_FORMATS,
    Written,
    guess_format,
    monthly_file_name,
    write_report,
    write_tables,
)
from desktop.reports.fonts import FontWarning
from desktop.reports.raw_tables import entries_sheet, projects_sheet
from desktop.reports.sources import (
    gather_circular,
    gather_monthly,
    gather_pipeline,
    gather_trip_form,
)

Sub = Any

SAY: Mapping[str, tuple[str, str]] = {
    "written": ("已生成：{path}", "Written: {path}"),
    "written_all": (
        "已生成 {n} 份月报（{period}）到 {path}",
        "Wrote {n} monthly reports ({period}) to {path}",
    ),
    "none": ("没有需要编制月报的人员", "nobody to report on"),
    "failed_one": (
        "未能生成 {name} 的月报（{error}），其余人员照常生成",
        "could not write the monthly report of {name} ({error}); the others are written",
    ),
    "failed_all": (
        "{n} 份月报未能生成，见上",
        "{n} monthly reports could not be written; see above",
    ),
    "warning": ("警告：{text}", "warning: {text}"),
}


def say(key: str, lang: str, **params: object) -> str:
    return phrase(SAY, key, lang, **params)


def add_parsers(sub: Sub, common: argparse.ArgumentParser) -> None:
    report = sub.add_parser("report", help="报告：月报、汇总通报、项目推进", parents=[common])
    kinds = report.add_subparsers(dest="report", required=True)

    def out_options(p: argparse.ArgumentParser, formats: tuple[str, ...] = FORMATS) -> None:
        p.add_argument("--format", choices=formats, default=None, help="默认按 --out 的扩展名")
        p.add_argument("--out", required=True, type=Path, help="输出文件")

    p = kinds.add_parser("monthly", help="个人月报", parents=[common])
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--person", help="姓名")
    who.add_argument("--all", action="store_true", help="每人一份，写入 --out 目录")
    p.add_argument("--unit", default="", help="同名人员时注明单位")
    p.add_argument("--period", required=True, help="月份，如 2026-10")
    p.add_argument("--all-persons", action="store_true", help="--all 时包括非主要负责同志")
    p.add_argument("--format", choices=FORMATS, default=None, help="默认按 --out 的扩展名，或 pdf")
    p.add_argument("--out", required=True, type=Path, help="输出文件（--all 时为目录）")
    p.set_defaults(func=cmd_monthly)

    p = kinds.add_parser("circular", help="汇总通报", parents=[common])
    p.add_argument("--period", required=True, help="统计期：2026-10、2026Q4、2026")
    p.add_argument("--by", choices=BY, default="person", help="按人员、单位或招商组汇总")
    p.add_argument("--all-persons", action="store_true", help="包括非主要负责同志")
    out_options(p)
    p.set_defaults(func=cmd_circular)

    p = kinds.add_parser("trips", help="外出招商情况上报表", parents=[common])
    p.add_argument("--period", required=True, help="统计期：2026-10、2026Q4、2026")
    p.add_argument("--all-persons", action="store_true", help="包括非主要负责同志")
    out_options(p)
    p.set_defaults(func=cmd_trips)

    p = kinds.add_parser("pipeline", help="项目推进情况", parents=[common])
    p.add_argument("--period", required=True)
    out_options(p)
    p.set_defaults(func=cmd_pipeline)

    p = kinds.add_parser("entries", help="工作记录明细（CSV/XLSX）", parents=[common])
    p.add_argument("--period", required=True)
    p.add_argument("--person", default="")
    out_options(p, TABLE_FORMATS)
    p.set_defaults(func=cmd_entries)

    p = kinds.add_parser("projects", help="项目清单（CSV/XLSX）", parents=[common])
    p.add_argument("--period", default="", help="阶段与到位资金截至该期末（默认今天）")
    out_options(p, TABLE_FORMATS)
    p.set_defaults(func=cmd_projects)


def _report(ctx: Context, written: Written) -> None:
    for path in written.paths:
        said(say("written", ctx.lang, path=path))
    _warn(ctx, written.warnings)


def _warn(ctx: Context, warnings: list[FontWarning]) -> None:
    for w in warnings:
        warned(say("warning", ctx.lang, text=w.message(ctx.lang)))


def _format(args: argparse.Namespace, allowed: tuple[str, ...] = FORMATS) -> str:
    """--format, else the extension of --out, else the first format allowed."""
    fmt = args.format or guess_format(args.out, allowed[0])
    return fmt if fmt in allowed else allowed[0]


def cmd_monthly(ctx: Context, args: argparse.Namespace) -> int:
    period = Period.parse(args.period)
    if period.kind is not PeriodKind.MONTH:
        raise ValidationError("period", "not_a_month", value=args.period)
    ledger = ctx.ledger
    if not args.all:
        person = ledger.find_person(args.person, unit=args.unit)
        (report,) = gather_monthly(ledger, [person], period, ctx.today)
        _report(ctx, write_report(report, _format(args), args.out, ctx.lang))
        return 0
    fmt = args.format or "pdf"
    persons = ledger.persons(subject_only=not args.all_persons)
    if not persons:
        said(say("none", ctx.lang))
        return 0
    warnings: list[FontWarning] = []
    taken: set[str] = set()  # two persons whose names clean alike still get two files
    n = failed = 0
    for report in gather_monthly(ledger, persons, period, ctx.today):
        name = monthly_file_name(report, fmt, taken)
        taken.add(name)
        try:
            written = write_report(report, fmt, args.out / name, ctx.lang)
        except Exception as exc:  # one person's report must not cost everyone else theirs
            if isinstance(exc, OSError) and is_disk_full(exc):
                raise
            failed += 1
            error = f"{type(exc).__name__}: {exc}"[:200]
            who = report.person.name
            warned(say("failed_one", ctx.lang, name=who, error=error))
            continue
        warnings += written.warnings
        n += 1
    said(say("written_all", ctx.lang, n=n, period=period.text(ctx.lang), path=args.out))
    _warn(ctx, warnings)
    if failed:
        warned(say("failed_all", ctx.lang, n=failed))
        return 1
    return 0


def cmd_circular(ctx: Context, args: argparse.Namespace) -> int:
    period = Period.parse(args.period)
    ledger = ctx.ledger
    # at the supervision office the circular is built from the reports taken in: name who is missing
    missing = ledger.missing_reports(period) if ledger.has_received_reports() else []
    report = gather_circular(
        ledger, period, args.by, ctx.today, subject_only=not args.all_persons, not_submitted=missing
    )
    _report(ctx, write_report(report, _format(args), args.out, ctx.lang))
    return 0


def cmd_trips(ctx: Context, args: argparse.Namespace) -> int:
    period = Period.parse(args.period)
    form = gather_trip_form(ctx.ledger, period, ctx.today, subject_only=not args.all_persons)
    _report(ctx, write_report(form, _format(args), args.out, ctx.lang))
    return 0


def cmd_pipeline(ctx: Context, args: argparse.Namespace) -> int:
    report = gather_pipeline(ctx.ledger, Period.parse(args.period), ctx.today)
    _report(ctx, write_report(report, _format(args), args.out, ctx.lang))
    return 0


def cmd_entries(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger
    period = Period.parse(args.period)
    person_id = ledger.find_person(args.person).id if args.person else None
    entries = ledger.entries(period=period, person_id=person_id)
    persons = {p.id: p for p in ledger.persons()}
    activities = {a.id: a for a in ledger.activities()}
    projects = {p.id: p for p in ledger.projects()}
    sheet = entries_sheet(entries, persons, activities, projects, ctx.lang)
    _report(ctx, Written(write_tables([sheet], _format(args, TABLE_FORMATS), args.out)))
    return 0


def cmd_projects(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger
    day = Period.parse(args.period).end if args.period else ctx.today
    leaders = {p.id: p.name for p in ledger.persons() if p.id is not None}
    sheet = projects_sheet(ledger.projects(), leaders, day, ctx.lang)
    _report(ctx, Written(write_tables([sheet], _format(args, TABLE_FORMATS), args.out)))
    return 0
