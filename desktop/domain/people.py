"""Persons whose effort is logged, and the kinds of activity they log."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.errors import ValidationError


class ActivityKind(StrEnum):
    PROMOTION = "promotion"
    OTHER = "other"
    LEAVE = "leave"


@dataclass(frozen=True, slots=True)
class Activity:
    name: str
    kind: ActivityKind
    id: int | None = None

    @property
    def counts_as_promotion(self) -> bool:
        return self.kind is ActivityKind.PROMOTION

    @property
    def is_leave(self) -> bool:
        return self.kind is ActivityKind.LEAVE


TRIP_ACTIVITY = "外出招商"

DEFAULT_ACTIVITIES: tuple[Activity, ...] = (
    Activity(TRIP_ACTIVITY, ActivityKind.PROMOTION),
    Activity("接待客商考察", ActivityKind.PROMOTION),
    Activity("项目洽谈", ActivityKind.PROMOTION),
    Activity("签约活动", ActivityKind.PROMOTION),
    Activity("招商推介会", ActivityKind.PROMOTION),
    Activity("项目推进协调", ActivityKind.PROMOTION),
    Activity("产业研究谋划", ActivityKind.PROMOTION),
    Activity("招商专题会议", ActivityKind.PROMOTION),
    Activity("其他工作", ActivityKind.OTHER),
    Activity("请假", ActivityKind.LEAVE),
)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    title: str = ""
    unit: str = ""
    group: str = ""
    subject_to_rule: bool = True
    id: int | None = None

    def validated(self) -> Person:
        name = self.name.strip()
        if not name:
            raise ValidationError("person", "required")
        return Person(
            name=name,
            title=self.title.strip(),
            unit=self.unit.strip(),
            group=self.group.strip(),
            subject_to_rule=self.subject_to_rule,
            id=self.id,
        )
