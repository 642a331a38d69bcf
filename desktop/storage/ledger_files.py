"""Reading ledger files as rows of cells, streamed: CSV in the encodings Excel writes (one
encoding a file, checked line by line), XLSX sheets, and the activity mapping file of
`onethird-cli import --map-activities`."""

from __future__ import annotations

import csv
import io
import json
import os
import warnings
import zipfile
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from desktop.domain.errors import LedgerError, ValidationError
from desktop.domain.ledger_parsing import cell_text, name_key, unguard

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls (and .et) format


SAMPLE_BYTES = 4 << 20  # how much of a file settles its encoding
MAX_RECORD_LINES = 100  # a quoted cell running over more lines than this lost its closing quote
PROGRESS_STEP = 1 << 22  # report progress every 4 MB read
Progress = Callable[[int, int], None]  # (bytes read, file size)


@dataclass(frozen=True, slots=True)
class Sheet:
    """The rows of one file (or one sheet of a workbook), numbered as Excel numbers them; read
    as they are iterated, so a file of any size takes little memory."""

    format: str  # "csv" or "xlsx"
    name: str  # the sheet's name, or the encoding of a CSV
    rows: Iterable[tuple[int, Sequence[object]]]


class ReadProblem(LedgerError):
    """The file cannot be read past a line: it names the line (as a text editor counts them)."""

    def __init__(self, line: int, code: str, **params: object) -> None:
        self.line = line
        super().__init__("file", code, line=line, **params)


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


def sniff_encoding(sample: bytes, complete: bool) -> str:
    """The encoding of a CSV from its first SAMPLE_BYTES: a BOM says it; else every line with
    non-ASCII bytes must be UTF-8, or none of them — a file whose lines disagree is refused
    with the first line of the fewer kind, rather than read as mojibake."""
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if not complete:
        sample = sample[: sample.rfind(b"\n") + 1]  # no character cut in two
    first: dict[bool, int] = {}
    count = {True: 0, False: 0}
    for n, line in enumerate(sample.split(b"\n"), 1):
        if b"\x00" in line:
            raise ReadProblem(n, "nul_byte")
        if line.isascii():
            continue
        utf8 = _is_utf8(line)
        first.setdefault(utf8, n)
        count[utf8] += 1
    if not count[False]:
        return "utf-8"
    if not count[True]:
        return "gb18030"
    minority = count[True] < count[False]  # the kind of the lines that disagree
    majority = "GB18030" if minority else "UTF-8"
    raise ReadProblem(first[minority], "mixed_encoding", encoding=majority)


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class _Lines:
    """The text lines of a CSV, decoded one by one: a line in another encoding than the file's,
    or with a NUL byte, stops the reading with its number."""

    def __init__(self, f: IO[bytes], encoding: str, size: int, progress: Progress | None) -> None:
        self.f = f
        self.encoding = encoding
        self.size = size
        self.progress = progress
        self.line = 0  # physical lines read
        self.apostrophe = False  # a line read since the flag was cleared holds an apostrophe

    def __iter__(self) -> Iterator[str]:
        utf8 = self.encoding.startswith("utf-8")
        done = step = 0
        for raw in self.f:
            self.line += 1
            if self.line == 1 and self.encoding == "utf-8-sig":
                raw = raw[3:]
            if self.progress is not None:
                done += len(raw)
                if done - step >= PROGRESS_STEP:
                    step = done
                    self.progress(done, self.size)
            if raw.isascii():
                if b"\x00" in raw:
                    raise ReadProblem(self.line, "nul_byte")
                text = raw.decode("ascii")
            elif utf8:
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    self._check_nul(raw)
                    raise ReadProblem(self.line, "mixed_encoding", encoding="UTF-8") from None
            else:
                self._check_nul(raw)
                if _is_utf8(raw):  # a UTF-8 line in a GBK file
                    raise ReadProblem(self.line, "mixed_encoding", encoding="GB18030")
                try:
                    text = raw.decode("gb18030")
                except UnicodeDecodeError:
                    raise ReadProblem(self.line, "mixed_encoding", encoding="GB18030") from None
            if "'" in text:
                self.apostrophe = True
            yield text
        if self.progress is not None:
            self.progress(self.size, self.size)

    def _check_nul(self, raw: bytes) -> None:
        if b"\x00" in raw:
            raise ReadProblem(self.line, "nul_byte")


