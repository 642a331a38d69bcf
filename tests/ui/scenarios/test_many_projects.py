"""A ledger of 1,500 projects: the entries page's 项目 filter lists every one of them, in the
ledger's order, and the project chosen with the keyboard (its name typed into the open list, or
End for the last) is the one whose entries the table then shows. A project's long name does not
widen the filter: the search field beside it keeps its room. Choosing in the filter reads the
entries it selects, not every project's name again; a renamed project shows its new name."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.domain.entries import Entry
from desktop.domain.people import Person
from desktop.domain.projects import Project
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import PAGES, MainWindow
from tests.conftest import activity_id
from tests.ui.scenarios.drive import (
    click,
    click_item,
    column,
    double_click_row,
    in_dialog,
    items,
    press,
    type_into,
)

PROJECTS = 1500


def _name(n: int) -> str:
    return f"项目{n:04d}号产业园"


def _commit(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_every_project_is_in_the_filter_and_the_one_chosen_filters_the_table(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, zhang: Person
) -> None:
    assert zhang.id is not None
    for n in range(PROJECTS):
        ledger.add_project(Project(_name(n)))
    ledger.add_project(Project("长" * 60 + "项目"))
    order = ledger.project_names()  # (id, name) as the filter lists them
    middle, last = order[750], order[-1]
    talks = activity_id(ledger, "项目洽谈")
    for day, (pid, name) in ((16, middle), (17, last), (18, (None, "无项目"))):
        ledger.add_entry(
            Entry(zhang.id, date(2026, 11, day), talks, 60, project_id=pid, location=name)
        )
    window = start()
    click_item(window.sidebar, window.sidebar.item(PAGES.index("entries")).text())
    page = window.page("entries")
    listed = items(page.project)
    assert listed[1:] == [name for _, name in order]
    assert len(listed) == PROJECTS + 2
    assert page.project.width() < page.width() // 4
    assert page.text.width() > page.width() // 3
    assert column(page.table, "地点") == [middle[1], last[1], "无项目"]

    def pick(keys: Callable[[], None], shown: str) -> None:
        click(page.project)
        view = page.project.view()
        assert view.isVisible(), "the list did not open"
        keys()
        QTest.keyClick(view, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: column(page.table, "地点") == [shown])
        assert page.project.currentText() == shown

    statements: list[str] = []
    ledger.db.conn.set_trace_callback(statements.append)
    # the name typed into the open list, as a Chinese input method commits it
    pick(lambda: _commit(page.project.view(), middle[1]), middle[1])
    ledger.db.conn.set_trace_callback(None)
    assert statements and not [s for s in statements if "FROM projects" in s], statements
    pick(lambda: QTest.keyClick(page.project.view(), Qt.Key.Key_End), last[1])

    # the last project renamed on the 项目 page: the entries page shows the new name
    click_item(window.sidebar, "项目")
    projects = window.page("projects")
    row = column(projects.table, "项目").index(last[1])

    def rename(dialog: QDialog) -> None:
        type_into(dialog.name, "改名后的产业园")
        press(dialog, "保存")

    in_dialog(qtbot, lambda: double_click_row(projects.table, row), rename)
    assert ledger.project(last[0]).name == "改名后的产业园"
    click_item(window.sidebar, window.sidebar.item(PAGES.index("entries")).text())
    assert column(page.table, "项目") == ["改名后的产业园"]
