"""The supervision office prints the city circular from the 报告 page: the same PDF, word for
word, as onethird-cli's `report circular` on the same database, naming who did not submit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.reports_page import ReportsPage
from tests.reports.conftest import pdf_text
from tests.storage.units import OCTOBER, make_units, submit_all, trust_units
from tests.test_cli import ok
from tests.ui.scenarios.conftest import FileAnswers
from tests.ui.scenarios.drive import choose, click_item, press, wait_for_feedback


def test_the_circular_printed_in_the_window_is_the_cli_circular(
    qtbot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    db_path: Path,
    tmp_path: Path,
    files: FileAnswers,
    opened: list[str],
    warnings: list[str],
) -> None:
    # the office has taken in the October files of three units; 高新区's 陈静 sent none
    units = make_units(tmp_path / "units")
    trust_units(ledger, units)
    sent = []
    for unit, db in units.items():
        sent += submit_all(db, tmp_path / "sent" / unit)
    sent = [f for f in sent if "陈静" not in f.name]
    run = ledger.intake(sent)
    assert not run.refused
    cli_pdf = tmp_path / "cli.pdf"
    ok(db_path, "report", "circular", "--period", OCTOBER.code, "--out", str(cli_pdf))

    main = start()
    choose(main.period_bar.part, "10月")
    click_item(main.sidebar, "报告")
    page = main.page("reports")
    assert isinstance(page, ReportsPage)
    choose(page.kind, "汇总通报")
    assert page.fmt.currentText() == "PDF"
    gui_pdf = tmp_path / "gui.pdf"
    files.save.append(str(gui_pdf))
    press(page, "导出…")
    wait_for_feedback(qtbot, main, "已生成")
    assert opened == [str(gui_pdf)] and not warnings

    seen = pdf_text(gui_pdf.read_bytes(), tmp_path)
    assert seen == pdf_text(cli_pdf.read_bytes(), tmp_path)
    assert "陈静" in "".join(seen) and "未报送" in "".join(seen)
