"""Storage fixtures shared by the intake tests: three units' databases that submitted October,
and an office that trusts their keys (and they the office's)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.storage.ledger import Ledger
from tests.storage.units import make_units, open_ledger, submit_all, trust_units


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three units' databases and the files they submitted for October, made once."""
    root = tmp_path_factory.mktemp("world")
    for unit, db in make_units(root).items():
        submit_all(db, root / "out" / unit)
    return root


@pytest.fixture
def units(world: Path, tmp_path: Path) -> dict[str, Path]:
    """Fresh copies of the units' databases (their October is submitted)."""
    shutil.copytree(world, tmp_path / "w")
    return {
        u: tmp_path / "w" / f"unit{i}.db"
        for i, u in enumerate(("市人民政府", "高新区", "青山县"), 1)
    }


@pytest.fixture
def out(units: dict[str, Path]) -> Path:
    return next(iter(units.values())).parent / "out"


@pytest.fixture
def office(tmp_path: Path, units: dict[str, Path]) -> Iterator[Ledger]:
    with open_ledger(tmp_path / "office.db", actor="督查室") as led:
        trust_units(led, units)
        yield led
