"""Rows a taken-in report brings into the supervision office's database, matched with what is
there: persons by name and unit, activities by name, projects by name (one project however many
units report it) with their stage changes and funds merged without doubles.

Each row is linked to the reports that brought or matched it (`received_rows`); `owner` marks the
one that created it. When a newer submission replaces a report, what only that report held goes
with it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from desktop.domain.intake_flags import FlagKind, Label
from desktop.domain.ledger_parsing import name_key
from desktop.domain.people import ActivityKind
from desktop.domain.projects import LARGE_AMOUNT_WAN, Project
from desktop.domain.report_payload import PersonRef, ReportedProject
from desktop.domain.submission_messages import SubmissionError
from desktop.storage import intake_flags
from desktop.storage.base import Store
from desktop.storage.intake_flags import amount_text
from desktop.storage.projects import (
    ASSESSMENT_COLUMNS,
    FUNDS_COLUMNS,
    assessment_values,
    funding_values,
)

_KIND_LABELS = {
    ActivityKind.PROMOTION: "招商工作",
    ActivityKind.OTHER: "其他工作",
    ActivityKind.LEAVE: "请假",
}
# a warning shown beside an outcome: a code of submission_messages.OUTCOMES and its params
IntakeWarning = tuple[str, dict[str, Any]]


class RowIntakeStore(Store):
    _projects_by_key: dict[str, int] | None = None
    _persons_by_key: dict[tuple[str, str], int] | None = None
    _source: intake_flags.Source | None = None  # the report being written
    _links: dict[tuple[str, str], set[int]] | None = None
    # ---- persons and activities

    def _person_for(
        self, ref: PersonRef, warnings: list[IntakeWarning], update: bool = False
    ) -> int:
        """The person with this name and unit (spaces and full-width forms aside), created when
        missing; `update`: the reporting person's title, group and rule flag follow the file."""
        match = self.person_index().get(ref.key)
        if match is not None:
            p = self.ctx.people.person(match)
            new = ref.person()
            if update and (p.title, p.group, p.subject_to_rule) != (
                new.title,
                new.group,
                new.subject_to_rule,
            ):
                self.db.execute(
                    "UPDATE persons SET title = ?, group_name = ?, subject_to_rule = ?"
                    " WHERE id = ?",
                    [new.title, new.group, int(new.subject_to_rule), match],
                )
                after = {**asdict(p), "title": new.title, "group": new.group}
                after["subject_to_rule"] = new.subject_to_rule
                self._log("update", "persons", match, asdict(p), after)
            return match
        person = ref.person().validated()
        pid = self._insert(
            "INSERT INTO persons (name, title, unit, group_name, subject_to_rule)"
            " VALUES (?, ?, ?, ?, ?)",
            [person.name, person.title, person.unit, person.group, int(person.subject_to_rule)],
        )
        self._log("insert", "persons", pid, None, {**asdict(person), "id": pid})
        self.person_index()[ref.key] = pid
        warnings.append(("new_person", {"value": ref.label}))
        return pid

    def _activity_for(self, name: str, kind: ActivityKind, warnings: list[IntakeWarning]) -> int:
        for a in self.ctx.people.activities():
            if name_key(a.name) == name_key(name):
                assert a.id is not None
                if a.kind is not kind:
                    raise SubmissionError(
                        "report_file",
                        "activity_kind",
                        value=name,
                        theirs=_KIND_LABELS[kind],
                        ours=_KIND_LABELS[a.kind],
                    )
                return a.id
        aid = self._insert(
            "INSERT INTO activities (name, kind, position)"
            " VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM activities))",
            [name.strip(), kind.value],
        )
        self._log("insert", "activities", aid, None, {"name": name.strip(), "kind": kind.value})
        warnings.append(("new_activity", {"value": name.strip()}))
        return aid

    # ---- links between reports and rows

    def _link(self, report_id: str, table: str, row_id: int, owner: bool) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO received_rows (report_id, table_name, row_id, owner)"
            " VALUES (?, ?, ?, ?)",
            [report_id, table, row_id, int(owner)],
        )
        if self._links is not None and (report_id, table) in self._links:
            self._links[(report_id, table)].add(row_id)

    def _linked(self, report_id: str, table: str) -> set[int]:
        """The rows of `table` linked to the report, read once per report and then kept up to
        date by `_link` (reading them for each project made intake grow with its square)."""
        if self._links is None:
            self._links = {}
        held = self._links.get((report_id, table))
        if held is None:
            rows = self.db.execute(
                "SELECT row_id FROM received_rows WHERE report_id = ? AND table_name = ?",
                [report_id, table],
            ).fetchall()
            held = self._links[(report_id, table)] = {r[0] for r in rows}
        return held

    def _release(self, report_id: str) -> None:
        """Forget a replaced report: rows that only it held go (trips, then stages and funds,
        then projects), rows others hold stay and pass to one of them."""
        rows = self.db.execute(
            "SELECT table_name, row_id, owner FROM received_rows WHERE report_id = ?",
            [report_id],
        ).fetchall()
        self.db.execute("DELETE FROM received_rows WHERE report_id = ?", [report_id])
        self._links = None
        order = {"trips": 0, "project_stages": 1, "funds": 1, "projects": 2}
        for table, row_id, owner in sorted(rows, key=lambda r: (order.get(r[0], 3), r[1])):
            other = self.db.execute(
                "SELECT report_id FROM received_rows WHERE table_name = ? AND row_id = ?"
                " ORDER BY report_id LIMIT 1",
                [table, row_id],
            ).fetchone()
            if other is not None:
                if owner:
                    self.db.execute(
                        "UPDATE received_rows SET owner = 1 WHERE report_id = ?"
                        " AND table_name = ? AND row_id = ?",
                        [other[0], table, row_id],
                    )
            elif owner:
                self._drop_row(table, row_id)

    def _drop_row(self, table: str, row_id: int) -> None:
        """Delete a row no report holds any more, unless something still refers to it."""
        if table == "trips":
            used = "SELECT count(*) FROM entries WHERE trip_id = :id"
        elif table == "projects":
            used = (
                "SELECT (SELECT count(*) FROM entries WHERE project_id = :id)"
                " + (SELECT count(*) FROM trip_projects WHERE project_id = :id)"
            )
        else:
            used = "SELECT 0"
        if self.db.execute(used, {"id": row_id}).fetchone()[0]:
            return
        cursor = self.db.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id])
        names = [d[0] for d in cursor.description]
        found = cursor.fetchone()
        if found is None:
            return
        before = dict(zip(names, found, strict=True))
        if table in ("project_stages", "funds"):
            before["project"] = self.ctx.trash._project_name(int(before["project_id"]))
        self.db.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])
        self._log("delete", table, row_id, before, None)

    # ---- projects

    def person_index(self) -> dict[tuple[str, str], int]:
        """The ledger's persons by their matching key (name, unit), read once per intake: a scan
        of every person for each one a report names made a month's intake grow with the square
        of its files."""
        index = self._persons_by_key
        if index is None:
            index = {}
            for p in self.ctx.people.persons():
                assert p.id is not None
                index.setdefault((name_key(p.name), name_key(p.unit)), p.id)
            self._persons_by_key = index
        return index

    def _project_index(self) -> dict[str, int]:
        """The ledger's projects by their matching key, read once per intake (the reports' own
        inserts are added as they happen): reading them for every report, or scanning them for
        every project, made an intake grow with the square of its files and projects."""
        index = self._projects_by_key
        if index is None:
            rows = self.db.execute("SELECT id, name FROM projects").fetchall()
            index = {}
            for pid, name in rows:
                index.setdefault(name_key(name), pid)
            self._projects_by_key = index
        return index

    def forget_indexes(self) -> None:
        """Read the indexes again when next needed: at the start of an intake, and after a
        report whose writes were rolled back (its inserts are in the indexes, not the ledger)."""
        self._projects_by_key = None
        self._persons_by_key = None
        self._links = None

    def _project_for(
        self, p: ReportedProject, report_id: str, warnings: list[IntakeWarning]
    ) -> int:
        """One project per name however many units report it. Its details follow the newest
        report of the unit that keeps it; an empty value never overwrites one, and another
        unit's differing value or an amount over 100 亿元 is held for the office to check
        (storage/intake_flags.py). Its history and funds are merged."""
        key = name_key(p.name)
        match = self._project_index().get(key)
        found = None if match is None else self.ctx.projects.project(match)
        leader = None if p.leader is None else self._person_for(p.leader, warnings)
        first = None if p.first_person is None else self._person_for(p.first_person, warnings)
        amount = None if p.amount is None else str(p.amount)
        large = p.amount is not None and p.amount > LARGE_AMOUNT_WAN
        if found is None:
            kept = None if large else amount
            assessed = assessment_values(_assessed(p, first))
            pid = self._insert(
                "INSERT INTO projects (name, investor, chain, amount, currency, leader_id, park,"
                f" {', '.join(ASSESSMENT_COLUMNS)})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [p.name, p.investor, p.chain, kept, p.currency.value, leader, p.park, *assessed],
            )
            self._log("insert", "projects", pid, None, asdict(self.ctx.projects.project(pid)))
            self._link(report_id, "projects", pid, owner=True)
            self._project_index()[key] = pid
            if large:
                value = {"amount": amount, "currency": p.currency.value}
                self._hold(FlagKind.LARGE_AMOUNT, pid, p.name, "amount", value, "", warnings)
        else:
            assert found.id is not None
            pid = found.id
            self._update_project(found, p, leader, warnings)
            self._fill_assessed(found, _assessed(p, first))
            self._link(report_id, "projects", pid, owner=False)
        name = self.ctx.trash._project_name(pid)
        self._merge(
            report_id,
            "project_stages",
            (pid, name),
            [[c.day.isoformat(), c.stage.value, _text(c.amount), c.note] for c in p.history],
            warnings,
        )
        self._merge(
            report_id,
            "funds",
            (pid, name),
            [funding_values(f) for f in p.funds],
            warnings,
        )
        return pid

    def _fill_assessed(self, found: Project, theirs: Project) -> None:
        """The 考核 details (招引单位, 项目类型…) a report gives: the unit that keeps the project
        sets them; another unit's report only fills those this ledger lacks, so one project
        keeps one 招引单位 however many units report it."""
        assert found.id is not None
        ours = dict(zip(ASSESSMENT_COLUMNS, assessment_values(found), strict=True))
        given = dict(zip(ASSESSMENT_COLUMNS, assessment_values(theirs), strict=True))
        new = {k: v for k, v in given.items() if v not in (None, "") and v != ours[k]}
        if any(ours[k] not in (None, "") for k in new) and not self._keeps(found.id):
            new = {k: v for k, v in new.items() if ours[k] in (None, "")}
        if not new:
            return
        sets = ", ".join(f"{k} = :{k}" for k in new)
        self.db.execute(f"UPDATE projects SET {sets} WHERE id = :id", {**new, "id": found.id})
        self._log("update", "projects", found.id, {"name": found.name}, new)

    def _update_project(
        self,
        found: Project,
        p: ReportedProject,
        leader: int | None,
        warnings: list[IntakeWarning],
    ) -> None:
        assert found.id is not None
        keeps: list[bool] = []  # whether the reporting unit keeps it, asked once when needed
        ours: dict[str, Any] = {
            "investor": found.investor,
            "chain": found.chain,
            "amount": None if found.amount is None else (found.amount, found.currency.value),
            "leader": found.leader_id,
            "park": found.park,
        }
        theirs: dict[str, Any] = {
            "investor": p.investor,
            "chain": p.chain,
            "amount": None if p.amount is None else (p.amount, p.currency.value),
            "leader": leader,
            "park": p.park,
        }
        new = dict(ours)
        for what, value in theirs.items():
            if value in (None, "") or value == ours[what]:
                continue
            large = what == "amount" and p.amount is not None and p.amount > LARGE_AMOUNT_WAN
            if not large and ours[what] not in (None, "") and not keeps:
                keeps.append(self._keeps(found.id))
            if not large and (ours[what] in (None, "") or keeps[0]):
                new[what] = value
                continue
            kind = FlagKind.LARGE_AMOUNT if large else FlagKind.CONFLICT
            if what == "amount":
                columns = {"amount": str(value[0]), "currency": value[1]}
                ours_text = "" if ours[what] is None else amount_text(*ours[what])
            elif what == "leader":
                columns, ours_text = {"leader_id": value}, self._person_name(ours[what])
            else:
                columns, ours_text = {what: value}, ours[what]
            self._hold(kind, found.id, found.name, what, columns, ours_text, warnings)
        if new == ours:
            return
        amount_now = new["amount"]
        row = {
            "investor": new["investor"],
            "chain": new["chain"],
            "amount": None if amount_now is None else str(amount_now[0]),
            "currency": found.currency.value if amount_now is None else amount_now[1],
            "leader_id": new["leader"],
            "park": new["park"],
        }
        old = {
            "investor": found.investor,
            "chain": found.chain,
            "amount": _text(found.amount),
            "currency": found.currency.value,
            "leader_id": found.leader_id,
            "park": found.park,
        }
        self.db.execute(
            "UPDATE projects SET investor = :investor, chain = :chain, amount = :amount,"
            " currency = :currency, leader_id = :leader_id, park = :park WHERE id = :id",
            {**row, "id": found.id},
        )
        self._log("update", "projects", found.id, {"name": found.name, **old}, row)
        if found.leader_id is not None and new["leader"] != found.leader_id:
            warnings.append(
                (
                    "leader_changed",
                    {
                        "value": found.name,
                        "old": self._person_name(found.leader_id),
                        "new": self._person_name(new["leader"]),
                    },
                )
            )

    def _person_name(self, person_id: int | None) -> str:
        if person_id is None:
            return ""
        row = self.db.execute("SELECT name FROM persons WHERE id = ?", [person_id]).fetchone()
        return "" if row is None else str(row[0])

    def _keeps(self, project_id: int) -> bool:
        """Whether the reporting unit keeps this project: a report of one of its persons
        brought it here first (a project the office entered itself no unit keeps)."""
        source = self.ctx.receive._source
        row = self.db.execute(
            "SELECT pe.unit FROM received_rows r JOIN submissions s ON s.report_id = r.report_id"
            " JOIN persons pe ON pe.id = s.person_id"
            " WHERE r.table_name = 'projects' AND r.row_id = ? AND r.owner = 1",
            [project_id],
        ).fetchone()
        return source is not None and row is not None and name_key(row[0]) == name_key(source.unit)

    def _hold(
        self,
        kind: FlagKind,
        project_id: int,
        project: str,
        what: str,
        value: dict[str, Any],
        ours: str,
        warnings: list[IntakeWarning],
    ) -> None:
        source = self.ctx.receive._source
        assert source is not None
        if what == "amount":
            theirs = amount_text(value["amount"], value["currency"])
        elif what == "leader":
            theirs = self._person_name(value["leader_id"])
        elif what in ("project_stages", "funds"):
            stage = f"{value['stage']} " if "stage" in value else ""
            theirs = f"{value['date']} {stage}{amount_text(value['amount'])}"
        else:
            theirs = str(value[what])
        if not intake_flags.hold(self.db, kind, project_id, what, value, (ours, theirs), source):
            return
        params = {"value": project, "what": Label(what), "ours": ours or "—", "theirs": theirs}
        if kind is FlagKind.CONFLICT:
            warnings.append(("held_conflict", {**params, "unit": source.unit}))
        else:
            warnings.append(("held_large", params))

    def _merge(
        self,
        report_id: str,
        table: str,
        project: tuple[int, str],
        items: list[list[Any]],
        warnings: list[IntakeWarning],
    ) -> None:
        """Stage changes (date, stage, amount) or funds (date, amount) the project already has
        are linked, not added again: the same signing reported by two units is one signing.
        The note does not count; a report holding two equal rows keeps two. A new one over
        100 亿元 is held for the office to check. Funds already here take the 资金来源 and
        资金性质 a report gives where they have none; one given is not overwritten."""
        columns = ["date", "stage", "amount", "note"] if table == "project_stages" else []
        columns = columns or list(FUNDS_COLUMNS)
        existing: dict[tuple[Any, ...], list[int]] = defaultdict(list)
        held: dict[int, dict[str, Any]] = {}
        for row in self.db.execute(
            f"SELECT id, {', '.join(columns)} FROM {table} WHERE project_id = ? ORDER BY date, id",
            [project[0]],
        ).fetchall():
            existing[_key(table, row[1:])].append(row[0])
            held[row[0]] = dict(zip(columns, row[1:], strict=True))
        taken = self._linked(report_id, table)
        for values in items:
            free = [i for i in existing.get(_key(table, values), []) if i not in taken]
            if free:
                taken.add(free[0])
                self._link(report_id, table, free[0], owner=False)
                if table == "funds":
                    given = dict(zip(columns, values, strict=True))
                    self._fill_funding(free[0], held[free[0]], given, project[1])
                continue
            record = dict(zip(columns, values, strict=True))
            amount = record["amount"]
            if amount is not None and Decimal(amount) > LARGE_AMOUNT_WAN:
                self._hold(
                    FlagKind.LARGE_AMOUNT, project[0], project[1], table, record, "", warnings
                )
                continue
            rid = self._insert(
                f"INSERT INTO {table} (project_id, {', '.join(columns)})"
                f" VALUES (?, {', '.join('?' for _ in columns)})",
                [project[0], *values],
            )
            taken.add(rid)
            self._link(report_id, table, rid, owner=True)
            source = self.ctx.receive._source
            unit = {} if source is None else {"reported_by": source.unit}
            self._log("insert", table, rid, None, {"project": project[1], **record, **unit})

    def _fill_funding(
        self, funds_id: int, ours: dict[str, Any], theirs: dict[str, Any], project: str
    ) -> None:
        new = {
            c: theirs[c] for c in ("origin", "kind") if theirs[c] is not None and ours[c] is None
        }
        if not new:
            return
        sets = ", ".join(f"{c} = :{c}" for c in new)
        self.db.execute(f"UPDATE funds SET {sets} WHERE id = :id", {**new, "id": funds_id})
        before = {"project": project, **{c: ours[c] for c in new}}
        self._log("update", "funds", funds_id, before, {"project": project, **new})


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _key(table: str, row: Any) -> tuple[Any, ...]:
    """What makes two stage changes (date, stage, amount) or funds (date, amount) the same;
    amounts compare as numbers (500000 = 500000.0)."""

    def amount(text: Any) -> Decimal | None:
        return None if text is None else Decimal(str(text))

    if table == "project_stages":
        return (str(row[0]), str(row[1]), amount(row[2]))
    return (str(row[0]), amount(row[1]))


def _assessed(p: ReportedProject, first_person_id: int | None) -> Project:
    """A reported project's 考核 details as a Project carries them."""
    return Project(
        p.name,
        kind=p.kind,
        origin=p.origin,
        credit_unit=p.credit_unit,
        first_person_id=first_person_id,
        registered=p.registered,
        works_started=p.works_started,
        excluded=p.excluded,
    )
