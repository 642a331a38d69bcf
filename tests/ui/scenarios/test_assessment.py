"""考核 in the window, on the office's ledger of tests/assessment_world.py: the 报告 page shows the
hand-computed scores and ranking; 设置 › 考核方案 changes an item's points (undone with Ctrl+Z),
refuses a bad parameter or a bad scheme file naming the item, and exports the scheme; the project
dialog takes the details the 考核 rules count by."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget

from desktop.domain.assessment_scheme import Scheme
from desktop.domain.changes import SetScheme
from desktop.domain.projects import InvestorOrigin, ProjectKind
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.apply import apply
from desktop.storage.ledger import Ledger
from desktop.ui.dialogs.scheme_dialog import COL_ID, COL_POINTS
from desktop.ui.fonts import use_shipped_font
from desktop.ui.i18n import install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.projects_page import ProjectsPage
from desktop.ui.pages.reports_page import ReportsPage
from desktop.ui.session import Session
from tests.assessment_world import DAY, HAND, SCHEME, TOTALS, make_office
from tests.ui.scenarios.conftest import FileAnswers
from tests.ui.scenarios.drive import (
    CTRL,
    LEFT,
    NO_MODIFIER,
    cells,
    choose,
    click_choice,
    click_item,
    column,
    double_click_row,
    in_dialog,
    press,
    shortcut,
    type_into,
)


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    """The office's ledger, its scheme held; its "today" is the world's day."""
    path = make_office(tmp_path / "office.db")
    with Ledger.open(path, WorkCalendar(), actor="督查室", today=lambda: DAY) as led:
        yield led


@pytest.fixture
def session(qapp: QApplication, ledger: Ledger, tmp_path: Path) -> Iterator[Session]:
    use_shipped_font(qapp)
    install_language(qapp, "zh")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield Session(ledger, settings, DAY, "zh")
    install_language(qapp, "zh")


def _results(main: MainWindow) -> ReportsPage:
    """The year 2026 chosen in the period bar, 考核结果 on the 报告 page."""
    choose(main.period_bar.kind, "年度")
    assert main.period_bar.year.value() == 2026
    click_item(main.sidebar, "报告")
    page = main.page("reports")
    assert isinstance(page, ReportsPage)
    choose(page.kind, "考核结果")
    return page


def _ranking(page: ReportsPage) -> list[list[str]]:
    """名次, 单位, the six item scores and 总分, as the table shows them."""
    return [row[:9] for row in cells(page.table)]


def _totals(page: ReportsPage) -> dict[str, str]:
    return dict(zip(column(page.table, "单位"), column(page.table, "总分"), strict=True))


def _points(ledger: Ledger, item: str = "A2") -> Decimal | None:
    scheme = ledger.scheme()
    assert scheme is not None
    return scheme.item(item).points


def _open_scheme(qtbot, main: MainWindow, handle: Callable[[QDialog], None]) -> None:
    click_item(main.sidebar, "设置")
    in_dialog(qtbot, lambda: press(main.stack.currentWidget(), "考核方案…"), handle)


def _type_in_cell(dialog: QDialog, item: str, col: int, text: str) -> None:
    """Click the item's cell, F2, type over what it holds: as a person edits a cell (the
    button pressed next takes what was typed)."""
    table = dialog.table  # type: ignore[attr-defined]
    rows = [r[COL_ID] for r in cells(table)]
    index = table.model().index(rows.index(item), col)
    QTest.mouseClick(table.viewport(), LEFT, NO_MODIFIER, table.visualRect(index).center())
    QTest.keyClick(table.viewport(), Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and table.viewport().isAncestorOf(editor), "no editor opened"
    QTest.keyClick(editor, Qt.Key.Key_A, CTRL)
    QTest.keyClicks(editor, text)


def test_the_report_page_shows_the_hand_computed_scores_and_ranking(
    start: Callable[[], MainWindow], warnings: list[str]
) -> None:
    page = _results(start())
    assert page.sheet.currentText() == "总分与排名"
    assert page.by.currentText() == "按单位"
    assert [page.by.itemText(i) for i in range(page.by.count())] == ["按单位", "按人员"]
    expected = [[str(rank), name, *HAND[name], total] for rank, name, total in TOTALS]
    assert _ranking(page) == expected
    assert not page.hint.isVisible() and page.export_button.isEnabled()
    said = page.caption.text()
    assert page.caption.isVisible()
    assert "依据：某办发〔2026〕12号《某市招商引资工作考核办法》" in said
    choose(page.sheet, "计分明细")
    assert column(page.table, "得分")[:6] == HAND["高新区"]
    choose(page.sheet, "说明")
    assert any("不予认定" in line for line in column(page.table, "内容"))
    choose(page.by, "按人员")  # the same scheme scored by person: 第一引资人, else 包联领导
    choose(page.sheet, "总分与排名")
    assert "王建国（高新区）" in column(page.table, "姓名")
    assert not warnings


def test_changing_a2_s_points_in_the_scheme_dialog_then_undoing_it(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, warnings: list[str]
) -> None:
    main = start()
    page = _results(main)
    assert _totals(page)["高新区"] == "60.50"

    def change(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "考核方案"
        shown = cells(dialog.table)  # type: ignore[attr-defined]
        a2 = shown[[r[COL_ID] for r in shown].index("A2")]
        assert a2[:4] == ["A2", "新签约亿元以上项目", "新签约项目个数", "按个计分"]
        assert a2[COL_POINTS] == "5"
        kinds = {r[COL_ID]: r[3] for r in shown}
        assert kinds == {
            "A1": "比例计分",
            "A2": "按个计分",
            "A3": "功效系数法",
            "A4": "扣分",
            "A5": "加分",
            "A6": "比例计分",
        }
        assert "某办发〔2026〕12号" in dialog.document.text()  # type: ignore[attr-defined]
        _type_in_cell(dialog, "A2", COL_POINTS, "6")
        press(dialog, "确定")

    _open_scheme(qtbot, main, change)
    assert _points(ledger) == Decimal(6)
    click_item(main.sidebar, "报告")
    assert _totals(page)["高新区"] == "62.50"
    assert main.session.undo_stack.undoText() == "修改考核方案"
    shortcut(main, Qt.Key.Key_Z, CTRL)
    assert _totals(page)["高新区"] == "60.50"
    assert _points(ledger) == Decimal(5)
    assert not warnings


@pytest.mark.parametrize("typed", ["0", "abc", "-1"])
def test_a_bad_parameter_is_refused_naming_the_item_and_nothing_is_saved(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, typed: str
) -> None:
    main = start()
    before = ledger.scheme()

    def refuse(dialog: QDialog) -> None:
        _type_in_cell(dialog, "A2", COL_POINTS, typed)
        press(dialog, "确定")
        assert dialog.isVisible(), "the dialog closed on a bad parameter"
        said = dialog.error.text()  # type: ignore[attr-defined]
        assert dialog.error.isVisible() and "A2" in said and "大于 0" in said, said  # type: ignore[attr-defined]
        assert cells(dialog.table)[1][COL_POINTS] == typed  # what was typed stays  # type: ignore[attr-defined]
        press(dialog, "取消")

    _open_scheme(qtbot, main, refuse)
    assert ledger.scheme() == before
    assert main.session.undo_stack.count() == 0


def test_a_scheme_file_with_an_unknown_measure_is_refused_and_export_reads_back(
    qtbot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    files: FileAnswers,
    warnings: list[str],
    tmp_path: Path,
) -> None:
    bad = json.loads(json.dumps(SCHEME))
    bad["items"][2]["measure"] = "visitors_per_day"
    bad_file = tmp_path / "bad.json"
    bad_file.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "exported.json"
    files.open.append(str(bad_file))
    files.save.append(str(out))
    main = start()
    before = ledger.scheme()

    def import_then_export(dialog: QDialog) -> None:
        press(dialog, "导入方案…")
        assert len(warnings) == 1 and "A3" in warnings[0] and "visitors_per_day" in warnings[0]
        assert cells(dialog.table)[2][2] == "到位资金（万元）"  # still the scheme held
        press(dialog, "导出方案…")
        press(dialog, "取消")

    _open_scheme(qtbot, main, import_then_export)
    assert ledger.scheme() == before and main.session.undo_stack.count() == 0
    text = out.read_text(encoding="utf-8")
    assert "某市招商引资工作考核办法" in text  # written as Chinese, not \\u escapes
    assert Scheme.from_dict(json.loads(text)) == before


def test_no_scheme_yet_the_page_says_where_to_set_it_then_one_is_imported(
    qtbot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    files: FileAnswers,
    tmp_path: Path,
) -> None:
    apply(ledger, SetScheme(None))
    scheme_file = tmp_path / "scheme.json"
    scheme_file.write_text(json.dumps(SCHEME, ensure_ascii=False), encoding="utf-8")
    files.open.append(str(scheme_file))
    main = start()
    page = _results(main)
    assert page.hint.isVisible() and "设置 › 考核方案" in page.hint.text()
    assert not page.export_button.isEnabled() and page.model.rowCount() == 0

    def import_it(dialog: QDialog) -> None:
        assert dialog.none_held.isVisible()  # type: ignore[attr-defined]
        press(dialog, "导入方案…")
        assert not dialog.none_held.isVisible()  # type: ignore[attr-defined]
        press(dialog, "确定")

    _open_scheme(qtbot, main, import_it)
    assert ledger.scheme() == Scheme.from_dict(SCHEME)
    assert main.session.undo_stack.undoText() == "设置考核方案"
    click_item(main.sidebar, "报告")
    assert not page.hint.isVisible() and page.sheet.currentText() == "总分与排名"
    assert _totals(page) == {name: total for _, name, total in TOTALS}


def _tab(dialog: QDialog, text: str) -> None:
    tabs = dialog.findChild(QTabWidget)
    assert tabs is not None
    bar = tabs.tabBar()
    names = [bar.tabText(i) for i in range(bar.count())]
    QTest.mouseClick(bar, LEFT, NO_MODIFIER, bar.tabRect(names.index(text)).center())
    assert tabs.tabText(tabs.currentIndex()) == text


NEW = "高新区半导体封测项目"


def test_a_project_s_assessment_details_are_saved_and_shown_again(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, warnings: list[str]
) -> None:
    main = start()
    click_item(main.sidebar, "项目")
    page = main.page("projects")
    assert isinstance(page, ProjectsPage)

    def fill(dialog: QDialog) -> None:
        type_into(dialog.name, NEW)  # type: ignore[attr-defined]
        type_into(dialog.amount, "30000")  # type: ignore[attr-defined]
        _tab(dialog, "考核信息")
        assert dialog.kind.currentText() == "未填"  # type: ignore[attr-defined]
        choose(dialog.kind, "工业")  # type: ignore[attr-defined]
        click_choice(dialog.origin, "境外")  # type: ignore[attr-defined]
        type_into(dialog.credit_unit, "高新区")  # type: ignore[attr-defined]
        choose(dialog.first_person, "陈静")  # type: ignore[attr-defined]
        type_into(dialog.works_started, "2026-03-15")  # type: ignore[attr-defined]
        type_into(dialog.excluded, "财政性资金")  # type: ignore[attr-defined]
        press(dialog, "保存")

    in_dialog(qtbot, lambda: press(page, "新建项目"), fill)
    (made,) = [p for p in ledger.projects() if p.name == NEW]
    chen = next(p.id for p in ledger.persons() if p.name == "陈静")
    assert (made.kind, made.origin) == (ProjectKind.INDUSTRY, InvestorOrigin.ABROAD)
    assert (made.credit_unit, made.first_person_id) == ("高新区", chen)
    assert (made.works_started, made.registered) == (date(2026, 3, 15), None)
    assert made.excluded == "财政性资金"

    def look(dialog: QDialog) -> None:
        _tab(dialog, "考核信息")
        d = dialog
        assert d.kind.currentText() == "工业"  # type: ignore[attr-defined]
        assert d.origin.currentText() == "境外"  # type: ignore[attr-defined]
        assert d.credit_unit.currentText() == "高新区"  # type: ignore[attr-defined]
        assert d.first_person.currentText() == "陈静"  # type: ignore[attr-defined]
        assert d.works_started.lineEdit().text() == "2026-03-15"  # type: ignore[attr-defined]
        assert d.registered.lineEdit().text().strip() == ""  # type: ignore[attr-defined]
        type_into(d.registered, "2026-02-01")  # type: ignore[attr-defined]
        press(dialog, "保存")

    row = column(page.table, "项目").index(NEW)
    in_dialog(qtbot, lambda: double_click_row(page.table, row), look)
    again = ledger.project(made.id or 0)
    assert again.registered == date(2026, 2, 1) and again.works_started == date(2026, 3, 15)
    assert (again.kind, again.origin, again.first_person_id) == (made.kind, made.origin, chen)
    assert not warnings
