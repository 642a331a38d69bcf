"""CSV as Excel on a Chinese PC opens it: UTF-8 with a BOM, one header row, plain values."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import IO

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
