"""A file dialog opens where the person went last time for the same purpose: a report exported to
a folder once is offered in that folder the next time, and another purpose keeps its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.domain.people import Person
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from tests.ui.scenarios.conftest import FileAnswers
from tests.ui.scenarios.drive import choose, click_item, press


def test_the_report_dialog_opens_in_the_folder_used_last_time(
    qtbot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    zhang: Person,
    tmp_path: Path,
    files: FileAnswers,
    opened: list[str],
) -> None:
    main = start()
    click_item(main.sidebar, "报告")
    reports = main.page("reports")
    choose(reports.kind, "汇总通报")
    folder = tmp_path / "通报"
    folder.mkdir()
    first = folder / "first.pdf"
    files.save.append(str(first))
    press(reports, "导出…")
    qtbot.waitUntil(lambda: reports.job is None and first.exists(), timeout=60_000)
    assert "/" not in files.suggested[0]  # nowhere yet: the name alone
    files.save.append("")  # the second time the person looks and cancels
    press(reports, "导出…")
    assert Path(files.suggested[1]).parent == folder, files.suggested
    # another purpose is not sent there: the list export starts from its own (none yet)
    click_item(main.sidebar, "人员")
    files.save.append("")
    press(main.page("people"), "导出当前列表…")
    assert Path(files.suggested[2]).parent == Path("."), files.suggested
