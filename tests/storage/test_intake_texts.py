"""Intake applies the rule of every door to the names and texts a report file brings
(domain/texts.py): 张\u200b伟 from a unit is the office's 张伟, an escape sequence is refused."""

from __future__ import annotations

from pathlib import Path

from desktop.storage.ledger import Ledger
from tests.storage.test_intake import resubmit
from tests.storage.units import OCTOBER


def test_a_zero_width_name_is_the_same_person_and_escapes_are_refused(
    units: dict[str, Path], out: Path, office: Ledger, tmp_path: Path
) -> None:
    office.intake([out])
    before = sorted((p.name, p.unit) for p in office.persons())

    def invisible(led: Ledger, pid: int) -> None:
        # a file made by an older version, or edited: the rule did not hold at the unit
        led.db.execute("UPDATE persons SET name = '张\u200b伟' WHERE id = ?", [pid])
        led.db.execute(
            "UPDATE entries SET note = '洽谈\u202e推进', location = '市行政\u200b中心'"
            " WHERE person_id = ?",
            [pid],
        )

    newer = resubmit(units["市人民政府"], "张伟", office, tmp_path, invisible)
    (outcome,) = office.intake([newer]).outcomes
    assert outcome.code == "replaced", outcome.message()
    assert sorted((p.name, p.unit) for p in office.persons()) == before  # no second 张伟
    zhang = office.find_person("张伟")
    notes = {e.note for e in office.entries(person_id=zhang.id, period=OCTOBER)}
    places = {e.location for e in office.entries(person_id=zhang.id, period=OCTOBER)}
    assert "洽谈推进" in notes and not any("\u202e" in n for n in notes)
    assert "市行政中心" in places

    def escape(led: Ledger, pid: int) -> None:
        led.db.execute("UPDATE entries SET note = '\x1b]0;已审核\x07' WHERE person_id = ?", [pid])

    worst = resubmit(units["市人民政府"], "张\u200b伟", office, tmp_path, escape)
    (outcome,) = office.intake([worst]).outcomes
    assert outcome.refused
    message = outcome.message()
    assert "备注：含有控制字符（U+001B" in message and "\x1b" not in message
