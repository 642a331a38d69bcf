"""The State Council's holiday notice entered from the command line, and sent to the units."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.calendar_data import (
    HOLIDAYS_2027,
    NOTICE,
    NOTICE_DATE,
    WORKDAYS_2027,
    independent_counts,
)
from tests.test_cli import introduce, ok, refused


def _dump(db: Path) -> list[str]:
    """Every row of every table but the search index's (it cannot be scanned)."""
    conn = sqlite3.connect(db)
    try:
        names = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE TABLE%'"
            " ORDER BY name"
        ).fetchall()
        return [f"{n}: {row!r}" for (n,) in names for row in conn.execute(f'SELECT * FROM "{n}"')]
    finally:
        conn.close()


def _set_2027(db: Path) -> str:
    args = ["calendar", "set", "--year", "2027", "--notice", NOTICE, "--notice-date", NOTICE_DATE]
    for day, name in HOLIDAYS_2027:
        args += ["--holiday", f"{day}:{name}"]
    for day in WORKDAYS_2027:
        args += ["--workday", day]
    return ok(db, *args)


def _months(db: Path, year: str = "2027") -> tuple[dict[str, int], list[str]]:
    data = json.loads(ok(db, "calendar", "--year", year, "--format", "json"))
    months = {r["month"]: r["workdays"] for r in data["rows"] if r["month"].startswith(year)}
    return months, data["notes"]


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = tmp_path / "office.db"
    ok(path, "init")
    return path


def test_entered_notice_gives_the_independent_counts_and_names_its_source(office: Path) -> None:
    assert "已录入 2027 年节假日安排" in _set_2027(office)
    months, notes = _months(office)
    expected = independent_counts(HOLIDAYS_2027, WORKDAYS_2027)
    assert months == {f"2027-{m:02d}": n for m, n in expected.items()}
    assert notes == [f"2027年节假日按国务院办公厅通知（{NOTICE}）计算，在本程序中录入"]
    years = ok(office, "calendar", "years")
    assert "2027  本程序录入" in years and NOTICE in years


