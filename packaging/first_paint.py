"""Time from starting the bundled `onethird` to its window's first paint, as a user would see it.

    python packaging/first_paint.py dist/onethird [--runs 5]

Makes a demo ledger with the bundle's own `onethird-cli self-test --keep`, then starts
`onethird --db LEDGER` runs times with ONETHIRD_FIRST_PAINT=1 (the program prints the wall-clock
time of its first paint and quits) and prints each time and the median. Each run gets the same
fresh user folders, so the first run pays for the caches the later ones reuse. Qt runs offscreen
unless QT_QPA_PLATFORM is set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the built folder, e.g. dist/onethird")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    suffix = ".exe" if sys.platform == "win32" else ""
    gui, cli = (args.bundle / f"{name}{suffix}" for name in ("onethird", "onethird-cli"))
    with tempfile.TemporaryDirectory(prefix="onethird-paint-") as tmp:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "ONETHIRD_DATA_DIR": str(Path(tmp) / "user"),
        }
        subprocess.run([cli, "self-test", "--keep", tmp], env=env, check=True, capture_output=True)
        times, heavy = [], "?"
        for _ in range(args.runs):
            started = time.time()
            done = subprocess.run(
                [gui, "--db", str(Path(tmp) / "selftest.db")],
                env={**env, "ONETHIRD_FIRST_PAINT": "1"},
                capture_output=True,
                text=True,
                timeout=120,
                check=True,
            )
            lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
            times.append(float(lines["first-paint"]) - started)
            heavy = lines.get("heavy-modules", "?")
    print("first paint (s):", " ".join(f"{t:.2f}" for t in times))
    print(f"first paint median: {statistics.median(times):.2f} s over {len(times)} runs")
    print(f"loaded before the first paint (of matplotlib, reportlab, openpyxl): {heavy}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
