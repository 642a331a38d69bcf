"""The real widgets on a real database, driven as a secretary would."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QWidget

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.share import compute_share, totals_from_entries
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.dashboard_page import DashboardPage
from desktop.ui.pages.entries_page import EntriesPage
from desktop.ui.pages.trips_page import TripsPage
from tests.conftest import activity_id, calendar_not_knowing, snapshot


def _save_button(dialog: QWidget) -> QWidget:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Save)
    assert button is not None
    return button


def test_add_an_entry_through_the_dialog(
    qtbot, window: MainWindow, ledger: Ledger, zhang: Person
) -> None:
    window.session.set_person(zhang.id)
    window.session.set_period(Period.parse("2026-11"))
    page = window.show_page("entries")
    assert isinstance(page, EntriesPage)
    dialog = page._dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.setDate(QDate(2026, 11, 18))
    dialog.activity.setCurrentIndex(dialog.activity.findText("项目洽谈"))
    dialog.modes.button(2).setChecked(True)
    dialog.start.setTime(QTime(9, 0))
    dialog.end.setTime(QTime(11, 30))
    # Chinese arrives through the input method as committed text, not as key presses
    dialog.location.insert("重庆")
    dialog.counterpart.insert("长安汽车")
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = ledger.entries(person_id=zhang.id)
    assert len(stored) == 1
    assert (stored[0].day, stored[0].minutes, stored[0].location) == (
        date(2026, 11, 18),
        150,
        "重庆",
    )
    assert page.model.rowCount() == 1
    cells = [page.model.data(page.model.index(0, c)) for c in range(page.model.columnCount())]
    assert cells[:5] == ["2026-11-18", "张伟", "09:00–11:30", "2.5 小时", "项目洽谈"]
    assert window.undo_action.text() == "撤销 添加工作记录"
    window.undo_action.trigger()
    assert ledger.entries() == []
    assert page.model.rowCount() == 0
    window.redo_action.trigger()
    assert [e.id for e in ledger.entries()] == [stored[0].id]


def test_refused_entry_shows_the_reason_next_to_the_field(
    qtbot, window: MainWindow, ledger: Ledger, zhang: Person
) -> None:
    assert zhang.id is not None
    ledger.add_entry(
        Entry(zhang.id, date(2026, 11, 18), activity_id(ledger, "项目洽谈"), start=540, end=660)
    )
    window.session.set_person(zhang.id)
    page = window.show_page("entries")
    assert isinstance(page, EntriesPage)
    before = snapshot(ledger)
    dialog = page._dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.setDate(QDate(2026, 11, 18))
    dialog.modes.button(2).setChecked(True)
    dialog.start.setTime(QTime(10, 0))
    dialog.end.setTime(QTime(12, 0))
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # stays open for the secretary to correct
    error = dialog._errors["start"]
    assert error.isVisible() and "时间重叠" in error.text()
    dialog.project.setEditText("不存在的项目")
    dialog.start.setTime(QTime(13, 0))
    dialog.end.setTime(QTime(14, 0))
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    assert "没有名为“不存在的项目”的项目" in dialog._errors["project"].text()
    assert snapshot(ledger) == before
    assert window.session.undo_stack.count() == 0


def test_a_three_day_trip_with_a_half_day_makes_two_and_a_half_days(
    qtbot, window: MainWindow, ledger: Ledger, zhang: Person
) -> None:
    li = ledger.add_person(Person("李娜", "副秘书长", "市人民政府"))
    window.session.set_person(zhang.id)
    window.session.set_period(Period.parse("2026-10"))
    page = window.show_page("trips")
    assert isinstance(page, TripsPage)
    dialog = page._dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start.setDate(QDate(2026, 10, 13))
    dialog.end.setDate(QDate(2026, 10, 15))
    dialog.end_half.setChecked(True)
    for i in range(dialog.companions.count()):
        item = dialog.companions.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == li.id:
            item.setCheckState(Qt.CheckState.Checked)
    dialog.destinations.setText("重庆、河南郑州")
    assert dialog.days.text() == "共 2.5 天"
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    october = Period.parse("2026-10")
    days = {s.person.name: s.result.promotion_days for s in ledger.summary(october)}
    assert days == {"张伟": 2.5, "李娜": 2.5}
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 2)) == "2.5"
    assert window.undo_action.text() == "撤销 添加外出招商"
    window.undo_action.trigger()
    assert ledger.entries() == [] and ledger.trips() == []
    assert page.model.rowCount() == 0
    window.redo_action.trigger()
    assert len(ledger.entries()) == 6


def test_dashboard_shows_the_domain_share(
    qtbot, window: MainWindow, ledger: Ledger, zhang: Person
) -> None:
    assert zhang.id is not None
    promo, leave = activity_id(ledger, "外出招商"), activity_id(ledger, "请假")
    for d in (8, 9, 10, 12, 13):
        ledger.add_entry(Entry(zhang.id, date(2026, 10, d), promo, day_part=DayPart.FULL))
    ledger.add_entry(Entry(zhang.id, date(2026, 10, 14), promo, minutes=240))
    ledger.add_entry(Entry(zhang.id, date(2026, 10, 16), leave, day_part=DayPart.FULL))
    october = Period.parse("2026-10")
    kinds = {a.id: a.kind for a in ledger.activities()}
    expected = compute_share(
        october,
        ledger.calendar,
        totals_from_entries(
            ledger.entries(), kinds, october, ledger.calendar, ledger.rules(), ledger.today()
        ),  # type: ignore[arg-type]
        ledger.rules(),
        ledger.today(),
    )
    window.session.set_person(zhang.id)
    window.session.set_period(october)
    page = window.show_page("dashboard")
    assert isinstance(page, DashboardPage)
    assert expected.share is not None
    assert page.share_text.text() == f"{expected.share * 100:.1f}%"  # 5.5 / 17 = 32.4 %
    assert page.share_text.text() == "32.4%"
    assert page.status.text() == "还需 0.2 天"
    assert "基数 17 天" in page.numbers.text()
    page.draw_charts()  # the charts build from the same data without error
    assert not page.notice.isVisible()
    ledger.calendar = calendar_not_knowing(2027)
    window.session.set_period(Period.parse("2027-01"))
    assert page.notice.isVisible()
    assert page.notice.text() == "2027年节假日安排未收录，按周一至周五计算"


CJK = re.compile(r"[\u4e00-\u9fff]")


def _visible_texts(window: MainWindow) -> list[str]:
    texts = [window.windowTitle()]
    texts += [a.text() for a in window.menuBar().actions()]
    texts += [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.text():
            texts.append(label.text())
    return texts


def test_switching_language_changes_the_labels(
    qtbot, qapp: QApplication, session, ledger: Ledger
) -> None:
    from desktop.ui.app import App

    app = App(qapp, session.settings, session.today)
    app.ledger, app.session, app.db_path = ledger, session, "ledger.db"
    zh_window = app.build_window()
    qtbot.addWidget(zh_window)
    zh = _visible_texts(zh_window)
    assert "工作记录" in zh and "文件(&F)" in zh
    assert not [t for t in zh if re.search(r"[A-Za-z]{3,}", t) and "ledger.db" not in t]
    app.switch_language("en")
    en_window = app.window
    assert en_window is not None and en_window is not zh_window
    qtbot.addWidget(en_window)
    en = _visible_texts(en_window)
    assert "Entries" in en and "&File" in en
    leftovers = [t for t in en if CJK.search(t)]
    assert leftovers == []
    assert en_window.period_bar.part.currentText() == "November"  # not "Month 11"
    trips = en_window.show_page("trips")
    assert isinstance(trips, TripsPage)
    one_day = trips._dialog(None)  # a new trip: one day, today
    assert one_day.days.text() == "1 day"  # not "1 days"
    one_day.end_half.setChecked(True)
    assert one_day.days.text() == "0.5 days"
    one_day.deleteLater()
    app.switch_language("zh")
    assert app.window is not None
    qtbot.addWidget(app.window)
    assert "工作记录" in _visible_texts(app.window)


@pytest.mark.parametrize(
    "name",
    ["dashboard", "entries", "trips", "projects", "reports", "submissions", "people", "settings"],
)
def test_every_page_opens(qtbot, window: MainWindow, zhang: Person, name: str) -> None:
    page = window.show_page(name)
    qtbot.waitExposed(page)
    assert page.isVisible()


def test_first_run_creates_the_database_with_the_first_person(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    from desktop.ui import app
    from desktop.ui.dialogs.first_run_dialog import FirstRunDialog

    def fill_and_accept(dialog: FirstRunDialog) -> int:
        dialog.unit.setText("青山县人民政府")
        dialog.name.setText("周伟")
        dialog.title.setText("县长")
        dialog._on_start_clicked()
        return dialog.result()

    monkeypatch.setattr(FirstRunDialog, "exec", fill_and_accept)
    path = tmp_path / "new" / "onethird.db"
    assert app.first_run(path)
    with Ledger.open(path) as ledger:
        assert [(p.name, p.title, p.unit) for p in ledger.persons()] == [
            ("周伟", "县长", "青山县人民政府")
        ]


def test_the_chosen_person_is_remembered(session, ledger: Ledger, zhang: Person) -> None:
    from desktop.ui.session import Session

    session.set_person(zhang.id)
    again = Session(ledger, session.settings, session.today)
    assert again.person_id == zhang.id


def test_a_deleted_entry_goes_to_the_recycle_bin_and_comes_back(
    qtbot, window: MainWindow, ledger: Ledger, zhang: Person
) -> None:
    assert zhang.id is not None
    entry = ledger.add_entry(
        Entry(zhang.id, date(2026, 11, 18), activity_id(ledger, "项目洽谈"), minutes=90)
    )
    window.session.set_person(zhang.id)
    page = window.show_page("entries")
    assert isinstance(page, EntriesPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    page.delete_entry()
    assert ledger.entries() == [] and page.model.rowCount() == 0
    dialog = window.show_trash()
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    dialog.table.selectRow(0)
    dialog.restore_selected()
    assert [e.id for e in ledger.entries()] == [entry.id]
    assert dialog.model.rowCount() == 0 and page.model.rowCount() == 1
    changes = ledger.record_history("entry", entry.id or 0)
    assert [c.action for c in changes][:2] == ["restore", "delete"]


def test_an_empty_table_says_what_to_do(
    qtbot, window: MainWindow, ledger: Ledger, zhang: Person
) -> None:
    hints = {}
    for name in ("entries", "trips", "projects"):
        page = window.show_page(name)
        qtbot.waitExposed(page)
        hints[name] = page.table.empty_hint()  # type: ignore[attr-defined]
    assert "新建工作记录" in hints["entries"] and "导入台账" in hints["entries"]
    assert "新建外出招商" in hints["trips"]
    assert "新建项目" in hints["projects"]
    entries = window.show_page("entries")
    assert isinstance(entries, EntriesPage)
    entries.text.setText("没有这样的地点")
    entries.apply_filter()
    assert entries.table.empty_hint() == "没有符合筛选条件的记录。"
    ledger.add_entry(
        Entry(zhang.id, date(2026, 11, 10), activity_id(ledger, "外出招商"), minutes=60)  # type: ignore[arg-type]
    )
    entries.text.setText("")
    entries.apply_filter()
    assert entries.model.rowCount() == 1 and entries.table.empty_hint() == ""
