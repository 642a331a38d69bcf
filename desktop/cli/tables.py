"""CLI commands that read tables out: summary, export (import: import_commands.py; the
work calendar: calendar_commands.py)."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.context import Context
from desktop.cli.emit import FORMATS, emit
from desktop.cli.text import say
from desktop.domain.periods import Period
from desktop.domain.workcalendar import basis_notice
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
    order = ledger.official_order()  # units (and groups) as the office lists them
    if args.by == "group":
        members: dict[str, list[str]] = {}
        for item in items:
            members.setdefault(item.person.group, []).append(item.person.unit)
        items.sort(key=lambda i: order.group_rank(i.person.group, members[i.person.group]))
    else:
        items.sort(key=lambda i: order.unit_rank(i.person.unit))
    table = summary_table(items, args.by, ctx.lang)
    notes = []
    basis = {b for item in items for b in item.result.basis}
    if not items:
        basis = set(ledger.calendar.noted(period.start, period.end))
    if basis:
        notes.append(basis_notice(basis, ctx.lang))
    emit(table.keys, table.header, table.rows, args.format, ctx.lang, notes)
    return 0


def cmd_export_entries(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger
    period = Period.parse(args.period)
    entries = ledger.entries(period=period)
    persons = {p.id: p for p in ledger.persons()}
    activities = {a.id: a for a in ledger.activities()}
    projects = {p.id: p for p in ledger.projects()}
    from desktop.reports.entries_csv import write_entries_csv  # the export only

    with open(args.out, "w", encoding="utf-8", newline="") as out:
        n = write_entries_csv(out, entries, persons, activities, projects, ctx.lang)
    print(say("exported", ctx.lang, rows=n, path=args.out))
    return 0
