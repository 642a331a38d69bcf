"""Logging for the GUI and the CLI: rotating files in the user log folder (paths.log_dir()), and
unexpected exceptions written there in full, so the user sees a short message and where to look."""

from __future__ import annotations

import logging
import logging.handlers
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


def setup_logging(program: str = "gui", *, level: int = logging.INFO) -> Path | None:
    """Send the `onethird` loggers to `<log dir>/onethird-<program>.log` (rotated at 1 MB, five
    kept); returns the file, or None when the folder cannot be written (then stderr only).

    Calling it again is harmless: the handler is added once."""
    logger = logging.getLogger(LOGGER)
    logger.setLevel(level)
    logger.propagate = False
    if logger.handlers:
        return log_file()
    target = paths.log_dir() / f"onethird-{program}.log"
    path: Path | None = target
    handler: logging.Handler
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
        path = None
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    logging.captureWarnings(True)
    logging.getLogger("py.warnings").addHandler(handler)
    return path


def log_file() -> Path | None:
    """The file the `onethird` logger writes to, if setup_logging found one."""
    for handler in logging.getLogger(LOGGER).handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
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
