"""The official order is held in the database, replaced whole, logged, and undone by writing
back what a change returns."""

from __future__ import annotations

import pytest

from desktop.domain.errors import ValidationError
from desktop.storage import changelog
from desktop.storage.ledger import Ledger
from tests.conftest import snapshot


def test_set_logged_and_undone(ledger: Ledger) -> None:
    assert ledger.official_order().units == ()
    old = ledger.set_official_order("unit", ["市人民政府", "高新区", "青山县"])
    assert old == ()
    assert ledger.official_order().units == ("市人民政府", "高新区", "青山县")
    assert ledger.set_official_order("unit", ["高新区", "市人民政府"]) == (
        "市人民政府",
        "高新区",
        "青山县",
    )
    (last, *_) = changelog.history(ledger.db, "official_order")
    assert (last.actor, last.action) == ("测试秘书", "update")
    assert last.before == {"unit": ["市人民政府", "高新区", "青山县"]}
    assert last.after == {"unit": ["高新区", "市人民政府"]}
    ledger.set_official_order("group", ["招商一组"])
    assert ledger.official_order().groups == ("招商一组",)
    assert ledger.official_order().units == ("高新区", "市人民政府")  # the lists are apart
    ledger.set_official_order("unit", [])
    ledger.set_official_order("group", [])
    assert ledger.db.execute("SELECT count(*) FROM official_order").fetchone()[0] == 0
    assert len(changelog.history(ledger.db, "official_order")) == 5


def test_a_refused_order_changes_nothing(ledger: Ledger) -> None:
    ledger.set_official_order("unit", ["十团", "十二团"])
    before = snapshot(ledger)
    with pytest.raises(ValidationError, match="十二团"):
        ledger.set_official_order("unit", ["十二团", "十二团"])
    assert snapshot(ledger) == before
