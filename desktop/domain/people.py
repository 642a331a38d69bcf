"""Persons whose effort is logged, and the kinds of activity they log."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.texts import clean_name


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

    def validated(self) -> Activity:
        return Activity(clean_name(self.name, "activity", required=True), self.kind, self.id)


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
        """Names by the rule of domain/texts.py (张\u200b伟 is 张伟)."""
        return Person(
            name=clean_name(self.name, "person", required=True),
            title=clean_name(self.title, "title"),
            unit=clean_name(self.unit, "unit"),
            group=clean_name(self.group, "group"),
            subject_to_rule=self.subject_to_rule,
            id=self.id,
        )
