"""考核方案: the scheme held, its items with their parameters to edit (权重, 目标, 分值, 上限),
imported from or exported to its JSON file. The dialog returns the scheme as edited, checked by
the domain's own reading of a scheme file; the page saves it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.assessment_scheme import MEASURES, FormulaKind, Scheme, SchemeError
from desktop.storage.report_file import write_atomically
from desktop.ui.file_folders import Folders
from desktop.ui.screen_fit import keep_on_screen

Index = QModelIndex | QPersistentModelIndex

COL_ID, COL_NAME, COL_MEASURE, COL_KIND = 0, 1, 2, 3
COL_WEIGHT, COL_TARGET, COL_POINTS, COL_CAP, COL_TARGETS = 4, 5, 6, 7, 8
# the editable columns and the key each one is in the scheme file
PARAMETERS = {COL_WEIGHT: "weight", COL_TARGET: "target", COL_POINTS: "points", COL_CAP: "cap"}


class SchemeItemsTableModel(QAbstractTableModel):
    """The scheme's items, one a row; the parameters are kept as typed until the scheme is
    read again from them (Scheme.from_dict), so a bad number stays on screen to be corrected."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self._lang = lang
        self._items: list[dict[str, Any]] = []  # each item as in the scheme file
        self._typed: list[dict[str, str]] = []  # row -> parameter key -> the text in its cell
        self._headers = [
            self.tr("No."),
            self.tr("Item"),
            self.tr("Measure"),
            self.tr("Formula"),
            self.tr("Weight"),
            self.tr("Target"),
            self.tr("Points"),
            self.tr("Cap"),
            self.tr("Targets by unit"),
        ]
        self._kinds = {
            FormulaKind.RATIO.value: self.tr("Ratio"),
            FormulaKind.POINTS.value: self.tr("Points each"),
            FormulaKind.EFFICACY.value: self.tr("Efficacy coefficient"),
            FormulaKind.DEDUCTION.value: self.tr("Deduction"),
            FormulaKind.BONUS.value: self.tr("Bonus"),
        }

    def set_items(self, items: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._items = [dict(i) for i in items]
        self._typed = [
            {key: str(i.get(key, "")) for key in PARAMETERS.values() if i.get(key) is not None}
            for i in self._items
        ]
        self.endResetModel()

    def edited_items(self) -> list[dict[str, Any]]:
        """The items as the scheme file would hold them with what was typed: an emptied cell
        drops its parameter."""
        out = []
        for item, typed in zip(self._items, self._typed, strict=True):
            changed = {k: v for k, v in item.items() if k not in PARAMETERS.values()}
            for key in PARAMETERS.values():
                text = typed.get(key, "").strip()
                if text:
                    changed[key] = text
            out.append(changed)
        return out

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() in PARAMETERS else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in PARAMETERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col in PARAMETERS:
            return self.tr("Double-click or type to change; empty: not used")
        return None

    def _text(self, row: int, col: int) -> str:
        item = self._items[row]
        if col in PARAMETERS:
            return self._typed[row].get(PARAMETERS[col], "")
        if col == COL_ID:
            return str(item.get("id", ""))
        if col == COL_NAME:
            return str(item.get("name", ""))
        if col == COL_MEASURE:
            zh, en = MEASURES.get(str(item.get("measure", "")), (item.get("measure", ""),) * 2)
            return str(en if self._lang == "en" else zh)
        if col == COL_KIND:
            kind = str(item.get("kind", ""))
            return self._kinds.get(kind, kind)
        targets = item.get("targets") or {}
        return "、".join(f"{unit} {value}" for unit, value in dict(targets).items())

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in PARAMETERS:
            return False
        self._typed[index.row()][PARAMETERS[index.column()]] = str(value)
        self.dataChanged.emit(index, index)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class SchemeDialog(QDialog):
    """held: the scheme the ledger holds (None: none yet). After OK, scheme() is the one to
    save, read from what was imported and typed."""

    def __init__(
        self, parent: QWidget | None, held: Scheme | None, settings: QSettings, lang: str = "zh"
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._folders = Folders(settings)
        self._data: dict[str, Any] | None = None  # the scheme shown, as its file holds it
        self._chosen: Scheme | None = None
        self.setWindowTitle(self.tr("Assessment scheme"))
        self.setMinimumWidth(760)
        self.none_held = QLabel(
            self.tr(
                "No assessment scheme is held yet. Import the scheme's file (JSON, as the"
                " office publishes it) with “Import scheme…”."
            )
        )
        self.none_held.setWordWrap(True)
        self.name = QLabel()
        self.document = QLabel()
        self.period = QLabel()
        self.by = QLabel()
        for label in (self.name, self.document):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header = QWidget()
        form = QFormLayout(self.header)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Scheme"), self.name)
        form.addRow(self.tr("Document no."), self.document)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period)
        period_row.addSpacing(24)
        period_row.addWidget(QLabel(self.tr("Scored")))
        period_row.addWidget(self.by)
        period_row.addStretch(1)
        form.addRow(self.tr("Period"), period_row)
        self.model = SchemeItemsTableModel(lang)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.hint = QLabel(
            self.tr(
                "Weight, target, points and cap are numbers above 0; an empty cell leaves the"
                " parameter out. Changes are saved with OK and can be undone (Ctrl+Z)."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.error = QLabel()
        self.error.setObjectName("scheme_error")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        self.import_button = QPushButton(self.tr("Import scheme…"))
        self.export_button = QPushButton(self.tr("Export scheme…"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        files = QHBoxLayout()
        files.addWidget(self.import_button)
        files.addWidget(self.export_button)
        files.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.none_held)
        layout.addWidget(self.header)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addLayout(files)
        layout.addWidget(buttons)
        keep_on_screen(self)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self._show(None if held is None else held.to_dict())

    def scheme(self) -> Scheme | None:
        """The scheme OK took (None when nothing is held and none was imported)."""
        return self._chosen

    def _show(self, data: dict[str, Any] | None) -> None:
        self._data = data
        self.none_held.setVisible(data is None)
        self.header.setVisible(data is not None)
        self.table.setVisible(data is not None)
        self.hint.setVisible(data is not None)
        self.export_button.setEnabled(data is not None)
        self.error.hide()
        if data is None:
            self.model.set_items([])
            return
        periods = {
            "month": self.tr("month"),
            "quarter": self.tr("quarter"),
            "year": self.tr("year"),
        }
        bys = {"unit": self.tr("by unit"), "person": self.tr("by person")}
        self.name.setText(str(data.get("name", "")))
        self.document.setText(str(data.get("document", "")))
        self.period.setText(periods.get(str(data.get("period")), str(data.get("period"))))
        self.by.setText(bys.get(str(data.get("by")), str(data.get("by"))))
        self.model.set_items(list(data.get("items", [])))
        self.table.resizeColumnsToContents()
        for col in PARAMETERS:  # room to type a number of a few digits
            self.table.setColumnWidth(col, max(self.table.columnWidth(col), 64))

    def _edited(self) -> Scheme | None:
        """The scheme with what was typed, read as a scheme file is; SchemeError says which
        item is wrong. None when there is none to read."""
        if self._data is None:
            return None
        return Scheme.from_dict({**self._data, "items": self.model.edited_items()})

    def _refuse(self, error: SchemeError) -> None:
        self.error.setText(error.message(self._lang))
        self.error.show()

    def _on_ok_clicked(self) -> None:
        try:
            self._chosen = self._edited()
        except SchemeError as exc:
            self._refuse(exc)  # the dialog stays, with what was typed
            return
        self.accept()

    def _on_import_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import an assessment scheme"),
            self._folders.start("schemes"),
            self.tr("Assessment schemes (*.json)"),
        )
        if not name:
            return
        self._folders.remember("schemes", name)
        try:
            raw = json.loads(Path(name).read_text(encoding="utf-8-sig"))
            data = Scheme.from_dict(raw).to_dict()
        except SchemeError as exc:
            QMessageBox.warning(self, self.tr("Not imported"), exc.message(self._lang))
            return
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            text = self.tr("%1 is not an assessment scheme file: %2")
            QMessageBox.warning(
                self,
                self.tr("Not imported"),
                text.replace("%1", Path(name).name).replace("%2", str(exc)),
            )
            return
        self._show(data)

    def _on_export_clicked(self) -> None:
        try:
            scheme = self._edited()
        except SchemeError as exc:
            self._refuse(exc)
            return
        if scheme is None:
            return
        suggested = (scheme.document or scheme.name or self.tr("scheme")) + ".json"
        for bad in '\\/:*?"<>|':
            suggested = suggested.replace(bad, "-")
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the assessment scheme"),
            self._folders.start("schemes", suggested),
            self.tr("Assessment schemes (*.json)"),
        )
        if not name:
            return
        self._folders.remember("schemes", name)
        path = Path(name) if name.lower().endswith(".json") else Path(name + ".json")
        text = json.dumps(scheme.to_dict(), ensure_ascii=False, indent=2) + "\n"
        try:
            write_atomically(path, text.encode("utf-8"))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not written"), str(exc))
            return
        self.error.hide()
        self.status.setText(self.tr("Exported to %1.").replace("%1", str(path)))
        self.status.show()
