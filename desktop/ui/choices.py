"""The values behind a combo box's items, handed back as the very objects that were put in.

Qt keeps item data as a QVariant: a StrEnum put in comes back as a plain str (PySide6), so
`combo.currentData() is Stage.SIGNED` is never true and `.value` fails. Every combo in the UI
therefore keeps its values here, on the Python side, and Qt holds only each item's position.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QComboBox

T = TypeVar("T")


class Choices(Generic[T]):
    """A combo's items as (text, value) pairs; add and clear them only through this object."""

    def __init__(self, combo: QComboBox, items: Iterable[tuple[str, T]] = ()) -> None:
        self.combo = combo
        self._values: list[T] = []
        self.extend(items)

    def add(self, text: str, value: T) -> None:
        # the position, not the value: ints survive the round trip through QVariant unchanged;
        # the value is in place first, for the current-item signal the first item sends
        self._values.append(value)
        self.combo.addItem(text, len(self._values) - 1)

    def extend(self, items: Iterable[tuple[str, T]]) -> None:
        for text, value in items:
            self.add(text, value)

    def clear(self) -> None:
        self.combo.clear()
        self._values.clear()

    def value_at(self, index: int) -> T:
        position = self.combo.itemData(index)
        if not isinstance(position, int) or not 0 <= position < len(self._values):
            raise IndexError(f"no choice at item {index}")
        return self._values[position]

    def current(self) -> T:
        """The chosen value (the combo must have a current item)."""
        return self.value_at(self.combo.currentIndex())

    def index_of(self, value: object) -> int:
        """The item holding value (compared by ==), or -1."""
        for index in range(self.combo.count()):
            if self.value_at(index) == value:
                return index
        return -1

    def select(self, value: object) -> bool:
        """Make value the current item; False (and nothing changed) when no item holds it."""
        index = self.index_of(value)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        return index >= 0
