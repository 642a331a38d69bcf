"""填报人: the first-run dialog asks who fills the ledger in on this PC; what that person enters
is recorded as theirs (the entry's 填报人, the change log, 历史, the monthly PDF). A name changed
in 设置 counts from then on; a database opened with no name says where to give one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog

from desktop.domain.periods import Period
from desktop.reports.sources import monthly_pdf
from desktop.storage import changelog
from desktop.ui import app, operator
from desktop.ui.fonts import use_shipped_font
from desktop.ui.i18n import install_language
from tests.conftest import TODAY
from tests.reports.conftest import pdf_text
from tests.ui.scenarios.drive import (
    choose,
    click,
    click_item,
    feedback,
    in_dialog,
    press,
    type_into,
)
from tests.ui.scenarios.test_office_round import press_in_message

OCTOBER = Period.month(2026, 10)


@pytest.fixture
def started(qapp: QApplication, tmp_path: Path) -> Iterator[tuple[app.App, QSettings, Path]]:
    use_shipped_font(qapp)
    install_language(qapp, "zh")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    program = app.App(qapp, settings, TODAY)
    yield program, settings, tmp_path / "新建" / "onethird.db"
    program.close()


def _log_a_day(qtbot, window, day: str) -> None:  # type: ignore[no-untyped-def]
    click_item(window.sidebar, "工作记录")
    page = window.page("entries")

    def fill(dialog: QDialog) -> None:
        type_into(dialog.date, day)
        choose(dialog.activity, "项目洽谈")
        click(dialog.modes.button(0))  # 全天
        press(dialog, "保存")

    in_dialog(qtbot, lambda: press(page, "新建工作记录"), fill)


def test_the_first_run_asks_who_fills_in_and_everything_says_so(
    qtbot, started: tuple[app.App, QSettings, Path], tmp_path: Path
) -> None:
    program, settings, db = started

    def welcome(dialog: QDialog) -> None:
        type_into(dialog.unit, "青山县人民政府")
        type_into(dialog.name, "周伟")
        type_into(dialog.title, "县长")
        type_into(dialog.operator, "王秘书")
        type_into(dialog.phone, "13800000000")
        press(dialog, "开始使用")

    made: list[bool] = []
    in_dialog(qtbot, lambda: made.append(app.first_run(db, "zh", settings)), welcome)
    assert made == [True]
    assert operator.operator(settings, db) == ("王秘书", "13800000000")

    assert program.open(db, "zh") and program.window is not None
    window = program.window
    ledger = window.session.ledger
    assert "谁在本机填写" not in feedback(window)  # the name is known: nothing to ask
    choose(window.period_bar.part, "10月")
    _log_a_day(qtbot, window, "2026-10-12")
    (entry,) = ledger.entries()
    assert entry.recorded_by == "王秘书"
    assert [c.actor for c in changelog.history(ledger.db, "entries")] == ["王秘书"]
    assert [c.actor for c in changelog.history(ledger.db, "persons")] == ["王秘书"]

    # another secretary takes over on this PC: 设置 › 填报人
    click_item(window.sidebar, "设置")
    settings_page = window.page("settings")
    type_into(settings_page.operator_name, "李秘书")
    press(settings_page, "保存")
    assert "李秘书" in feedback(window)
    _log_a_day(qtbot, window, "2026-10-13")
    _log_a_day(qtbot, window, "2026-10-14")
    by = sorted(e.recorded_by for e in ledger.entries())
    assert by == ["李秘书", "李秘书", "王秘书"]
    person = ledger.persons()[0]
    pdf, _ = monthly_pdf(ledger, person, OCTOBER, date(2026, 11, 20), "zh")
    text = "".join(pdf_text(pdf, tmp_path))
    assert "填报人" in text and "李秘书" in text  # who logged most of the month


def test_a_database_with_no_name_says_where_to_give_one(
    qtbot, started: tuple[app.App, QSettings, Path]
) -> None:
    program, _, db = started
    db.parent.mkdir()
    from desktop.domain.people import Person
    from desktop.storage.ledger import Ledger

    with Ledger.open(db) as ledger:  # made elsewhere, or before this version asked
        ledger.add_person(Person("周伟", "县长", "青山县人民政府"))
    assert program.open(db, "zh") and program.window is not None
    window = program.window
    assert "谁在本机填写这个台账" in feedback(window)
    press_in_message(window, "去设置")
    assert window.stack.currentWidget() is window.page("settings")
