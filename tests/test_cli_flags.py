"""`onethird-cli held`: the office lists what intake held back, accepts one, rejects another
and takes a decision back; the project follows each step."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.storage.ledger import Ledger
from tests.storage.test_intake_flags import SOLAR, _submit, two_units  # noqa: F401
from tests.storage.units import open_ledger
from tests.test_cli import introduce, ok, refused


def _investor(office: Path) -> str:
    with open_ledger(office) as led:
        (solar,) = [p for p in led.projects() if p.name == SOLAR]
        return solar.investor


def _open(office: Path) -> dict[str, str]:
    listed = json.loads(ok(office, "held", "list", "--format", "json"))
    return {r["what"]: str(r["id"]) for r in listed["rows"]}


def test_the_office_decides_on_held_values_from_the_command_line(
    two_units: dict[str, Path],  # noqa: F811
    tmp_path: Path,
) -> None:
    office = tmp_path / "office.db"
    ok(office, "init")
    for unit, db in two_units.items():
        introduce(office, db, "unit", unit)
    out = tmp_path / "out"
    files = [
        _submit(two_units["市人民政府"], "张伟", out),
        _submit(two_units["高新区"], "李娜", out),
    ]
    for f in files:
        ok(office, "intake", str(f))
    table = ok(office, "held", "list")
    assert "乙公司" in table and "甲集团" in table and "待核对" in table and "高新区" in table
    waiting = _open(office)
    assert set(waiting) == {"投资方", "包联领导", "协议投资额", "阶段变化"}
    said = ok(office, "held", "accept", waiting["投资方"])
    assert f"已接受：项目“{SOLAR}”的投资方按报送改为 乙公司" in said
    assert _investor(office) == "乙公司"
    assert "重新待核对" in ok(office, "held", "undo", waiting["投资方"])
    assert _investor(office) == "甲集团"
    assert "未采用" in ok(office, "held", "reject", waiting["投资方"])
    assert _investor(office) == "甲集团"
    assert "已经处理过" in refused(office, "held", "accept", waiting["投资方"])
    assert "投资方" not in _open(office)
    everything = ok(office, "held", "list", "--all")
    assert "未采用" in everything
    with Ledger.open(office) as led:
        assert len(led.intake_flags()) == 4
