"""Printing a table in the format asked for: aligned text, CSV (with BOM) or JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from desktop.cli.text import say, text_table
from desktop.reports.summary_table import display_cell

FORMATS = ("table", "csv", "json")


def emit(
    keys: Sequence[str],
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    fmt: str,
    lang: str,
    notes: Sequence[str] = (),
) -> None:
    if fmt == "json":
        payload = {
            "rows": [dict(zip(keys, row, strict=True)) for row in rows],
            "notes": list(notes),
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
        return
    if fmt == "csv":
        from desktop.reports.csv_out import write_csv  # the CSV writer and its sheet model

        write_csv(sys.stdout, header, rows)
        return
    if not rows:
        print(say("no_rows", lang))
    else:
        cells = [[display_cell(k, v, lang) for k, v in zip(keys, row, strict=True)] for row in rows]
        right = [isinstance(v, int | float) and not isinstance(v, bool) for v in rows[0]]
        print(text_table(header, cells, right))
    for note in notes:
        print(note)