def test_a_file_in_either_documented_form_enters_the_same_days(
    office: Path, tmp_path: Path
) -> None:
    lines = ["日期,类型,名称"]
    lines += [f"{d},法定节假日,{n}" for d, n in HOLIDAYS_2027]
    lines += [f"{d},调休上班日," for d in WORKDAYS_2027]
    as_csv = tmp_path / "2027.csv"
    as_csv.write_text("\n".join(lines), encoding="utf-8-sig")
    ok(office, "calendar", "set", "--year", "2027", "--file", str(as_csv), "--notice", NOTICE)
    from_csv, _ = _months(office)
    as_json = tmp_path / "2027.json"
    as_json.write_text(
        json.dumps(
            {
                "year": 2027,
                "notice": NOTICE,
                "holidays": dict(HOLIDAYS_2027),
                "workdays": WORKDAYS_2027,
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    other = tmp_path / "other.db"
    ok(other, "init")
    ok(other, "calendar", "set", "--file", str(as_json))
    assert _months(other)[0] == from_csv
    assert sum(from_csv.values()) == sum(independent_counts(HOLIDAYS_2027, WORKDAYS_2027).values())


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--holiday", "2028-01-01:元旦"], "法定节假日：2028-01-01 不在 2027 年内"),
        (["--holiday", "2027-02-06:春节", "--workday", "2027-02-06"], "调休上班日："),
        (["--holiday", "2027-01-01:"], "节日名称：2027-01-01 没有填写节日名称"),
        (["--holiday", "2027-01-01"], "节日名称："),
        (["--workday", "2027-02-08"], "不是周六或周日"),
    ],
)
def test_bad_input_is_refused_with_the_field_and_nothing_is_saved(
    office: Path, args: list[str], says: str
) -> None:
    _set_2027(office)
    before = _dump(office)
    err = refused(office, "calendar", "set", "--year", "2027", *args)
    assert says in err
    assert _dump(office) == before


def test_out_of_range_years_are_a_usage_error(office: Path) -> None:
    err = refused(office, "calendar", "--year", "9999", code=2)
    assert "2000–2100" in err


def test_removing_the_entered_year_goes_back_to_the_other_sources(office: Path) -> None:
    # 2099: no release of the package knows it, so removing leaves the fallback
    ok(office, "calendar", "set", "--year", "2099", "--holiday", "2099-01-01:元旦")
    assert _months(office, "2099")[0]["2099-01"] == 21
    assert "已删除" in ok(office, "calendar", "remove", "--year", "2099")
    months, notes = _months(office, "2099")
    assert months["2099-01"] == 22
    assert notes == ["2099年节假日安排未收录，按周一至周五计算"]
    assert "尚未在本程序中录入" in refused(office, "calendar", "remove", "--year", "2099")


def _log_february(db: Path) -> None:
    ok(db, "person", "add", "张伟", "--title", "县长", "--unit", "某县人民政府")
    for day in ("2027-02-03", "2027-02-04", "2027-02-22", "2027-02-23", "2027-02-24"):
        ok(db, "entry", "add", "--person", "张伟", "--date", day, "--activity", "外出招商",
           "--hours", "全天")  # fmt: skip


def _share(db: Path) -> float:
    rows = json.loads(ok(db, "summary", "--period", "2027-02", "--format", "json"))["rows"]
    (row,) = rows
    return float(row["share"])


def test_a_unit_that_takes_in_the_offices_calendar_computes_the_offices_share(
    office: Path, tmp_path: Path
) -> None:
    unit = tmp_path / "unit.db"
    ok(unit, "init")
    for db in (office, unit):
        _log_february(db)
    _set_2027(office)
    introduce(unit, office, "office")  # the unit trusts the office's key
    sent = tmp_path / "2027.otc"
    assert "已写出" in ok(office, "calendar", "export", "--year", "2027", "--out", str(sent))
    office_share = _share(office)
    assert office_share != _share(unit)  # the unit counts February otherwise before
    taken = ok(unit, "intake", str(sent))
    assert "已采用督查室下发的节假日安排：2027" in taken
    assert _share(unit) == office_share
    assert _months(unit)[0] == _months(office)[0]
    assert "由督查室下发" in _months(unit)[1][0]
    assert "无变化" in ok(unit, "intake", str(sent))  # the same file again changes nothing


def test_a_damaged_calendar_file_is_refused_and_changes_nothing(
    office: Path, tmp_path: Path
) -> None:
    _set_2027(office)
    sent = tmp_path / "2027.otc"
    ok(office, "calendar", "export", "--year", "2027", "--out", str(sent))
    doc = json.loads(sent.read_text(encoding="utf-8"))
    doc["years"][0]["workdays"].append("2027-03-06")  # one more make-up day, hash kept
    sent.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    unit = tmp_path / "unit.db"
    ok(unit, "init")
    introduce(unit, office, "office")
    before = _dump(unit)
    done = refused(unit, "intake", str(sent))
    assert "不是完好的节假日安排文件" in done
    assert _dump(unit) == before


def test_the_offices_unit_order_travels_to_the_units_with_its_calendar_file(
    office: Path, tmp_path: Path
) -> None:
    unit = tmp_path / "unit.db"
    ok(unit, "init")
    ok(unit, "unit", "order", "青山县", "市人民政府")  # the unit's own guess, replaced
    introduce(unit, office, "office")
    ok(office, "unit", "order", "市人民政府", "高新区", "青山县")
    ok(office, "group", "order", "招商一组", "招商二组")
    _set_2027(office)
    with_year = tmp_path / "2027.otc"
    ok(office, "calendar", "export", "--year", "2027", "--out", str(with_year))
    taken = ok(unit, "intake", str(with_year))
    assert "已采用督查室下发的节假日安排：2027" in taken
    assert "已采用督查室下发的单位排序（单位 3 个，招商组 2 个）" in taken
    listed = json.loads(ok(unit, "unit", "list", "--format", "json"))["rows"]
    assert [r["unit"] for r in listed][:3] == ["市人民政府", "高新区", "青山县"]

    # the order alone, later: a file with no year
    ok(office, "unit", "order", "高新区", "市人民政府", "青山县")
    order_only = tmp_path / "order.otc"
    ok(office, "calendar", "export", "--out", str(order_only))
    assert "已采用督查室下发的单位排序（单位 3 个，招商组 2 个）" in ok(
        unit, "intake", str(order_only)
    )
    listed = json.loads(ok(unit, "unit", "list", "--format", "json"))["rows"]
    assert [r["unit"] for r in listed][:3] == ["高新区", "市人民政府", "青山县"]
    assert "单位排序与本数据库已有的相同" in ok(unit, "intake", str(order_only))

    # an order changed in the file breaks the office's signature: refused, nothing changes
    doc = json.loads(order_only.read_text(encoding="utf-8"))
    doc["order"]["units"].reverse()
    order_only.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = _dump(unit)
    assert "不是完好的节假日安排文件" in refused(unit, "intake", str(order_only))
    assert _dump(unit) == before


def test_a_calendar_file_with_no_year_needs_an_order(office: Path, tmp_path: Path) -> None:
    said = refused(office, "calendar", "export", "--out", str(tmp_path / "x.otc"))
    assert "没有可下发的内容" in said
    assert not (tmp_path / "x.otc").exists()
