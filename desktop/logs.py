"""Logging for the GUI and the CLI: rotating files in the user log folder (paths.log_dir()), and
unexpected exceptions written there in full, so the user sees a short message and where to look.

The file (and `logging.handlers`, and the folder's lookup) is opened at the first record: most
CLI runs write none, and start the faster for it."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from desktop import paths

LOGGER = "onethird"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5  # onethird-gui.log.1 … .5 beside the current one
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

ExceptionCallback = Callable[[BaseException, Path | None], None]


def setup_logging(program: str = "gui", *, level: int = logging.INFO) -> None:
    """Send the `onethird` loggers to `<log dir>/onethird-<program>.log` (rotated at 1 MB, five
    kept), or to stderr (warnings only) when that folder cannot be written.

    Calling it again is harmless: the handler is added once."""
    logger = logging.getLogger(LOGGER)
    logger.setLevel(level)
    logger.propagate = False
    if logger.handlers:
        return
    handler = _LogFile(program)
    logger.addHandler(handler)
    logging.captureWarnings(True)
    logging.getLogger("py.warnings").addHandler(handler)


class _LogFile(logging.Handler):
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


def log_file() -> Path | None:
    """The file the `onethird` loggers write to, or None when its folder cannot be written."""
    for handler in logging.getLogger(LOGGER).handlers:
        if isinstance(handler, _LogFile):
            handler.open()
            return handler.path
    return None


def get_logger(name: str) -> logging.Logger:
    """A child of the `onethird` logger: get_logger(__name__) in any module."""
    return logging.getLogger(f"{LOGGER}.{name.removeprefix('desktop.')}")


def log_unexpected(exc: BaseException, context: str = "") -> Path | None:
    """Write an unexpected exception with its traceback to the log; returns the log file."""
    from desktop import __version__

    get_logger("errors").error(
        "unexpected %s%s (onethird %s)",
        type(exc).__name__,
        f" in {context}" if context else "",
        __version__,
        exc_info=(type(exc), exc, exc.__traceback__),
    )
    return log_file()


def install_excepthook(on_error: ExceptionCallback) -> None:
    """Route uncaught exceptions (main thread and other threads) to the log, then to `on_error`
    (the GUI's dialog: a short message and the log file's path). Ctrl+C keeps its default."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        path = log_unexpected(exc, "uncaught")
        try:
            on_error(exc, path)
        except Exception as inner:  # a failing dialog must not hide the first failure
            log_unexpected(inner, "exception handler")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