def _csv_rows(lines: _Lines, delimiter: str) -> Iterator[tuple[int, Sequence[object]]]:
    """Records numbered as Excel numbers them (a cell with a line break stays on its row); a
    quote left open is reported with the line it opened on."""
    reader = csv.reader(iter(lines), delimiter=delimiter, strict=True)
    record = 0
    while True:
        start = lines.line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "end of data" in str(exc):
                raise ReadProblem(start, "unterminated_quote") from None
            raise ReadProblem(lines.line, "bad_csv_line", value=str(exc)) from None
        if lines.line - start >= MAX_RECORD_LINES:
            raise ReadProblem(start, "unterminated_quote")
        record += 1
        if lines.apostrophe:
            lines.apostrophe = False
            row = [unguard(c) for c in row]
        yield record, row


def _open_csv(f: IO[bytes], size: int, progress: Progress | None) -> Sheet:
    sample = f.read(SAMPLE_BYTES)
    encoding = sniff_encoding(sample, complete=len(sample) < SAMPLE_BYTES)
    f.seek(0)
    if encoding == "utf-16":
        return Sheet("csv", encoding, _utf16_rows(f))
    first = sample.split(b"\n", 1)[0]
    delimiter = "\t" if b"\t" in first and b"," not in first else ","
    name = "utf-8" if encoding == "utf-8" else encoding
    return Sheet("csv", name, _csv_rows(_Lines(f, encoding, size, progress), delimiter))


def _utf16_rows(f: IO[bytes]) -> Iterator[tuple[int, Sequence[object]]]:
    text = io.TextIOWrapper(f, encoding="utf-16", newline="")
    try:
        first = text.readline()
        delimiter = "\t" if "\t" in first and "," not in first else ","
        text.seek(0)
        reader = csv.reader(text, delimiter=delimiter, strict=True)
        yield from enumerate(reader, 1)
    except UnicodeDecodeError:
        raise ValidationError("file", "bad_encoding") from None
    except csv.Error as exc:
        raise ValidationError("file", "bad_csv", value=str(exc)) from None
    finally:
        text.detach()


def read_csv(data: bytes) -> Sheet:
    """A whole CSV held in memory (a mapping file, a test's bytes)."""
    sheet = _open_csv(io.BytesIO(data), len(data), None)
    return Sheet(sheet.format, sheet.name, list(sheet.rows))


@contextmanager
def _xlsx(f: IO[bytes], sheet: str | None) -> Iterator[Sheet]:
    """The chosen sheet (by name or 1-based number), else the first; cells keep their types."""
    import openpyxl  # only imports that need it pay for it

    try:
        book = openpyxl.load_workbook(f, read_only=True, data_only=True)
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
        # WPS (and other writers) may record the used range as A1:A1; read-only mode trusts it
        # and would see one cell
        ws.reset_dimensions()
        yield Sheet("xlsx", chosen, _xlsx_rows(ws))
    finally:
        book.close()


def _xlsx_rows(ws: Any) -> Iterator[tuple[int, Sequence[object]]]:
    """The rows, silencing openpyxl's notice that it drops WPS's x14 drop-down lists on saving."""
    rows = ws.iter_rows(min_row=1, values_only=True)
    number = 0
    while True:
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", _EXTENSION_DROPPED, UserWarning, "openpyxl")
                row = next(rows)
        except StopIteration:
            return
        except LedgerError:
            raise
        except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
            raise ValidationError("file", "bad_xlsx", value=type(exc).__name__) from None
        number += 1
        yield number, row


_EXTENSION_DROPPED = r".* extension is not supported and will be removed"


@contextmanager
def open_ledger(
    path: Path | str, sheet: str | None = None, progress: Progress | None = None
) -> Iterator[Sheet]:
    """The rows of a CSV or XLSX file, told apart by content, not by the name's extension;
    read while they are iterated inside the `with` block."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        with _open_file(f, size, sheet, progress) as opened:
            yield opened


@contextmanager
def _open_file(
    f: IO[bytes], size: int, sheet: str | None, progress: Progress | None
) -> Iterator[Sheet]:
    head = f.read(8)
    f.seek(0)
    if head.startswith(XLSX_MAGIC):
        with _xlsx(f, sheet) as opened:
            yield opened
        return
    if head.startswith(OLE_MAGIC):
        raise ValidationError("file", "old_xls")
    if sheet is not None:
        raise ValidationError("sheet", "sheet_not_xlsx", value=sheet)
    yield _open_csv(f, size, progress)


def read_ledger(data: bytes, sheet: str | None = None) -> Sheet:
    """Rows of a CSV or XLSX file held in memory, all of them read."""
    with _open_file(io.BytesIO(data), len(data), sheet, None) as opened:
        return Sheet(opened.format, opened.name, list(opened.rows))


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
