"""Importing Excel-era ledgers from tests/data (see make_ledgers.py there): every encoding and
format, header aliases, activity mapping, new persons on request, and re-imports adding nothing."""

import sqlite3
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.entries import DayPart
from desktop.domain.entry_rows import find_header, parse_rows
from desktop.domain.errors import LedgerError, UnknownNameError, ValidationError
from desktop.domain.people import Person
from desktop.domain.projects import Project
from desktop.storage import changelog
from desktop.storage.backups import BackupReason, is_sound, list_backups
from desktop.storage.entry_import import ImportOptions, ImportRefused
from desktop.storage.ledger import Ledger
from desktop.storage.ledger_files import load_activity_map, read_ledger
from tests.conftest import snapshot

DATA = Path(__file__).resolve().parent.parent / "data"
LEDGERS = [
    "ledger-utf8.csv",
    "ledger-utf8-bom.csv",
    "ledger-gbk.csv",
    "ledger-gb18030.csv",
    "ledger-utf16.txt",
    "ledger.xlsx",
    "ledger-wps-validations.xlsx",
]
# (date, person, activity, minutes, day part, start, end, location, counterpart)
EXPECTED = [
    (date(2026, 9, 1), "张伟", "项目洽谈", 150, None, 540, 690, "重庆", "长安汽车"),
    (date(2026, 9, 2), "张伟", "外出招商", None, DayPart.FULL, None, None, "成都", ""),
    (date(2026, 9, 3), "张伟", "招商专题会议", 150, None, None, None, "市政府", ""),
    (date(2026, 9, 4), "张伟", "请假", None, DayPart.HALF, None, None, "", ""),
    (date(2026, 9, 7), "李娜", "接待客商考察", 150, None, 840, 990, "高新区", "比亚迪"),
    (date(2026, 9, 8), "李娜", "外出招商", None, DayPart.FULL, None, None, "深圳", ""),
]


@pytest.fixture
def office(ledger: Ledger) -> Ledger:
    ledger.add_person(Person("张伟", "市长", "市人民政府"))
    ledger.add_person(Person("李娜", "区长", "高新区"))
    ledger.add_project(Project("长安新能源电池项目"))
    return ledger


def rows(ledger: Ledger) -> list[tuple[object, ...]]:
    persons = {p.id: p.name for p in ledger.persons()}
    activities = {a.id: a.name for a in ledger.activities()}
    return [
        (
            e.day,
            persons[e.person_id],
            activities[e.activity_id],
            e.minutes,
            e.day_part,
            e.start,
            e.end,
            e.location,
            e.counterpart,
        )
        for e in ledger.entries()
    ]


@pytest.mark.parametrize("name", LEDGERS)
def test_every_encoding_and_format_gives_the_same_entries(office: Ledger, name: str) -> None:
    result = office.import_entries(DATA / name)
    assert (result.rows, result.persons, result.duplicates) == (6, 2, 0)
    assert rows(office) == EXPECTED
    notes = [e.note for e in office.entries()]
    assert notes[0] == "洽谈电池项目, 达成初步意向"
    assert notes[4] == "陪同考察\n新能源产业园"  # a line break inside a cell stays in its row
    assert notes[1] == ("赴成都招商，拜访𠮷祥物流" if "gb18030" in name else "赴成都招商")
    assert office.entries()[0].project_id is not None


def test_the_formats_are_told_apart_by_content(office: Ledger, tmp_path: Path) -> None:
    disguised = tmp_path / "台账.csv"
    disguised.write_bytes((DATA / "ledger.xlsx").read_bytes())
    result = office.import_entries(disguised, dry_run=True)
    assert (result.file_format, result.sheet, result.rows) == ("xlsx", "九月", 6)
    gbk = office.import_entries(DATA / "ledger-gbk.csv", dry_run=True)
    assert (gbk.file_format, gbk.sheet) == ("csv", "gb18030")


def test_a_chosen_sheet(office: Ledger) -> None:
    result = office.import_entries(DATA / "ledger.xlsx", ImportOptions(sheet="十月"))
    assert (result.rows, result.first_day, result.sheet) == (1, date(2026, 10, 9), "十月")
    assert office.import_entries(DATA / "ledger.xlsx", ImportOptions(sheet="1")).rows == 6
    with pytest.raises(ValidationError, match="没有名为“十一月”的工作表（有：九月、十月）"):
        office.import_entries(DATA / "ledger.xlsx", ImportOptions(sheet="十一月"))
    with pytest.raises(ValidationError, match="工作表"):
        office.import_entries(DATA / "ledger-gbk.csv", ImportOptions(sheet="十月"))


WPS_BOOK = DATA / "ledger-wps-validations.xlsx"


