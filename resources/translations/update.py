"""Refresh the translation source from the UI code and compile it: run after changing UI texts.

    python resources/translations/update.py

It runs pyside6-lupdate over desktop/ui (new texts appear in onethird_zh_CN.ts as unfinished:
translate them there, e.g. with pyside6-linguist), then pyside6-lrelease to make
onethird_zh_CN.qm, which the program loads. The test suite fails while any text is unfinished
or the .qm is older than the .ts.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "onethird_zh_CN.ts"
QM = HERE / "onethird_zh_CN.qm"


def tool(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop" / "ui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(TS.relative_to(ROOT)),
                    "-no-obsolete", "-locations", "none"], cwd=ROOT, check=True)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
