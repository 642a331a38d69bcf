"""Remake the static Noto Sans SC Regular/Bold TrueType fonts shipped in this folder.

reportlab can only embed TrueType (glyf) outlines, not CFF/OpenType-PostScript, so the
project ships static instances cut from the variable Google Fonts file
``NotoSansSC[wght].ttf`` (OFL-1.1), which the PyPI wheel ``justmytype-intl-cjk`` carries.

Usage (needs only pip access and ``pip install fonttools``)::

    python resources/fonts/make_fonts.py

The wheel is downloaded with ``pip download --no-deps`` into a temporary folder, checked
against a pinned sha256, and fontTools' instancer writes wght=400 and wght=700 static
instances (with updated name tables) next to this script.
"""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

WHEEL_NAME = "justmytype-intl-cjk"
WHEEL_VERSION = "0.1.0"
WHEEL_FILE = "justmytype_intl_cjk-0.1.0-py3-none-any.whl"
WHEEL_SHA256 = "06d9665542bfcad373716bb80583aa2d9bb2086a054fe11f706b9bd41e03f256"
SOURCE_NAME = "NotoSansSC[wght].ttf"
SOURCE_SHA256 = "a3041811a78c361b1de50f953c805e0244951c21c5bd412f7232ef0d899af0da"

OUT_DIR = Path(__file__).resolve().parent
INSTANCES: dict[str, int] = {
    "NotoSansSC-Regular.ttf": 400,
    "NotoSansSC-Bold.ttf": 700,
}


def sha256_of(data: bytes) -> str:
    """Return the hex sha256 digest of ``data``."""
    return hashlib.sha256(data).hexdigest()


def download_wheel(dest: Path) -> Path:
    """Download the pinned wheel (no dependencies) into ``dest`` and verify it."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "--dest",
            str(dest),
            f"{WHEEL_NAME}=={WHEEL_VERSION}",
        ],
        check=True,
    )
    wheel = dest / WHEEL_FILE
    if not wheel.is_file():
        found = ", ".join(p.name for p in dest.iterdir()) or "nothing"
        raise SystemExit(f"expected {WHEEL_FILE} after pip download, found: {found}")
    digest = sha256_of(wheel.read_bytes())
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{WHEEL_FILE}: sha256 {digest} != pinned {WHEEL_SHA256}")
    return wheel


def read_variable_font(wheel: Path) -> bytes:
    """Return the bytes of ``NotoSansSC[wght].ttf`` from inside the wheel."""
    with zipfile.ZipFile(wheel) as zf:
        members = [n for n in zf.namelist() if n.rsplit("/", 1)[-1] == SOURCE_NAME]
        if len(members) != 1:
            raise SystemExit(f"{wheel.name}: expected one {SOURCE_NAME}, found {members}")
        data = zf.read(members[0])
    digest = sha256_of(data)
    if digest != SOURCE_SHA256:
        raise SystemExit(f"{SOURCE_NAME}: sha256 {digest} != pinned {SOURCE_SHA256}")
    return data


def make_instance(source: bytes, weight: int, out: Path) -> None:
    """Write a static TrueType instance of ``source`` at ``weight`` to ``out``."""
    from fontTools.ttLib import TTFont
    from fontTools.varLib.instancer import instantiateVariableFont

    # Keep the source's head.modified so the output is byte-for-byte reproducible.
    font = TTFont(io.BytesIO(source), recalcTimestamp=False)
    instantiateVariableFont(font, {"wght": weight}, inplace=True, updateFontNames=True, static=True)
    if "glyf" not in font or "fvar" in font:
        raise SystemExit(f"{out.name}: instancer did not produce a static glyf font")
    font.save(out)
    font.close()


def main() -> int:
    """Download the wheel, cut both instances and print what was made."""
    try:
        import fontTools
    except ImportError:
        print("fontTools is missing: pip install fonttools", file=sys.stderr)
        return 1
    print(f"fontTools {fontTools.version}")
    with tempfile.TemporaryDirectory(prefix="notosanssc-") as tmp:
        source = read_variable_font(download_wheel(Path(tmp)))
    for name, weight in INSTANCES.items():
        out = OUT_DIR / name
        print(f"making {name} (wght={weight}) ...", flush=True)
        make_instance(source, weight, out)
        data = out.read_bytes()
        print(f"{out}  {len(data)} bytes  sha256 {sha256_of(data)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
