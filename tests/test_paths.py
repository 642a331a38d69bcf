"""paths.py from source and from a PyInstaller bundle; the version from its one source."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

import desktop
from desktop import paths

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A PyInstaller 6 one-folder layout: executables beside `_internal/` = sys._MEIPASS."""
    internal = tmp_path / "onethird" / "_internal"
    (internal / "resources" / "fonts").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    return internal


def test_from_source_resources_are_beside_the_package() -> None:
    assert not paths.in_bundle()
    assert paths.app_root() == ROOT
    assert paths.resources_dir() == ROOT / "resources"
    assert paths.resource("fonts", "NotoSansSC-Regular.ttf").is_file()
    assert paths.calendar_override_files()[0] == ROOT / "resources" / "calendar" / "overrides.json"


def test_in_the_bundle_resources_are_under_internal(bundle: Path) -> None:
    assert paths.in_bundle()
    assert paths.app_root() == bundle
    assert paths.resources_dir() == bundle / "resources"
    assert paths.resource("fonts", "x.ttf") == bundle / "resources" / "fonts" / "x.ttf"
    shipped = bundle / "resources" / "calendar" / "overrides.json"
    assert paths.calendar_override_files()[0] == shipped


def test_user_folders_do_not_move_into_the_bundle(
    bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ONETHIRD_DATA_DIR", raising=False)
    monkeypatch.delenv("ONETHIRD_LOG_DIR", raising=False)
    for folder in (paths.data_dir(), paths.log_dir(), paths.cache_dir()):
        assert bundle not in folder.parents
    assert paths.calendar_override_files()[1] == paths.data_dir() / "calendar-overrides.json"


def test_the_version_is_pyprojects() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert desktop.__version__ == project["version"]


def test_in_the_bundle_the_version_is_the_copy_build_spec_made(bundle: Path) -> None:
    (bundle / "resources" / "VERSION").write_text("9.8.7\n", encoding="utf-8")
    assert desktop._version() == "9.8.7"


def test_an_installed_wheel_has_it_in_its_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No VERSION file, no pyproject.toml beside the package: the metadata pip wrote."""
    monkeypatch.setattr(paths, "app_root", lambda: tmp_path)
    from importlib.metadata import version

    assert desktop._version() == version("onethird")
