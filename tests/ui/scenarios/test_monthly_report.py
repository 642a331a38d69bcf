"""A unit's month end in the window: the 报告 page prints a person's 个人月报 whose figures are
the ones onethird-cli's `summary` prints for that person and month; the 报送 page submits the
month, which the board shows as 已报送 and the database keeps as submitted (and read-only)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.submission import MonthState
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.entries_page import EntriesPage
from desktop.ui.pages.reports_page import ReportsPage
from desktop.ui.pages.submissions_page import SubmissionsPage
from tests.conftest import activity_id
from tests.test_cli import ok
from tests.ui.scenarios.conftest import FileAnswers
from tests.ui.scenarios.drive import (
    LEFT,
    NO_MODIFIER,
    choose,
    click_item,
    column,
    feedback,
    press,
    press_and_wait,
)

OCTOBER = Period.month(2026, 10)
# The figures of the report's 精力投入 block, as the CLI's summary table heads them
FIGURES = ("法定工作日", "请假天数", "基数天数", "招商天数", "招商精力占比", "是否达标", "还需天数")


def click_row(view: QAbstractItemView, row: int) -> None:
    """Click a row of a table, as a person selects it."""
    index = view.model().index(row, 0)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), LEFT, NO_MODIFIER, view.visualRect(index).center())
    assert view.selectionModel().isRowSelected(row, index.parent()), f"row {row} not selected"


def arrange_october(ledger: Ledger) -> Person:
    """张伟's October: two days out, a half day and a timed negotiation, a Saturday's visit
    hosted, a day of leave and a morning of routine work; 李娜 of another unit alongside."""
    zhang = ledger.add_person(Person("张伟", "市长", "市人民政府", "新能源汽车产业链"))
    li = ledger.add_person(Person("李娜", "区长", "高新区", "电子信息产业链"))
    assert zhang.id is not None and li.id is not None
    out, talks = activity_id(ledger, "外出招商"), activity_id(ledger, "项目洽谈")
    hosted, leave = activity_id(ledger, "接待客商考察"), activity_id(ledger, "请假")
    for day in (13, 14):
        ledger.add_entry(
            Entry(zhang.id, date(2026, 10, day), out, day_part=DayPart.FULL, location="重庆")
        )
    ledger.add_entry(Entry(zhang.id, date(2026, 10, 16), talks, day_part=DayPart.HALF))
    ledger.add_entry(Entry(zhang.id, date(2026, 10, 20), talks, start=840, end=1020))
    ledger.add_entry(Entry(zhang.id, date(2026, 10, 24), hosted, day_part=DayPart.FULL))
    ledger.add_entry(Entry(zhang.id, date(2026, 10, 27), leave, day_part=DayPart.FULL))
    other = activity_id(ledger, "其他工作")
    ledger.add_entry(Entry(zhang.id, date(2026, 10, 21), other, start=510, end=720))
    for day in (9, 12, 15, 19, 22, 23, 26):  # far more than 张伟, so a mix-up shows
        ledger.add_entry(Entry(li.id, date(2026, 10, day), out, day_part=DayPart.FULL))
    return zhang


def cli_figures(db: Path, person: Person, period: Period) -> dict[str, str]:
    """The row onethird-cli's summary table prints for the person, by its column heads."""
    text = ok(db, "summary", "--period", period.code, "--person", person.name)
    lines = text.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("----"))
    (row,) = [line for line in lines[rule + 1 :] if line.startswith(person.name)]
    # columns are padded to the display width of their Chinese heads: split on the blanks,
    # after checking that the cells before the figures are all there (none of them empty)
    heads, cells = lines[rule - 1].split(), row.split()
    assert cells[:4] == [person.name, person.title, person.unit, person.group], row
    return dict(zip(heads, cells, strict=False))


def pdf_layout_text(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, timeout=60
    )
    return done.stdout.decode("utf-8")


def pdf_figures(text: str) -> dict[str, str]:
    """The figures of the 精力投入 block as the printed report lays them out: a head, then its
    value (the unit 天 or % apart)."""
    found = {}
    for head in FIGURES:
        m = re.search(rf"{head}\s+(\S+?)(?:\s*天|%|\s|$)", text)
        assert m, f"“{head}” not in the report"
        found[head] = m.group(1) + ("%" if head == "招商精力占比" else "")
    return found


def test_the_monthly_report_prints_the_cli_s_figures_and_the_month_is_submitted(
    qtbot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    db_path: Path,
    tmp_path: Path,
    files: FileAnswers,
    opened: list[str],
    questions: list[str],
    warnings: list[str],
) -> None:
    zhang = arrange_october(ledger)
    assert zhang.id is not None
    main = start()
    choose(main.period_bar.person, "张伟（市长）")
    choose(main.period_bar.part, "10月")
    click_item(main.sidebar, "报告")
    page = main.page("reports")
    assert isinstance(page, ReportsPage)
    choose(page.kind, "个人月报")
    assert page.fmt.currentText() == "PDF"
    pdf = tmp_path / "月报" / "张伟-2026年10月.pdf"
    pdf.parent.mkdir()
    files.save.append(str(pdf))
    press(page, "导出…")
    qtbot.waitUntil(lambda: page.job is None and pdf.exists(), timeout=60_000)
    assert opened == [str(pdf)] and not warnings, (feedback(main), warnings)
    assert feedback(main).startswith("已生成") and str(pdf) in feedback(main)

    text = pdf_layout_text(pdf)
    assert "三分之一精力抓招商工作月报" in text
    assert re.search(r"姓名\s+张伟\s", text) and "李娜" not in text
    assert "2026年10月" in text
    printed = pdf_figures(text)
    # the window holds the database open: the CLI reads it all the same
    expected = cli_figures(db_path, zhang, OCTOBER)
    assert printed == {head: expected[head] for head in FIGURES}, expected
    # and they are 张伟's October: 2 + ½ + 3 h + a Saturday = 3.875 days of 17 (18 working
    # days of October 2026 less a day's leave)
    assert printed["招商天数"] == "3.9" and printed["请假天数"] == "1.0"

    click_item(main.sidebar, "报送")
    board = main.page("submissions")
    assert isinstance(board, SubmissionsPage)
    names = column(board.table, "姓名")
    assert column(board.table, "状态")[names.index("张伟")] == "未报送"
    click_row(board.table, names.index("张伟"))
    otr = tmp_path / "报送" / "2026-10-市人民政府-张伟.otr"
    otr.parent.mkdir()
    files.save.append(str(otr))
    press_and_wait(qtbot, board, "报送本月…")  # the PDF and the file are made off the GUI thread
    assert otr.exists(), feedback(main)
    # asked first, naming whose month is about to become read-only
    assert len(questions) == 1, questions
    assert "张伟" in questions[0] and "2026年10月" in questions[0], questions
    assert warnings == questions  # the box asked, and nothing else

    assert column(board.table, "状态")[column(board.table, "姓名").index("张伟")] == "已报送"
    assert column(board.table, "状态")[column(board.table, "姓名").index("李娜")] == "未报送"
    assert "只读" in feedback(main) and str(otr) in feedback(main)
    (held,) = [s for s in ledger.submission_status(OCTOBER) if s.person.id == zhang.id]
    assert held.state is MonthState.SUBMITTED and held.revision == 1
    assert [s.locked for s in ledger.month_statuses(zhang.id, OCTOBER)] == [True]
    click_item(main.sidebar, "工作记录")
    entries = main.page("entries")
    assert isinstance(entries, EntriesPage)
    assert "只读" in entries.banner.text() and not entries.add_button.isEnabled()
