"""A project made on the 项目 page by hand: created, taken to 在谈 and 签约, funds arrived; then
every step undone and redone with Ctrl+Z / Ctrl+Shift+Z, the database checked each time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.domain.people import Person
from desktop.domain.projects import Funding, InvestorOrigin, Project, Stage, StageChange
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.projects_page import ProjectsPage
from tests.ui.scenarios.drive import (
    CTRL,
    SHIFT,
    choose,
    click_choice,
    click_item,
    column,
    double_click_row,
    in_dialog,
    items,
    press,
    shortcut,
    type_into,
)

State = tuple[tuple[object, ...], ...]


NEW, OTHER = "长安新能源电池项目", "京东方第6代柔性屏项目"


def held(ledger: Ledger, name: str = NEW) -> State:
    """A project, its stages and funds as stored, without row ids (a redo may put a row back
    under a new id; what matters is which rows there are)."""
    q = ledger.db.execute
    projects = q(
        "SELECT name, investor, chain, amount, currency, leader_id FROM projects WHERE name = ?",
        [name],
    )
    stages = q(
        "SELECT s.date, s.stage, s.amount FROM project_stages s"
        " JOIN projects p ON p.id = s.project_id WHERE p.name = ? ORDER BY s.date, s.stage",
        [name],
    )
    funds = q(
        "SELECT f.date, f.amount, f.note FROM funds f"
        " JOIN projects p ON p.id = f.project_id WHERE p.name = ? ORDER BY f.date, f.amount",
        [name],
    )
    return (tuple(projects.fetchall()), tuple(stages.fetchall()), tuple(funds.fetchall()))


def test_create_a_project_take_it_to_signing_and_undo_redo_every_step(
    qtbot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    zhang: Person,
    questions: list[str],
    warnings: list[str],
) -> None:
    other = ledger.add_project(Project(OTHER, leader_id=zhang.id))
    assert other.id is not None
    main = start()
    click_item(main.sidebar, "项目")
    page = main.page("projects")
    assert isinstance(page, ProjectsPage)
    states = [held(ledger)]

    def fill(dialog: QDialog) -> None:
        type_into(dialog.name, "长安新能源电池项目")
        type_into(dialog.investor, "长安汽车")
        type_into(dialog.amount, "50000")
        choose(dialog.currency, "万元")
        choose(dialog.leader, "张伟")
        press(dialog, "保存")

    in_dialog(qtbot, lambda: press(page, "新建项目"), fill)
    states.append(held(ledger))
    assert states[1][0] == ((NEW, "长安汽车", "", "50000", "CNY", zhang.id),)
    row = column(page.table, "项目").index(NEW)

    def advance(dialog: QDialog) -> None:
        choose(dialog.stage, "在谈")
        press(dialog, "添加阶段变更")
        states.append(held(ledger))
        choose(dialog.stage, "签约")
        type_into(dialog.stage_amount, "50000")
        press(dialog, "添加阶段变更")
        states.append(held(ledger))
        type_into(dialog.funds_amount, "10000")
        type_into(dialog.funds_note, "首期资金")
        press(dialog, "添加到位资金")
        states.append(held(ledger))
        assert [dialog.history.item(i).text().split()[1] for i in range(2)] == ["在谈", "签约"]
        press(dialog, "关闭")

    in_dialog(qtbot, lambda: double_click_row(page.table, row), advance)
    assert states[2][1] == (("2026-11-20", "在谈", None),)
    assert states[3][1] == (("2026-11-20", "在谈", None), ("2026-11-20", "签约", "50000"))
    assert states[4][2] == (("2026-11-20", "10000", "首期资金"),)
    assert len(set(states)) == 5
    shown = dict(zip(column(page.table, "项目"), column(page.table, "阶段"), strict=True))
    assert shown[NEW] == "签约"

    def undo() -> None:
        shortcut(main, Qt.Key.Key_Z, CTRL)

    def redo() -> None:
        shortcut(main, Qt.Key.Key_Z, CTRL | SHIFT)

    def elsewhere(step: int) -> None:
        """Meanwhile a row of another project is written where the undone one was, as another
        window or onethird-cli on the same database would: a redo must not count on the old id."""
        if step == 3:
            ledger.add_stage(other.id, StageChange(date(2026, 11, 2), Stage.TALKS))
        elif step == 4:
            ledger.add_funds(other.id, Funding(date(2026, 11, 2), Decimal(300)))

    for step in (4, 3, 2, 1):
        undo()
        assert held(ledger) == states[step - 1], f"undo of step {step}"
        elsewhere(step)
        theirs = held(ledger, OTHER)
        redo()
        assert held(ledger) == states[step], f"redo of step {step}"
        undo()
        assert held(ledger) == states[step - 1], f"undo after redo of step {step}"
        assert held(ledger, OTHER) == theirs, f"the undo of step {step} took another's row"
        redo()
        assert held(ledger) == states[step], f"second redo of step {step}"
        undo()
    assert NEW not in column(page.table, "项目")
    for step in (1, 2, 3, 4):
        redo()
        assert held(ledger) == states[step], f"redo of step {step} at the end"
    assert held(ledger, OTHER)[1:] == (
        (("2026-11-02", "在谈", None),),
        (("2026-11-02", "300", ""),),
    )
    shown = dict(zip(column(page.table, "项目"), column(page.table, "到位资金"), strict=True))
    assert shown[NEW] == "10,000"
    assert not questions  # no amount here is large enough to be asked about
    assert not warnings  # and no undo or redo was refused


def test_funds_arrived_with_their_origin_and_kind_and_the_add_undone(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, zhang: Person
) -> None:
    """资金来源 and 资金性质 chosen by key and by click, the funding stored with both and listed
    with them; Ctrl+Z takes it away, Ctrl+Shift+Z puts it back as it was."""
    ledger.add_project(Project(NEW, leader_id=zhang.id, origin=InvestorOrigin.ABROAD))
    main = start()
    click_item(main.sidebar, "项目")
    page = main.page("projects")
    assert isinstance(page, ProjectsPage)
    shown: list[str] = []

    def funds(dialog: QDialog) -> None:
        assert items(dialog.funds_origin) == ["未填", "市内", "市外省内", "国内省外", "境外"]
        assert items(dialog.funds_kind) == ["未填", "固定资产", "流动资金"]
        type_into(dialog.funds_amount, "8000")
        choose(dialog.funds_origin, "国内省外")
        click_choice(dialog.funds_kind, "固定资产")
        type_into(dialog.funds_note, "首期")
        press(dialog, "添加到位资金")
        type_into(dialog.funds_amount, "500")  # neither given: the project's 境外 counts for it
        press(dialog, "添加到位资金")
        shown.extend(dialog.funds.item(i).text() for i in range(dialog.funds.count()))
        press(dialog, "关闭")

    row = column(page.table, "项目").index(NEW)
    in_dialog(qtbot, lambda: double_click_row(page.table, row), funds)
    assert shown == [
        "2026-11-20  到位 8000 万元  国内省外  固定资产  首期",
        "2026-11-20  到位 500 万元",
    ]

    def stored() -> list[tuple[object, ...]]:
        return ledger.db.execute(
            "SELECT date, amount, note, origin, kind FROM funds ORDER BY amount DESC"
        ).fetchall()

    both = [
        ("2026-11-20", "8000", "首期", "国内省外", "固定资产"),
        ("2026-11-20", "500", "", None, None),
    ]
    assert stored() == both
    shortcut(main, Qt.Key.Key_Z, CTRL)
    assert stored() == both[:1]
    shortcut(main, Qt.Key.Key_Z, CTRL)
    assert stored() == []
    shortcut(main, Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored() == both[:1]  # the origin and kind back with it
