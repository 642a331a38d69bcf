"""Holiday arrangements held in the database: logged, undoable, carried by backups."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.domain.holidays import YearSource, arrangement
from desktop.storage import changelog
from desktop.storage.backups import BackupReason, backup_before
from desktop.storage.ledger import Ledger
from tests.calendar_data import HOLIDAYS_2027, NOTICE, NOTICE_DATE, WORKDAYS_2027
from tests.conftest import calendar_not_knowing, snapshot

ENTERED = arrangement(2027, HOLIDAYS_2027, WORKDAYS_2027, NOTICE, NOTICE_DATE)


def _held_rows(ledger: Ledger) -> list[tuple[object, ...]]:
    rows = ledger.db.execute("SELECT * FROM holiday_years ORDER BY year").fetchall()
    return rows + ledger.db.execute("SELECT * FROM holiday_days ORDER BY date").fetchall()


def test_set_is_logged_and_restoring_what_it_returned_undoes_it_exactly(ledger: Ledger) -> None:
    ledger.calendar = calendar_not_knowing(2027)
    previous = ledger.set_holiday_year(ENTERED)
    assert previous is None
    assert ledger.calendar.source(2027) is YearSource.ENTERED
    assert ledger.holiday_years() == {2027: ENTERED}
    assert len(_held_rows(ledger)) == 1 + len(HOLIDAYS_2027) + len(WORKDAYS_2027)
    (change,) = changelog.history(ledger.db, "holiday_years")
    assert (change.action, change.record_id, change.actor) == ("insert", 2027, "测试秘书")
    assert change.after["notice"] == NOTICE
    ledger.restore_holiday_year(2027, previous)
    assert ledger.calendar.source(2027) is YearSource.FALLBACK
    assert _held_rows(ledger) == []
    actions = [c.action for c in changelog.history(ledger.db, "holiday_years")]
    assert sorted(actions) == ["delete", "insert"]


def test_putting_back_the_same_arrangement_writes_nothing(ledger: Ledger) -> None:
    ledger.set_holiday_year(ENTERED)
    before = snapshot(ledger)
    assert ledger.set_holiday_year(ENTERED) == ENTERED
    assert snapshot(ledger) == before


def test_replacing_a_year_returns_the_old_arrangement(ledger: Ledger) -> None:
    ledger.set_holiday_year(ENTERED)
    fewer = arrangement(2027, [("2027-01-01", "元旦")], [], NOTICE)
    assert ledger.set_holiday_year(fewer) == ENTERED
    assert not ledger.calendar.is_workday(date(2027, 1, 1))
    assert ledger.calendar.is_workday(date(2027, 2, 8))
    ledger.restore_holiday_year(2027, ENTERED)
    assert ledger.holiday_years()[2027] == ENTERED
    assert not ledger.calendar.is_workday(date(2027, 2, 8))


def test_the_arrangement_travels_with_a_backup(ledger: Ledger, tmp_path: Path) -> None:
    ledger.set_holiday_year(ENTERED)
    made = backup_before(ledger.db, BackupReason.IMPORT)
    assert made is not None
    with Ledger.open(made.path, calendar_not_knowing(2027)) as copy:
        assert copy.holiday_years() == {2027: ENTERED}
        assert copy.calendar.source(2027) is YearSource.ENTERED
