"""CSV as Excel on a Chinese PC opens it: UTF-8 with a BOM, one header row, plain values.

Every CSV the program writes goes through write_csv, which guards text against being read as a
formula (cell_text), so no report or CLI table can forget it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import IO

from desktop.reports.cell_text import csv_text
from desktop.reports.sheet import Sheet, Value, sheet_rows

Cell = str | int | float | Decimal | None


def write_csv(
    stream: IO[str],
    header: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    caption: Sequence[str] = (),
) -> int:
    """Write to a text stream opened with newline=''; returns the number of data rows.
    caption: lines written before the header, one field each."""
    stream.write("\ufeff")
    writer = csv.writer(stream, lineterminator="\r\n")
    for line in caption:
        writer.writerow([csv_text(line)])
    writer.writerow([csv_text(h) for h in header])
    n = 0
    for row in rows:
        writer.writerow([_field(v) for v in row])
        n += 1
    return n


def _field(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        return csv_text(value)
    return value  # a number stays a number: -5 is a value, not a formula


def write_sheet_csv(stream: IO[str], sheet: Sheet) -> int:
    """One report table as CSV: ISO dates, plain rounded numbers, shares as fractions."""
    rows = ([_plain(v) for v in row] for row in sheet_rows(sheet))
    return write_csv(stream, sheet.header, rows, sheet.caption)


def _plain(value: Value) -> Cell:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 500000, not 500000.0
    return value
