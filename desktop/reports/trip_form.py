"""外出招商情况上报表: the form units send upward, one row per company visited on each person's
trip (a trip with no company still gets one row), units in the office's official order.

Columns: 单位, 序号, 姓名, 职务, 开始时间, 结束时间, 天数, 目的地, 拜访企业名称, 接洽人姓名,
接洽人职务.
序号 counts the trips of a unit; a trip's company rows repeat its figures (CSV and XLSX keep
every row whole; the PDF leaves the repeats blank). 天数 is the days away inside the period, as
the circular counts them; 外出招商 entries logged without a trip (an imported ledger) make one trip
per run of consecutive days, their 客商 as the companies visited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from desktop.domain.official_order import OfficialOrder
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.reports.labels import label
from desktop.reports.monthly import TripLine
from desktop.reports.sheet import Column, Kind, Sheet, Value

KEYS = (
    "unit",
    "seq",
    "name",
    "title",
    "trip_start",
    "trip_end",
    "days",
    "trip_destinations",
    "company_visited",
    "contact_name",
    "contact_title",
)


@dataclass(frozen=True, slots=True)
class TripFormRow:
    unit: str
    seq: int  # the trip's number within its unit
    name: str
    title: str
    start: date
    end: date
    days: float
    destinations: str
    company: str
    contact: str
    contact_title: str
    first: bool  # the trip's first row (the PDF writes the trip's figures only there)


@dataclass(frozen=True, slots=True)
class TripForm:
    period: Period
    rows: tuple[TripFormRow, ...]
    today: date

    @property
    def trips(self) -> int:
        return sum(1 for r in self.rows if r.first)

    @property
    def days(self) -> float:
        return sum(r.days for r in self.rows if r.first)

    def sheets(self, lang: str = "zh") -> list[Sheet]:
        return [trip_form_sheet(self, lang)]


def build_trip_form(
    travel: Sequence[tuple[Person, Sequence[TripLine]]],
    order: OfficialOrder,
    period: Period,
    today: date,
) -> TripForm:
    """travel: each person with their trips of the period (monthly.trip_line and
    loose_trip_lines), in the order persons are listed within a unit."""
    rank = {id(p): (order.unit_rank(p.unit), i) for i, (p, _) in enumerate(travel)}
    ordered = sorted(travel, key=lambda item: rank[id(item[0])])
    rows: list[TripFormRow] = []
    seq: dict[str, int] = {}
    for person, lines in ordered:
        for line in sorted(lines, key=lambda t: (t.start, t.end)):
            if line.days <= 0:
                continue
            seq[person.unit] = n = seq.get(person.unit, 0) + 1
            visits = line.companies or ()
            where = "、".join(line.destinations)
            common = (person.unit, n, person.name, person.title, line.start, line.end, line.days)
            if not visits:
                rows.append(TripFormRow(*common, where, "", "", "", True))
            for i, v in enumerate(visits):
                rows.append(TripFormRow(*common, where, v.company, v.contact, v.title, i == 0))
    return TripForm(period, tuple(rows), today)


def row_values(row: TripFormRow) -> list[Value]:
    return [
        row.unit,
        row.seq,
        row.name,
        row.title,
        row.start,
        row.end,
        row.days,
        row.destinations,
        row.company,
        row.contact,
        row.contact_title,
    ]


def trip_form_sheet(form: TripForm, lang: str = "zh") -> Sheet:
    kinds = {"seq": Kind.INT, "trip_start": Kind.DATE, "trip_end": Kind.DATE, "days": Kind.DAYS}
    widths = {"unit": 20, "seq": 5, "trip_destinations": 16, "company_visited": 28}
    columns = tuple(Column(k, kinds.get(k, Kind.TEXT), widths.get(k, 10)) for k in KEYS)
    rows = [row_values(r) for r in form.rows]
    return Sheet("trips", label("sheet_trip_form", lang), columns, rows, lang)
