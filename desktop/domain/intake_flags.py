"""Values a taken-in report brought that the supervision office decides on before they count.

Two kinds are held back rather than written:
- a conflict: a unit's file gives a project another unit (or the office) keeps a different
  investor, 产业链, amount, 包联领导 or 园区 than the one the office holds;
- a large amount: a project's amount, a 签约's amount or funds above 100 亿元, which a person at
  the unit confirmed there but the office has not.

Accepting one writes what the file said; rejecting keeps the office's value. Either can be taken
back (undo). A value decided once is not asked about again when the same unit sends it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class FlagKind(StrEnum):
    CONFLICT = "conflict"
    LARGE_AMOUNT = "large_amount"


class FlagState(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


# what a flag is about: a project's attribute, or a stage change or funds row to add
PROJECT_FIELDS = ("investor", "chain", "amount", "leader", "park")
ROWS = ("project_stages", "funds")

LABELS: dict[str, tuple[str, str]] = {
    "investor": ("投资方", "investor"),
    "chain": ("产业链", "industry chain"),
    "amount": ("协议投资额", "contracted amount"),
    "leader": ("包联领导", "leader in charge"),
    "park": ("落地园区", "park"),
    "project_stages": ("阶段变化", "stage change"),
    "funds": ("到位资金", "funds arrived"),
    FlagKind.CONFLICT: ("与本库不同", "differs from this ledger"),
    FlagKind.LARGE_AMOUNT: ("金额超过 100 亿元", "amount over 10 billion yuan"),
    FlagState.OPEN: ("待核对", "to check"),
    FlagState.ACCEPTED: ("已接受", "accepted"),
    FlagState.REJECTED: ("未采用", "rejected"),
}


def label(key: str, lang: str = "zh") -> str:
    zh, en = LABELS[key]
    return en if lang == "en" else zh


@dataclass(frozen=True, slots=True)
class Label:
    """A label as a message's value, written in the reader's language."""

    key: str

    def text(self, lang: str) -> str:
        return label(self.key, lang)


@dataclass(frozen=True, slots=True)
class IntakeFlag:
    """One held value: `what` is a field of PROJECT_FIELDS or a table of ROWS; `value` is what
    accepting writes (the field's columns, or the row's date, stage, amount and note); `ours`
    and `theirs` are the two values as a person reads them."""

    id: int
    kind: FlagKind
    project_id: int
    project: str
    what: str
    value: dict[str, Any]
    ours: str
    theirs: str
    unit: str
    person: str
    file_name: str
    raised_at: str
    state: FlagState = FlagState.OPEN
    decided_at: str | None = None
    decided_by: str = ""
