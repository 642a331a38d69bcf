"""Long text never breaks a report: a 300-character name, a 40-character activity, a trip
spanning centuries, names that make file names too long or alike.

The names are written straight into the database, as a database from before the length rule, or
a copy edited by hand, holds them: every door refuses them now (tests/domain/test_texts.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.errors import ValidationError
from desktop.domain.file_names import file_name, safe_part
from desktop.domain.workcalendar import WorkCalendar
from desktop.reports.export import render_pdf
from desktop.reports.sources import gather_circular, gather_monthly
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY
from tests.reports.conftest import OCTOBER, pdf_text, squash
from tests.test_cli import ok, run

LONG_NAME = "欧阳" + "长" * 297 + "尾"  # 300 characters
LONG_ACTIVITY = "跨区域产业链协同招商与重点项目推进专题调度" + "会" * 19  # 40 characters


def _lengthen(ledger: Ledger) -> None:
    ledger.db.execute("UPDATE persons SET name = ? WHERE name = '张伟'", [LONG_NAME])
    ledger.db.execute("UPDATE activities SET name = ? WHERE name = '项目洽谈'", [LONG_ACTIVITY])


def test_monthly_and_circular_pdfs_cut_long_names_and_say_so(city: Ledger, tmp_path: Path) -> None:
    _lengthen(city)
    person = city.find_person(LONG_NAME)
    (monthly,) = gather_monthly(city, [person], OCTOBER, TODAY)
    circular = gather_circular(city, OCTOBER, "person", TODAY)
    for report in (monthly, circular):
        data, _ = render_pdf(report, invariant=True)
        text = squash("".join(pdf_text(data, tmp_path)))
        assert "欧阳长长长" in text  # the name starts as it is …
        assert "…" in text and "尾" not in text  # … and is cut, marked
        assert "处文字过长，已截断" in text  # the reader is told
    text = squash("".join(pdf_text(render_pdf(monthly, invariant=True)[0], tmp_path)))
    assert squash(LONG_ACTIVITY) in text  # the table has room for the activity whole
    assert "55.6%" in text  # the report is all there


def test_short_names_are_never_cut(city: Ledger, tmp_path: Path) -> None:
    (monthly,) = gather_monthly(city, [city.find_person("张伟")], OCTOBER, TODAY)
    text = squash("".join(pdf_text(render_pdf(monthly, invariant=True)[0], tmp_path)))
    assert "已截断" not in text


def test_a_trip_over_centuries_is_refused(city: Ledger) -> None:
    from datetime import date

    from desktop.domain.trips import Trip

    zhang = city.find_person("张伟")
    assert zhang.id is not None
    with pytest.raises(ValidationError) as caught:
        city.add_trip(Trip((zhang.id,), date(1, 1, 1), date(9999, 12, 31), destinations=("重庆",)))
    assert caught.value.field == "start_date"
    with pytest.raises(ValidationError) as caught:
        city.add_trip(Trip((zhang.id,), date(2025, 1, 1), date(2026, 3, 1), destinations=("重庆",)))
    assert (caught.value.field, caught.value.code) == ("end_date", "trip_too_long")


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("2026-10", "市人民政府", "张伟"), "2026-10-市人民政府-张伟.pdf"),
        (("2026-10", "", "李 娜"), "2026-10-李_娜.pdf"),
        (("2026-10", "高新区", "CON"), "2026-10-高新区-CON.pdf"),
        (("CON",), "_CON.pdf"),
    ],
)
def test_file_names(parts: tuple[str, ...], expected: str) -> None:
    assert file_name(parts, ".pdf") == expected


def test_file_names_alike_after_cleaning_are_distinct() -> None:
    a = file_name(("2026-10", "张/伟"), ".pdf")
    b = file_name(("2026-10", "张:伟"), ".pdf")
    c = file_name(("2026-10", "张\x1b伟"), ".pdf")
    assert len({a, b, c}) == 3 and all(n.startswith("2026-10-张_伟~") for n in (a, b, c))
    long_a, long_b = "长" * 80 + "甲", "长" * 80 + "乙"
    na, nb = file_name(("2026-10", long_a), ".otr"), file_name(("2026-10", long_b), ".otr")
    assert na != nb and all(len(n.encode()) <= 255 for n in (na, nb))
    assert (
        file_name(("2026-10", "张伟"), ".pdf", taken={"2026-10-张伟.PDF"}) == "2026-10-张伟-2.pdf"
    )
    assert safe_part("张\u200b伟").startswith("张伟~")  # changed, so marked


def _add_long_names(db: Path) -> None:
    with Ledger.open(db, WorkCalendar(), actor="王秘书", today=lambda: TODAY) as led:
        led.db.execute("UPDATE persons SET name = ? WHERE name = '王强'", ["王" * 80])
        # two persons of one unit whose names clean to the same file name
        led.db.execute("UPDATE persons SET name = '陈/静' WHERE name = '陈静'")
        led.db.execute("UPDATE persons SET name = '陈:静', unit = '高新区' WHERE name = '李娜'")


def test_monthly_for_everyone_writes_every_file_once(city_path: Path, tmp_path: Path) -> None:
    _add_long_names(city_path)
    folder = tmp_path / "月报"
    stdout = ok(
        city_path, "report", "monthly", "--all", "--period", "2026-10", "--out", str(folder)
    )
    assert "已生成 6 份月报" in stdout
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 6
    assert len([n for n in names if n.startswith("2026-10-高新区-陈_静~")]) == 2
    assert all(len(n.encode()) <= 255 for n in names)


def test_one_failing_report_costs_nobody_else_theirs(city_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "月报"
    (folder / "2026-10-市人民政府-张伟.pdf").mkdir(parents=True)  # cannot be written as a file
    done = run(city_path, "report", "monthly", "--all", "--period", "2026-10", "--out", str(folder))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "未能生成 张伟 的月报" in done.stderr and "1 份月报未能生成" in done.stderr
    assert "已生成 5 份月报" in done.stdout
    files = [p for p in folder.iterdir() if p.is_file()]
    assert len(files) == 5


def test_submit_with_a_long_name_writes_its_file(city_path: Path, tmp_path: Path) -> None:
    _add_long_names(city_path)
    out = tmp_path / "报送"
    out.mkdir()
    stdout = ok(
        city_path, "submit", "--person", "王" * 80, "--period", "2026-10", "--out", str(out)
    )
    (written,) = out.iterdir()
    assert written.suffix == ".otr" and len(written.name.encode()) <= 255
    assert str(written) in stdout
