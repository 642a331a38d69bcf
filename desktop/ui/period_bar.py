"""The person and period selectors every page follows."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from desktop.domain.periods import Period, PeriodKind
from desktop.ui.choices import Choices, fixed_width
from desktop.ui.session import Session


class PeriodBar(QWidget):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.person = QComboBox()
        fixed_width(self.person, 14)
        self.persons: Choices[int | None] = Choices(self.person)
        self.kind = QComboBox()
        self.kinds = Choices(
            self.kind,
            (
                (self.tr("Month"), PeriodKind.MONTH),
                (self.tr("Quarter"), PeriodKind.QUARTER),
                (self.tr("Year"), PeriodKind.YEAR),
            ),
        )
        self.year = QSpinBox()
        self.year.setRange(2000, session.today.year + 1)
        self.part = QComboBox()
        self.previous = QPushButton("◀")
        self.next = QPushButton("▶")
        for button, tip in (
            (self.previous, self.tr("Previous period")),
            (self.next, self.tr("Next period")),
        ):
            button.setFixedWidth(32)
            button.setToolTip(tip)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Person")))
        layout.addWidget(self.person)
        layout.addSpacing(16)
        layout.addWidget(QLabel(self.tr("Period")))
        for w in (self.previous, self.kind, self.year, self.part, self.next):
            layout.addWidget(w)
        layout.addStretch(1)
        self._show_period(session.period)
        self.reload_persons()
        self.person.currentIndexChanged.connect(self._on_person_changed)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.year.valueChanged.connect(self._on_period_edited)
        self.part.currentIndexChanged.connect(self._on_period_edited)
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(1))
        # a period chosen elsewhere (a message's 显示…, the board's jump) shows here too
        session.period_changed.connect(lambda: self._show_period(session.period))

    def reload_persons(self) -> None:
        self.person.blockSignals(True)
        self.persons.clear()
        self.persons.add(self.tr("All persons"), None)
        self.persons.extend(
            (f"{p.name}（{p.title}）" if p.title else p.name, p.id)
            for p in self.session.ledger.persons()
        )
        if not self.persons.select(self.session.person_id):
            self.person.setCurrentIndex(0)
        self.person.blockSignals(False)

    def _fill_parts(self, kind: PeriodKind) -> None:
        self.part.blockSignals(True)
        self.part.clear()
        if kind is PeriodKind.MONTH:
            english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
            for m in range(1, 13):
                if self.session.lang == "en":  # "December", not "Month 12"
                    self.part.addItem(english.standaloneMonthName(m))
                else:
                    self.part.addItem(self.tr("Month %1").replace("%1", str(m)))
        elif kind is PeriodKind.QUARTER:
            for q in range(1, 5):
                self.part.addItem(self.tr("Q%1").replace("%1", str(q)))
        self.part.setVisible(kind is not PeriodKind.YEAR)
        self.part.blockSignals(False)

    def _show_period(self, period: Period) -> None:
        kind = period.kind if period.kind is not PeriodKind.RANGE else PeriodKind.MONTH
        for w in (self.kind, self.year, self.part):
            w.blockSignals(True)
        self.kinds.select(kind)
        self._fill_parts(kind)
        self.year.setValue(period.start.year)
        if kind is PeriodKind.MONTH:
            self.part.setCurrentIndex(period.start.month - 1)
        elif kind is PeriodKind.QUARTER:
            self.part.setCurrentIndex((period.start.month - 1) // 3)
        for w in (self.kind, self.year, self.part):
            w.blockSignals(False)

    def current_period(self) -> Period:
        kind = self.kinds.current()
        year = self.year.value()
        if kind is PeriodKind.MONTH:
            return Period.month(year, self.part.currentIndex() + 1)
        if kind is PeriodKind.QUARTER:
            return Period.quarter(year, self.part.currentIndex() + 1)
        return Period.year(year)

    def _step(self, direction: int) -> None:
        p = self.session.period
        if p.kind is PeriodKind.YEAR:
            new = Period.year(p.start.year + direction)
        elif p.kind is PeriodKind.QUARTER:
            index = p.start.year * 4 + (p.start.month - 1) // 3 + direction
            new = Period.quarter(index // 4, index % 4 + 1)
        else:
            index = p.start.year * 12 + p.start.month - 1 + direction
            new = Period.month(index // 12, index % 12 + 1)
        if 2000 <= new.start.year <= self.year.maximum():
            self.session.set_period(new)  # the bar shows it on period_changed

    def _on_person_changed(self) -> None:
        self.session.set_person(self.persons.current())

    def _on_kind_changed(self) -> None:
        """The new kind's period that holds the first day shown so far: 季度 chosen in
        September is the third quarter."""
        kind, start = self.kinds.current(), self.session.period.start
        if kind is PeriodKind.MONTH:
            period = Period.month(start.year, start.month)
        elif kind is PeriodKind.QUARTER:
            period = Period.quarter(start.year, (start.month - 1) // 3 + 1)
        else:
            period = Period.year(start.year)
        self._show_period(period)
        self._on_period_edited()

    def _on_period_edited(self) -> None:
        self.session.set_period(self.current_period())
