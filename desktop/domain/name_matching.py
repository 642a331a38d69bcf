"""How a name typed or imported finds its person: by the one key every name is matched by
(ledger_parsing.name_key), then, among persons who share it, by unit and title."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.errors import UnknownNameError, ValidationError
from desktop.domain.ledger_parsing import name_key
from desktop.domain.people import Person


def choose_person(matches: Sequence[Person], name: str, unit: str = "", title: str = "") -> Person:
    """The one person among those whose name has `name`'s key: several are told apart by
    their unit, then their title; one that still is not alone is refused with the units."""
    if len(matches) > 1 and unit:
        matches = [p for p in matches if name_key(p.unit) == name_key(unit)] or matches
    if len(matches) > 1 and title:
        matches = [p for p in matches if name_key(p.title) == name_key(title)] or matches
    if not matches:
        raise UnknownNameError("person", "unknown_person", value=name)
    if len(matches) > 1:
        units = "、".join(p.unit or "未填单位" for p in matches)
        raise ValidationError("person", "ambiguous_person", value=name, units=units)
    return matches[0]
