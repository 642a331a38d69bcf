"""`onethird-cli --version` loads nothing of the program but its version: no storage, no
sqlite-utils, no report libraries (it starts about as fast as Python itself)."""

from __future__ import annotations

import subprocess
import sys

from desktop import __version__


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
