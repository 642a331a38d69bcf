"""报送 in the window: submit a month (then it is read-only), take the file in, return it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.entries_page import EntriesPage
from desktop.ui.pages.submissions_page import SubmissionsPage
from tests.conftest import TODAY, activity_id
from tests.storage.units import introduce


def test_submit_lock_take_in_and_return(
    qtbot, window: MainWindow, ledger: Ledger, zhang: Person, tmp_path: Path
) -> None:
    assert zhang.id is not None
    ledger.add_entry(
        Entry(zhang.id, date(2026, 10, 9), activity_id(ledger, "外出招商"), day_part=DayPart.FULL)
    )
    session = window.session
    session.set_period(Period.parse("2026-10"))
    session.set_person(zhang.id)
    page = window.show_page("submissions")
    assert isinstance(page, SubmissionsPage)
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 2)) == "未报送"
    out = tmp_path / "2026-10-张伟.otr"
    assert page.submit(zhang.id, out) is not None
    qtbot.waitUntil(lambda: page.job is None, timeout=60_000)  # made off the GUI thread
    assert out.exists() and "只读" in window.feedback.text.text()
    assert page.model.data(page.model.index(0, 2)) == "已报送"
    entries = window.show_page("entries")
    assert isinstance(entries, EntriesPage)
    assert entries.banner.isVisible() and not entries.add_button.isEnabled()

    # the supervision office takes the file in, in a database of its own
    office_path = tmp_path / "office.db"
    returned = tmp_path / "2026-10-张伟.otv"
    with Ledger.open(office_path, today=lambda: TODAY) as office:
        introduce(office, ledger, "unit", "市人民政府")
        introduce(ledger, office, "office")
        run = office.intake([out])
        assert not run.refused
        (item,) = office.summary(Period.parse("2026-10"))
        assert item.person.name == "张伟" and item.result.promotion_days == 1.0
        held = office.find_person("张伟")
        assert held.id is not None
        office.review_month(
            held.id, Period.parse("2026-10"), accept=False, opinion="请补充项目进展"
        )
        office.write_review_file(held.id, Period.parse("2026-10"), returned)

    # the unit takes the return file in: the month is editable again and shows the opinion
    page = window.show_page("submissions")
    assert isinstance(page, SubmissionsPage)
    assert page.take_in([returned]) is not None
    qtbot.waitUntil(lambda: page.job is None, timeout=60_000)  # taken in off the GUI thread
    assert page.model.data(page.model.index(0, 2)) == "已退回"
    entries = window.show_page("entries")
    assert isinstance(entries, EntriesPage)
    assert "请补充项目进展" in entries.banner.text() and entries.add_button.isEnabled()
