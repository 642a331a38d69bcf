"""A project: its details, the dated stage history, funds arrived, and where it was mentioned."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ConfirmationRequired, LedgerError
from desktop.domain.people import Person
from desktop.domain.projects import (
    Currency,
    Funding,
    FundKind,
    InvestorOrigin,
    Project,
    ProjectKind,
    Stage,
    StageChange,
    parse_amount,
)
from desktop.ui.choices import Choices
from desktop.ui.date_field import DateField, OptionalDateField, under_field
from desktop.ui.dialog_keys import save_on_ctrl_enter
from desktop.ui.screen_fit import keep_on_screen, scrolling


def _error_line() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #c0392b;")
    label.setWordWrap(True)
    label.hide()
    return label


class ProjectDialog(QDialog):
    """save(project, confirmed) writes the details; add_stage/add_funds write at once (undoable)."""

    def __init__(
        self,
        parent: QWidget | None,
        persons: list[Person],
        save: Callable[[Project, bool], object],
        add_stage: Callable[[StageChange, bool], object],
        add_funds: Callable[[Funding, bool], object],
        project: Project | None = None,
        mentions: list[str] | None = None,
        today: date | None = None,
        lang: str = "zh",
        units: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._save, self._add_stage, self._add_funds = save, add_stage, add_funds
        self._origin_names = {
            InvestorOrigin.CITY: self.tr("Within the city"),
            InvestorOrigin.PROVINCE: self.tr("Elsewhere in the province"),
            InvestorOrigin.COUNTRY: self.tr("Elsewhere in China"),
            InvestorOrigin.ABROAD: self.tr("Abroad"),
        }
        self._fund_kind_names = {
            FundKind.FIXED_ASSETS: self.tr("Fixed assets"),
            FundKind.WORKING_CAPITAL: self.tr("Working capital"),
        }
        self._lang = lang
        self._project = project
        today = today or date.today()
        self.setWindowTitle(self.tr("Edit project") if project else self.tr("New project"))
        self.setMinimumWidth(720)
        self.name = QLineEdit()
        self.investor = QLineEdit()
        self.chain = QLineEdit()
        self.amount = QLineEdit()
        self.currency = QComboBox()
        self.currencies = Choices(
            self.currency, ((self.tr("10k CNY"), Currency.CNY), (self.tr("10k USD"), Currency.USD))
        )
        self.leader = QComboBox()
        self.leaders: Choices[int | None] = Choices(self.leader, [("", None)])
        self.leaders.extend((p.name, p.id) for p in persons)
        self.park = QLineEdit()
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount)
        amount_row.addWidget(self.currency)
        form = QFormLayout()
        form.addRow(self.tr("Project name"), self.name)
        form.addRow(self.tr("Investor"), self.investor)
        form.addRow(self.tr("Industry chain"), self.chain)
        form.addRow(self.tr("Contracted amount"), amount_row)
        form.addRow(self.tr("Responsible leader"), self.leader)
        form.addRow(self.tr("Park"), self.park)
        assessment = self._assessment_fields(persons, units, lang, today)
        # the details 考核 counts by on a tab of their own: the dialog fits a small screen
        self.tabs = QTabWidget()
        details = QWidget()
        details.setLayout(form)
        self.tabs.addTab(details, self.tr("Project"))
        self.tabs.addTab(assessment, self.tr("Assessment details"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)  # under the details it is about
        self.stage_error, self.funds_error = _error_line(), _error_line()

        self.history = QListWidget()
        self.funds = QListWidget()
        self.stage = QComboBox()
        self.stages = Choices(self.stage, ((s.text(lang), s) for s in Stage))
        self.stage_date = DateField("date", lang, today=lambda: today)
        self.stage_date.set_day(today)
        self.stage_amount = QLineEdit()
        self.stage_amount.setPlaceholderText(
            self.tr("amount signed (for a capital increase: the increment)")
        )
        self.stage_note = QLineEdit()
        self.stage_note.setPlaceholderText(self.tr("note"))
        add_stage_button = QPushButton(self.tr("Add stage change"))
        self.funds_date = DateField("date", lang, today=lambda: today)
        self.funds_date.set_day(today)
        self.funds_amount = QLineEdit()
        self.funds_amount.setPlaceholderText(self.tr("amount arrived"))
        self.funds_note = QLineEdit()
        self.funds_note.setPlaceholderText(self.tr("note"))
        self.funds_origin = QComboBox()
        self.funds_origins: Choices[InvestorOrigin | None] = Choices(
            self.funds_origin, [(self.tr("(not given)"), None)]
        )
        self.funds_origins.extend((self._origin_names[o], o) for o in InvestorOrigin)
        self.funds_origin.setToolTip(self.tr("Not given: the investor's origin counts"))
        self.funds_kind = QComboBox()
        self.funds_kinds: Choices[FundKind | None] = Choices(
            self.funds_kind, [(self.tr("(not given)"), None)]
        )
        self.funds_kinds.extend((self._fund_kind_names[k], k) for k in FundKind)
        add_funds_button = QPushButton(self.tr("Add funds"))
        history_box = QGroupBox(self.tr("Stage history"))
        hb = QVBoxLayout(history_box)
        hb.addWidget(self.history)
        row = QHBoxLayout()
        for w in (
            under_field(self.stage_date),
            self.stage,
            self.stage_amount,
            self.stage_note,
            add_stage_button,
        ):
            row.addWidget(w, 0, Qt.AlignmentFlag.AlignTop)
        hb.addLayout(row)
        hb.addWidget(self.stage_error)
        funds_box = QGroupBox(self.tr("Funds arrived"))
        fb = QVBoxLayout(funds_box)
        fb.addWidget(self.funds)
        row = QHBoxLayout()
        for w in (under_field(self.funds_date), self.funds_amount, self.funds_note):
            row.addWidget(w, 0, Qt.AlignmentFlag.AlignTop)
        fb.addLayout(row)
        # where the money came from and its kind on a line of their own: one line for all
        # would not fit the dialog on a small screen
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Funds from")))
        row.addWidget(self.funds_origin)
        row.addWidget(QLabel(self.tr("Kind of funds")))
        row.addWidget(self.funds_kind)
        row.addStretch(1)
        row.addWidget(add_funds_button)
        fb.addLayout(row)
        fb.addWidget(self.funds_error)
        mentions_box = QGroupBox(self.tr("Entries and trips that mention it"))
        mb = QVBoxLayout(mentions_box)
        self.mentions = QListWidget()
        self.mentions.addItems(mentions or [])
        mb.addWidget(self.mentions)
        for box in (history_box, funds_box, mentions_box):
            box.setEnabled(project is not None)
            layout.addWidget(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        save_on_ctrl_enter(self, buttons.button(QDialogButtonBox.StandardButton.Save))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(body), 1)
        outer.addWidget(buttons)
        keep_on_screen(self)
        add_stage_button.clicked.connect(self._on_add_stage_clicked)
        add_funds_button.clicked.connect(self._on_add_funds_clicked)
        if project is not None:
            self.show_project(project)

    def _assessment_fields(
        self, persons: list[Person], units: list[str] | None, lang: str, today: date
    ) -> QWidget:
        """What the 考核 rules count a project by: its class, whom it is credited to, the days it
        was registered and started, and why it is not credited (all optional)."""
        self.kind = QComboBox()
        self.kinds: Choices[ProjectKind | None] = Choices(
            self.kind, [(self.tr("(not given)"), None)]
        )
        kind_names = {
            ProjectKind.INDUSTRY: self.tr("Industry"),
            ProjectKind.SERVICES: self.tr("Services"),
            ProjectKind.AGRICULTURE: self.tr("Agriculture"),
            ProjectKind.REAL_ESTATE: self.tr("Real estate"),
            ProjectKind.OTHER: self.tr("Other"),
        }
        self.kinds.extend((kind_names[k], k) for k in ProjectKind)
        self.origin = QComboBox()
        self.origins: Choices[InvestorOrigin | None] = Choices(
            self.origin, [(self.tr("(not given)"), None)]
        )
        self.origins.extend((self._origin_names[o], o) for o in InvestorOrigin)
        self.credit_unit = QComboBox()
        self.credit_unit.setEditable(True)
        self.credit_unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.credit_unit.addItems(["", *(units or sorted({p.unit for p in persons if p.unit}))])
        typed = self.credit_unit.lineEdit()
        assert typed is not None  # an editable combo has its line edit
        typed.setPlaceholderText(self.tr("else the responsible leader's unit"))
        self.first_person = QComboBox()
        self.first_persons: Choices[int | None] = Choices(self.first_person, [("", None)])
        self.first_persons.extend((p.name, p.id) for p in persons)
        self.first_person.setToolTip(self.tr("Left empty: the responsible leader"))
        self.registered = OptionalDateField("registered", lang, today=lambda: today)
        self.works_started = OptionalDateField("works_started", lang, today=lambda: today)
        self.excluded = QLineEdit()
        self.excluded.setPlaceholderText(
            self.tr("e.g. funded by the government; phase two of an earlier contract")
        )
        form = QFormLayout()
        form.addRow(self.tr("Project type"), self.kind)
        form.addRow(self.tr("Investor from"), self.origin)
        form.addRow(self.tr("Credited unit"), self.credit_unit)
        form.addRow(self.tr("First promoter"), self.first_person)
        form.addRow(self.tr("Registered on"), under_field(self.registered))
        form.addRow(self.tr("Main works started on"), under_field(self.works_started))
        form.addRow(self.tr("Not credited because"), self.excluded)
        tab = QWidget()
        tab.setLayout(form)
        return tab

    def show_project(self, p: Project) -> None:
        self._project = p
        self.name.setText(p.name)
        self.investor.setText(p.investor)
        self.chain.setText(p.chain)
        self.amount.setText("" if p.amount is None else f"{p.amount:f}")
        self.currencies.select(p.currency)
        if not self.leaders.select(p.leader_id):
            self.leader.setCurrentIndex(0)
        self.park.setText(p.park)
        self.kinds.select(p.kind)
        self.origins.select(p.origin)
        self.credit_unit.setCurrentText(p.credit_unit)
        if not self.first_persons.select(p.first_person_id):
            self.first_person.setCurrentIndex(0)
        self.registered.set_day(p.registered)
        self.works_started.set_day(p.works_started)
        self.excluded.setText(p.excluded)
        self.history.clear()
        for c in p.history:
            amount = "" if c.amount is None else f"  {c.amount:f}"
            self.history.addItem(
                f"{c.day.isoformat()}  {c.stage.text(self._lang)}{amount}  {c.note}"
            )
        self.funds.clear()
        for f in p.funds:
            self.funds.addItem(self._funding_line(f, p.currency))

    def _funding_line(self, f: Funding, currency: Currency) -> str:
        """2026-03-01  到位 8000 万元  国内省外  固定资产  首期: what the list shows of one."""
        unit = self.tr("10k USD") if currency is Currency.USD else self.tr("10k CNY")
        parts = [
            f.day.isoformat(),
            self.tr("arrived %1 (%2)").replace("%1", f"{f.amount:f}").replace("%2", unit),
            "" if f.origin is None else self._origin_names[f.origin],
            "" if f.kind is None else self._fund_kind_names[f.kind],
            f.note,
        ]
        return "  ".join(part for part in parts if part)

    def _amount(self, edit: QLineEdit, field: str) -> Decimal | None:
        text = edit.text().strip()
        return parse_amount(text, field) if text else None

    def project(self) -> Project:
        base = self._project or Project("")
        return Project(
            self.name.text(),
            self.investor.text(),
            self.chain.text(),
            self._amount(self.amount, "contracted_amount"),
            self.currencies.current(),
            self.leaders.current(),
            self.park.text(),
            base.id,
            base.history,
            base.funds,
            kind=self.kinds.current(),
            origin=self.origins.current(),
            credit_unit=self.credit_unit.currentText().strip(),
            first_person_id=self.first_persons.current(),
            registered=self.registered.typed_day(),
            works_started=self.works_started.typed_day(),
            excluded=self.excluded.text().strip(),
        )

    def _attempt(self, action: Callable[[bool], object], error: QLabel | None = None) -> bool:
        """Run a write; a very large amount asks for confirmation first. True when written.
        A refusal is shown in error, the line under the fields it is about."""
        error = error or self.error
        for label in (self.error, self.stage_error, self.funds_error):
            label.hide()
        try:
            try:
                action(False)
            except ConfirmationRequired as exc:
                answer = QMessageBox.question(
                    self, self.tr("Confirm amount"), exc.message(self._lang)
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return False
                action(True)
        except LedgerError as exc:
            error.setText(exc.message(self._lang))
            error.show()
            return False
        return True

    def _on_save_clicked(self) -> None:
        if self._attempt(lambda confirmed: self._save(self.project(), confirmed)):
            self.accept()

    def _on_add_stage_clicked(self) -> None:
        def add(confirmed: bool) -> object:
            change = StageChange(
                self.stage_date.typed_date(),
                self.stages.current(),
                self.stage_note.text().strip(),
                self._amount(self.stage_amount, "stage_amount"),
            )
            return self._add_stage(change, confirmed)

        if self._attempt(add, self.stage_error):
            self.stage_amount.clear()
            self.stage_note.clear()

    def _on_add_funds_clicked(self) -> None:
        def add(confirmed: bool) -> object:
            amount = self._amount(self.funds_amount, "funds_amount")
            if amount is None:
                amount = parse_amount(self.funds_amount.text(), "funds_amount")
            funding = Funding(
                self.funds_date.typed_date(),
                amount,
                self.funds_note.text().strip(),
                origin=self.funds_origins.current(),
                kind=self.funds_kinds.current(),
            )
            return self._add_funds(funding, confirmed)

        if self._attempt(add, self.funds_error):
            self.funds_amount.clear()
            self.funds_note.clear()
            self.funds_origin.setCurrentIndex(0)
            self.funds_kind.setCurrentIndex(0)
