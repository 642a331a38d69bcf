"""设置 › 节假日安排: a secretary enters next year's State Council notice on the calendar; a unit
takes in the office's calendar file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
)

from desktop.domain.entries import DayPart, Entry
from desktop.domain.holidays import YearSource, arrangement
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session
from desktop.ui.work_calendar_popup import WorkCalendarWidget
from tests.calendar_data import (
    HOLIDAYS_2027,
    NOTICE,
    NOTICE_DATE,
    WORKDAYS_2027,
    independent_counts,
)
from tests.conftest import calendar_not_knowing, snapshot
from tests.storage.units import introduce
from tests.ui.scenarios.drive import (
    CTRL,
    choose,
    click,
    feedback,
    find,
    in_dialog,
    key,
    press,
    press_and_wait,
    shortcut,
    type_into,
)


def _runs(holidays: list[tuple[str, str]]) -> list[tuple[date, int, str]]:
    """The notice's holidays as runs of consecutive days with one name."""
    runs: list[tuple[date, int, str]] = []
    for day, name in holidays:
        d = date.fromisoformat(day)
        if runs and runs[-1][2] == name and (d - runs[-1][0]).days == runs[-1][1]:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1, name)
        else:
            runs.append((d, 1, name))
    return runs


class CalendarKeys:
    """Moves the calendar's selection day by day with the arrow keys, as a person would."""

    def __init__(self, dialog: QDialog) -> None:
        self.grid = find(dialog, QCalendarWidget)
        self.view = self.grid.findChild(QTableView)
        assert self.view is not None
        click(self.view)
        self.at = date(self.grid.yearShown(), 1, 1)
        key(self.view, Qt.Key.Key_Home)  # the first day of the month shown

    def go(self, day: date) -> None:
        while self.at != day:
            step = 1 if self.at < day else -1
            key(self.view, Qt.Key.Key_Right if step > 0 else Qt.Key.Key_Left)
            self.at = date.fromordinal(self.at.toordinal() + step)
        q = self.grid.selectedDate()
        assert date(q.year(), q.month(), q.day()) == day


def _open(window: MainWindow, qtbot, handle: Callable[[QDialog], None]) -> None:
    shortcut(window, Qt.Key.Key_8, CTRL)  # 设置
    in_dialog(qtbot, lambda: press(window, "节假日安排…"), handle)


def test_entering_the_notice_counts_as_the_notice_says_and_undo_takes_it_back(
    qtbot, start, ledger: Ledger, session: Session
) -> None:
    ledger.calendar = calendar_not_knowing(2027)
    before = snapshot(ledger)
    session.set_period(Period.month(2027, 2))  # the month the window opens on
    window = start()
    assert "2027年节假日安排未收录" in window.notice.text()

    def enter(dialog: QDialog) -> None:
        assert find(dialog, QLabel, "source").text() == "未收录，按周一至周五计算"
        type_into(find(dialog, QLineEdit, "notice"), NOTICE)
        cal = CalendarKeys(dialog)
        for first, days, name in _runs(HOLIDAYS_2027):
            cal.go(first)
            type_into(find(dialog, QLineEdit, "holiday_name"), name)
            type_into(find(dialog, QSpinBox, "span"), str(days))
            press(dialog, "设为法定节假日")
        for day in WORKDAYS_2027:
            cal.go(date.fromisoformat(day))
            press(dialog, "设为调休上班日")
        press(dialog, "保存")

    _open(window, qtbot, enter)
    held = ledger.holiday_years()[2027]
    assert held.notice == NOTICE
    assert dict(held.holidays) == {date.fromisoformat(d): n for d, n in HOLIDAYS_2027}
    expected = independent_counts(HOLIDAYS_2027, WORKDAYS_2027)
    for month in Period.year(2027).months():
        assert ledger.calendar.count(month.start, month.end).days == expected[month.start.month]
    assert ledger.calendar.source(2027) is YearSource.ENTERED
    status = window.notice.text()
    assert "未收录" not in status and NOTICE in status and "在本程序中录入" in status
    window.activateWindow()  # the window manager's part, once the dialog has gone
    qtbot.waitUntil(window.isActiveWindow)
    shortcut(window, Qt.Key.Key_Z, CTRL)
    assert ledger.holiday_years() == {}
    assert "2027年节假日安排未收录" in window.notice.text()
    assert snapshot(ledger).count("holiday_days") == before.count("holiday_days")


