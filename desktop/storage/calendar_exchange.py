"""The calendar file (`.otc`) the supervision office sends to the units: the holiday
arrangements it entered, so that units and office count the same working days, and its official
order of units and groups (单位排序), so that a unit's reports list them as the office does.

A JSON document: {"format": "onethird.calendar", "version": 1, "sender": "...", "source": the
sending database's id, "years": [one year in the form of docs/holidays.md, ...], "sha256": of the
years, "order": {"units": [...], "groups": [...]} when the office has set one, "scheme": its
考核方案 in the scheme file's form (docs/assessment.md) when it holds one, "signature": the
office key's signature of the rest}. A file holds years, an order, a scheme, or any of them
together. A unit takes it in only when it trusts the office's key (storage/keys.py)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.assessment_scheme import Scheme
from desktop.domain.errors import LedgerError, ValidationError
from desktop.domain.holidays import YearArrangement, arrangement_from_json
from desktop.domain.official_order import OfficialOrder, clean_order
from desktop.storage.signatures import KeyPair, Signature, canonical

CALENDAR_SUFFIX = ".otc"
FORMAT = "onethird.calendar"
VERSION = 1
MAX_BYTES = 1_000_000  # a century of arrangements is a few hundred kilobytes
MAX_NAMES = 2_000  # units or groups in an order: a province has a few hundred


@dataclass(frozen=True, slots=True)
class CalendarFile:
    sender: str
    source: str
    years: tuple[YearArrangement, ...]
    signature: Signature | None
    order: OfficialOrder | None = None  # None: the file says nothing of the order
    scheme: Scheme | None = None  # None: the file says nothing of the 考核方案


def _years_json(years: list[dict[str, Any]]) -> bytes:
    return json.dumps(years, ensure_ascii=False, sort_keys=True).encode("utf-8")


def calendar_file_bytes(
    arrangements: list[YearArrangement],
    sender: str,
    source: str,
    signer: KeyPair,
    order: OfficialOrder | None = None,
    scheme: Scheme | None = None,
) -> bytes:
    years = [a.to_json() for a in sorted(arrangements, key=lambda a: a.year)]
    body: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "sender": sender,
        "source": source,
        "years": years,
        "sha256": hashlib.sha256(_years_json(years)).hexdigest(),
    }
    if order is not None and (order.units or order.groups):
        body["order"] = {"units": list(order.units), "groups": list(order.groups)}
    if scheme is not None:
        body["scheme"] = scheme.to_dict()
    doc = {**body, "signature": signer.sign(canonical(body))}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def read_calendar_file(path: Path) -> CalendarFile:
    """Read and check a calendar file; refuses a damaged or foreign one with the reason."""
    name = path.name
    if not path.is_file():
        raise ValidationError("file", "calendar_file_bad", value=name, detail="not a file")
    if path.stat().st_size > MAX_BYTES:
        raise ValidationError("file", "calendar_file_bad", value=name, detail="too large")
    try:
        doc = json.loads(path.read_bytes().decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise ValidationError("file", "calendar_file_bad", value=name, detail="not JSON") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValidationError("file", "calendar_file_bad", value=name, detail="format")
    if doc.get("version") != VERSION:
        raise ValidationError("file", "calendar_file_bad", value=name, detail="version")
    years = doc.get("years")
    if not isinstance(years, list) or not (years or "order" in doc or "scheme" in doc):
        raise ValidationError("file", "calendar_file_bad", value=name, detail="years")
    if hashlib.sha256(_years_json(years)).hexdigest() != doc.get("sha256"):
        raise ValidationError("file", "calendar_file_bad", value=name, detail="sha256")
    signature = None
    block = doc.pop("signature", None)
    if block is not None:
        try:
            signature = Signature.read(block)
        except ValueError:
            raise ValidationError(
                "file", "calendar_file_bad", value=name, detail="signature"
            ) from None
        if not signature.verifies(canonical(doc)):
            raise ValidationError(
                "file", "calendar_file_bad", value=name, detail="signature"
            ) from None
    sender = " ".join(str(doc.get("sender", "")).split())[:50]
    try:
        parsed = tuple(arrangement_from_json(y) for y in years)
    except LedgerError as exc:
        raise ValidationError(
            "file", "calendar_file_bad", value=name, detail=exc.message("en")
        ) from None
    order = None if "order" not in doc else _order(doc["order"], name)
    scheme = None
    if "scheme" in doc:
        try:
            scheme = Scheme.from_dict(doc["scheme"])
        except LedgerError as exc:
            raise ValidationError(
                "file", "calendar_file_bad", value=name, detail=exc.message("en")
            ) from None
    source = str(doc.get("source", ""))
    return CalendarFile(sender, source, parsed, signature, order, scheme)


def _order(block: Any, name: str) -> OfficialOrder:
    """The order a file carries, each list cleaned as the office's own lists are."""
    if not isinstance(block, dict):
        raise ValidationError("file", "calendar_file_bad", value=name, detail="order")
    lists = []
    for kind, key in (("unit", "units"), ("group", "groups")):
        names = block.get(key, [])
        if not isinstance(names, list) or len(names) > MAX_NAMES:
            raise ValidationError("file", "calendar_file_bad", value=name, detail="order")
        if not all(isinstance(n, str) for n in names):
            raise ValidationError("file", "calendar_file_bad", value=name, detail="order")
        try:
            lists.append(clean_order(names, kind))
        except LedgerError as exc:
            raise ValidationError(
                "file", "calendar_file_bad", value=name, detail=exc.message("en")
            ) from None
    return OfficialOrder(lists[0], lists[1])
