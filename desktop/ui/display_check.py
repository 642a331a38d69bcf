"""Before the window starts on Linux: is there a display, and can Qt's X11 plugin load? Qt's own
answer to either is an English line and an abort ("could not load the Qt platform plugin xcb",
naming libxcb-cursor0 even when another library is missing). This says in Chinese what is wrong
and which Debian/Ubuntu packages to install, and the program exits instead of aborting."""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path

# every package Qt's X11 plugin links (the README's line; tests/test_readme_packages.py)
PACKAGES = (
    "libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3"
    " libglib2.0-0 libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0"
    " libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0"
    " libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1"
)
NO_DISPLAY = (
    "无法打开窗口：没有图形界面（未设置 DISPLAY 或 WAYLAND_DISPLAY）。请在桌面环境中启动本程序；"
    "在命令行中工作请用 onethird-cli。"
)
MISSING = (
    "无法打开窗口：缺少系统库 {library}。请安装（Debian/Ubuntu）：\n"
    "sudo apt-get install {package}\n"
    "或一次装齐窗口所需的全部系统库：\n"
    "sudo apt-get install {everything}"
)
_MISSING = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*): cannot open shared object file")


# sonames whose Debian package does not follow the usual rule
_SPECIAL = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libz.so.1": "zlib1g",
    "libm.so.6": "libc6",
    "libc.so.6": "libc6",
    "libgcc_s.so.1": "libgcc-s1",
    "libstdc++.so.6": "libstdc++6",
}


def package_of(soname: str) -> str:
    """Debian's name for a library's package: libxcb-icccm.so.4 → libxcb-icccm4,
    libxkbcommon-x11.so.0 → libxkbcommon-x11-0, libglib-2.0.so.0 → libglib2.0-0."""
    if soname in _SPECIAL:
        return _SPECIAL[soname]
    m = re.fullmatch(r"(lib.+?)\.so\.(\d+)(?:\.\d+)*", soname)
    if m is None:
        return soname
    name, version = m[1].lower(), m[2]
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def missing_message(error: str) -> str | None:
    """The Chinese message for the loader's error, or None if it names no missing library."""
    m = _MISSING.search(error)
    if m is None:
        return None
    library = m[1]
    return MISSING.format(library=library, package=package_of(library), everything=PACKAGES)


def _x11_plugin() -> Path:
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return plugins / "platforms" / "libqxcb.so"


def _load(path: Path) -> None:
    ctypes.CDLL(str(path), mode=os.RTLD_LAZY)


def problem(environ: dict[str, str] | None = None) -> str | None:
    """What stops the window from opening on this Linux desktop, in Chinese; None when nothing
    does (or on Windows and macOS, or when another Qt platform than X11 is asked for)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    asked = env.get("QT_QPA_PLATFORM", "")
    if asked and not asked.startswith("xcb"):
        return None  # offscreen, wayland, vnc…: Qt's own business
    if not env.get("DISPLAY"):
        return None if env.get("WAYLAND_DISPLAY") and not asked else NO_DISPLAY
    plugin = _x11_plugin()
    if not plugin.is_file():
        return None
    try:
        _load(plugin)
    except OSError as exc:
        return missing_message(str(exc))
    return None
