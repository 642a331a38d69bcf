"""Every column of a checked ledger file: the field each one is read into, or a choice for the
columns no field reads (append to the note, be the note, or not imported)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from desktop.storage.import_results import ColumnUse
from desktop.ui.choices import Choices
from desktop.ui.dialogs.import_job import OPEN

# what became of a column no field reads, as a check reports it -> the choice it stands for
CHOSEN = {"append": "append", "note": "note", "ignored": "ignore", "empty": "ignore"}


class ImportColumnsWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(2, 1)
        self.combos: dict[str, QComboBox] = {}  # header name -> its choice
        self._choices: dict[str, Choices[str]] = {}
        self._kept: dict[str, str] = {}  # the user's choices, kept over the next check

    def field_text(self, use: str) -> str:
        texts = {
            "date": self.tr("date"),
            "person": self.tr("person"),
            "title": self.tr("title"),
            "unit": self.tr("unit"),
            "start": self.tr("start"),
            "end": self.tr("end"),
            "hours": self.tr("hours"),
            "activity": self.tr("activity"),
            "project": self.tr("project"),
            "location": self.tr("location"),
            "counterpart": self.tr("counterpart"),
            "note": self.tr("note"),
            "content": self.tr("note (the work done, first)"),
            "recorded_by": self.tr("recorded by"),
            "not_kept": self.tr("not imported (row numbers)"),
        }
        return texts.get(use, use)

    def show_columns(self, columns: Iterable[ColumnUse], with_text: Iterable[str] = ()) -> None:
        """List the columns; `with_text` names open columns that hold text (the domain then
        suggests appending them to the note, so nothing is lost; an empty one is left out)."""
        self.keep_choices()
        holding = set(with_text)
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self.combos.clear()
        self._choices.clear()
        for row, column in enumerate(columns):
            self.grid.addWidget(QLabel(column.letter), row, 0)
            self.grid.addWidget(QLabel(column.name or self.tr("(no header)")), row, 1)
            chosen = CHOSEN.get(column.use)
            if (chosen is None and column.use != OPEN) or not column.name:
                self.grid.addWidget(QLabel(self.field_text(column.use)), row, 2)
                continue
            combo = QComboBox()
            choices = Choices(
                combo,
                (
                    (self.tr("append to the note"), "append"),
                    (self.tr("as the note"), "note"),
                    (self.tr("do not import"), "ignore"),
                ),
            )
            suggested = chosen or ("append" if column.name in holding else "ignore")
            choices.select(self._kept.get(column.name, suggested))
            self.grid.addWidget(combo, row, 2)
            self.combos[column.name] = combo
            self._choices[column.name] = choices

    def keep_choices(self) -> None:
        self._kept.update({name: c.current() for name, c in self._choices.items()})

    def chosen(self) -> dict[str, str]:
        """Header name -> note / append / ignore, for ImportOptions.columns."""
        self.keep_choices()
        return dict(self._kept)
