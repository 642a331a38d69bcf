"""The one place that knows where resources and user data live, from source or from the bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "OneThird"
APP_AUTHOR = "OneThird"


def in_bundle() -> bool:
    """Running from a PyInstaller bundle: its bootloader sets sys._MEIPASS."""
    return getattr(sys, "_MEIPASS", None) is not None


def app_root() -> Path:
    """Where the program's own files are: the source checkout (the folder holding `desktop/` and
    `resources/`), or in a PyInstaller bundle sys._MEIPASS, which since PyInstaller 6 is the
    `_internal/` folder beside the executables (`onethird`, `onethird-cli`)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return app_root() / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """The user data folder; ONETHIRD_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("ONETHIRD_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs  # only where a user folder is asked for

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_database() -> Path:
    return data_dir() / "onethird.db"


def calendar_override_files() -> list[Path]:
    """Shipped overrides first, then the user's own file, which wins for the years it lists."""
    return [resource("calendar", "overrides.json"), data_dir() / "calendar-overrides.json"]


def log_dir() -> Path:
    """Rotating log files: ONETHIRD_LOG_DIR, else `logs` in ONETHIRD_DATA_DIR when that is set
    (tests, portable installs), else the platform's user log folder."""
    override = os.environ.get("ONETHIRD_LOG_DIR")
    if override:
        return Path(override)
    if os.environ.get("ONETHIRD_DATA_DIR"):
        return data_dir() / "logs"
    import platformdirs  # only where a user folder is asked for

    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def cache_dir() -> Path:
    """What can be made again (matplotlib's list of fonts): `cache` in ONETHIRD_DATA_DIR when
    that is set, else the platform's user cache folder."""
    if os.environ.get("ONETHIRD_DATA_DIR"):
        return data_dir() / "cache"
    import platformdirs  # only where a user folder is asked for

    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def backups_dir(database: Path) -> Path:
    """A database's backups live beside it, in `<file name>.backups/`, so they move with it."""
    database = Path(database)
    return database.with_name(database.name + ".backups")


def lock_file(database: Path) -> Path:
    """The file whose OS lock marks the program that has the database open."""
    database = Path(database)
    return database.with_name(database.name + ".lock")
