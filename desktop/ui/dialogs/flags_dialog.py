"""待核对: what taken-in reports brought that the office decides on before it counts — another
unit's differing project details, amounts over 100 亿元 (domain/intake_flags.py). The office
accepts the file's value or keeps its own; each decision is one undoable step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import LedgerError
from desktop.domain.intake_flags import FlagState, IntakeFlag, label
from desktop.ui.rows_model import RowsTableModel
from desktop.ui.screen_fit import keep_on_screen


class FlagsDialog(QDialog):
    """`flags(all)` lists the values (all: decided ones too); `decide(flag, accept)` applies a
    decision through the undo stack or raises LedgerError."""

    def __init__(
        self,
        parent: QWidget | None,
        flags: Callable[[bool], list[IntakeFlag]],
        decide: Callable[[IntakeFlag, bool], IntakeFlag],
        lang: str = "zh",
    ) -> None:
        super().__init__(parent)
        self._flags_of = flags
        self._decide = decide
        self._lang = lang
        self._items: list[IntakeFlag] = []
        self.setWindowTitle(self.tr("Values to check"))
        self.resize(900, 420)
        self.model = RowsTableModel(
            [
                self.tr("Project"),
                self.tr("What"),
                self.tr("Why"),
                self.tr("This ledger"),
                self.tr("The file"),
                self.tr("Unit"),
                self.tr("Sent by"),
                self.tr("State"),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.show_decided = QCheckBox(self.tr("Show decided ones too"))
        self.show_decided.toggled.connect(self.reload)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.accept_button = buttons.addButton(
            self.tr("Take the file's value"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.keep_button = buttons.addButton(
            self.tr("Keep this ledger's value"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.accept_button.clicked.connect(lambda: self.decide_selected(True))
        self.keep_button.clicked.connect(lambda: self.decide_selected(False))
        buttons.rejected.connect(self.reject)
        intro = QLabel(
            self.tr(
                "A unit's report does not overwrite a project another unit keeps, and an"
                " amount over 10 billion yuan does not count until it is checked. Decide"
                " each value here; Ctrl+Z in the main window takes a decision back."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.show_decided)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reload()
        keep_on_screen(self)

    def reload(self) -> None:
        self._items = self._flags_of(self.show_decided.isChecked())
        lang = self._lang
        self.model.set_rows(
            [
                [
                    f.project,
                    label(f.what, lang),
                    label(f.kind, lang),
                    f.ours or "—",
                    f.theirs,
                    f.unit,
                    f.person,
                    label(f.state, lang),
                ]
                for f in self._items
            ],
            [f.id for f in self._items],
        )
        self.table.resizeColumnsToContents()
        if self._items:
            self.table.selectRow(0)

    def decide_selected(self, accept: bool) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._say(
                self.tr("Nothing waits to be checked.")
                if not self._items
                else self.tr("Select a value in the list first."),
                problem=True,
            )
            return
        held = self._items[rows[0].row()]
        if held.state is not FlagState.OPEN:
            self._say(self.tr("This value was decided already."), problem=True)
            return
        try:
            done = self._decide(held, accept)
        except LedgerError as exc:
            self._say(exc.message(self._lang), problem=True)
            return
        what = label(done.what, self._lang)
        if accept:
            text = self.tr("%1: %2 is now %3 (from the file).")
        else:
            text = self.tr("%1: %2 stays %3.")
        value = done.theirs if accept else done.ours or "—"
        self._say(text.replace("%1", done.project).replace("%2", what).replace("%3", value))
        self.reload()

    def _say(self, text: str, problem: bool = False) -> None:
        self.message.setStyleSheet("color: #c0392b;" if problem else "")
        self.message.setText(text)
