"""设置 › 节假日安排: the years and where their working days come from, and for one year the State
Council's notice entered on a calendar — days off with the festival's name, make-up workdays,
the notice's number and date. The dialog returns the arrangement; the page saves it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import LedgerError, ValidationError
from desktop.domain.holidays import PackageHolidays, YearArrangement, YearSource, arrangement
from desktop.domain.workcalendar import WorkCalendar
from desktop.ui.work_calendar_popup import WorkCalendarWidget

Save = Callable[[YearArrangement], object]
Remove = Callable[[int], object]


class HolidayDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        calendar: Callable[[], WorkCalendar],
        save: Save,
        remove: Remove,
        today: date,
        lang: str = "zh",
    ) -> None:
        super().__init__(parent)
        self._calendar = calendar
        self._save = save
        self._remove = remove
        self._lang = lang
        self._holidays: dict[date, str] = {}
        self._workdays: set[date] = set()
        self.setWindowTitle(self.tr("Public holidays"))
        self._today = today
        self.years = QListWidget()
        self.years.setMaximumHeight(110)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year + 1)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.notice = QLineEdit()
        self.notice.setPlaceholderText(self.tr("e.g. 国办发明电〔2026〕X号"))
        self.notice_date = QLineEdit()
        self.notice_date.setPlaceholderText("2026-11-25")
        self.grid = WorkCalendarWidget(self._draft_calendar, lang)
        self.chosen = QLabel()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 春节"))
        self.span = QSpinBox()
        self.span.setRange(1, 15)
        self.span.setSuffix(self.tr(" days"))
        self.as_holiday = QPushButton(self.tr("Mark as day off"))
        self.as_workday = QPushButton(self.tr("Mark as make-up workday"))
        self.as_plain = QPushButton(self.tr("Mark as ordinary day"))
        self.days = QListWidget()
        for widget, name in (
            (self.notice, "notice"),
            (self.notice_date, "notice_date"),
            (self.name, "holiday_name"),
            (self.span, "span"),
            (self.source, "source"),
        ):
            widget.setObjectName(name)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.forget = QPushButton(self.tr("Remove what was entered for this year"))

        head = QFormLayout()
        head.addRow(self.tr("Year"), self.year)
        head.addRow(self.tr("Source"), self.source)
        head.addRow(self.tr("Notice number"), self.notice)
        head.addRow(self.tr("Notice date"), self.notice_date)
        day_form = QGridLayout()
        day_form.addWidget(QLabel(self.tr("Chosen day")), 0, 0)
        day_form.addWidget(self.chosen, 0, 1, 1, 2)
        day_form.addWidget(QLabel(self.tr("Holiday name")), 1, 0)
        day_form.addWidget(self.name, 1, 1)
        day_form.addWidget(self.span, 1, 2)
        marks = QHBoxLayout()
        for b in (self.as_holiday, self.as_workday, self.as_plain):
            marks.addWidget(b)
        right = QVBoxLayout()
        right.addLayout(day_form)
        right.addLayout(marks)
        right.addWidget(QLabel(self.tr("Days of this year's arrangement")))
        right.addWidget(self.days, 1)
        legend = QLabel(self.tr("Red: days off (法定节假日) · Blue: make-up workdays (调休上班日)"))
        legend.setStyleSheet("color: #555;")
        left = QVBoxLayout()
        left.addWidget(self.grid, 1)
        left.addWidget(legend)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.addButton(self.forget, QDialogButtonBox.ButtonRole.ResetRole)
        top = QHBoxLayout()
        top.addWidget(self.years, 1)
        top.addLayout(head, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.year.valueChanged.connect(self._on_year_changed)
        self.years.currentRowChanged.connect(self._on_listed_year_chosen)
        self.grid.selectionChanged.connect(self._on_day_chosen)
        self.as_holiday.clicked.connect(self._on_holiday_clicked)
        self.as_workday.clicked.connect(self._on_workday_clicked)
        self.as_plain.clicked.connect(self._on_plain_clicked)
        self.days.currentRowChanged.connect(self._on_listed_day_chosen)
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        self.forget.clicked.connect(self._on_forget_clicked)
        save_keys = QShortcut(QKeySequence("Ctrl+Return"), self)
        save_keys.activated.connect(self._on_save_clicked)
        self._on_year_changed(self.year.value())

    # ---- the draft

    def _draft(self) -> YearArrangement:
        """What the dialog shows, not yet validated (for the calendar's colours)."""
        return YearArrangement(self.year.value(), dict(self._holidays), frozenset(self._workdays))

    def _draft_calendar(self) -> WorkCalendar:
        year = self.year.value()
        return WorkCalendar(package=PackageHolidays(hidden=frozenset({year}))).with_entered(
            {year: self._draft()}
        )

    def arrangement(self) -> YearArrangement:
        """The arrangement as entered, validated: refuses with the field named."""
        return arrangement(
            self.year.value(),
            sorted(self._holidays.items()),
            sorted(self._workdays),
            self.notice.text(),
            self.notice_date.text().strip() or None,
        )

    def _load_year(self, year: int) -> None:
        calendar = self._calendar()
        held = calendar.arrangement(year)
        self._holidays, self._workdays = {}, set()
        self.notice.setText(held.notice if held else "")
        when = held.notice_date if held else None
        self.notice_date.setText(when.isoformat() if when else "")
        if held is not None:
            self._holidays = dict(held.holidays)
            self._workdays = set(held.workdays)
        elif calendar.source(year) is YearSource.PACKAGE:
            # start from what the package says, so a correction is a few clicks
            d = date(year, 1, 1)
            while d.year == year:
                name = calendar.holiday_name(d, self._lang)
                if name:
                    self._holidays[d] = name
                elif calendar.is_makeup_workday(d):
                    self._workdays.add(d)
                d += timedelta(days=1)
        self.source.setText(self._source_text(year))
        self.forget.setEnabled(calendar.source(year) is YearSource.ENTERED)

    def _source_text(self, year: int) -> str:
        calendar = self._calendar()
        held = calendar.arrangement(year)
        if held is not None and held.received_from:
            return self.tr("Sent by %1").replace("%1", held.received_from)
        texts = {
            YearSource.ENTERED: self.tr("Entered in this program"),
            YearSource.FILE: self.tr("Holiday arrangement file"),
            YearSource.PACKAGE: self.tr("chinesecalendar data"),
            YearSource.FALLBACK: self.tr("Not known: counted as Monday to Friday"),
        }
        return texts[calendar.source(year)]

    def _show_years(self) -> None:
        calendar = self._calendar()
        shown = {*range(self._today.year - 1, self._today.year + 2), self.year.value()}
        shown |= {*calendar.entered, *calendar.overrides}
        self.years.blockSignals(True)
        self.years.clear()
        for y in sorted(shown):
            item = QListWidgetItem(f"{y}    {self._source_text(y)}")
            item.setData(Qt.ItemDataRole.UserRole, y)
            self.years.addItem(item)
            if y == self.year.value():
                self.years.setCurrentItem(item)
        self.years.blockSignals(False)

    def _show_days(self) -> None:
        self.days.clear()
        rows = [(d, n) for d, n in self._holidays.items()]
        rows += [(d, self.tr("Make-up workday")) for d in self._workdays]
        for d, text in sorted(rows):
            item = QListWidgetItem(f"{d.isoformat()}  {text}")
            item.setData(Qt.ItemDataRole.UserRole, d.isoformat())
            self.days.addItem(item)
        self.grid.mark_page()

    def _selected_day(self) -> date:
        q = self.grid.selectedDate()
        return date(q.year(), q.month(), q.day())

    def _refuse(self, error: LedgerError) -> None:
        self.error.setText(error.message(self._lang))
        self.error.show()

    # ---- slots

    def _on_listed_year_chosen(self, row: int) -> None:
        item = self.years.item(row)
        if item is not None:
            self.year.setValue(int(item.data(Qt.ItemDataRole.UserRole)))

    def _on_year_changed(self, year: int) -> None:
        self.error.hide()
        self._load_year(year)
        self._show_years()
        self.grid.setSelectedDate(QDate(year, 1, 1))
        self.grid.setCurrentPage(year, 1)
        self._show_days()
        self._on_day_chosen()

    def _on_day_chosen(self) -> None:
        day = self._selected_day()
        self.chosen.setText(day.isoformat())
        self.name.setText(self._holidays.get(day, self.name.text()))

    def _on_listed_day_chosen(self, row: int) -> None:
        item = self.days.item(row)
        if item is None:
            return
        d = date.fromisoformat(str(item.data(Qt.ItemDataRole.UserRole)))
        self.grid.setSelectedDate(QDate(d.year, d.month, d.day))

    def _on_holiday_clicked(self) -> None:
        day = self._selected_day()
        name = " ".join(self.name.text().split())
        if not name:
            self._refuse(ValidationError("holiday_name", "holiday_name_missing", value=day))
            self.name.setFocus()
            return
        self.error.hide()
        for i in range(self.span.value()):
            d = day + timedelta(days=i)
            if d.year != day.year:
                break
            self._workdays.discard(d)
            self._holidays[d] = name
        self._show_days()

    def _on_workday_clicked(self) -> None:
        day = self._selected_day()
        self.error.hide()
        self._holidays.pop(day, None)
        self._workdays.add(day)
        self._show_days()

    def _on_plain_clicked(self) -> None:
        day = self._selected_day()
        self.error.hide()
        self._holidays.pop(day, None)
        self._workdays.discard(day)
        self._show_days()

    def _on_save_clicked(self) -> None:
        try:
            self._save(self.arrangement())
        except LedgerError as exc:
            self._refuse(exc)
            return
        self.accept()

    def _on_forget_clicked(self) -> None:
        try:
            self._remove(self.year.value())
        except LedgerError as exc:
            self._refuse(exc)
            return
        self._on_year_changed(self.year.value())
