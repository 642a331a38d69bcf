"""The rotating log file behind the `onethird` loggers (desktop/logs.py), opened at the first
record it is given: most CLI runs write none."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from desktop import paths

MAX_BYTES = 1_000_000
BACKUP_COUNT = 5  # onethird-gui.log.1 … .5 beside the current one
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


class LogFile(logging.Handler):
    """The rotating log file, opened at the first record it is given."""

    def __init__(self, program: str) -> None:
        super().__init__()
        self.program = program
        self.target: logging.Handler | None = None
        self.path: Path | None = None

    def open(self) -> logging.Handler:
        if self.target is None:
            import logging.handlers

            path = paths.log_dir() / f"onethird-{self.program}.log"
            target: logging.Handler
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                target = logging.handlers.RotatingFileHandler(
                    path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
                )
                self.path = path
            except OSError:
                target = logging.StreamHandler(sys.stderr)
                target.setLevel(logging.WARNING)
            target.setFormatter(logging.Formatter(FORMAT))
            self.target = target
        return self.target

    def emit(self, record: logging.LogRecord) -> None:
        target = self.open()
        if record.levelno >= target.level:
            target.emit(record)

    def close(self) -> None:
        if self.target is not None:
            self.target.close()
        super().close()
