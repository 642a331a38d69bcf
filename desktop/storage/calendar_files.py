"""Building the work calendar from the holiday arrangement files that exist."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from desktop.domain.holidays import YearArrangement
from desktop.domain.workcalendar import WorkCalendar, parse_overrides


def load_work_calendar(files: Iterable[Path]) -> WorkCalendar:
    overrides: dict[int, YearArrangement] = {}
    for path in files:
        if path.is_file():
            overrides.update(parse_overrides(path.read_text(encoding="utf-8-sig")))
    return WorkCalendar(overrides)
