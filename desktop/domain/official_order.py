"""The office's official order of units and groups (单位排序), as its own documents list them.

Offices print their units in a fixed order, not in the order of the characters; reports list
units (and groups) in that order where the custom is a fixed order, and break ties with it
elsewhere. A unit the list does not name comes after those it names, in character order; a
person without a unit (未填) comes last. A group follows its own list when the office has set one,
else the best-placed unit among its members.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.domain.errors import ValidationError
from desktop.domain.texts import clean_name

Rank = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class OfficialOrder:
    units: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()

    def unit_rank(self, unit: str) -> Rank:
        return _rank(self.units, unit)

    def group_rank(self, group: str, member_units: Iterable[str] = ()) -> Rank:
        """A group named in the groups list by its place; else by its best-placed member unit."""
        if group in self.groups or not group:
            return _rank(self.groups, group)
        best = min((self.unit_rank(u) for u in member_units), default=None)
        if best is None or best[0] != 0:
            return (1, len(self.units), group)
        return (1, best[1], group)

    def sort_units(self, units: Iterable[str]) -> list[str]:
        return sorted(set(units), key=self.unit_rank)

    def rank_of(self, by: str, name: str, member_units: Mapping[str, Iterable[str]]) -> Rank:
        """The rank of a row of a report by unit or by group."""
        if by == "group":
            return self.group_rank(name, member_units.get(name, ()))
        return self.unit_rank(name)


def _rank(order: tuple[str, ...], name: str) -> Rank:
    if not name:
        return (3, 0, "")
    try:
        return (0, order.index(name), name)
    except ValueError:
        return (2, 0, name)


def clean_order(names: Iterable[str], kind: str = "unit") -> tuple[str, ...]:
    """Names as the office lists them (by the rule of domain/texts.py), blank lines dropped; a
    repeated name refused."""
    out: list[str] = []
    for raw in names:
        name = clean_name(raw, kind)
        if not name:
            continue
        if name in out:
            raise ValidationError(kind, "duplicate_in_order", value=name)
        out.append(name)
    return tuple(out)
