"""The folder each kind of file was last saved to or taken from, remembered on this PC, so a file
dialog opens where the person went last time for that purpose (reports in one folder, report
files for the office on the USB stick) instead of the program's own folder every time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


class Folders:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def start(self, purpose: str, name: str = "") -> str:
        """Where a dialog for this purpose opens: the suggested name inside the folder used last
        time (if it is still there), else the name alone."""
        folder = str(self._settings.value(f"folders/{purpose}", "") or "")
        if folder and Path(folder).is_dir():
            return str(Path(folder) / name) if name else folder
        return name

    def remember(self, purpose: str, chosen: str | Path) -> None:
        """Keep the folder of the file (or the folder) the person chose."""
        path = Path(chosen)
        folder = path if path.is_dir() else path.parent
        self._settings.setValue(f"folders/{purpose}", str(folder))
