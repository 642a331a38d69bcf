"""onethird-cli's entry point: `--version` is answered before anything else is loaded (storage,
sqlite-utils, the commands), so that it starts as fast as Python itself; every other command goes
to desktop.cli.main."""

from __future__ import annotations

import sys


def main() -> int:
    if sys.argv[1:] == ["--version"]:
        from desktop import __version__

        print(f"onethird {__version__}")  # as argparse's version action in cli/main.py says it
        return 0
    from desktop.cli.main import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
