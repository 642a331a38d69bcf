"""Projects with their stage history and funds in the database."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import date
from decimal import Decimal
from typing import Any

from desktop.domain.errors import NotFoundError, UnknownNameError, ValidationError
from desktop.domain.ledger_parsing import name_key
from desktop.domain.projects import (
    Currency,
    Funding,
    FundKind,
    InvestorOrigin,
    Project,
    ProjectKind,
    Stage,
    StageChange,
    check_funding,
    check_stage_change,
)
from desktop.domain.texts import normal_name
from desktop.storage.base import Store

# what the 考核 rules need (domain/projects.py), written by every path that writes a project
ASSESSMENT_COLUMNS = (
    "kind",
    "origin",
    "credit_unit",
    "first_person_id",
    "registered",
    "works_started",
    "excluded",
)
_PROJECT_COLUMNS = "id, name, investor, chain, amount, currency, leader_id, park, " + ", ".join(
    ASSESSMENT_COLUMNS
)


def assessment_values(p: Project) -> list[Any]:
    """The values of ASSESSMENT_COLUMNS for a project, as stored."""
    return [
        None if p.kind is None else p.kind.value,
        None if p.origin is None else p.origin.value,
        p.credit_unit,
        p.first_person_id,
        None if p.registered is None else p.registered.isoformat(),
        None if p.works_started is None else p.works_started.isoformat(),
        p.excluded,
    ]


# a funding's columns after project_id, as every path that writes or reads funds uses them
FUNDS_COLUMNS = ("date", "amount", "note", "origin", "kind")


def funding_values(f: Funding) -> list[Any]:
    """The values of FUNDS_COLUMNS for a funding, as stored."""
    return [
        f.day.isoformat(),
        str(f.amount),
        f.note,
        None if f.origin is None else f.origin.value,
        None if f.kind is None else f.kind.value,
    ]


def funding_from_row(row: Sequence[Any], funds_id: int | None) -> Funding:
    """A funding from the values of FUNDS_COLUMNS."""
    day, amount, note, origin, kind = row
    return Funding(
        date.fromisoformat(day),
        Decimal(amount),
        note,
        funds_id,
        None if origin is None else InvestorOrigin(origin),
        None if kind is None else FundKind(kind),
    )


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _dec(text: str | None) -> Decimal | None:
    return Decimal(text) if text is not None else None


class ProjectStore(Store):
    def project_names(self) -> list[tuple[int, str]]:
        """(id, name) of every project, by name: what a list to choose one from needs."""
        rows = self.db.execute("SELECT id, name FROM projects ORDER BY name")
        return [(r[0], r[1]) for r in rows]

    def add_project(self, project: Project, confirmed: bool = False) -> Project:
        p = project.validated(confirmed)
        for person_id in (p.leader_id, p.first_person_id):
            if person_id is not None:
                self.ctx.people.person(person_id)
        try:
            with self.db.atomic():
                pid = self._insert(
                    "INSERT INTO projects (name, investor, chain, amount, currency, leader_id,"
                    f" park, {', '.join(ASSESSMENT_COLUMNS)})"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        p.name,
                        p.investor,
                        p.chain,
                        None if p.amount is None else str(p.amount),
                        p.currency.value,
                        p.leader_id,
                        p.park,
                        *assessment_values(p),
                    ],
                )
                saved = self.project(pid)
                self._log("insert", "projects", pid, None, asdict(saved))
        except sqlite3.IntegrityError:
            raise ValidationError("project", "duplicate", value=p.name) from None
        return saved

    def find_project(self, name: str) -> Project:
        """By name as names are matched (name_key): 长安 电池项目（一期） is 长安电池项目(一期)."""
        name = normal_name(name)  # as names are stored (domain/texts.py)
        if not name:
            raise ValidationError("project", "required")
        key = name_key(name)
        for pid, held in self.db.execute("SELECT id, name FROM projects ORDER BY id"):
            if name_key(held) == key:
                return self.project(pid)
        raise UnknownNameError("project", "unknown_project", value=name)

    def add_stage(
        self, project_id: int, change: StageChange, confirmed: bool = False
    ) -> StageChange:
        project = self.project(project_id)
        c = check_stage_change(change, self.today(), confirmed)
        with self.db.atomic():
            # a change with an id is added back under it where it is free (the redo of an
            # undone add; another row may have taken it meanwhile)
            cid = self._insert(
                "INSERT INTO project_stages (id, project_id, date, stage, note, amount)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    self._free_id("project_stages", change.id),
                    project_id,
                    c.day.isoformat(),
                    c.stage.value,
                    c.note,
                    None if c.amount is None else str(c.amount),
                ],
            )
            self._log(
                "insert",
                "project_stages",
                cid,
                {"project": project.name, "stage": str(project.stage_on(c.day) or "")},
                {"project": project.name, **asdict(c)},
            )
        return StageChange(c.day, c.stage, c.note, c.amount, cid)

    def add_funds(self, project_id: int, funding: Funding, confirmed: bool = False) -> Funding:
        project = self.project(project_id)
        f = check_funding(funding, self.today(), confirmed)
        with self.db.atomic():
            fid = self._insert(
                f"INSERT INTO funds (id, project_id, {', '.join(FUNDS_COLUMNS)})"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [self._free_id("funds", funding.id), project_id, *funding_values(f)],
            )
            self._log("insert", "funds", fid, None, {"project": project.name, **asdict(f)})
        return replace(f, id=fid)

    def _free_id(self, table: str, wanted: int | None) -> int | None:
        """wanted where no row of table has it; None (a new id) otherwise."""
        if wanted is None:
            return None
        taken = self.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [wanted]).fetchone()
        return None if taken else wanted

    def project(self, project_id: int) -> Project:
        found = self._load_projects("WHERE id = ?", [project_id])
        if not found:
            raise NotFoundError("project", "not_found", value=project_id)
        return found[0]

    def projects(self) -> list[Project]:
        return self._load_projects("", [])

    def _load_projects(self, where: str, params: list[Any]) -> list[Project]:
        rows = self.db.execute(
            f"SELECT {_PROJECT_COLUMNS} FROM projects {where} ORDER BY id", params
        ).fetchall()
        if not rows:
            return []
        ids = [r[0] for r in rows]
        history: dict[int, list[StageChange]] = defaultdict(list)
        funds: dict[int, list[Funding]] = defaultdict(list)
        # one query each for all the projects' histories and funds, not one per project
        id_list = ",".join(str(int(i)) for i in ids) if len(ids) < 500 else None
        cond = f"project_id IN ({id_list})" if id_list else "1"
        for r in self.db.execute(
            f"SELECT project_id, date, stage, note, amount, id FROM project_stages"
            f" WHERE {cond} ORDER BY date, id"
        ).fetchall():
            history[r[0]].append(
                StageChange(date.fromisoformat(r[1]), Stage(r[2]), r[3], _dec(r[4]), r[5])
            )
        for r in self.db.execute(
            f"SELECT project_id, id, {', '.join(FUNDS_COLUMNS)} FROM funds WHERE {cond}"
            " ORDER BY date, id"
        ).fetchall():
            funds[r[0]].append(funding_from_row(r[2:], r[1]))
        return [
            Project(
                name=r[1],
                investor=r[2],
                chain=r[3],
                amount=_dec(r[4]),
                currency=Currency(r[5]),
                leader_id=r[6],
                park=r[7],
                id=r[0],
                history=tuple(history[r[0]]),
                funds=tuple(funds[r[0]]),
                kind=None if r[8] is None else ProjectKind(r[8]),
                origin=None if r[9] is None else InvestorOrigin(r[9]),
                credit_unit=r[10],
                first_person_id=r[11],
                registered=_day(r[12]),
                works_started=_day(r[13]),
                excluded=r[14],
            )
            for r in rows
        ]
