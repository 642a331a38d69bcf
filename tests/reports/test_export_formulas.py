"""No export runs user text as a formula: every CSV and XLSX of every report, and the CLI's CSV.

A unit's notes, places, names and projects reach the supervision office in report files; text such
as `=HYPERLINK(…)` must open there as text, with nothing of it lost.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.domain.entries import DayPart, Entry
from desktop.domain.people import Person
from desktop.domain.projects import Funding, Project, Stage, StageChange
from desktop.domain.submission import Missing
from desktop.domain.trips import CompanyVisit, Trip
from desktop.domain.workcalendar import WorkCalendar
from desktop.reports.csv_out import Cell, write_csv
from desktop.reports.export import Report, write_report, write_tables
from desktop.reports.raw_tables import entries_sheet, projects_sheet
from desktop.reports.sheet import Column, Kind, Sheet
from desktop.reports.sources import gather_circular, gather_monthly, gather_pipeline
from desktop.reports.xlsx_out import write_xlsx
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY, activity_id
from tests.reports.conftest import OCTOBER
from tests.test_cli import ok

# what a unit might type, each beginning as a spreadsheet would read a formula
HOSTILE = {
    "name": '=HYPERLINK("http://x","y")',
    "title": "+1+1",
    "unit": "-2+3",
    "group": "@SUM(A1)",
    "project": "=cmd|' /C calc'!A0",
    "investor": "@SUM(B1)",
    "chain": "+chain",
    "park": "-park",
    "location": "=1+1",
    "counterpart": "+counterpart",
    "note": "-2+3 note",
    "destination": "=dest",
    "company": '=HYPERLINK("http://evil","click")',
    "results": "@results",
    "missing_name": "@missing",
    "missing_unit": "=unit2",
}
STARTS = ("=", "+", "-", "@", "\t", "\r")


def seed(ledger: Ledger) -> tuple[Person, Person]:
    h = HOSTILE
    person = ledger.add_person(Person(h["name"], h["title"], h["unit"], h["group"]))
    missing = ledger.add_person(Person(h["missing_name"], "局长", h["missing_unit"]))
    assert person.id is not None
    project = ledger.add_project(
        Project(
            h["project"],
            h["investor"],
            h["chain"],
            Decimal(500),
            leader_id=person.id,
            park=h["park"],
        )
    )
    assert project.id is not None
    ledger.add_stage(project.id, StageChange(date(2026, 10, 5), Stage.SIGNED, "", Decimal(500)))
    ledger.add_funds(project.id, Funding(date(2026, 10, 6), Decimal(100)))
    ledger.add_entry(
        Entry(
            person.id,
            date(2026, 10, 8),
            activity_id(ledger, "项目洽谈"),
            day_part=DayPart.FULL,
            project_id=project.id,
            location=h["location"],
            counterpart=h["counterpart"],
            note=h["note"],
        )
    )
    ledger.add_trip(
        Trip(
            (person.id,),
            date(2026, 10, 12),
            date(2026, 10, 13),
            destinations=(h["destination"],),
            companies=(CompanyVisit(h["company"], "+contact", "-title"),),
            project_ids=(project.id,),
            results=h["results"],
        )
    )
    return person, missing


@pytest.fixture
def hostile(ledger: Ledger) -> Iterator[tuple[Ledger, Person, Person]]:
    person, missing = seed(ledger)
    yield ledger, person, missing


def reports(ledger: Ledger, person: Person, missing: Person) -> dict[str, Report]:
    (monthly,) = gather_monthly(ledger, [person], OCTOBER, TODAY)
    out: dict[str, Report] = {"monthly": monthly}
    for by in ("person", "unit", "group"):
        not_in = [Missing(missing, (OCTOBER,), whole_period=True)]
        out[f"circular-{by}"] = gather_circular(ledger, OCTOBER, by, TODAY, not_submitted=not_in)
    out["pipeline"] = gather_pipeline(ledger, OCTOBER, TODAY)
    return out


def tables(ledger: Ledger) -> dict[str, Sheet]:
    persons = {p.id: p for p in ledger.persons()}
    activities = {a.id: a for a in ledger.activities()}
    projects = {p.id: p for p in ledger.projects()}
    leaders = {p.id: p.name for p in ledger.persons() if p.id is not None}
    entries = ledger.entries(period=OCTOBER)
    return {
        "entries": entries_sheet(entries, persons, activities, projects),
        "projects": projects_sheet(ledger.projects(), leaders, TODAY),
    }


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_fields(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [field for row in csv.reader(f) for field in row]


def check_csv_fields(fields: list[str], where: str) -> set[str]:
    """No field a spreadsheet would run; each neutralised field is the typed text after `'`.
    Returns the texts found neutralised."""
    guarded = set()
    for field in fields:
        assert not field.startswith(STARTS) or is_number(field), (where, field)
        if field.startswith("'"):
            text = field[1:]
            assert any(text.startswith(h) for h in HOSTILE.values()), (where, field)
            guarded.add(text)
    return guarded


def check_xlsx(path: Path) -> set[str]:
    """No formula in any sheet's XML; openpyxl reads the hostile text back as string cells."""
    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        assert sheets
        for name in sheets:
            xml = z.read(name).decode("utf-8")
            assert not re.search(r"<(\w+:)?f[\s/>]", xml), (path.name, name)
    texts = set()
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(STARTS):
                    assert cell.data_type == "s", (path.name, cell.coordinate, cell.value)
                    texts.add(cell.value)
                else:
                    assert cell.data_type != "f", (path.name, cell.coordinate)
    assert texts, f"{path.name}: no hostile text in the workbook, so the test proves nothing"
    return texts


