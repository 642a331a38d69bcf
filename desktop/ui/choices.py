"""The values behind a combo box's items, handed back as the very objects that were put in.

Qt keeps item data as a QVariant: a StrEnum put in comes back as a plain str (PySide6), so
`combo.currentData() is Stage.SIGNED` is never true and `.value` fails. Every combo in the UI
therefore keeps its values here, on the Python side, and Qt holds only the items' texts: the
value of the item at position i is the i-th value. A list of thousands (every project) goes in
with one addItems call, ten times quicker than an addItem each.
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
        # the value is in place first, for the current-item signal the first item sends
        self._values.append(value)
        self.combo.addItem(text)

    def extend(self, items: Iterable[tuple[str, T]]) -> None:
        pairs = list(items)
        self._values.extend(value for _, value in pairs)
        self.combo.addItems([text for text, _ in pairs])

    def clear(self) -> None:
        self.combo.clear()
        self._values.clear()

    def value_at(self, index: int) -> T:
        if not 0 <= index < len(self._values) or self.combo.count() != len(self._values):
            raise IndexError(f"no choice at item {index}")
        return self._values[index]

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


def fixed_width(combo: QComboBox, characters: int) -> None:
    """The combo as wide as `characters` characters, not as its longest item: Qt measures every
    item of a combo sized to its contents when it is first shown, thousands for every project."""
    combo.setMinimumContentsLength(characters)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
