"""The run with --holiday-stub is that run in every process that runs tests (the workers of
`pytest -n auto` too): there, the package knows the stub's year."""

from __future__ import annotations

import pytest

from desktop.domain.holidays import PackageHolidays
from tests import holiday_stub


@pytest.mark.skipif(not holiday_stub.wanted(), reason="checks the run with --holiday-stub")
def test_the_package_knows_the_stub_year_in_the_stub_run() -> None:
    assert PackageHolidays().knows(holiday_stub.STUB_YEAR)
