"""Before the window starts: no display, or a system library Qt's X11 plugin lacks, is said in
Chinese with the packages to install, and the program exits instead of Qt aborting."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.ui import app, display_check
from tests.test_readme_packages import readme_packages

LACKS = "libxcb-icccm.so.4: cannot open shared object file: No such file or directory"


def test_no_display_is_said_in_chinese() -> None:
    said = display_check.problem({"PATH": "/usr/bin"})
    assert said is not None and "没有图形界面" in said and "onethird-cli" in said
    assert display_check.problem({"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert display_check.problem({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_a_missing_library_names_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    def fails(path: Path) -> None:
        raise OSError(LACKS)

    monkeypatch.setattr(display_check, "_load", fails)
    said = display_check.problem({"DISPLAY": ":0"})
    assert said is not None
    assert "缺少系统库 libxcb-icccm.so.4" in said
    assert "sudo apt-get install libxcb-icccm4\n" in said  # the one it lacks, not libxcb-cursor0
    assert display_check.PACKAGES in said


def test_a_display_with_every_library_is_no_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    loaded: list[Path] = []
    monkeypatch.setattr(display_check, "_load", loaded.append)
    assert display_check.problem({"DISPLAY": ":0"}) is None
    assert loaded and loaded[0].name == "libqxcb.so"


def test_the_packages_named_are_the_readmes() -> None:
    assert set(display_check.PACKAGES.split()) == readme_packages()
    assert display_check.package_of("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert display_check.package_of("libxcb-render-util.so.0") == "libxcb-render-util0"
    assert display_check.package_of("libglib-2.0.so.0") == "libglib2.0-0"


def test_the_program_exits_with_the_message_before_qt_starts(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(display_check.sys, "platform", "linux")
    assert app.main([]) == 1
    assert "没有图形界面" in capsys.readouterr().err
