"""Persons and activities in the database."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict
from typing import Any

from desktop.domain.errors import NotFoundError, UnknownNameError, ValidationError
from desktop.domain.ledger_parsing import name_key
from desktop.domain.name_matching import choose_person
from desktop.domain.people import Activity, ActivityKind, Person
from desktop.domain.texts import normal_name
from desktop.storage.base import Store

_PERSON_COLUMNS = "id, name, title, unit, group_name, subject_to_rule"


def person_from_row(row: tuple[Any, ...]) -> Person:
    return Person(
        id=row[0],
        name=row[1],
        title=row[2],
        unit=row[3],
        group=row[4],
        subject_to_rule=bool(row[5]),
    )


class PeopleStore(Store):
    def add_person(self, person: Person) -> Person:
        p = person.validated()
        try:
            with self.db.atomic():
                pid = self._insert(
                    "INSERT INTO persons (name, title, unit, group_name, subject_to_rule)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [p.name, p.title, p.unit, p.group, int(p.subject_to_rule)],
                )
                saved = Person(p.name, p.title, p.unit, p.group, p.subject_to_rule, pid)
                self._log("insert", "persons", pid, None, asdict(saved))
        except sqlite3.IntegrityError:
            label = f"{p.name}（{p.unit}）" if p.unit else p.name
            raise ValidationError("person", "duplicate", value=label) from None
        return saved

    def persons(self, subject_only: bool = False) -> list[Person]:
        sql = f"SELECT {_PERSON_COLUMNS} FROM persons"
        if subject_only:
            sql += " WHERE subject_to_rule = 1"
        sql += " ORDER BY unit, id"
        return [person_from_row(r) for r in self.db.execute(sql).fetchall()]

    def person(self, person_id: int) -> Person:
        row = self.db.execute(
            f"SELECT {_PERSON_COLUMNS} FROM persons WHERE id = ?", [person_id]
        ).fetchone()
        if row is None:
            raise NotFoundError("person", "not_found", value=person_id)
        return person_from_row(row)

    def find_person(self, name: str, title: str = "", unit: str = "") -> Person:
        """The one person with this name (narrowed by unit, then title, when several share
        it), names matched by name_key: 张 伟 and 张\u200b伟 find 张伟."""
        if not normal_name(name):
            raise ValidationError("person", "required")
        key = name_key(name)
        matches = [p for p in self.persons() if name_key(p.name) == key]
        return choose_person(matches, normal_name(name), unit, title)

    def activities(self) -> list[Activity]:
        rows = self.db.execute(
            "SELECT id, name, kind FROM activities ORDER BY position, id"
        ).fetchall()
        return [Activity(r[1], ActivityKind(r[2]), r[0]) for r in rows]

    def find_activity(self, name: str) -> Activity:
        """By name as names are matched (name_key): 项目 洽谈 is 项目洽谈."""
        name = normal_name(name)
        key = name_key(name)
        for activity in self.activities():
            if name_key(activity.name) == key:
                return activity
        if not name:
            raise ValidationError("activity", "required")
        raise UnknownNameError("activity", "unknown_activity", value=name)