def test_bad_input_in_the_editor_names_the_field_and_saves_nothing(
    qtbot, start, ledger: Ledger
) -> None:
    ledger.calendar = calendar_not_knowing(2027)
    before = snapshot(ledger)
    window = start()
    said: list[str] = []

    def enter(dialog: QDialog) -> None:
        cal = CalendarKeys(dialog)
        cal.go(date(2027, 1, 1))
        press(dialog, "设为法定节假日")  # no name typed
        error = find(dialog, QLabel, "error")
        said.append(error.text())
        type_into(find(dialog, QLineEdit, "holiday_name"), "元旦")
        press(dialog, "设为法定节假日")
        type_into(find(dialog, QLineEdit, "notice_date"), "2026-13-01")
        press(dialog, "保存")
        said.append(error.text())
        assert dialog.isVisible()  # still open, nothing lost
        press(dialog, "关闭")

    _open(window, qtbot, enter)
    assert said[0] == "节日名称：2027-01-01 没有填写节日名称（如 元旦、春节）"
    assert said[1].startswith("通知日期：") and "2026-13-01" in said[1]
    assert snapshot(ledger) == before


def test_date_fields_mark_holidays_and_make_up_workdays(
    qtbot, ledger: Ledger, session: Session
) -> None:
    widget = WorkCalendarWidget(lambda: ledger.calendar, "zh")
    qtbot.addWidget(widget)
    widget.setCurrentPage(2026, 10)
    national_day = widget.dateTextFormat().get(QDate(2026, 10, 1))
    assert national_day is not None and national_day.toolTip() == "国庆节"
    makeup = widget.dateTextFormat().get(QDate(2026, 10, 10))  # a Saturday worked
    assert makeup is not None and makeup.toolTip() == "调休上班日"
    assert QDate(2026, 10, 12) not in widget.dateTextFormat()  # an ordinary Monday


def test_a_unit_takes_in_the_offices_calendar_and_shows_the_offices_share(
    qtbot, start, ledger: Ledger, session: Session, tmp_path, monkeypatch
) -> None:
    days = [date(2027, 2, d) for d in (3, 4, 22, 23, 24)]
    with Ledger.open(tmp_path / "office.db", calendar_not_knowing(2027)) as office:
        for led in (office, ledger):
            p = led.add_person(Person("张伟", "县长", "某县人民政府"))
            assert p.id is not None
            trip = led.find_activity("外出招商").id
            assert trip is not None
            for d in days:
                led.add_entry(Entry(p.id, d, trip, day_part=DayPart.FULL))
        office.set_holiday_year(
            arrangement(2027, HOLIDAYS_2027, WORKDAYS_2027, NOTICE, NOTICE_DATE)
        )
        introduce(ledger, office, "office")  # the unit trusts the office's key
        sent = tmp_path / "2027.otc"
        sent.write_bytes(office.calendar_file([2027], "市委督查室"))
        (office_item,) = office.summary(Period.month(2027, 2))
        office_share = office_item.result.share
    assert office_share is not None
    ledger.calendar = calendar_not_knowing(2027)
    session.set_period(Period.month(2027, 2))
    window = start()
    choose_person = window.period_bar.person
    choose(choose_person, "张伟（县长）")
    dashboard = window.page("dashboard")
    before = dashboard.share_text.text()  # type: ignore[attr-defined]
    assert before != f"{office_share * 100:.1f}%"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(Path(sent))], ""))
    shortcut(window, Qt.Key.Key_6, CTRL)  # 报送
    press_and_wait(qtbot, window, "接收报送文件…")
    assert "已采用市委督查室下发的节假日安排：2027" in feedback(window)
    shortcut(window, Qt.Key.Key_1, CTRL)  # 工作台
    assert dashboard.share_text.text() == f"{office_share * 100:.1f}%"  # type: ignore[attr-defined]
    assert "由市委督查室下发" in window.notice.text()
