"""onethird-cli commands of monthly submission: submit (a unit sends a person's month and it
becomes read-only), intake (the office takes report files in; the unit takes review files in),
status (the board), review (accept or return with an opinion) and deadline (the setting)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.cli.context import Context
from desktop.cli.emit import FORMATS, emit
from desktop.cli.report_output import said, warned
from desktop.cli.text import phrase
from desktop.domain.periods import Period
from desktop.domain.submission import MonthStatus, UnitStatus, Urgency, deadline, local_text
from desktop.storage.file_suffixes import REPORT_SUFFIX, REVIEW_SUFFIX
from desktop.storage.submission_state import require_month

Sub = Any

SAY: Mapping[str, tuple[str, str]] = {
    "submitted": (
        "已提交 {name} {period}的月报（第 {revision} 次报送）：工作记录 {entries} 条，"
        "外出招商 {trips} 次，项目 {projects} 个",
        "Submitted {name}'s report for {period} (submission {revision}): {entries} entries,"
        " {trips} trips, {projects} projects",
    ),
    "file": ("报送文件：{path}（请发送给督查室）", "Report file: {path} (send it to the office)"),
    "locked_now": (
        "该月的工作记录和外出招商现在只读，退回后才能修改",
        "The month's entries and trips are read-only until the report is returned",
    ),
    "warning": ("警告：{text}", "warning: {text}"),
    "intake_none": ("没有找到报送文件（.otr/.otv）", "no report files (.otr/.otv) found"),
    "intake_sum": (
        "共 {files} 个文件：{changed} 个已导入，{same} 个无变化，{refused} 个被拒绝",
        "{files} files: {changed} taken in, {same} unchanged, {refused} refused",
    ),
    "backup": ("导入前已备份：{path}", "Backed up before intake: {path}"),
    "returned": (
        "已退回 {name} {period}的月报，意见：{opinion}",
        "Returned {name}'s report for {period}: {opinion}",
    ),
    "accepted": ("{name} {period}的月报已审核通过", "{name}'s report for {period} accepted"),
    "review_file": (
        "审核意见文件：{path}（请发回报送单位，由其用 onethird-cli intake 导入）",
        "Review file: {path} (send it back; the unit takes it in with onethird-cli intake)",
    ),
    "no_review_file": (
        "未生成审核意见文件；加 --out 文件名 可生成发回单位的文件",
        "No review file written; add --out FILE to write the file for the unit",
    ),
    "deadline_set": (
        "报送截止日：每月 {day} 日前报送上月月报",
        "Deadline: reports are due by day {day} of the next month",
    ),
    "deadline_note": ("截止日期：{date}（今天 {today}）", "Deadline: {date} (today {today})"),
    "due_soon": ("{days} 天内到期", "due in {days} days"),
    "due_today": ("今天到期", "due today"),
    "overdue": ("已逾期 {days} 天", "overdue by {days} days"),
    "late": ("逾期报送", "late"),
    "yes": ("是", "yes"),
}
HEADERS: Mapping[str, tuple[str, str]] = {
    "unit": ("单位", "Unit"),
    "name": ("姓名", "Name"),
    "title": ("职务", "Title"),
    "state": ("状态", "State"),
    "revision": ("报送次数", "Submissions"),
    "submitted_at": ("报送时间", "Submitted"),
    "deadline": ("截止日期", "Deadline"),
    "urgency": ("提醒", "Reminder"),
    "late": ("逾期报送", "Late"),
    "opinion": ("审核意见", "Opinion"),
    "persons": ("应报人数", "Expected"),
    "in": ("已报送", "In"),
    "returned": ("已退回", "Returned"),
    "accepted": ("已审核", "Accepted"),
    "missing": ("未报送人员", "Not submitted"),
}


def say(key: str, lang: str, **params: object) -> str:
    return phrase(SAY, key, lang, **params)


def add_parsers(sub: Sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("submit", help="报送月报：生成报送文件，该月记录随即只读", parents=[common])
    p.add_argument("--person", required=True, help="姓名")
    p.add_argument("--unit", default="", help="同名人员时注明单位")
    p.add_argument("--period", required=True, help="月份，如 2026-10")
    p.add_argument("--out", required=True, help=f"报送文件（{REPORT_SUFFIX}），或保存它的目录")
    p.set_defaults(func=cmd_submit)

    p = sub.add_parser(
        "intake",
        help=f"导入报送文件（{REPORT_SUFFIX}，督查室）或审核意见文件（{REVIEW_SUFFIX}，单位）",
        parents=[common],
    )
    p.add_argument("paths", nargs="+", type=Path, help="文件或文件夹（含子文件夹）")
    p.set_defaults(func=cmd_intake)

    p = sub.add_parser("status", help="报送情况：已报送、未报送、已退回、已审核", parents=[common])
    p.add_argument("--period", required=True, help="月份，如 2026-10")
    p.add_argument("--by", choices=("person", "unit"), default="person", help="按人员或单位")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_status, read_only=True)

    p = sub.add_parser("review", help="审核月报：通过，或退回并填写意见", parents=[common])
    p.add_argument("--person", required=True, help="姓名")
    p.add_argument("--unit", default="", help="同名人员时注明单位")
    p.add_argument("--period", required=True, help="月份，如 2026-10")
    decision = p.add_mutually_exclusive_group()
    decision.add_argument("--accept", action="store_true", help="审核通过")
    decision.add_argument("--return", dest="opinion", metavar="意见", help="退回，并写明意见")
    p.add_argument("--out", default=None, help=f"审核意见文件（{REVIEW_SUFFIX}），发回报送单位")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser(
        "deadline", help="设置报送截止日（每月几号前报送上月月报）", parents=[common]
    )
    p.add_argument("--day", type=int, required=True, help="1–28，默认 5")
    p.set_defaults(func=cmd_deadline)


def _out_file(text: str, name: str, suffix: str) -> Path:
    """--out as given; a folder (existing, or written with a trailing slash) gets a file named
    2026-10-市人民政府-张伟.otr; a name without an extension gets the suffix."""
    out = Path(text)
    if out.is_dir() or text.endswith(("/", "\\")):
        return out / name
    return out if out.suffix else out.with_suffix(suffix)


def _now(ctx: Context) -> datetime:
    """The moment recorded for a submission or review: now, on the day --today says."""
    return datetime.combine(ctx.today, datetime.now().time()).astimezone()


def cmd_submit(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.reports.sources import monthly_pdf
    from desktop.storage.submissions import report_file_name

    ledger, lang = ctx.ledger, ctx.lang
    period = Period.parse(args.period)
    require_month(period)
    person = ledger.find_person(args.person, unit=args.unit)
    assert person.id is not None
    out = _out_file(args.out, report_file_name(person, period), REPORT_SUFFIX)
    pdf, warnings = monthly_pdf(ledger, person, period, ctx.today, lang)
    done = ledger.submit_month(person.id, period, pdf, out, now=_now(ctx))
    counts = {"entries": done.entries, "trips": done.trips, "projects": done.projects}
    revision = done.status.revision
    said(
        say(
            "submitted",
            lang,
            name=person.name,
            period=period.text(lang),
            revision=revision,
            **counts,
        )
    )
    said(say("file", lang, path=done.path))
    said(say("locked_now", lang))
    for w in warnings:  # the monthly report's PDF inside the file
        warned(say("warning", lang, text=w.message(lang)))
    return 0


def cmd_intake(ctx: Context, args: argparse.Namespace) -> int:
    lang = ctx.lang
    run = ctx.ledger.intake(args.paths, now=_now(ctx))
    if not run.outcomes:
        print(say("intake_none", lang), file=sys.stderr)
        return 1
    sep = ": " if lang == "en" else "："
    for o in run.outcomes:
        print(f"{o.path.name}{sep}{o.message(lang)}", file=sys.stderr if o.refused else sys.stdout)
        for line in o.warning_lines(lang):
            print(f"  {say('warning', lang, text=line)}")
    same = len(run.outcomes) - run.changed - run.refused
    print(
        say(
            "intake_sum",
            lang,
            files=len(run.outcomes),
            changed=run.changed,
            same=same,
            refused=run.refused,
        )
    )
    if run.backup is not None:
        print(say("backup", lang, path=run.backup))
    return 1 if run.refused else 0


def _urgency_text(row: MonthStatus | UnitStatus, today: Any, lang: str) -> str:
    days = (row.deadline - today).days
    if row.urgency is Urgency.OVERDUE:
        return say("overdue", lang, days=-days)
    if row.urgency is Urgency.DUE_SOON:
        return say("due_today", lang) if days == 0 else say("due_soon", lang, days=days)
    return ""


def cmd_status(ctx: Context, args: argparse.Namespace) -> int:
    ledger, lang = ctx.ledger, ctx.lang
    period = Period.parse(args.period)
    require_month(period)
    rows: list[list[Any]]
    if args.by == "unit":
        keys: tuple[str, ...] = ("unit", "state", "persons", "in", "returned", "accepted")
        keys += ("missing", "deadline", "urgency")
        rows = [
            [
                u.unit,
                u.state.board_label(lang),
                u.persons,
                u.submitted,
                u.returned,
                u.accepted,
                "、".join(u.missing) if lang == "zh" else ", ".join(u.missing),
                u.deadline.isoformat(),
                _urgency_text(u, ctx.today, lang),
            ]
            for u in ledger.unit_status(period)
        ]
    else:
        keys = ("unit", "name", "title", "state", "revision", "submitted_at", "deadline")
        keys += ("urgency", "late", "opinion")
        rows = [
            [
                s.person.unit,
                s.person.name,
                s.person.title,
                s.state.board_label(lang),
                s.revision,
                local_text(s.submitted_at),
                s.deadline.isoformat(),
                _urgency_text(s, ctx.today, lang),
                say("yes", lang) if s.late else "",
                s.opinion,
            ]
            for s in ledger.submission_status(period)
        ]
    header = [HEADERS[k][1 if lang == "en" else 0] for k in keys]
    due = deadline(period, ledger.deadline_day())
    notes = [say("deadline_note", lang, date=due, today=ctx.today)]
    emit(keys, header, rows, args.format, lang, notes)
    return 0


def cmd_review(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.storage.submissions import review_file_name

    ledger, lang = ctx.ledger, ctx.lang
    period = Period.parse(args.period)
    require_month(period)
    if not args.accept and args.opinion is None and args.out is None:
        print(
            "onethird-cli review: 用法错误 (usage error): --accept、--return 或 --out 至少一个",
            file=sys.stderr,
        )
        return 2
    person = ledger.find_person(args.person, unit=args.unit)
    assert person.id is not None
    if args.accept or args.opinion is not None:
        status = ledger.review_month(
            person.id, period, accept=args.accept, opinion=args.opinion or "", now=_now(ctx)
        )
        if args.accept:
            print(say("accepted", lang, name=person.name, period=period.text(lang)))
        else:
            print(
                say(
                    "returned",
                    lang,
                    name=person.name,
                    period=period.text(lang),
                    opinion=status.opinion,
                )
            )
    if args.out is not None:
        out = _out_file(args.out, review_file_name(person, period), REVIEW_SUFFIX)
        print(say("review_file", lang, path=ledger.write_review_file(person.id, period, out)))
    else:
        print(say("no_review_file", lang))
    return 0


def cmd_deadline(ctx: Context, args: argparse.Namespace) -> int:
    ctx.ledger.set_deadline_day(args.day)
    print(say("deadline_set", ctx.lang, day=args.day))
    return 0
