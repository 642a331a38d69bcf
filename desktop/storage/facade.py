"""`via`: a `Ledger` operation that is one store's method, named once and typed as that
method, so the facade is a table of which store does what."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload

P = ParamSpec("P")
R = TypeVar("R")


class _MethodNames:
    """Stands for a store class in a `via` line without loading the store's module: `via`
    needs only the method's name (mypy sees the real class)."""

    def __getattr__(self, name: str) -> Any:
        return _Named(name)


class _Named:
    def __init__(self, name: str) -> None:
        self.__name__ = name


method_names = _MethodNames()


class via(Generic[P, R]):
    """`add_entry = via("lock", LockingStore.add_entry)`: `ledger.add_entry(...)` calls
    `ledger.ctx.lock.add_entry(...)`."""

    def __init__(self, store: str, method: Callable[Concatenate[Any, P], R]) -> None:
        self.store = store
        self.name = method.__name__

    @overload
    def __get__(self, obj: None, owner: type) -> via[P, R]: ...

    @overload
    def __get__(self, obj: object, owner: type) -> Callable[P, R]: ...

    def __get__(self, obj: object | None, owner: type) -> via[P, R] | Callable[P, R]:
        if obj is None:
            return self
        method: Callable[P, R] = getattr(getattr(obj.ctx, self.store), self.name)  # type: ignore[attr-defined]
        return method