def test_every_report_as_csv_and_xlsx_keeps_user_text_as_text(
    hostile: tuple[Ledger, Person, Person], tmp_path: Path
) -> None:
    ledger, person, missing = hostile
    seen_csv: set[str] = set()
    seen_xlsx: set[str] = set()
    for key, report in reports(ledger, person, missing).items():
        found: set[str] = set()
        for path in write_report(report, "csv", tmp_path / f"{key}.csv").paths:
            found |= check_csv_fields(csv_fields(path), path.name)
        assert found, f"{key}: no hostile text in its CSV files, so the test proves nothing"
        seen_csv |= found
        (xlsx,) = write_report(report, "xlsx", tmp_path / f"{key}.xlsx").paths
        seen_xlsx |= check_xlsx(xlsx)
    for key, sheet in tables(ledger).items():
        (path,) = write_tables([sheet], "csv", tmp_path / f"{key}.csv")
        found = check_csv_fields(csv_fields(path), path.name)
        assert found, f"{key}: no hostile text in its CSV, so the test proves nothing"
        seen_csv |= found
        (xlsx,) = write_tables([sheet], "xlsx", tmp_path / f"{key}.xlsx")
        seen_xlsx |= check_xlsx(xlsx)
    # every hostile text that starts a cell somewhere came out, whole, in both formats
    assert set(HOSTILE.values()) <= seen_csv
    assert set(HOSTILE.values()) <= seen_xlsx


def test_xlsx_keeps_the_text_and_the_numbers(tmp_path: Path) -> None:
    sheet = Sheet(
        "t",
        "t",
        (Column("note"), Column("amount", Kind.AMOUNT), Column("id", Kind.INT)),
        [
            ["=cmd|' /C calc'!A0", -5.0, -3],
            ["\tindented", 1.5, 2],
            ["\rreturn", None, None],
            ["#N/A", None, None],
            ["-2+3", None, None],
            ["普通文字", None, None],
        ],
    )
    path = tmp_path / "t.xlsx"
    with open(path, "wb") as f:
        write_xlsx(f, [sheet])
    with zipfile.ZipFile(path) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    ws = load_workbook(path).active
    assert ws is not None
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    # not a character changed (XML reads a bare CR back as LF, and openpyxl does not escape it)
    assert [r[0] for r in rows] == [str(r[0]).replace("\r", "\n") for r in sheet.rows]
    assert all(ws.cell(i, 1).data_type == "s" for i in range(2, 8))
    amount, n = ws["B2"], ws["C2"]
    assert (amount.value, amount.data_type, n.value, n.data_type) == (-5, "n", -3, "n")
    assert ws["A2"].quotePrefix and not ws["A7"].quotePrefix


def test_csv_neutralises_text_but_not_numbers() -> None:
    out = io.StringIO(newline="")
    texts = ["=1+1", "+1", "-2", "@x", "\tt", "\rr", "plain", "a=b", "'quoted"]
    rows_in: list[list[Cell]] = [[t, -5] for t in texts]
    rows_in.append([None, -0.5])
    write_csv(out, ["=head", "n"], rows_in)
    rows = list(csv.reader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    assert rows[0] == ["'=head", "n"]
    assert [r[0] for r in rows[1:]] == [
        "'=1+1",
        "'+1",
        "'-2",
        "'@x",
        "'\tt",
        "'\rr",
        "plain",
        "a=b",
        "'quoted",
        "",
    ]
    assert [r[1] for r in rows[1:]] == ["-5"] * len(texts) + ["-0.5"]


def test_the_cli_csv_tables_keep_user_text_as_text(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    with Ledger.open(db, WorkCalendar(), actor="测试秘书", today=lambda: TODAY) as ledger:
        seed(ledger)
    seen: set[str] = set()
    for args in (
        ("summary", "--period", "2026-10"),
        ("entry", "list", "--period", "2026-10"),
        ("person", "list"),
        ("project", "list"),
        ("status", "--period", "2026-10"),
    ):
        text = ok(db, *args, "--format", "csv")
        fields = [f for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for f in row]
        seen |= check_csv_fields(fields, " ".join(args))
    out = tmp_path / "entries.csv"
    ok(db, "export", "entries", "--period", "2026-10", "--out", str(out))
    seen |= check_csv_fields(csv_fields(out), "export entries")
    assert HOSTILE["name"] in seen and HOSTILE["note"] in seen and HOSTILE["project"] in seen
