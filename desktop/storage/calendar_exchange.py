"""The calendar file (`.otc`) the supervision office sends to the units: the holiday
arrangements it entered, so that units and office count the same working days.

A JSON document: {"format": "onethird.calendar", "version": 1, "sender": "...", "source": the
sending database's id, "years": [one year in the form of docs/holidays.md, ...], "sha256": of the
years}, "signature": the office key's signature of the rest}. A unit takes it in only when it
trusts the office's key (storage/keys.py)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.errors import LedgerError, ValidationError
from desktop.domain.holidays import YearArrangement, arrangement_from_json
from desktop.storage.signatures import KeyPair, Signature, canonical

CALENDAR_SUFFIX = ".otc"
FORMAT = "onethird.calendar"
VERSION = 1
MAX_BYTES = 1_000_000  # a century of arrangements is a few hundred kilobytes


@dataclass(frozen=True, slots=True)
class CalendarFile:
    sender: str
    source: str
    years: tuple[YearArrangement, ...]
    signature: Signature | None


def _years_json(years: list[dict[str, Any]]) -> bytes:
    return json.dumps(years, ensure_ascii=False, sort_keys=True).encode("utf-8")


def calendar_file_bytes(
    arrangements: list[YearArrangement], sender: str, source: str, signer: KeyPair
) -> bytes:
    years = [a.to_json() for a in sorted(arrangements, key=lambda a: a.year)]
    body = {
        "format": FORMAT,
        "version": VERSION,
        "sender": sender,
        "source": source,
        "years": years,
        "sha256": hashlib.sha256(_years_json(years)).hexdigest(),
    }
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
    if not isinstance(years, list) or not years:
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
    return CalendarFile(sender, str(doc.get("source", "")), parsed, signature)
