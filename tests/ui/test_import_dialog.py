"""导入台账 in the window: check, map unknown activities, import off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.people import Person
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from tests.conftest import snapshot

DATA = Path(__file__).resolve().parents[1] / "data"


def _finish(qtbot, dialog, dry_run: bool) -> None:
    job = dialog.start(dry_run=dry_run)
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass


def test_unknown_activities_are_mapped_by_the_user(
    qtbot, window: MainWindow, ledger: Ledger, zhang: Person
) -> None:
    dialog = window.show_import()
    qtbot.addWidget(dialog)
    dialog.file.setText(str(DATA / "ledger-old-activities.csv"))
    before = snapshot(ledger)
    _finish(qtbot, dialog, dry_run=True)
    assert "未导入任何记录" in dialog.summary.text()
    assert set(dialog._map_combos) == {"招商洽谈", "外出考察"}
    assert dialog.problems.count() >= 2 and not dialog.import_button.isEnabled()
    assert snapshot(ledger) == before
    dialog._map_combos["招商洽谈"].setCurrentText("项目洽谈")
    dialog._map_combos["外出考察"].setCurrentText("外出招商")
    _finish(qtbot, dialog, dry_run=True)
    assert "没有名为“王强”的人员" in dialog.problems.item(0).text()
    dialog.create_persons.setChecked(True)
    _finish(qtbot, dialog, dry_run=True)
    assert dialog.summary.text().startswith("检查通过")
    assert snapshot(ledger) == before  # a check writes nothing
    assert dialog.import_button.isEnabled()
    _finish(qtbot, dialog, dry_run=False)
    assert dialog.summary.text().startswith("已导入")
    names = {a.id: a.name for a in ledger.activities()}
    assert "王强" in [p.name for p in ledger.persons()]
    assert {names[e.activity_id] for e in ledger.entries()} == {"外出招商", "项目洽谈"}
