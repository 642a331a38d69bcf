"""CSV as Excel on a Chinese PC opens it: UTF-8 with a BOM, one header row, plain values."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import date
from typing import IO

from desktop.reports.sheet import Sheet, Value, sheet_rows

Cell = str | int | float | None


def write_csv(stream: IO[str], header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> int:
    """Write to a text stream opened with newline=''; returns the number of data rows."""
    stream.write("\ufeff")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(header)
    n = 0
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
        n += 1
    return n


def write_sheet_csv(stream: IO[str], sheet: Sheet) -> int:
    """One report table as CSV: ISO dates, plain rounded numbers, shares as fractions."""
    rows = ([_plain(v) for v in row] for row in sheet_rows(sheet))
    return write_csv(stream, sheet.header, rows)


def _plain(value: Value) -> Cell:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 500000, not 500000.0
    return value