def test_the_wps_workbook_holds_what_wps_writes() -> None:
    with zipfile.ZipFile(WPS_BOOK) as book:
        part = {name: book.read(name).decode("utf-8") for name in book.namelist()}
    assert "<Application>WPS 表格</Application>" in part["docProps/app.xml"]
    assert "<AppVersion>11.1.0.14309</AppVersion>" in part["docProps/app.xml"]
    assert 'name="KSOProductBuildVer"><vt:lpwstr>2052-11.1.0.14309<' in part["docProps/custom.xml"]
    sheet = part["xl/worksheets/sheet1.xml"]
    assert "<dataValidations " in sheet and "<x14:dataValidation " in sheet
    assert "<xm:f>Sheet2!$A$1:$A$5</xm:f><" in sheet and "<xm:sqref>D2:D200<" in sheet
    assert 'name="Sheet2" sheetId="2" state="hidden"' in part["xl/workbook.xml"]
    assert "<r><rPr><b/>" in part["xl/sharedStrings.xml"]


def test_a_wps_workbook_with_drop_down_lists_imports_quietly(
    office: Ledger, recwarn: pytest.WarningsRecorder
) -> None:
    result = office.import_entries(WPS_BOOK)
    # recwarn records every warning (the "error" filter does not apply inside it)
    assert [str(w.message) for w in recwarn] == []
    assert (result.file_format, result.sheet, result.rows, result.duplicates) == (
        "xlsx",
        "Sheet1",
        6,
        0,
    )
    assert rows(office) == EXPECTED
    # the note WPS keeps as two formatted runs is one plain text
    assert office.entries()[4].note == "陪同考察\n新能源产业园"
    # the hidden list sheet the drop-down lists refer to is not read as entries
    data = WPS_BOOK.read_bytes()
    assert [r for _, r in read_ledger(data, sheet="Sheet2").rows] == [
        ("项目洽谈",),
        ("外出招商",),
        ("招商专题会议",),
        ("请假",),
        ("接待客商考察",),
    ]
    first = read_ledger(data)
    assert (first.name, len(list(first.rows))) == ("Sheet1", 7)
    note = list(first.rows)[5][1][10]  # the reader itself gives the runs as one plain str
    assert type(note) is str and note == "陪同考察\n新能源产业园"
    assert [str(w.message) for w in recwarn] == []


def test_old_xls_and_broken_workbooks_are_refused_plainly(office: Ledger, tmp_path: Path) -> None:
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
    with pytest.raises(ValidationError, match=r"另存为 \.xlsx 或 CSV"):
        office.import_entries(old)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes((DATA / "ledger.xlsx").read_bytes()[:1000])
    with pytest.raises(ValidationError, match="无法读取该 Excel 文件"):
        office.import_entries(broken)


def test_importing_the_same_file_again_adds_nothing(office: Ledger) -> None:
    first = office.import_entries(DATA / "ledger-gbk.csv")
    assert first.rows == 6 and first.previous == () and first.backup is not None
    before = snapshot(office)
    again = office.import_entries(DATA / "ledger-gbk.csv")
    assert (again.rows, again.duplicates, again.backup) == (0, 6, None)
    assert [p.rows_added for p in again.previous] == [6]
    # the same entries in another encoding and format are the same records
    for name in ("ledger.xlsx", "ledger-utf8.csv"):
        assert office.import_entries(DATA / name).rows == 0
    assert snapshot(office) == before
    assert len(office.imports()) == 1


def test_a_grown_ledger_adds_only_its_new_rows(office: Ledger, tmp_path: Path) -> None:
    header = "日期,姓名,时长,活动类型,备注\n"
    september = "2026-09-01,张伟,2,项目洽谈,\n2026-09-01,张伟,2,项目洽谈,\n"
    path = tmp_path / "ledger.csv"
    path.write_text(header + september, encoding="utf-8")
    assert office.import_entries(path).rows == 2  # two like rows in one file are two records
    path.write_text(header + september * 2 + "2026-09-02,张伟,1,项目洽谈,新\n", encoding="utf-8")
    result = office.import_entries(path)
    assert (result.rows, result.duplicates) == (3, 2)
    assert len(office.entries()) == 5
    log = changelog.history(office.db, "entries")[0]
    assert log.action == "import" and log.after["duplicates"] == 2


def test_unknown_activities_and_persons_are_reported_with_line_and_column(
    office: Ledger,
) -> None:
    before = snapshot(office)
    with pytest.raises(ImportRefused) as err:
        office.import_entries(DATA / "ledger-old-activities.csv")
    assert err.value.lines() == [
        "第 2 行 D 列 活动类型：没有名为“招商洽谈”的活动类型",
        "第 3 行 D 列 活动类型：没有名为“外出考察”的活动类型",
        "第 4 行 B 列 姓名：没有名为“王强”的人员",
    ]
    # 王强's row says 招 商 洽 谈: counted with line 2's, though his name is unknown too
    assert err.value.unknown_activities == {"招商洽谈": 2, "外出考察": 1}
    assert err.value.unknown_persons == {"王强": 1}
    assert snapshot(office) == before


