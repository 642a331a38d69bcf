"""CLI commands for the work calendar: working days per month with their source, and the State
Council's holiday notice entered, removed, or sent to the units as a calendar file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.context import Context
from desktop.cli.emit import FORMATS, emit
from desktop.cli.text import say
from desktop.domain.changes import SetHolidayYear
from desktop.domain.errors import ValidationError
from desktop.domain.holidays import (
    YearArrangement,
    YearSource,
    arrangement,
    arrangement_from_csv,
    parse_arrangements,
)
from desktop.domain.periods import FIRST_YEAR, LAST_YEAR, Period
from desktop.domain.workcalendar import basis_notice
from desktop.reports.labels import label
from desktop.storage.report_file import write_atomically

Sub = Any

_TEXT = {
    "set": (
        "已录入 {year} 年节假日安排：法定节假日 {holidays} 天，调休上班日 {workdays} 天",
        "Entered the {year} arrangement: {holidays} holidays, {workdays} make-up workdays",
    ),
    "removed": (
        "已删除录入的 {year} 年节假日安排（改按{source}计算）",
        "Removed the entered {year} arrangement (now counted by {source})",
    ),
    "not_held": ("{year} 年没有录入的节假日安排", "nothing was entered for {year}"),
    "written": ("已写出节假日安排文件：{path}", "Wrote the calendar file {path}"),
    "package_source": ("{year}年节假日按 chinesecalendar 数据计算", "{year}: chinesecalendar data"),
    "package": ("chinesecalendar 数据", "the chinesecalendar data"),
    "fallback": ("周一至周五", "Monday to Friday"),
}

SOURCE_KEYS = {
    YearSource.ENTERED: "source_entered",
    YearSource.FILE: "source_file",
    YearSource.PACKAGE: "source_package",
    YearSource.FALLBACK: "source_fallback",
}


def _say(key: str, lang: str, **params: object) -> str:
    zh, en = _TEXT[key]
    return (en if lang == "en" else zh).format(**params)


def year_arg(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是年份 (not a year)") from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"{year} 超出允许范围 {FIRST_YEAR}–{LAST_YEAR} (allowed {FIRST_YEAR}–{LAST_YEAR})"
        )
    return year


def add_parsers(sub: Sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("calendar", help="各月法定工作日；录入节假日安排", parents=[common])
    p.add_argument("--year", type=year_arg, help="年份")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_show, read_only=True)
    actions = p.add_subparsers(dest="action")

    s = actions.add_parser(
        "set", help="录入国务院办公厅节假日安排（本数据库中，优先于软件包）", parents=[common]
    )
    s.add_argument("--year", type=year_arg, help="年份（--file 为 CSV 时必填）")
    s.add_argument(
        "--holiday", action="append", default=[], metavar="日期:名称", help="法定节假日，可多次"
    )
    s.add_argument("--workday", action="append", default=[], metavar="日期", help="调休上班日")
    s.add_argument("--notice", default="", help="通知文号，如 国办发明电〔2026〕X号")
    s.add_argument("--notice-date", default="", help="通知日期")
    s.add_argument("--file", type=Path, help="从文件录入（JSON 或 CSV：日期,类型,名称）")
    s.set_defaults(func=cmd_set, read_only=False)

    r = actions.add_parser("remove", help="删除录入的某年安排", parents=[common])
    r.add_argument("--year", type=year_arg, required=True)
    r.set_defaults(func=cmd_remove, read_only=False)

    e = actions.add_parser(
        "export", help="写出下发给各单位的节假日安排文件（.otc）", parents=[common]
    )
    e.add_argument(
        "--year", type=year_arg, action="append", default=[],
        help="下发的年份（可多次）；单位排序、考核方案已设定时一并下发",
    )  # fmt: skip
    e.add_argument("--sender", default="督查室", help="下发单位（默认 督查室）")
    e.add_argument("--out", type=Path, required=True)
    e.set_defaults(func=cmd_export, read_only=True)

    y = actions.add_parser("years", help="各年份的节假日来源", parents=[common])
    y.add_argument("--format", choices=FORMATS, default="table")
    y.set_defaults(func=cmd_years, read_only=True)


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    if args.year is None:
        raise ValidationError("year", "required")
    calendar = ctx.ledger.calendar
    year = Period.year(args.year)
    keys = ("month", "workdays")
    rows: list[list[Any]] = []
    for month in year.months():
        count = calendar.count(month.start, month.end)
        rows.append([month.code, count.days])
    total = calendar.count(year.start, year.end)
    rows.append([say("total", ctx.lang), total.days])
    note = basis_notice(total.basis, ctx.lang) or _say("package_source", ctx.lang, year=args.year)
    emit(keys, [label(k, ctx.lang) for k in keys], rows, args.format, ctx.lang, [note])
    return 0


def _from_args(args: argparse.Namespace) -> YearArrangement:
    if args.file is not None:
        text = args.file.read_text(encoding="utf-8-sig")
        if args.file.suffix.lower() == ".csv":
            if args.year is None:
                raise ValidationError("year", "required")
            return arrangement_from_csv(text, args.year, args.notice, args.notice_date)
        found = parse_arrangements(text)
        if args.year is not None:
            if args.year not in found:
                raise ValidationError("year", "year_not_in_file", value=args.year)
            return found[args.year]
        if len(found) != 1:
            raise ValidationError("year", "required")
        return next(iter(found.values()))
    if args.year is None:
        raise ValidationError("year", "required")
    holidays = []
    for item in args.holiday:
        day, sep, name = item.partition(":")
        if not sep:
            day, sep, name = item.partition("：")
        holidays.append((day.strip(), name.strip()))
    return arrangement(args.year, holidays, args.workday, args.notice, args.notice_date or None)


def cmd_set(ctx: Context, args: argparse.Namespace) -> int:
    a = _from_args(args)
    ctx.ledger.apply(SetHolidayYear(a.year, a))
    print(_say("set", ctx.lang, year=a.year, holidays=len(a.holidays), workdays=len(a.workdays)))
    return 0


def cmd_remove(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger
    held = ledger.holiday_years().get(args.year)
    if held is None:
        raise ValidationError("year", "year_not_held", value=args.year)
    ledger.apply(SetHolidayYear(args.year, None))
    source = ledger.calendar.source(args.year)
    name = _say("fallback" if source is YearSource.FALLBACK else "package", ctx.lang)
    print(_say("removed", ctx.lang, year=args.year, source=name))
    return 0


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    data = ctx.ledger.calendar_file(sorted(set(args.year)), args.sender)
    write_atomically(args.out, data)
    print(_say("written", ctx.lang, path=args.out))
    return 0


def cmd_years(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger
    calendar = ledger.calendar
    held = ledger.holiday_years()
    years = sorted({*range(ctx.today.year - 2, ctx.today.year + 2), *held, *calendar.overrides})
    keys = ("year", "source", "notice")
    rows = []
    for y in years:
        b = calendar.basis(y)
        rows.append([y, label(SOURCE_KEYS[b.source], ctx.lang), b.notice])
    emit(keys, [label(k, ctx.lang) for k in keys], rows, args.format, ctx.lang)
    return 0
