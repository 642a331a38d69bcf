"""Typed reading of the JSON in report files: each field checked for its type, and a failure
named by its path (entries[3].date) so a refusal can say exactly what is wrong."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[\[\]{}]")

T = TypeVar("T")


class PayloadError(ValueError):
    """A part that is not what the schema says; `where` is a path like entries[3].date."""

    def __init__(self, part: str, where: str, value: object = None) -> None:
        self.part = part
        self.detail = where if value is None else f"{where} = {str(value)[:60]!r}"
        super().__init__(f"{part}: {self.detail}")


def dump_json(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False, indent=1).encode("utf-8")


MAX_DEPTH = 32  # the deepest the schema nests is 5
MAX_DIGITS = 30  # a number in the file that long is not one the program wrote
MAX_TEXT = 10_000  # no text field of the schema comes near it (notes are at most 2,000)
FIRST_YEAR, LAST_YEAR = 2000, 2100


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise ValueError(f"a number of {len(text)} digits")
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_DIGITS:
        raise ValueError(f"a number of {len(text)} characters")
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


def _constant(text: str) -> float:
    raise ValueError(f"{text} is not a number")


def _depth(text: str) -> int:
    """How deeply arrays and objects nest (outside strings), without building anything."""
    deepest = depth = 0
    for bracket in _BRACKETS.findall(_STRINGS.sub("", text)):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def load_json(part: str, data: bytes) -> Any:
    """Read a part; a file that nests too deeply, carries numbers too long to be ours, NaN or
    Infinity is refused before any of it is built."""
    try:
        text = data.decode("utf-8")
        if _depth(text) > MAX_DEPTH:
            raise ValueError(f"nested more than {MAX_DEPTH} deep")
        return json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise PayloadError(part, "JSON", exc) from None


class Fields:
    """Typed access to one JSON object; every failure is a PayloadError with the field's path."""

    def __init__(self, part: str, obj: Any, path: str = "") -> None:
        if not isinstance(obj, dict):
            raise PayloadError(part, path or "/", type(obj).__name__)
        self.part, self.obj, self.path = part, obj, path

    def _where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _get(self, key: str, kind: type | tuple[type, ...], optional: bool = False) -> Any:
        value = self.obj.get(key)
        if value is None and optional:
            return None
        # bool is an int in Python; a flag is not a number here
        if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, (int, float))):
            raise PayloadError(self.part, self._where(key), value)
        return value

    def text(self, key: str, required: bool = False) -> str:
        value = self._get(key, str, optional=not required)
        if required and not value.strip():
            raise PayloadError(self.part, self._where(key), value)
        if value is not None and len(value) > MAX_TEXT:
            raise PayloadError(self.part, self._where(key), f"{len(value)} characters")
        return value or ""

    def opt_text(self, key: str) -> str | None:
        value = self._get(key, str, optional=True)
        return value if value is None else str(value)

    def integer(self, key: str) -> int:
        return int(self._get(key, int))

    def opt_int(self, key: str) -> int | None:
        value = self._get(key, int, optional=True)
        return None if value is None else int(value)

    def number(self, key: str) -> float:
        return float(self._get(key, (int, float)))

    def flag(self, key: str) -> bool:
        return bool(self._get(key, bool))

    def day(self, key: str) -> date:
        text = self._get(key, str)
        try:
            value = date.fromisoformat(text)
        except ValueError:
            raise PayloadError(self.part, self._where(key), text) from None
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise PayloadError(self.part, self._where(key), text)
        return value

    def moment(self, key: str) -> datetime:
        text = self._get(key, str)
        try:
            value = datetime.fromisoformat(text)
            value = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
            if not FIRST_YEAR <= value.astimezone(UTC).year <= LAST_YEAR:
                raise ValueError(text)
        except (ValueError, OverflowError):
            raise PayloadError(self.part, self._where(key), text) from None
        return value

    def decimal(self, key: str, optional: bool = False) -> Decimal | None:
        text = self._get(key, str, optional=optional)
        if text is None:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise PayloadError(self.part, self._where(key), text) from None
        if not value.is_finite() or value < 0 or value.adjusted() > 12:
            # more than a trillion 万元 is no amount: refused, never printed as inf
            raise PayloadError(self.part, self._where(key), text)
        return value

    def choice(self, key: str, enum: Callable[[str], T]) -> T:
        text = self._get(key, str)
        try:
            return enum(text)
        except ValueError:
            raise PayloadError(self.part, self._where(key), text) from None

    def opt_choice(self, key: str, enum: Callable[[str], T]) -> T | None:
        return None if self.obj.get(key) is None else self.choice(key, enum)

    def sub(self, key: str, optional: bool = False) -> Fields:
        value = self.obj.get(key)
        if value is None and optional:
            return Fields(self.part, {}, self._where(key))
        return Fields(self.part, value, self._where(key))

    def strings(self, key: str) -> tuple[str, ...]:
        items = self._get(key, list)
        if not all(isinstance(s, str) for s in items):
            raise PayloadError(self.part, self._where(key), items)
        return tuple(items)

    def each(self, key: str) -> list[Fields]:
        items = self._get(key, list)
        where = self._where(key)
        return [Fields(self.part, item, f"{where}[{i}]") for i, item in enumerate(items)]
