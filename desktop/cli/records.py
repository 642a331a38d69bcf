"""CLI commands that record things: init, person, entry, trip, project."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from desktop.cli.context import Context
from desktop.cli.emit import FORMATS, emit
from desktop.cli.text import say
from desktop.domain.changes import (
    AddEntry,
    AddFunds,
    AddPerson,
    AddProject,
    AddStage,
    AddTrip,
    DeleteEntry,
    UpdateProject,
)
from desktop.domain.entries import DayPart, Entry, parse_clock, parse_date, parse_hours
from desktop.domain.errors import ValidationError
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.projects import (
    Currency,
    Funding,
    FundKind,
    InvestorOrigin,
    Project,
    ProjectKind,
    Stage,
    StageChange,
    parse_amount,
    parse_choice,
)
from desktop.domain.trips import CompanyVisit, Trip
from desktop.reports.entries_csv import entry_cells
from desktop.reports.labels import label
from desktop.storage.ledger import Ledger

Sub = Any  # argparse's private _SubParsersAction


def add_parsers(sub: Sub, common: argparse.ArgumentParser) -> None:
    sub.add_parser("init", help="建立数据库", parents=[common]).set_defaults(func=cmd_init)
    person = sub.add_parser("person", help="人员", parents=[common]).add_subparsers(
        dest="action", required=True
    )
    p = person.add_parser("add", help="添加人员", parents=[common])
    p.add_argument("name")
    p.add_argument("--title", default="", help="职务")
    p.add_argument("--unit", default="", help="单位")
    p.add_argument("--group", default="", help="招商组/产业链")
    p.add_argument("--not-subject", action="store_true", help="不是主要负责同志（不参加考核）")
    p.set_defaults(func=cmd_person_add)
    p = person.add_parser("list", help="列出人员", parents=[common])
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_person_list)

    entry = sub.add_parser("entry", help="工作记录", parents=[common]).add_subparsers(
        dest="action", required=True
    )
    p = entry.add_parser("add", help="添加工作记录", parents=[common])
    p.add_argument("--person", required=True, help="姓名")
    p.add_argument("--date", required=True, help="日期，如 2026-09-01")
    p.add_argument("--activity", required=True, help="活动类型")
    p.add_argument("--hours", help="时长（小时），或 全天 / 半天")
    p.add_argument("--start", help="开始时间，如 09:00")
    p.add_argument("--end", help="结束时间，如 11:30")
    p.add_argument("--project", default="", help="项目名称")
    p.add_argument("--location", default="", help="地点")
    p.add_argument("--counterpart", default="", help="客商/企业")
    p.add_argument("--note", default="", help="进展成效")
    p.set_defaults(func=cmd_entry_add)
    p = entry.add_parser("list", help="列出工作记录", parents=[common])
    p.add_argument("--person", default="")
    p.add_argument("--period", default="")
    p.add_argument("--activity", default="")
    p.add_argument("--project", default="")
    p.add_argument("--text", default="", help="在地点、客商、备注中查找")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_entry_list)
    p = entry.add_parser("delete", help="删除工作记录", parents=[common])
    p.add_argument("id", type=int)
    p.set_defaults(func=cmd_entry_delete)

    trip = sub.add_parser("trip", help="外出招商", parents=[common]).add_subparsers(
        dest="action", required=True
    )
    p = trip.add_parser("add", help="添加外出招商行程", parents=[common])
    p.add_argument("--person", required=True, help="带队领导")
    p.add_argument("--with", dest="companions", action="append", default=[], help="同行人员")
    p.add_argument("--start", required=True, help="出发日期")
    p.add_argument("--end", required=True, help="返回日期")
    p.add_argument("--start-half", action="store_true", help="出发当天按半天计")
    p.add_argument("--end-half", action="store_true", help="返回当天按半天计")
    p.add_argument("--to", dest="destinations", action="append", default=[], help="目的地")
    p.add_argument("--company", action="append", default=[], help="走访企业：企业/联系人/职务")
    p.add_argument("--project", dest="projects", action="append", default=[], help="洽谈项目")
    p.add_argument("--results", default="", help="成效")
    p.set_defaults(func=cmd_trip_add)

    project = sub.add_parser("project", help="项目", parents=[common]).add_subparsers(
        dest="action", required=True
    )
    p = project.add_parser("add", help="添加项目", parents=[common])
    p.add_argument("name")
    p.add_argument("--investor", default="")
    p.add_argument("--chain", default="", help="产业链")
    p.add_argument("--amount", default=None, help="协议投资额（万元；--usd 时为万美元）")
    p.add_argument("--usd", action="store_true", help="外资项目，金额以万美元计")
    p.add_argument("--leader", default="", help="包联领导")
    p.add_argument("--park", default="", help="落地园区")
    p.add_argument("--confirm", action="store_true", help="确认超过 100 亿元的金额")
    _assessment_options(p)
    p.set_defaults(func=cmd_project_add)
    p = project.add_parser("edit", help="修改项目（只改给出的项；给空值清除）", parents=[common])
    p.add_argument("name")
    p.add_argument("--investor", default=None)
    p.add_argument("--chain", default=None, help="产业链")
    p.add_argument("--amount", default=None, help="协议投资额（万元；外资项目为万美元）")
    p.add_argument("--leader", default=None, help="包联领导")
    p.add_argument("--park", default=None, help="落地园区")
    p.add_argument("--confirm", action="store_true", help="确认超过 100 亿元的金额")
    _assessment_options(p)
    p.set_defaults(func=cmd_project_edit)
    p = project.add_parser("stage", help="记录阶段变更", parents=[common])
    p.add_argument("name")
    p.add_argument("--stage", required=True, help="、".join(s.value for s in Stage))
    p.add_argument("--date", required=True)
    p.add_argument("--note", default="")
    p.add_argument("--amount", default=None, help="签约金额（增资时只填增量）")
    p.add_argument("--confirm", action="store_true")
    p.set_defaults(func=cmd_project_stage)
    p = project.add_parser("funds", help="记录到位资金", parents=[common])
    p.add_argument("name")
    p.add_argument("--amount", required=True)
    p.add_argument("--date", required=True)
    p.add_argument("--note", default="")
    origins = "、".join(o.value for o in InvestorOrigin)
    p.add_argument("--origin", default="", help=f"资金来源：{origins}（不填按项目的投资方来源）")
    p.add_argument("--kind", default="", help="资金性质：" + "、".join(k.value for k in FundKind))
    p.add_argument("--confirm", action="store_true")
    p.set_defaults(func=cmd_project_funds)
    p = project.add_parser("list", help="列出项目", parents=[common])
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_project_list)


def _assessment_options(p: argparse.ArgumentParser) -> None:
    """What the 考核 rules need of a project (docs/assessment.md); absent: left as it is."""
    kinds, origins = (
        "、".join(k.value for k in ProjectKind),
        "、".join(o.value for o in InvestorOrigin),
    )
    p.add_argument("--kind", default=None, help=f"项目类型：{kinds}")
    p.add_argument("--origin", default=None, help=f"投资方来源：{origins}")
    p.add_argument("--credit-unit", default=None, help="招引单位")
    p.add_argument("--first-person", default=None, help="第一引资人（姓名）")
    p.add_argument("--registered", default=None, help="工商（税务）注册日期")
    p.add_argument("--works-started", default=None, help="主体工程开工日期")
    p.add_argument("--excluded", default=None, help="不予认定原因（如 财政性资金）")


def _assessment_fields(ledger: Ledger, args: argparse.Namespace) -> dict[str, Any]:
    """The 考核 fields given on the command line, read; an empty value clears the field."""
    fields: dict[str, Any] = {}
    if args.kind is not None:
        fields["kind"] = parse_choice(ProjectKind, args.kind, "project_kind")
    if args.origin is not None:
        fields["origin"] = parse_choice(InvestorOrigin, args.origin, "origin")
    if args.credit_unit is not None:
        fields["credit_unit"] = args.credit_unit
    if args.first_person is not None:
        name = args.first_person.strip()
        fields["first_person_id"] = ledger.find_person(name).id if name else None
    for option, field in (("registered", "registered"), ("works_started", "works_started")):
        text = getattr(args, option)
        if text is not None:
            fields[field] = parse_date(text, field) if text.strip() else None
    if args.excluded is not None:
        fields["excluded"] = args.excluded
    return fields


def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    ctx.ledger  # noqa: B018 - opening creates and migrates the file
    print(say("created", ctx.lang, path=ctx.db_path))
    return 0


def cmd_person_add(ctx: Context, args: argparse.Namespace) -> int:
    p = ctx.ledger.apply(
        AddPerson(Person(args.name, args.title, args.unit, args.group, not args.not_subject))
    ).result
    print(say("person_added", ctx.lang, name=p.name, id=p.id))
    return 0


def cmd_person_list(ctx: Context, args: argparse.Namespace) -> int:
    keys = ("id", "name", "title", "unit", "group", "subject_to_rule")
    rows = [
        [
            p.id,
            p.name,
            p.title,
            p.unit,
            p.group,
            ("是" if ctx.lang == "zh" else "yes") if p.subject_to_rule else "",
        ]
        for p in ctx.ledger.persons()
    ]
    emit(keys, [label(k, ctx.lang) for k in keys], rows, args.format, ctx.lang)
    return 0


def _duration(
    args: argparse.Namespace,
) -> tuple[int | None, DayPart | None, int | None, int | None]:
    start = parse_clock(args.start, "start") if args.start else None
    end = parse_clock(args.end, "end") if args.end else None
    minutes, part = parse_hours(args.hours) if args.hours else (None, None)
    return minutes, part, start, end


def cmd_entry_add(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger
    person = ledger.find_person(args.person)
    activity = ledger.find_activity(args.activity)
    project = ledger.find_project(args.project) if args.project else None
    minutes, part, start, end = _duration(args)
    assert person.id is not None and activity.id is not None
    saved = ledger.apply(
        AddEntry(
            Entry(
                person.id,
                parse_date(args.date),
                activity.id,
                minutes,
                part,
                start,
                end,
                project.id if project else None,
                None,
                args.location,
                args.counterpart,
                args.note,
            )
        )
    ).result
    print(say("entry_added", ctx.lang, id=saved.id))
    return 0


def cmd_entry_list(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger
    filters: dict[str, Any] = {"text": args.text}
    if args.person:
        filters["person_id"] = ledger.find_person(args.person).id
    if args.period:
        filters["period"] = Period.parse(args.period)
    if args.activity:
        filters["activity_id"] = ledger.find_activity(args.activity).id
    if args.project:
        filters["project_id"] = ledger.find_project(args.project).id
    entries = ledger.entries(limit=args.limit, **filters)
    persons = {p.id: p for p in ledger.persons()}
    activities = {a.id: a for a in ledger.activities()}
    projects = {p.id: p for p in ledger.projects()} if any(e.project_id for e in entries) else {}
    keys = (
        "id",
        "date",
        "person",
        "title",
        "start",
        "end",
        "hours",
        "activity",
        "project",
        "location",
        "note",
    )
    rows = [[e.id, *entry_cells(e, persons, activities, projects)] for e in entries]
    emit(keys, [label(k, ctx.lang) for k in keys], rows, args.format, ctx.lang)
    return 0


def cmd_entry_delete(ctx: Context, args: argparse.Namespace) -> int:
    ctx.ledger.apply(DeleteEntry(args.id))
    print(say("entry_deleted", ctx.lang, id=args.id))
    return 0


def _company(text: str) -> CompanyVisit:
    parts = [s.strip() for s in text.replace("／", "/").split("/")]
    if not parts[0]:
        raise ValidationError("trip", "required")
    parts += ["", ""]
    return CompanyVisit(parts[0], parts[1], parts[2])


def cmd_trip_add(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger
    travellers = [ledger.find_person(n).id for n in [args.person, *args.companions]]
    projects = [ledger.find_project(n).id for n in args.projects]
    trip = ledger.apply(
        AddTrip(
            Trip(
                tuple(t for t in travellers if t is not None),
                parse_date(args.start, "start_date"),
                parse_date(args.end, "end_date"),
                args.start_half,
                args.end_half,
                tuple(args.destinations),
                tuple(_company(c) for c in args.company),
                tuple(p for p in projects if p is not None),
                args.results,
            )
        )
    ).result
    print(
        say(
            "trip_added",
            ctx.lang,
            id=trip.id,
            days=f"{trip.days_away:g}",
            entries=len(trip.entry_ids),
        )
    )
    return 0


def cmd_project_add(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger
    leader = ledger.find_person(args.leader).id if args.leader else None
    amount = parse_amount(args.amount) if args.amount is not None else None
    project = Project(
        args.name,
        args.investor,
        args.chain,
        amount,
        Currency.USD if args.usd else Currency.CNY,
        leader,
        args.park,
    )
    project = replace(project, **_assessment_fields(ledger, args))
    p = ledger.apply(AddProject(project, confirmed=args.confirm)).result
    print(say("project_added", ctx.lang, name=p.name, id=p.id))
    return 0


def cmd_project_edit(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger
    project = ledger.find_project(args.name)
    fields = _assessment_fields(ledger, args)
    for key in ("investor", "chain", "park"):
        if getattr(args, key) is not None:
            fields[key] = getattr(args, key)
    if args.amount is not None:
        fields["amount"] = parse_amount(args.amount) if args.amount.strip() else None
    if args.leader is not None:
        fields["leader_id"] = ledger.find_person(args.leader).id if args.leader.strip() else None
    p = ledger.apply(UpdateProject(replace(project, **fields), confirmed=args.confirm)).result
    print(say("project_edited", ctx.lang, name=p.name, id=p.id))
    return 0


def cmd_project_stage(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger
    project = ledger.find_project(args.name)
    amount = parse_amount(args.amount) if args.amount is not None else None
    assert project.id is not None
    c = ledger.apply(
        AddStage(
            project.id,
            StageChange(parse_date(args.date), Stage.parse(args.stage), args.note, amount),
            confirmed=args.confirm,
        )
    ).result
    print(
        say(
            "stage_added",
            ctx.lang,
            name=project.name,
            stage=c.stage.text(ctx.lang),
            date=c.day.isoformat(),
        )
    )
    return 0


def cmd_project_funds(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger
    project = ledger.find_project(args.name)
    assert project.id is not None
    f = ledger.apply(
        AddFunds(
            project.id,
            Funding(
                parse_date(args.date),
                parse_amount(args.amount),
                args.note,
                origin=parse_choice(InvestorOrigin, args.origin, "fund_origin"),
                kind=parse_choice(FundKind, args.kind, "fund_kind"),
            ),
            confirmed=args.confirm,
        )
    ).result
    print(say("funds_added", ctx.lang, name=project.name, amount=f.amount, date=f.day.isoformat()))
    return 0


def cmd_project_list(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger
    persons = {p.id: p.name for p in ledger.persons()}
    keys = (
        "id",
        "name",
        "investor",
        "chain",
        "amount",
        "currency",
        "leader",
        "park",
        "stage",
        "funds",
    )
    today = ctx.today
    rows = []
    for p in ledger.projects():
        stage = p.stage_on(today)
        funds = p.funds_to(today)
        rows.append(
            [
                p.id,
                p.name,
                p.investor,
                p.chain,
                None if p.amount is None else float(p.amount),
                p.currency.value,
                persons.get(p.leader_id, "") if p.leader_id else "",
                p.park,
                stage.value if stage else "",
                float(funds),
            ]
        )
    emit(keys, [label(k, ctx.lang) for k in keys], rows, args.format, ctx.lang)
    return 0
