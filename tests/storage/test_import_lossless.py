"""Imports that lose nothing: every column read, chosen for the note, or listed as not imported;
a column with text nobody chose for refuses the file; rows of totals skipped and listed; unknown
projects created on request; our own export's guarded cells read back as typed; a WPS-style
workbook read whole; and files whose lines disagree in encoding, hold a NUL byte or leave a
quote open refused with the line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.domain.people import Person
from desktop.domain.projects import Project
from desktop.reports.export import csv_bytes
from desktop.reports.raw_tables import entries_sheet
from desktop.storage import changelog
from desktop.storage.entry_import import ImportOptions, ImportRefused
from desktop.storage.import_scratch import PREFIX, sweep_leftovers
from desktop.storage.ledger import Ledger
from tests.conftest import snapshot

DATA = Path(__file__).resolve().parent.parent / "data"
WORK_DONE = [
    "与长安汽车洽谈电池项目二期，商定十月签约",
    "赴成都考察储能企业3家",
    "陪同京东方考察新能源产业园，介绍用地和配套政策",
    "研究电子信息产业链招商方案",
]


@pytest.fixture
def office(ledger: Ledger) -> Ledger:
    ledger.add_person(Person("张伟", "市长", "市人民政府"))
    ledger.add_person(Person("李娜", "区长", "高新区"))
    ledger.add_project(Project("长安新能源电池项目"))
    return ledger


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "ledger.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_a_county_ledger_keeps_its_work_content(office: Ledger) -> None:
    path = DATA / "ledger-work-content-gbk.csv"
    before = snapshot(office)
    with pytest.raises(ImportRefused) as refused:
        office.import_entries(path)
    assert refused.value.unknown_projects == {"成都储能电站项目": 1, "京东方模组项目": 1}
    assert {(p.line, p.column) for p in refused.value.problems} == {(3, 6), (5, 6)}
    assert snapshot(office) == before
    result = office.import_entries(path, ImportOptions(create_projects=True))
    assert result.sheet == "gb18030" and result.rows == 4
    assert result.skipped == ((7, "合计"),)  # the 合计 row, skipped with its line
    assert result.new_projects == ("成都储能电站项目", "京东方模组项目")
    assert [e.note for e in office.entries()] == WORK_DONE
    uses = {c.name: c.use for c in result.columns}
    assert uses == {
        "序号": "not_kept",
        "领导": "person",
        "日期": "date",
        "类型": "activity",
        "用时": "hours",
        "地点": "location",
        "项目名称": "project",
        "工作内容": "content",
    }
    projects = {p.name: p.id for p in office.projects()}
    assert set(projects) == {"长安新能源电池项目", "成都储能电站项目", "京东方模组项目"}
    assert office.entries()[2].project_id == projects["京东方模组项目"]
    logged = {c.after["name"] for c in changelog.history(office.db, "projects") if c.after}
    assert {"成都储能电站项目", "京东方模组项目"} <= logged


def test_work_content_comes_before_the_remark(office: Ledger, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "日期,姓名,时长,活动类型,备注,事由\n"
        "2026-09-01,张伟,2,项目洽谈,客商：长安汽车,洽谈电池项目\n"
        "2026-09-02,张伟,2,项目洽谈,,只有事由\n"
        "2026-09-03,张伟,2,项目洽谈,只有备注,\n",
    )
    office.import_entries(path)
    assert [e.note for e in office.entries()] == [
        "洽谈电池项目；客商：长安汽车",
        "只有事由",
        "只有备注",
    ]


TEXT_WITH_EXTRAS = (
    "日期,姓名,时长,活动类型,备注,联系电话,附件,\n"
    "2026-09-01,张伟,2,项目洽谈,洽谈,13800000000,,\n"
    "2026-09-02,张伟,2,项目洽谈,考察,,照片.jpg,\n"
)


def test_a_column_with_text_is_never_dropped_silently(office: Ledger, tmp_path: Path) -> None:
    path = write(tmp_path, TEXT_WITH_EXTRAS)
    before = snapshot(office)
    with pytest.raises(ImportRefused) as refused:
        office.import_entries(path, dry_run=True)
    where = [(p.line, p.column, p.error.code) for p in refused.value.problems]
    assert where == [(2, 5, "extra_column"), (3, 6, "extra_column")]
    assert "“联系电话”列有内容但未导入" in refused.value.lines()[0]
    assert snapshot(office) == before
    choices = ImportOptions(columns={"联系电话": "append", "附件": "ignore"})
    result = office.import_entries(path, choices)
    assert [e.note for e in office.entries()] == ["洽谈；联系电话：13800000000", "考察"]
    uses = [(c.letter, c.name, c.use) for c in result.columns]
    assert uses[5:] == [("F", "联系电话", "append"), ("G", "附件", "ignored")]  # H: no name, empty


def test_extra_columns_for_all_of_them(office: Ledger, tmp_path: Path) -> None:
    office.import_entries(write(tmp_path, TEXT_WITH_EXTRAS), ImportOptions(extra_columns="note"))
    assert [e.note for e in office.entries()] == ["洽谈；13800000000", "考察；照片.jpg"]


def test_a_row_of_sums_is_a_total_row(office: Ledger, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "日期,姓名,时长,活动类型\n"
        "2026-09-01,张伟,2,项目洽谈\n"
        "2026-09-02,张伟,1.5,项目洽谈\n"
        ",,3.5,\n"
        "2026-09-03,张伟,1,项目洽谈\n"
        "小 计,,1,\n",
    )
    result = office.import_entries(path)
    assert result.rows == 3 and result.skipped == ((4, ""), (6, "小计"))
    # a number that is not the sum above is a row with no date, as before
    bad = write(tmp_path, "日期,姓名,时长,活动类型\n2026-09-01,张伟,2,项目洽谈\n,,5,\n")
    with pytest.raises(ImportRefused) as refused:
        office.import_entries(bad)
    assert [(p.line, p.error.field) for p in refused.value.problems] == [(3, "date")]


def test_our_own_export_comes_back_as_typed(office: Ledger, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "日期,姓名,时长,活动类型,地点,备注\n"
        '2026-09-01,张伟,2,项目洽谈,@北京,"=HYPERLINK(""x"")"\n'
        "2026-09-02,张伟,2,项目洽谈,,+86 签约\n",
    )
    office.import_entries(path)
    entries = office.entries()
    persons = {p.id: p for p in office.persons()}
    activities = {a.id: a for a in office.activities()}
    exported = csv_bytes(entries_sheet(entries, persons, activities, {}, "zh"))
    assert b"'=HYPERLINK" in exported and b"'@" in exported  # the export guards them …
    round_trip = tmp_path / "again.csv"
    round_trip.write_bytes(exported)
    office.db.execute("DELETE FROM entries")
    office.import_entries(round_trip)
    again = office.entries()
    # … and they come back without the apostrophe
    assert [(e.location, e.note) for e in again] == [
        ("@北京", '=HYPERLINK("x")'),
        ("", "+86 签约"),
    ]


def test_a_wps_workbook_is_read_whole(office: Ledger) -> None:
    result = office.import_entries(DATA / "ledger-wps.xlsx")
    assert (result.file_format, result.rows) == ("xlsx", 6)


GOOD_LINE = "2026-09-{day:02d},张伟,2,项目洽谈,洽谈电池项目\n"


@pytest.mark.parametrize("where", [3, 5000])  # inside the encoding sample, and far past it
def test_a_utf8_file_with_one_gbk_line_is_refused_naming_it(
    office: Ledger, tmp_path: Path, where: int
) -> None:
    lines = ["日期,姓名,时长,活动类型,备注\n".encode()]
    for i in range(2, 6000):
        text = GOOD_LINE.format(day=1 + i % 28)
        lines.append(text.encode("gbk" if i == where else "utf-8"))
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"".join(lines))
    before = snapshot(office)
    with pytest.raises(ImportRefused) as refused:
        office.import_entries(path, ImportOptions(create_persons=True))
    (problem,) = [p for p in refused.value.problems if p.error.code == "mixed_encoding"]
    assert problem.line == where
    assert f"第 {where} 行的编码与文件其余部分（UTF-8）不一致" in problem.text()
    assert snapshot(office) == before


def test_a_gbk_file_with_one_utf8_line(office: Ledger, tmp_path: Path) -> None:
    rows = ["日期,姓名,时长,活动类型,备注\n"] + [GOOD_LINE.format(day=d) for d in range(1, 9)]
    data = b"".join(r.encode("utf-8" if i == 6 else "gbk") for i, r in enumerate(rows))
    with pytest.raises(ImportRefused) as refused:
        office.import_entries(write_bytes(tmp_path, data))
    assert [(p.line, p.error.code) for p in refused.value.problems] == [(7, "mixed_encoding")]


def write_bytes(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "raw.csv"
    path.write_bytes(data)
    return path


def test_a_nul_byte_and_an_open_quote_are_named(office: Ledger, tmp_path: Path) -> None:
    head = "日期,姓名,时长,活动类型,备注\n"
    nul = (head + GOOD_LINE.format(day=1) + "2026-09-02,张伟,2,项目洽谈,a\x00b\n").encode()
    with pytest.raises(ImportRefused) as refused:
        office.import_entries(write_bytes(tmp_path, nul))
    assert [(p.line, p.error.code) for p in refused.value.problems] == [(3, "nul_byte")]
    assert "NUL" in refused.value.lines()[0]
    rest = "".join(GOOD_LINE.format(day=d) for d in range(3, 9))
    open_quote = head + GOOD_LINE.format(day=1) + '2026-09-02,张伟,2,项目洽谈,"未闭合\n' + rest
    with pytest.raises(ImportRefused) as refused:
        office.import_entries(write(tmp_path, open_quote))
    assert [(p.line, p.error.code) for p in refused.value.problems] == [(3, "unterminated_quote")]
    assert office.entries() == []


def test_a_killed_imports_scratch_folder_is_swept(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead = tmp_path / f"{PREFIX}{done.stdout.strip()}-abc"
    alive = tmp_path / f"{PREFIX}{os.getpid()}-def"
    for folder in (dead, alive):
        folder.mkdir()
        (folder / "rows.db").write_bytes(b"x")
    assert sweep_leftovers(tmp_path) == [dead]
    assert alive.exists() and not dead.exists()
