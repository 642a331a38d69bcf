"""Work that makes many small objects and no reference cycles, done with Python's cycle
collector paused: a year's import, a page of thousands of rows. With the window's objects
alive, each collection the allocations trigger walks all of them; on the 外出招商 page of
5,000 trips that was half the time it took to open."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
