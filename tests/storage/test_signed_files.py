"""Report files the office can trust: signed by the unit's registered key, revisions one by one,
return files signed by the office. Each forgery of the attack that was found is refused."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from desktop.domain.entries import Entry
from desktop.domain.people import Person
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY, activity_id, snapshot
from tests.storage.test_intake import file_of, resubmit
from tests.storage.units import OCTOBER, PDF, open_ledger

MANIFEST = "manifest.json"


def _rewrite(source: Path, target: Path, change, keep_signature: bool) -> Path:  # type: ignore[no-untyped-def]
    """The attack: unzip, change a part, rehash every part in the manifest, zip again."""
    with zipfile.ZipFile(source) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    manifest = json.loads(parts.pop(MANIFEST))
    change(parts, manifest)
    for name, data in parts.items():
        manifest["parts"][name] = {"sha256": hashlib.sha256(data).hexdigest()}
    if not keep_signature:
        manifest.pop("signature", None)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
        z.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False))
    target.write_bytes(buffer.getvalue())
    return target


def _inflate_entries(parts: dict[str, bytes], manifest: dict) -> None:  # type: ignore[type-arg]
    doc = json.loads(parts["entries.json"])
    for e in doc["entries"]:  # every piece of work a whole day of promotion
        e.update(activity="外出招商", activity_kind="promotion", minutes=None, day_part="full",
                 start=None, end=None)  # fmt: skip
    parts["entries.json"] = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    manifest["report_id"] = "f" * 32
    manifest["revision"] = 999999


@pytest.mark.parametrize("keep_signature", [True, False])
def test_a_rehashed_forgery_is_refused_and_the_units_next_revision_is_taken_in(
    units: dict[str, Path], out: Path, office: Ledger, tmp_path: Path, keep_signature: bool
) -> None:
    genuine = file_of(out, "张伟")
    assert [o.code for o in office.intake([genuine]).outcomes] == ["taken"]
    forged = _rewrite(genuine, tmp_path / "forged.otr", _inflate_entries, keep_signature)
    before = snapshot(office)
    (outcome,) = office.intake([forged]).outcomes
    assert outcome.refused
    says = "签名与内容不符" if keep_signature else "没有签名"
    assert says in outcome.message()
    assert snapshot(office) == before

    def add_talk(led: Ledger, pid: int) -> None:
        talks = activity_id(led, "项目洽谈")
        led.add_entry(Entry(pid, OCTOBER.start.replace(day=29), talks, minutes=60))

    second = resubmit(units["市人民政府"], "张伟", office, tmp_path, add_talk)
    (outcome,) = office.intake([second]).outcomes
    assert outcome.code == "replaced", outcome.message()


def test_a_genuine_file_of_unit_a_for_unit_bs_person_is_refused(
    units: dict[str, Path], office: Ledger, tmp_path: Path
) -> None:
    with open_ledger(units["市人民政府"]) as led:
        li = led.add_person(Person("李娜", "区长", "高新区"))
        assert li.id is not None
        led.add_entry(Entry(li.id, OCTOBER.start.replace(day=5), activity_id(led, "项目洽谈"),
                            minutes=120))  # fmt: skip
        sent = led.submit_month(li.id, OCTOBER, PDF, tmp_path / "li.otr").path
    before = snapshot(office)
    (outcome,) = office.intake([sent]).outcomes
    assert outcome.refused
    assert "登记给“市人民政府”" in outcome.message() and "高新区" in outcome.message()
    assert snapshot(office) == before


def test_a_file_signed_by_a_key_the_office_never_accepted_is_refused(
    out: Path, tmp_path: Path
) -> None:
    with open_ledger(tmp_path / "another-office.db") as other:
        before = snapshot(other)
        (outcome,) = other.intake([file_of(out, "张伟")]).outcomes
        assert outcome.refused and "尚未在本数据库登记" in outcome.message()
        assert snapshot(other) == before


def test_a_revision_that_jumps_is_refused(
    units: dict[str, Path], out: Path, office: Ledger, tmp_path: Path
) -> None:
    office.intake([file_of(out, "李娜")])
    with open_ledger(units["高新区"]) as led:
        li = led.find_person("李娜")
        assert li.id is not None
        row = led.held_row(li.id, OCTOBER)
        assert row is not None
        # as if two submissions had gone by unseen: the unit's own file numbers the third
        led.db.execute("UPDATE submissions SET revision = 2, state = 'returned' WHERE id = ?",
                       [row.id])  # fmt: skip
        third = led.submit_month(li.id, OCTOBER, PDF, tmp_path / "li-3.otr").path
    (outcome,) = office.intake([third]).outcomes
    assert outcome.refused and "逐次递增" in outcome.message()


def test_a_tampered_return_file_is_refused_at_the_unit(
    units: dict[str, Path], out: Path, office: Ledger, tmp_path: Path
) -> None:
    office.intake([out])
    zhang = office.find_person("张伟")
    assert zhang.id is not None
    office.review_month(zhang.id, OCTOBER, accept=False, opinion="请补充")
    genuine = office.write_review_file(zhang.id, OCTOBER, tmp_path / "back.otv")

    def accept_instead(parts: dict[str, bytes], manifest: dict) -> None:  # type: ignore[type-arg]
        note = json.loads(parts["review.json"])
        note["decision"] = "accepted"
        note["opinion"] = "同意"
        parts["review.json"] = json.dumps(note, ensure_ascii=False).encode("utf-8")

    tampered = _rewrite(genuine, tmp_path / "tampered.otv", accept_instead, True)
    with open_ledger(units["市人民政府"]) as led:
        before = snapshot(led)
        (outcome,) = led.intake([tampered]).outcomes
        assert outcome.refused and "签名与内容不符" in outcome.message()
        assert snapshot(led) == before
        (outcome,) = led.intake([genuine]).outcomes
        assert outcome.code == "review_returned"
    assert TODAY
