"""A report table as typed columns and plain rows: what the CSV and XLSX writers save."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from desktop.reports.labels import label

# a Decimal is a figure already rounded as it is to be read (a score's 12.00): written as it is
Value = str | int | float | Decimal | date | None


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    DAYS = "days"  # day-equivalents, 2 decimals
    SHARE = "share"  # a fraction, shown as a percentage
    AMOUNT = "amount"  # 万元 / 万美元, 2 decimals
    SCORE = "score"  # 考核 points, 2 decimals, negative for a deduction
    FIGURE = "figure"  # a measured value as it is (a count, days, 万元), no fixed format
    DATE = "date"


# Rounding of saved values: plain numbers, no float noise such as 7.499999999.
PLACES = {Kind.DAYS: 2, Kind.SHARE: 4, Kind.AMOUNT: 2}


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    kind: Kind = Kind.TEXT
    width: int = 10  # in characters, for XLSX (a CJK character counts two)


@dataclass(frozen=True, slots=True)
class Sheet:
    key: str  # names the sheet's file when a report's tables are saved as several CSVs
    title: str  # the sheet tab in XLSX
    columns: tuple[Column, ...]
    rows: list[list[Value]] = field(default_factory=list)
    lang: str = "zh"
    # lines above the header in CSV and XLSX (a title, the document a table rests on)
    caption: tuple[str, ...] = ()
    # the header's own words, when the columns are not known in advance (a scheme's items)
    heads: tuple[str, ...] = ()

    @property
    def header(self) -> list[str]:
        if self.heads:
            return list(self.heads)
        return [label(c.key, self.lang) for c in self.columns]


def plain(value: Value, kind: Kind) -> Value:
    """A value as saved: rounded numbers, dates kept as dates (writers format them)."""
    if isinstance(value, float) and kind in PLACES:
        rounded = round(value, PLACES[kind])
        return 0.0 if rounded == 0 else rounded  # no "-0.0"
    return value


def sheet_rows(sheet: Sheet) -> list[list[Value]]:
    kinds: Sequence[Kind] = [c.kind for c in sheet.columns]
    return [[plain(v, k) for v, k in zip(row, kinds, strict=True)] for row in sheet.rows]
