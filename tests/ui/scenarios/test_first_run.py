"""The first start on a new database file: the welcome dialog asks for the unit and the first
leader (and will not start without a name), the window opens on the file it made, and on 人员 a
second leader is added with the page's button, the unit already filled in from the first."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.ledger import Ledger
from desktop.ui import app
from desktop.ui.fonts import use_shipped_font
from desktop.ui.i18n import install_language
from desktop.ui.main_window import PAGES, MainWindow
from desktop.ui.session import Session
from tests.conftest import TODAY
from tests.ui.scenarios.drive import (
    cells,
    click,
    click_item,
    in_dialog,
    items,
    press,
    type_into,
)

UNIT = "青山县人民政府"


@pytest.fixture
def new_file(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    """A database file that does not exist yet, the program in Chinese as it starts."""
    use_shipped_font(qapp)
    install_language(qapp, "zh")
    path = tmp_path / "新建" / "onethird.db"
    assert not path.exists()
    yield path
    install_language(qapp, "zh")


def _fits_the_screen(dialog: QDialog) -> None:
    """The dialog is wholly on the screen (at 150 % too), its buttons where they can be clicked."""
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert screen.contains(dialog.frameGeometry()), (dialog.frameGeometry(), screen)


@pytest.fixture
def open_window(qtbot, tmp_path: Path) -> Iterator[Callable[[Path], MainWindow]]:
    """Open the window on a database file as the program does after the first start: shown,
    active, the keyboard in it; the file is closed after the test."""
    files = ExitStack()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)

    def opened(path: Path) -> MainWindow:
        ledger = files.enter_context(
            Ledger.open(path, WorkCalendar(), actor="测试秘书", today=lambda: TODAY)
        )
        window = MainWindow(Session(ledger, settings, TODAY, "zh"), path.name)
        qtbot.addWidget(window)
        files.callback(window.close)  # before its file is closed
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    with files:
        yield opened


def test_first_start_makes_the_database_with_the_first_leader_and_a_second_is_added(
    qtbot, new_file: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    started: list[bool] = []
    refused: list[str] = []

    def welcome(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "欢迎使用三分之一招商台账"
        _fits_the_screen(dialog)
        intro = "\n".join(w.text() for w in dialog.findChildren(QLabel) if w.isVisible())
        assert str(new_file) in intro  # it says where the new database goes
        type_into(dialog.unit, UNIT)
        press(dialog, "开始使用")  # no name yet: refused, the dialog stays
        assert dialog.isVisible() and not new_file.exists()
        refused.append(dialog.error.text() if dialog.error.isVisible() else "")
        assert QApplication.focusWidget() is dialog.name  # the cursor where the name goes
        QTest.keyClicks(dialog.name, "z")
        assert not dialog.error.isVisible()  # being corrected: the message has gone
        type_into(dialog.name, "周伟")
        type_into(dialog.title, "县长")
        press(dialog, "开始使用")

    in_dialog(qtbot, lambda: started.append(app.first_run(new_file)), welcome)
    assert started == [True]
    assert refused == ["请填写领导姓名。"]
    assert new_file.exists()

    window = open_window(new_file)
    click_item(window.sidebar, window.sidebar.item(PAGES.index("people")).text())
    page = window.page("people")
    assert cells(page.table) == [["周伟", "县长", UNIT, "", "是"]]

    def second(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "添加人员"
        assert dialog.unit.text() == UNIT  # the unit of the one already there
        type_into(dialog.name, "李娜")
        type_into(dialog.title, "副县长")
        type_into(dialog.group, "新能源汽车产业链")
        click(dialog.subject)  # not a principal leader: the one-third rule does not apply
        assert not dialog.subject.isChecked()
        press(dialog, "保存")

    in_dialog(qtbot, lambda: press(page, "添加人员"), second)
    assert cells(page.table) == [
        ["周伟", "县长", UNIT, "", "是"],
        ["李娜", "副县长", UNIT, "新能源汽车产业链", ""],
    ]
    # the person selector of every page offers the new leader too
    assert items(window.period_bar.person) == ["全部人员", "周伟（县长）", "李娜（副县长）"]
    ledger = window.session.ledger
    stored = ledger.db.execute(
        "SELECT name, title, unit, group_name, subject_to_rule FROM persons ORDER BY id"
    ).fetchall()
    assert stored == [
        ("周伟", "县长", UNIT, "", 1),
        ("李娜", "副县长", UNIT, "新能源汽车产业链", 0),
    ]
