"""A ledger open in the window stays sound while the window's own background jobs open the
file again and onethird-cli reads it at the same time. POSIX drops all of a process's locks on a
file when any descriptor of it is closed: a header once read with open()/close() let the CLI,
closing, take itself for the last user and delete the WAL under the window's connection, whose
next read said "database disk image is malformed"."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.storage.database import open_here
from desktop.storage.integrity import check_database
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY

CLI = Path(sys.executable).parent / "onethird-cli"


@pytest.mark.parametrize("second_look", ["a job's connection", "a check of the file"])
def test_the_window_s_connection_survives_jobs_and_the_cli(
    tmp_path: Path, second_look: str
) -> None:
    path = tmp_path / "ledger.db"
    window = Ledger.open(path, today=lambda: TODAY)
    try:
        zhang = window.add_person(Person("张伟", "市长", "市人民政府"))
        assert zhang.id is not None
        talks = window.find_activity("项目洽谈").id
        assert talks is not None
        window.add_entry(Entry(zhang.id, date(2026, 10, 9), talks, day_part=DayPart.FULL))
        assert open_here(path)
        if second_look == "a job's connection":
            with Ledger.open(path, window.calendar, "", lambda: TODAY) as job:
                job.summary(Period.month(2026, 10))
        else:
            assert check_database(path, deep=True).usable
        read = subprocess.run(
            [str(CLI), "--db", str(path), "summary", "--period", "2026-10"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert read.returncode == 0, read.stderr
        with Ledger.open(path, window.calendar, "", lambda: TODAY) as job:
            job.add_entry(Entry(zhang.id, date(2026, 10, 12), talks, day_part=DayPart.HALF))
        assert len(window.entries()) == 2
        assert window.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        window.close()
    assert not open_here(path)
