"""The ledger is a facade over stores composed around one context: no store inherits from
another, and each operation of the facade is a method of the store it names."""

from __future__ import annotations

from desktop.storage.base import Context, SettingsStore, Store
from desktop.storage.facade import via
from desktop.storage.ledger import Ledger


def _stores(ledger: Ledger) -> dict[str, Store]:
    return {name: s for name, s in vars(ledger.ctx).items() if isinstance(s, Store)}


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
