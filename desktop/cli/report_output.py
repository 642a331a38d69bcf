"""How the commands that write reports print: a whole line at a time, stdout before stderr.

print() writes a text and then its newline; stdout to a file or a pipe is held back while stderr
is not. A log taken as `> log 2>&1`, or a runner reading both streams, then showed a warning
before the file it was about, or inside that file's line (`…pdf警告：…`).
"""

from __future__ import annotations

import sys


def said(text: str) -> None:
    """A line on stdout, written at once."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def warned(text: str) -> None:
    """A line on stderr, after everything said before it on stdout."""
    sys.stdout.flush()
    sys.stderr.write(text + "\n")
    sys.stderr.flush()
