"""`onethird-cli --version` loads nothing of the program but its version: no storage, no
sqlite-utils, no report libraries (it starts about as fast as Python itself). The everyday
commands load their own command module only, and none of the heavy libraries."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.cli.main import COMMANDS, build_parser, command_word


def test_version_loads_no_command_and_no_storage() -> None:
    code = "import sys; sys.argv = ['onethird-cli', '--version']; from desktop.cli.launch import main; main()"  # noqa: E501
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == f"onethird {__version__}"
    loaded = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    for heavy in ("sqlite_utils", "sqlite3", "desktop.cli.main", "desktop.storage", "numpy"):
        assert heavy not in loaded, heavy
    assert "desktop" in loaded  # the measurement did see the program's own imports


HEAVY = ("sqlite_utils", "numpy", "reportlab", "openpyxl", "matplotlib", "cryptography")


def loaded_by(args: list[str], tmp_path: Path) -> set[str]:
    """The modules `onethird-cli ARGS` has loaded when it ends, on the database in tmp_path
    (sys.modules: -X importtime does not see what importlib.import_module loads)."""
    db = tmp_path / "ledger.db"
    code = (
        "import atexit, sys; from desktop.cli.launch import main;"
        " atexit.register(lambda: print('\\n'.join(sys.modules), file=sys.stderr));"
        f" sys.argv = ['onethird-cli', '--db', {str(db)!r}, *{args!r}]; sys.exit(main())"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return {line.strip() for line in done.stderr.splitlines()}


@pytest.mark.parametrize(
    "args",
    [
        ["summary", "--period", "2026"],
        ["entry", "add", "--person", "张伟", "--date", "2026-03-02", "--activity", "项目洽谈",
         "--start", "09:00", "--end", "11:00"],
        ["status", "--period", "2026-03"],
    ],
    ids=["summary", "entry add", "status"],
)  # fmt: skip
def test_everyday_commands_load_only_their_own_command_and_no_heavy_library(
    args: list[str], tmp_path: Path
) -> None:
    setup = [sys.executable, "-m", "desktop.cli.main", "--db", str(tmp_path / "ledger.db")]
    subprocess.run([*setup, "person", "add", "张伟", "--title", "市长", "--unit", "市政府"],
                   check=True, capture_output=True)  # fmt: skip
    loaded = loaded_by(args, tmp_path)
    for heavy in HEAVY:
        assert not any(m == heavy or m.startswith(f"{heavy}.") for m in loaded), heavy
    own = COMMANDS[args[0]]
    others = {f"desktop.cli.{m}" for m in COMMANDS.values()} - {f"desktop.cli.{own}"}
    assert f"desktop.cli.{own}" in loaded and not loaded & others, sorted(loaded & others)
    for store in ("desktop.storage.intake", "desktop.storage.entry_import"):
        assert store not in loaded, store


def test_the_command_table_names_every_command_the_parser_has() -> None:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(sub.choices) == set(COMMANDS)
    for word, module in COMMANDS.items():  # each command's own module registers it
        (alone,) = [
            a for a in build_parser(word)._actions if isinstance(a, argparse._SubParsersAction)
        ]
        assert word in alone.choices, (word, module)


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["summary", "--period", "2026"], "summary"),
        (["--db", "x.db", "--lang", "en", "summary"], "summary"),
        (["--today", "2026-01-05", "entry", "add"], "entry"),
        (["--db=x.db", "status"], "status"),
        (["--help"], None),
        ([], None),
    ],
)
def test_the_command_word_is_found_after_the_common_options(
    argv: list[str], word: str | None
) -> None:
    assert command_word(argv) == word


# what a summary has no use for: logging is set up at the first record (none here), random
# names and host names are made without secrets and socket, the parsers' help is laid out
# without shutil (and its compression modules), a calendar CSV is read by its own command
NOT_FOR_A_SUMMARY = ("logging", "threading", "socket", "secrets", "hashlib", "calendar", "decimal")
NOT_FOR_A_SUMMARY += ("shutil", "bz2", "lzma", "csv")


def test_a_summary_loads_no_log_file_handler_socket_or_hashing(tmp_path: Path) -> None:
    setup = [sys.executable, "-m", "desktop.cli.main", "--db", str(tmp_path / "ledger.db")]
    subprocess.run([*setup, "person", "add", "张伟", "--title", "市长", "--unit", "市政府"],
                   check=True, capture_output=True)  # fmt: skip
    loaded = loaded_by(["summary", "--period", "2026"], tmp_path)
    assert "desktop.storage.summary" in loaded
    assert not loaded & set(NOT_FOR_A_SUMMARY), sorted(loaded & set(NOT_FOR_A_SUMMARY))


@pytest.mark.parametrize("columns", [60, 100])
def test_help_is_laid_out_to_the_terminal_width(columns: int) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli.main", "summary", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": str(columns)},
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "--period PERIOD" in done.stdout
    assert max(len(line) for line in lines) <= columns - 2
    # the usage line is filled up to the width, not wrapped at argparse's own default
    assert max(len(line) for line in lines) > columns - 20
