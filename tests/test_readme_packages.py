"""The README's run command names every Debian package Qt's X11 platform plugin links against
(read from the libraries' ELF DT_NEEDED entries, not from what happens to be installed here),
so a bare Debian/Ubuntu desktop gets the window with that one apt-get line."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import PySide6

from desktop.ui.display_check import package_of

ROOT = Path(__file__).resolve().parent.parent
QT = Path(PySide6.__file__).parent / "Qt"
# the C and C++ runtimes and the compression libraries every Debian system has (Essential or
# Priority: required); Qt's own libraries come with the wheel
BASE = {"libc6", "libstdc++6", "libgcc-s1", "libm6", "zlib1g", "libzstd1", "ld-linux-x86-64"}


def needed(path: Path) -> list[str]:
    """The DT_NEEDED sonames of a 64-bit ELF shared library."""
    data = path.read_bytes()
    assert data[:4] == b"\x7fELF" and data[4] == 2, path
    end = "<" if data[5] == 1 else ">"
    (shoff,) = struct.unpack_from(end + "Q", data, 0x28)
    shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3A)
    sections = [struct.unpack_from(end + "IIQQQQIIQQ", data, shoff + i * shentsize)
                for i in range(shnum)]  # fmt: skip
    dynamic = next(s for s in sections if s[1] == 6)  # SHT_DYNAMIC
    strings = sections[dynamic[6]][4]  # the offset of the string table it links to
    out = []
    for at in range(dynamic[4], dynamic[4] + dynamic[5], 16):
        tag, value = struct.unpack_from(end + "qQ", data, at)
        if tag == 0:
            break
        if tag == 1:  # DT_NEEDED
            start = strings + value
            out.append(data[start : data.index(b"\0", start)].decode())
    return out


def readme_packages() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    (line,) = re.findall(r"apt-get install ([^`]+)`", text)
    return set(line.split())


def test_the_readme_names_every_library_of_the_x11_platform_plugin() -> None:
    libraries = [QT / "plugins" / "platforms" / "libqxcb.so"]
    libraries += [
        QT / "lib" / f"libQt6{m}.so.6" for m in ("XcbQpa", "Gui", "Core", "DBus", "Widgets")
    ]
    wanted: set[str] = set()
    for library in libraries:
        for soname in needed(library):
            if soname.startswith("libQt6") or soname.startswith("libicu"):
                continue  # in the wheel
            if soname.startswith("ld-linux"):
                continue
            wanted.add(package_of(soname))
    assert "libxcb-icccm4" in wanted and "libxcb-cursor0" in wanted  # the reading works
    missing = sorted(wanted - BASE - readme_packages())
    assert missing == [], f"README's apt-get line lacks {missing}"
