"""A month calendar that shows why a day counts: public holidays and make-up workdays marked by
colour, with the festival's name or 调休上班日 as the day's tooltip. Used as the popup of every
date field and in the holiday editor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QWidget

from desktop.domain.workcalendar import WorkCalendar

HOLIDAY = QColor("#fde2e2")
HOLIDAY_TEXT = QColor("#b22222")
WORKDAY = QColor("#dbe9fb")
WORKDAY_TEXT = QColor("#1f4e8c")


class WorkCalendarWidget(QCalendarWidget):
    """`calendar` is asked each time a month is shown, so a changed calendar shows at once."""

    def __init__(
        self, calendar: Callable[[], WorkCalendar], lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._calendar = calendar
        self._lang = lang
        self._marked: list[QDate] = []
        self.setGridVisible(True)
        self.setLocale(
            QLocale(QLocale.Language.Chinese if lang == "zh" else QLocale.Language.English)
        )
        self.setFirstDayOfWeek(self.locale().firstDayOfWeek())
        self.currentPageChanged.connect(self._on_page_changed)
        self.mark_page()

    def _on_page_changed(self, year: int, month: int) -> None:
        self.mark_page()

    def mark_page(self) -> None:
        """Colour the days of the shown month and its neighbours (the grid shows parts of them)."""
        plain = QTextCharFormat()
        for d in self._marked:
            self.setDateTextFormat(d, plain)
        self._marked = []
        calendar = self._calendar()
        first = date(self.yearShown(), self.monthShown(), 1) - timedelta(days=14)
        for i in range(31 + 28):
            day = first + timedelta(days=i)
            fmt = day_format(calendar, day, self._lang)
            if fmt is not None:
                q = QDate(day.year, day.month, day.day)
                self.setDateTextFormat(q, fmt)
                self._marked.append(q)


def day_format(calendar: WorkCalendar, day: date, lang: str) -> QTextCharFormat | None:
    """How a day is marked: a holiday on a weekday or a named festival day, or a weekend worked."""
    if not 2000 <= day.year <= 2100:
        return None
    fmt = QTextCharFormat()
    if calendar.is_makeup_workday(day):
        fmt.setBackground(QBrush(WORKDAY))
        fmt.setForeground(QBrush(WORKDAY_TEXT))
        fmt.setToolTip(QCoreApplication.translate("WorkCalendarWidget", "Make-up workday"))
        return fmt
    name = calendar.holiday_name(day, lang)
    off_weekday = day.weekday() < 5 and not calendar.is_workday(day)
    if name or off_weekday:
        fmt.setBackground(QBrush(HOLIDAY))
        fmt.setForeground(QBrush(HOLIDAY_TEXT))
        fmt.setToolTip(name or QCoreApplication.translate("WorkCalendarWidget", "Public holiday"))
        return fmt
    return None


def use_work_calendar_popup(
    edit: QDateEdit, calendar: Callable[[], WorkCalendar], lang: str
) -> WorkCalendarWidget:
    """Give a date field the marked calendar as its popup."""
    edit.setCalendarPopup(True)
    widget = WorkCalendarWidget(calendar, lang, edit)
    edit.setCalendarWidget(widget)
    return widget
