"""Report tables as one XLSX workbook: a sheet per table, bold frozen header, number formats.

Text is always written as a string cell, never a formula, however it begins (cell_text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import IO, Any

from desktop.reports.cell_text import looks_like_formula
from desktop.reports.sheet import Kind, Sheet, sheet_rows

FORMATS = {
    Kind.INT: "0",
    Kind.DAYS: "0.00",
    Kind.SHARE: "0.0%",
    Kind.AMOUNT: "#,##0.00",
    Kind.SCORE: "0.00",
    Kind.DATE: "yyyy-mm-dd",
}
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")


def _title(text: str, taken: set[str]) -> str:
    """Excel's rules for a sheet name: ≤ 31 characters, none of []:*?/\\, unique."""
    base = _BAD_TITLE.sub("_", text)[:31] or "Sheet"
    title, n = base, 2
    while title in taken:
        suffix = f"({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title)
    return title


def _text_value(ws: Any, text: str) -> Any:
    """Text as openpyxl is to write it. Left to guess, it makes "=…" a formula and "#N/A" an
    error; such text gets an explicit string cell. Other text stays a plain str, which openpyxl
    writes as a string cell anyway (a cell object per value would slow a year of entries)."""
    if looks_like_formula(text) or text.startswith("#"):
        return _text_cell(ws, text)
    return text


def _text_cell(ws: Any, text: str) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"  # set after the guess: a string cell, which Excel never evaluates
    if looks_like_formula(text):
        # the cell stays text even when someone opens it for editing and presses Enter
        cell.quotePrefix = True
    return cell


def write_xlsx(stream: IO[bytes], sheets: Sequence[Sheet]) -> int:
    """Write the workbook to a binary stream; returns the number of data rows written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    # write-only: rows stream out, so a year of raw entries does not sit in memory as cells
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    taken: set[str] = set()
    total = 0
    for sheet in sheets:
        ws = book.create_sheet(_title(sheet.title, taken))
        for i, column in enumerate(sheet.columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = column.width + 2
        ws.freeze_panes = f"A{len(sheet.caption) + 2}"
        for line in sheet.caption:
            ws.append([_text_value(ws, line)])
        header = []
        for text in sheet.header:
            cell = _text_cell(ws, text)
            cell.font = bold
            cell.alignment = centre
            header.append(cell)
        ws.append(header)
        formats = [FORMATS.get(c.kind) for c in sheet.columns]
        for row in sheet_rows(sheet):
            out: list[Any] = []
            for value, fmt in zip(row, formats, strict=True):
                if isinstance(value, str):
                    out.append(_text_value(ws, value))
                    continue
                if fmt is None or value is None:
                    out.append(value)
                    continue
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = fmt
                out.append(cell)
            ws.append(out)
            total += 1
    if not sheets:
        book.create_sheet("Sheet")
    book.save(stream)
    return total
