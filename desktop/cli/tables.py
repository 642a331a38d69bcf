"""CLI commands that read tables out: summary, calendar, export (import: import_commands.py)."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.context import Context
from desktop.cli.emit import FORMATS, emit
from desktop.cli.text import say
from desktop.domain.periods import Period
from desktop.domain.workcalendar import fallback_notice
from desktop.reports.entries_csv import write_entries_csv
from desktop.reports.labels import label
from desktop.reports.summary_table import summary_table

Sub = Any


def add_parsers(sub: Sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("summary", help="三分之一精力统计表", parents=[common])
    p.add_argument("--period", required=True, help="统计期：2026-09、2026Q3、2026")
    p.add_argument("--person", default="", help="只看一人")
    p.add_argument("--by", choices=("person", "unit", "group"), default="person")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--all-persons", action="store_true", help="包括非主要负责同志")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("calendar", help="各月法定工作日", parents=[common])
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_calendar)

    export = sub.add_parser("export", help="导出", parents=[common]).add_subparsers(
        dest="what", required=True
    )
    p = export.add_parser("entries", help="导出工作记录 CSV", parents=[common])
    p.add_argument("--period", required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_export_entries)


def cmd_summary(ctx: Context, args: argparse.Namespace) -> int:
    period = Period.parse(args.period)
    ledger = ctx.ledger
    persons = [ledger.find_person(args.person)] if args.person else None
    items = ledger.summary(period, persons, subject_only=not args.all_persons)
    table = summary_table(items, args.by, ctx.lang)
    notes = []
    years = sorted({y for item in items for y in item.result.fallback_years})
    if not items:
        years = list(ledger.calendar.fallback_years(period.start, period.end))
    if years:
        notes.append(fallback_notice(years, ctx.lang))
    emit(table.keys, table.header, table.rows, args.format, ctx.lang, notes)
    return 0


def cmd_calendar(ctx: Context, args: argparse.Namespace) -> int:
    calendar = ctx.ledger.calendar
    year = Period.year(args.year)
    keys = ("month", "workdays")
    rows: list[list[Any]] = []
    for month in year.months():
        count = calendar.count(month.start, month.end)
        rows.append([month.code, count.days])
    total = calendar.count(year.start, year.end)
    rows.append([say("total", ctx.lang), total.days])
    notes = [fallback_notice(total.fallback_years, ctx.lang)] if total.flagged else []
    emit(keys, [label(k, ctx.lang) for k in keys], rows, args.format, ctx.lang, notes)
    return 0


def cmd_export_entries(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger
    period = Period.parse(args.period)
    entries = ledger.entries(period=period)
    persons = {p.id: p for p in ledger.persons()}
    activities = {a.id: a for a in ledger.activities()}
    projects = {p.id: p for p in ledger.projects()}
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        n = write_entries_csv(out, entries, persons, activities, projects, ctx.lang)
    print(say("exported", ctx.lang, rows=n, path=args.out))
    return 0
