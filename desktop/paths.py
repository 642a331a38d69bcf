"""The one place that knows where resources and user data live, from source or from the bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "OneThird"
APP_AUTHOR = "OneThird"


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """The user data folder; ONETHIRD_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("ONETHIRD_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_database() -> Path:
    return data_dir() / "onethird.db"


def calendar_override_files() -> list[Path]:
    """Shipped overrides first, then the user's own file, which wins for the years it lists."""
    return [resource("calendar", "overrides.json"), data_dir() / "calendar-overrides.json"]
