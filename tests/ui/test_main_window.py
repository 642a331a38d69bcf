from datetime import date

from PySide6.QtCore import Qt

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.storage.ledger import Ledger
from desktop.ui.app import load_fonts
from desktop.ui.main_window import MainWindow
from tests.conftest import activity_id


def test_window_opens_on_the_database_and_shows_the_month(
    qtbot, ledger: Ledger, zhang: Person
) -> None:
    assert zhang.id is not None
    for day in (2, 3, 4, 5, 6, 9, 10):
        ledger.add_entry(
            Entry(
                zhang.id,
                date(2026, 11, day),
                activity_id(ledger, "外出招商"),
                day_part=DayPart.FULL,
            )
        )
    assert load_fonts() == "Noto Sans SC"
    window = MainWindow(ledger, date(2026, 11, 20))
    qtbot.addWidget(window)
    window.show()
    model = window.model
    assert model.rowCount() == 1
    cells = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert cells[0] == "张伟"
    assert "33.3%" in cells  # 7 of 21 working days
    assert "达标" in cells
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "招商精力占比" in header
    assert "2026年11月" in window.heading.text()
    assert not window.notice.isVisible()


def test_unknown_year_shows_the_notice(qtbot, ledger: Ledger) -> None:
    window = MainWindow(ledger, date(2027, 3, 1))
    qtbot.addWidget(window)
    window.show()
    assert window.notice.isVisible()
    assert window.notice.text() == "2027年节假日安排未收录，按周一至周五计算"
