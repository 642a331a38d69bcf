"""Whether the process that left a file behind (named in the file's name) has gone."""

from __future__ import annotations

import os


def process_gone(pid: int) -> bool:
    """True when no process has this id; never for this process. On Windows a file another
    process still has open cannot be deleted, so there trying to delete it is the test."""
    if pid == os.getpid():
        return False
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False
