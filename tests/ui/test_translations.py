"""The Chinese translation is complete and compiled: no English text reaches a Chinese screen."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from desktop import paths

TS = paths.resource("translations", "onethird_zh_CN.ts")
QM = paths.resource("translations", "onethird_zh_CN.qm")
ROOT = Path(__file__).resolve().parents[2]


def _lupdate(tmp: Path) -> str:
    ts = tmp / "fresh.ts"
    shutil.copyfile(TS, ts)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop" / "ui").rglob("*.py"))
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(tool), *sources, "-ts", str(ts), "-no-obsolete", "-locations", "none"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return ts.read_text(encoding="utf-8")


def test_every_text_of_the_ui_is_translated(tmp_path: Path) -> None:
    fresh = _lupdate(tmp_path)  # what the code says now, merged into the committed file
    unfinished = re.findall(r"<source>([^<]*)</source>\s*<translation type=\"unfinished\"", fresh)
    assert unfinished == [], "run resources/translations/update.py and translate these"
    assert fresh == TS.read_text(encoding="utf-8"), "the .ts is behind the code: run update.py"


def test_the_compiled_translation_is_up_to_date(tmp_path: Path) -> None:
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    out = tmp_path / "check.qm"
    subprocess.run([str(tool), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run resources/translations/update.py"
