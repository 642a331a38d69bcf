"""The ledger is a facade over stores composed around one context: no store inherits from
another, each operation of the facade is a method of the store it names, and a store is made
(its module loaded) the first time it is used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop.storage.base import STORES, Context, SettingsStore, Store
from desktop.storage.facade import via
from desktop.storage.ledger import Ledger


def _stores(ledger: Ledger) -> dict[str, Store]:
    """Every store of the context (each made now if it was not yet)."""
    stores = {name: getattr(ledger.ctx, name) for name in STORES}
    assert all(isinstance(s, Store) for s in stores.values())
    return stores


def test_the_ledger_inherits_nothing(ledger: Ledger) -> None:
    assert Ledger.__bases__ == (object,)
    assert isinstance(ledger.ctx, Context)


def test_no_store_subclasses_another_store(ledger: Ledger) -> None:
    stores = _stores(ledger)
    assert len(stores) >= 15
    for name, store in stores.items():
        assert type(store).__bases__ == (Store,), name
    assert SettingsStore.__bases__ == (Store,)


def test_every_store_shares_the_one_context(ledger: Ledger) -> None:
    for name, store in _stores(ledger).items():
        assert store.ctx is ledger.ctx, name


def test_each_operation_is_a_method_of_the_store_it_names(ledger: Ledger) -> None:
    operations = {n: v for n, v in vars(Ledger).items() if isinstance(v, via)}
    assert len(operations) > 60
    stores = _stores(ledger)
    for name, operation in operations.items():
        assert operation.store in stores, name
        assert callable(getattr(stores[operation.store], operation.name)), name
        assert getattr(ledger, name).__self__ is stores[operation.store]


def test_a_calendar_set_on_the_ledger_is_the_one_every_store_reads(ledger: Ledger) -> None:
    calendar = ledger.calendar.with_overrides({})
    ledger.calendar = calendar
    assert all(s.calendar is calendar for s in _stores(ledger).values())


def test_a_store_is_made_once_when_first_used(ledger: Ledger) -> None:
    made = vars(ledger.ctx)
    assert "intake" not in made and "imports" not in made
    intake = ledger.ctx.intake
    assert ledger.ctx.intake is intake and vars(ledger.ctx)["intake"] is intake
    assert intake.ctx is ledger.ctx


def test_opening_a_ledger_loads_no_intake_import_or_signing_code(tmp_path: Path) -> None:
    Ledger.open(tmp_path / "l.db").close()  # made (its signing key with it) beforehand
    code = (
        "import sys; from desktop.storage.ledger import Ledger;"
        f" led = Ledger.open({str(tmp_path / 'l.db')!r}); led.summary_params;"
        " print(' '.join(sorted(sys.modules)))"
    )
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True).stdout.split())  # fmt: skip
    for module in ("desktop.storage.intake", "desktop.storage.entry_import", "cryptography"):
        assert module not in loaded, module
