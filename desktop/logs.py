"""Logging for the GUI and the CLI: rotating files in the user log folder (paths.log_dir()), and
unexpected exceptions written there in full, so the user sees a short message and where to look.

Nothing of `logging` is loaded before it is used: setup_logging notes the program, and the
loggers are set up at the first get_logger(), log_file() or warning. Most CLI runs log nothing,
and start the faster for it (logging and threading are 9 ms of a year summary's 0.3 s). The file
itself (desktop/log_file.py) opens at its first record."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import logging
    import threading

LOGGER = "onethird"
INFO = 20  # logging.INFO

ExceptionCallback = Callable[[BaseException, Path | None], None]

_wanted: tuple[str, int] | None = None  # (program, level) noted, not yet set up
_show_warning = warnings.showwarning


def setup_logging(program: str = "gui", *, level: int = INFO) -> None:
    """Send the `onethird` loggers to `<log dir>/onethird-<program>.log` (rotated at 1 MB, five
    kept), or to stderr (warnings only) when that folder cannot be written; Python's warnings
    go there too. Done at the first use of a logger or the first warning.

    Calling it again is harmless: the handler is added once."""
    global _wanted, _show_warning
    _wanted = (program, level)
    if warnings.showwarning is not _first_warning:
        _show_warning = warnings.showwarning
        warnings.showwarning = _first_warning


def _first_warning(*args: Any, **kwargs: Any) -> None:
    _set_up()
    warnings.showwarning(*args, **kwargs)


def _set_up() -> None:
    global _wanted
    if warnings.showwarning is _first_warning:
        warnings.showwarning = _show_warning  # for captureWarnings to keep and restore
    if _wanted is None:
        return
    program, level = _wanted
    _wanted = None
    import logging

    from desktop.log_file import LogFile

    logger = logging.getLogger(LOGGER)
    logger.setLevel(level)
    logger.propagate = False
    if logger.handlers:
        return
    handler = LogFile(program)
    logger.addHandler(handler)
    logging.captureWarnings(True)
    logging.getLogger("py.warnings").addHandler(handler)


def log_file() -> Path | None:
    """The file the `onethird` loggers write to, or None when its folder cannot be written."""
    _set_up()
    import logging

    from desktop.log_file import LogFile

    for handler in logging.getLogger(LOGGER).handlers:
        if isinstance(handler, LogFile):
            handler.open()
            return handler.path
    return None


def get_logger(name: str) -> logging.Logger:
    """A child of the `onethird` logger: get_logger(__name__) in any module."""
    _set_up()
    import logging

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

    import threading

    sys.excepthook = hook
    threading.excepthook = thread_hook
