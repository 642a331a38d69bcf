"""Failures are visible: rotating logs in the user log folder (ONETHIRD_DATA_DIR/logs in tests),
uncaught exceptions logged in full and handed to the caller's dialog, the CLI's short message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import paths

PROGRAM = """
import logging, sys
from desktop import logs
logs.setup_logging("gui")
logs.setup_logging("gui")  # a second call adds no second handler
logs.get_logger("desktop.ui.app").info("started")
assert len(logging.getLogger(logs.LOGGER).handlers) == 1
def dialog(exc, log):
    print("DIALOG", type(exc).__name__, log, flush=True)
logs.install_excepthook(dialog)
raise RuntimeError("意外的错误")
"""

CLI_BUG = """
import sys
from desktop.cli import main as cli, safety_commands
def broken(ctx, args):
    raise KeyError("bug")
safety_commands.cmd_check = broken  # a bug in a command, as the user would meet it
sys.exit(cli.main(["--db", sys.argv[1], "check"]))
"""


def run(code: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ONETHIRD_DATA_DIR": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    env.pop("ONETHIRD_LOG_DIR", None)
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )


def test_an_uncaught_exception_is_logged_and_shown(tmp_path: Path) -> None:
    done = run(PROGRAM, tmp_path)
    log = tmp_path / "logs" / "onethird-gui.log"
    assert f"DIALOG RuntimeError {log}" in done.stdout
    text = log.read_text(encoding="utf-8")
    assert "started" in text and "Traceback" in text and "意外的错误" in text


def test_an_unexpected_cli_failure_is_a_short_message_and_a_log(tmp_path: Path) -> None:
    done = run(CLI_BUG, tmp_path, str(tmp_path / "a.db"))
    assert done.returncode == 3, done.stderr
    assert "程序内部错误（KeyError）" in done.stderr and "Traceback" not in done.stderr
    log = tmp_path / "logs" / "onethird-cli.log"
    assert str(log) in done.stderr
    assert "KeyError: 'bug'" in log.read_text(encoding="utf-8")


def test_the_log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONETHIRD_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ONETHIRD_LOG_DIR", raising=False)
    assert paths.log_dir() == tmp_path / "logs"
    monkeypatch.setenv("ONETHIRD_LOG_DIR", str(tmp_path / "elsewhere"))
    assert paths.log_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv("ONETHIRD_LOG_DIR")
    monkeypatch.delenv("ONETHIRD_DATA_DIR")
    assert "OneThird" in str(paths.log_dir())


def test_a_log_folder_that_cannot_be_made_sends_warnings_to_stderr(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    code = (
        "from desktop import logs\n"
        "logs.setup_logging('cli')\n"
        "logs.get_logger('desktop.cli').info('quiet')\n"
        "logs.get_logger('desktop.cli').warning('磁盘已满')\n"
        "print('FILE', logs.log_file())\n"
    )
    env = {**os.environ, "ONETHIRD_LOG_DIR": str(blocker / "logs"), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "FILE None" in done.stdout
    assert "磁盘已满" in done.stderr and "quiet" not in done.stderr


def test_a_warning_is_the_first_record_and_goes_to_the_log(tmp_path: Path) -> None:
    code = (
        "import sys, warnings\n"
        "from desktop import logs\n"
        "logs.setup_logging('cli')\n"
        "assert 'logging' not in sys.modules\n"
        "warnings.warn('旧的用法', UserWarning)\n"
        "warnings.warn('再一次', UserWarning)\n"
        "print('FILE', logs.log_file())\n"
    )
    done = run(code, tmp_path)
    assert done.returncode == 0, done.stderr
    log = tmp_path / "logs" / "onethird-cli.log"
    assert f"FILE {log}" in done.stdout
    text = log.read_text(encoding="utf-8")
    assert "旧的用法" in text and "再一次" in text
    assert "旧的用法" not in done.stderr
