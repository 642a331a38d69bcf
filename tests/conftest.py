"""Shared fixtures: every test gets a fresh database through the same open path the app uses."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

# GUI tests run on an offscreen screen of an office laptop's size, 1366×768 (--scale 1.5 makes
# it the 911×512 a window gets there at 150 %)
os.environ.setdefault(
    "QT_QPA_PLATFORM",
    f"offscreen:configfile={Path(__file__).parent / 'ui' / 'screens' / '1366x768.json'}",
)

from desktop.domain.holidays import PackageHolidays
from desktop.domain.people import Person
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.ledger import Ledger
from tests import holiday_stub

TODAY = date(2026, 11, 20)
# A year the tests treat as unknown to the holiday package, whatever the installed release knows
UNKNOWN_YEAR = 2027


def calendar_not_knowing(*years: int) -> WorkCalendar:
    """The real work calendar, except that the package does not know these years."""
    return WorkCalendar(package=PackageHolidays(hidden=frozenset(years or (UNKNOWN_YEAR,))))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--holiday-stub",
        action="store_true",
        help="run against a chinesecalendar that claims to know "
        f"{holiday_stub.STUB_YEAR} (tests/holiday_stub)",
    )
    parser.addoption(
        "--scale",
        default="",
        help="run the GUI at this scale factor (QT_SCALE_FACTOR), as on a screen set to 150 %%",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--scale"):
        os.environ["QT_SCALE_FACTOR"] = str(config.getoption("--scale"))
    if config.getoption("--holiday-stub") or holiday_stub.wanted():
        os.environ[holiday_stub.ENV] = "1"
        site = Path(holiday_stub.__file__).parent / "site"
        root = Path(__file__).parent.parent
        parts = [str(site), str(root), os.environ.get("PYTHONPATH", "")]
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in parts if p)
        holiday_stub.install()


# Tests that count no days: the database file's safety (killed processes, locks, full disks,
# damaged files) and the tooling. The run with the holiday stub leaves them out, and the window's
# scenarios that never name the stub's year (they all work in 2026); they are the slowest of the
# suite and would pass or fail the same with any holiday data for 2027.
COUNT_NO_DAYS = frozenset(
    {
        "tests/test_tooling.py",
        "tests/test_cli_database_conditions.py",
        "tests/test_cli_safety.py",
        "tests/storage/test_crash_safety.py",
        "tests/storage/test_restore_killed.py",
        "tests/storage/test_backup_safety.py",
        "tests/ui/test_startup_conditions.py",
    }
)


def _names_the_stub_year(path: Path, seen: dict[Path, bool]) -> bool:
    """Whether a scenario module mentions the year the stub teaches (or the calendar that hides
    it): the only window tests whose figures the stub can change; the others work in 2026."""
    if path not in seen:
        text = path.read_text(encoding="utf-8")
        seen[path] = str(UNKNOWN_YEAR) in text or "calendar_not_knowing" in text
    return seen[path]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not holiday_stub.wanted():
        return
    root = Path(__file__).parent.parent
    seen: dict[Path, bool] = {}

    def left_out_of_the_stub_run(item: pytest.Item) -> bool:
        path = Path(str(item.fspath))
        where = path.relative_to(root).as_posix()
        if where in COUNT_NO_DAYS:
            return True
        return where.startswith("tests/ui/scenarios/") and not _names_the_stub_year(path, seen)

    left_out = [i for i in items if left_out_of_the_stub_run(i)]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        gone = {id(i) for i in left_out}
        items[:] = [i for i in items if id(i) not in gone]


def pytest_report_header(config: pytest.Config) -> list[str]:
    scale = os.environ.get("QT_SCALE_FACTOR", "1")
    lines = [f"screen: {os.environ['QT_QPA_PLATFORM']}, scale {scale}"]
    if holiday_stub.wanted():
        return [*lines, f"holidays: stub chinesecalendar that knows {holiday_stub.STUB_YEAR}"]
    return [*lines, "holidays: the installed chinesecalendar"]


@pytest.fixture(autouse=True, scope="session")
def _user_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Logs and default data of the program under test go to a temporary folder, never the
    user's (CLI subprocesses inherit the variable)."""
    before = os.environ.get("ONETHIRD_DATA_DIR")
    os.environ["ONETHIRD_DATA_DIR"] = str(tmp_path_factory.mktemp("user-data"))
    yield
    if before is None:
        os.environ.pop("ONETHIRD_DATA_DIR", None)
    else:
        os.environ["ONETHIRD_DATA_DIR"] = before


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


@pytest.fixture
def ledger(db_path: Path) -> Iterator[Ledger]:
    with Ledger.open(db_path, WorkCalendar(), actor="测试秘书", today=lambda: TODAY) as led:
        yield led


@pytest.fixture
def zhang(ledger: Ledger) -> Person:
    return ledger.add_person(Person("张伟", "市长", "市人民政府", "新能源汽车产业链"))


def snapshot(ledger: Ledger) -> str:
    """The schema and every row of every table (the search index's too), to prove a refused
    write changed nothing. (iterdump cannot: it tries to read the contentless search table.)"""
    conn = ledger.db.conn
    parts: list[str] = []
    schema = conn.execute("SELECT name, sql FROM sqlite_master WHERE sql NOT NULL ORDER BY name")
    for name, sql in schema.fetchall():
        parts.append(sql)
        if sql.startswith("CREATE TABLE"):
            parts += [repr(row) for row in conn.execute(f'SELECT * FROM "{name}"')]
    return "\n".join(parts)


def back_to_before_text_search(ledger: Ledger) -> None:
    """The schema as it was before migration m005: no search index, its triggers or order index."""
    ledger.db.executescript(
        "DROP TABLE entries_text;"
        + "".join(f" DROP TRIGGER entries_text_{w};" for w in ("insert", "update", "delete"))
        + " DROP INDEX idx_entries_order;"
        " CREATE INDEX idx_entries_text"
        " ON entries (date, person_id, start_min, location, counterpart, note);"
        " DELETE FROM _sqlite_migrations WHERE name = 'm005_entries_text_search';"
    )


def activity_id(ledger: Ledger, name: str) -> int:
    a = ledger.find_activity(name)
    assert a.id is not None
    return a.id
