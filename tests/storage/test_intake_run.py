"""One intake run is one transaction with a savepoint a file: a file whose writes fail is rolled
back alone, and what the run had learnt of it (the persons and projects it made) is forgotten,
so a later file of the run that names the same project makes it afresh."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.ledger_parsing import name_key
from desktop.storage.intake import IntakeStore
from desktop.storage.ledger import Ledger


def test_a_file_whose_writes_fail_leaves_the_next_one_whole(
    units: dict[str, Path], out: Path, office: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(out.rglob("*.otr"))
    zhang = next(f for f in files if "张伟" in f.name)  # 市人民政府: makes 京东方 and 长安 here
    li = next(f for f in files if "李娜" in f.name)  # 高新区: reports 京东方 too
    hold = IntakeStore._hold_received

    def disk_full_for_zhang(self: IntakeStore, person_id: int, *args: object) -> None:
        if self.ctx.people.person(person_id).name == "张伟":
            raise OSError(28, "No space left on device")
        hold(self, person_id, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(IntakeStore, "_hold_received", disk_full_for_zhang)
    run = office.intake([zhang, li])
    outcomes = {o.path.name: o for o in run.outcomes}
    assert outcomes[zhang.name].refused and not outcomes[li.name].refused
    assert office.find_person("李娜").unit == "高新区"
    assert [p.name for p in office.persons() if p.name == "张伟"] == []  # rolled back whole
    boe = [p for p in office.projects() if name_key(p.name) == name_key("京东方显示模组项目(一期)")]
    assert len(boe) == 1 and boe[0].history  # made afresh by 李娜's file, with its history
    assert [p.name for p in office.projects() if p.name.startswith("长安")] == []
    violations = office.db.execute("PRAGMA foreign_key_check").fetchall()
    assert violations == []