@pytest.mark.parametrize("mapping", ["activity-map.csv", "activity-map.json"])
def test_a_mapping_file_and_new_persons_on_request(office: Ledger, mapping: str) -> None:
    known = {a.name for a in office.activities()}
    activity_map = load_activity_map(DATA / mapping, known)
    assert activity_map == {"招商洽谈": "项目洽谈", "外出考察": "外出招商"}
    options = ImportOptions(activity_map=activity_map, create_persons=True)
    preview = office.import_entries(DATA / "ledger-old-activities.csv", options, dry_run=True)
    assert preview.new_persons == ("王强",) and office.find_person("张伟")
    with pytest.raises(UnknownNameError, match="王强"):
        office.find_person("王强")
    result = office.import_entries(DATA / "ledger-old-activities.csv", options)
    assert (result.rows, result.new_persons) == (3, ("王强",))
    wang = office.find_person("王强")  # his row said 招 商 洽 谈: spaces do not count
    (entry,) = office.entries(person_id=wang.id)
    assert entry.activity_id == office.find_activity("项目洽谈").id


def test_a_mapping_to_an_activity_that_does_not_exist(office: Ledger, tmp_path: Path) -> None:
    bad = tmp_path / "map.csv"
    bad.write_text("原名,活动类型\n招商洽谈,洽谈\n", encoding="utf-8")
    with pytest.raises(
        ValidationError, match="活动类型映射文件：第 2 行：没有名为“洽谈”的活动类型"
    ):
        load_activity_map(bad, {a.name for a in office.activities()})
    broken = tmp_path / "map.json"
    broken.write_text('{"招商洽谈": ', encoding="utf-8")
    with pytest.raises(ValidationError, match="活动类型映射文件：第 1 行有误"):
        load_activity_map(broken, set())


def test_an_import_is_backed_up_before_it_writes(office: Ledger, db_path: Path) -> None:
    result = office.import_entries(DATA / "ledger.xlsx")
    (backup,) = list_backups(db_path)
    assert backup.reason is BackupReason.IMPORT and backup.path == result.backup
    assert is_sound(backup.path, full=True)
    conn = sqlite3.connect(backup.path)  # the backup holds the state before the import
    counts = conn.execute("SELECT (SELECT count(*) FROM entries), (SELECT count(*) FROM persons)")
    assert counts.fetchone() == (0, 2)
    conn.close()


@given(st.binary(max_size=400), st.sampled_from([b"", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe"]))
@settings(max_examples=150, deadline=None)
def test_no_file_content_crashes_the_reader(data: bytes, prefix: bytes) -> None:
    try:
        sheet = read_ledger(prefix + data)
        rows = iter(sheet.rows)
        header = find_header(rows)
        parse_rows(rows, header.columns, date(2026, 11, 20))
    except LedgerError as exc:
        assert exc.message("zh")


ROW = st.tuples(
    st.sampled_from(["2026-09-01", "2026/9/2", "2026年9月3日", "2026-02-30", "", "明天"]),
    st.sampled_from(["张伟", " 张 伟 ", "李娜", "王五", ""]),
    st.sampled_from(["2", "全天", "半天", "150分钟", "-1", "25", "x", ""]),
    st.sampled_from(["项目洽谈", "请假", "打高尔夫", ""]),
)


@given(st.lists(ROW, max_size=15))
@settings(max_examples=60, deadline=None)
def test_every_row_is_imported_or_reported(rows: list[tuple[str, str, str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ledger.csv"
        lines = ["日期,姓名,时长,活动类型", *(",".join(r) for r in rows)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        data_lines = {n for n, r in enumerate(rows, 2) if any(r)}
        with Ledger.open(Path(folder) / "l.db", today=lambda: date(2026, 11, 20)) as ledger:
            ledger.add_person(Person("张伟"))
            ledger.add_person(Person("李娜"))
            try:
                result = ledger.import_entries(path)
            except ImportRefused as exc:
                assert exc.problems and {p.line for p in exc.problems} <= data_lines
                assert ledger.entries() == []
            except ValidationError as exc:
                assert exc.code == "no_rows" and not data_lines
            else:
                # a row of sums (no date, hours at the sum above) is skipped and listed
                counted = result.rows + result.duplicates + len(result.skipped)
                assert counted == len(data_lines)
                assert len(ledger.entries()) == result.rows
