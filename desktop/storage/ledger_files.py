"""Reading ledger files as rows of cells: CSV in the encodings Excel writes, XLSX sheets, and
the activity mapping file of `onethird-cli import --map-activities`."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import LedgerError, ValidationError
from desktop.domain.ledger_parsing import cell_text, name_key

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls (and .et) format


@dataclass(frozen=True, slots=True)
class Sheet:
    """The rows of one file (or one sheet of a workbook), numbered as Excel numbers them."""

    format: str  # "csv" or "xlsx"
    name: str  # the sheet's name, or the encoding of a CSV
    rows: list[tuple[int, Sequence[object]]]


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM ('Unicode text'), else GB18030 as Excel on
    Chinese Windows saves CSV (GB18030 is a superset of GBK and GB2312)."""
    return _decode(data)[1]


def _decode(data: bytes) -> tuple[str, str]:
    encodings = ("utf-16",) if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ()
    for encoding in (*encodings, "utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf"):
            encoding = "utf-8"
        return encoding, text
    raise ValidationError("file", "bad_encoding")


def read_csv(data: bytes) -> Sheet:
    encoding, text = _decode(data)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    if "\x00" in text:
        raise ValidationError("file", "bad_encoding")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        # Excel numbers records, not physical lines: a cell with a line break stays on its row
        rows: list[tuple[int, Sequence[object]]] = list(enumerate(reader, 1))
    except csv.Error as exc:
        raise ValidationError("file", "bad_csv", value=str(exc)) from None
    return Sheet("csv", encoding, rows)


def read_xlsx(data: bytes, sheet: str | None = None) -> Sheet:
    """The chosen sheet (by name or 1-based number), else the first; cells keep their types."""
    import openpyxl  # only imports that need it pay for it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise ValidationError("file", "bad_xlsx", value=type(exc).__name__) from None
    try:
        names = book.sheetnames
        if sheet is None:
            chosen = names[0]
        elif sheet in names:
            chosen = sheet
        elif sheet.isdigit() and 1 <= int(sheet) <= len(names):
            chosen = names[int(sheet) - 1]
        else:
            raise ValidationError("sheet", "unknown_sheet", value=sheet, names="、".join(names))
        ws = book[chosen]
        rows: list[tuple[int, Sequence[object]]] = list(
            enumerate(ws.iter_rows(min_row=1, values_only=True), 1)
        )
    except LedgerError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise ValidationError("file", "bad_xlsx", value=type(exc).__name__) from None
    finally:
        book.close()
    return Sheet("xlsx", chosen, rows)


def read_ledger(data: bytes, sheet: str | None = None) -> Sheet:
    """Rows of a CSV or XLSX file, told apart by content, not by the name's extension."""
    if data.startswith(XLSX_MAGIC):
        return read_xlsx(data, sheet)
    if data.startswith(OLE_MAGIC):
        raise ValidationError("file", "old_xls")
    if sheet is not None:
        raise ValidationError("sheet", "sheet_not_xlsx", value=sheet)
    return read_csv(data)


def load_activity_map(path: Path | str, known: Collection[str]) -> dict[str, str]:
    """原名 -> 活动类型 from a JSON object or a two-column CSV (a first row 原名,活动类型 is a
    header, skipped).

    Every target must be one of the `known` activity names; keys are matched the way names are
    (spaces and full-width forms do not count)."""
    path = Path(path)
    data = path.read_bytes()
    text = decode_text(data).strip()
    pairs: list[tuple[int, str, str]] = []
    if text.startswith("{"):
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationError(
                "mapping", "bad_mapping", line=exc.lineno, value=exc.msg
            ) from None
        if not isinstance(loaded, dict):
            raise ValidationError("mapping", "bad_mapping", line=1, value="{…}")
        for key, value in loaded.items():
            if not isinstance(value, str):
                raise ValidationError("mapping", "bad_mapping", line=1, value=f"{key}")
            pairs.append((1, key, value))
    else:
        for line, row in read_csv(data).rows:
            cells = [cell_text(c) for c in row]
            if not any(cells):
                continue
            if len(cells) < 2 or not cells[0] or not cells[1]:
                raise ValidationError("mapping", "bad_mapping", line=line, value=",".join(cells))
            if line == 1 and name_key(cells[0]).lower() in _HEADER_WORDS:
                continue
            pairs.append((line, cells[0], cells[1]))
    mapping: dict[str, str] = {}
    for line, source, target in pairs:
        key = name_key(source)
        if not key:
            raise ValidationError("mapping", "bad_mapping", line=line, value=source)
        target = cell_text(target)
        if target not in known:
            raise ValidationError("mapping", "bad_mapping_target", line=line, value=target)
        mapping[key] = target
    return mapping


_HEADER_WORDS = frozenset(("原名", "原活动类型", "文件中的名称", "source", "from", "name"))
