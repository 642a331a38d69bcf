from pathlib import Path

import pytest

from desktop.domain.errors import ValidationError
from desktop.domain.people import Person
from desktop.domain.periods import Period
from desktop.domain.projects import Project
from desktop.storage import changelog
from desktop.storage.entry_import import ImportRefused
from desktop.storage.import_results import ImportOptions
from desktop.storage.ledger import Ledger
from tests.conftest import snapshot

HEADER_ZH = "日期,姓名,职务,开始,结束,时长,活动类型,项目,地点,备注\n"
GOOD = [
    "2026-09-01,张伟,市长,09:00,11:30,,项目洽谈,长安新能源电池项目,重庆,洽谈电池项目\n",
    "2026-09-02,张伟,市长,,,全天,外出招商,,成都,\n",
    "2026-09-03,张伟,市长,,,2.5,招商专题会议,,市政府,\n",
    "2026-09-04,张伟,市长,,,半天,请假,,,\n",
]


@pytest.fixture
def seeded(ledger: Ledger, zhang: Person) -> Ledger:
    ledger.add_project(Project("长安新能源电池项目"))
    return ledger


def write(
    tmp_path: Path, lines: list[str], header: str = HEADER_ZH, encoding: str = "utf-8-sig"
) -> Path:
    path = tmp_path / "entries.csv"
    path.write_bytes((header + "".join(lines)).encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
def test_import_all_rows(seeded: Ledger, tmp_path: Path, encoding: str) -> None:
    result = seeded.import_entries_csv(write(tmp_path, GOOD, encoding=encoding))
    assert (result.rows, result.persons) == (4, 1)
    entries = seeded.entries(period=Period.parse("2026-09"))
    assert len(entries) == 4
    assert entries[0].minutes == 150 and entries[0].note == "洽谈电池项目"
    assert entries[0].project_id is not None
    (item,) = seeded.summary(Period.parse("2026-09"))
    assert item.result.promotion_days == pytest.approx(150 / 480 + 1 + 2.5 / 8)
    assert item.result.leave_days == 0.5
    log = changelog.history(seeded.db, "entries")
    assert log[0].action == "import" and log[0].after["rows"] == 4


def test_english_headers_in_another_order(seeded: Ledger, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        ["重庆,2026-09-01,张伟,项目洽谈,2\n"],
        header="location,date,person,activity,hours\n",
    )
    assert seeded.import_entries_csv(path).rows == 1
    assert seeded.entries()[0].location == "重庆"


def test_one_bad_line_among_good_ones_imports_nothing(seeded: Ledger, tmp_path: Path) -> None:
    lines = [*GOOD[:2], "2026-02-30,张伟,市长,,,2,项目洽谈,,,\n", *GOOD[2:]]
    before = snapshot(seeded)
    with pytest.raises(ImportRefused) as err:
        seeded.import_entries_csv(write(tmp_path, lines))
    assert snapshot(seeded) == before
    assert err.value.lines() == [
        "第 4 行 A 列 日期：“2026-02-30”不是有效日期（应为 2026-09-01 这样的格式）"
    ]
    assert "1 行有误，未导入任何记录" in str(err.value)


def test_every_problem_is_reported_with_its_line(seeded: Ledger, tmp_path: Path) -> None:
    lines = [
        "2026-09-01,李四,,,,2,项目洽谈,,,\n",  # line 2: unknown person
        "2026-09-01,张伟,,,,2,打高尔夫,,,\n",  # line 3: unknown activity
        "2026-09-01,张伟,,,,2,项目洽谈,不存在的项目,,\n",  # line 4: unknown project
        "2026-09-01,张伟,,,,-2,项目洽谈,,,\n",  # line 5: negative hours
        "2026-09-02,张伟,,09:00,12:00,,项目洽谈,,,\n",  # line 6: fine alone …
        "2026-09-02,张伟,,11:00,13:00,,项目洽谈,,,\n",  # line 7: … but overlaps line 6
        "2026-09-03,张伟,,,,20,项目洽谈,,,\n",  # line 8
        "2026-09-03,张伟,,,,5,项目洽谈,,,\n",  # line 9: 25 h on the day
    ]
    with pytest.raises(ImportRefused) as err:
        seeded.import_entries_csv(write(tmp_path, lines))
    got = {line: e.field for line, e in err.value.errors}
    assert got == {2: "person", 3: "activity", 4: "project", 5: "hours", 7: "start", 9: "hours"}
    assert seeded.entries() == []


def test_overlap_with_what_is_already_stored(seeded: Ledger, tmp_path: Path) -> None:
    seeded.import_entries_csv(write(tmp_path, GOOD[:1]))
    with pytest.raises(ImportRefused, match="1 行有误") as err:
        seeded.import_entries_csv(write(tmp_path, ["2026-09-01,张伟,,10:00,10:30,,项目洽谈,,,\n"]))
    assert "时间重叠" in err.value.lines()[0]
    assert len(seeded.entries()) == 1


def test_missing_columns_and_empty_files(seeded: Ledger, tmp_path: Path) -> None:
    with pytest.raises(ImportRefused) as err:
        seeded.import_entries_csv(write(tmp_path, GOOD, header="日期,姓名,时长\n"))
    assert "缺少必需的列：活动类型" in err.value.lines()[0]
    with pytest.raises(ValidationError, match="没有数据行"):
        seeded.import_entries_csv(write(tmp_path, []))
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError, match="没有数据行"):
        seeded.import_entries_csv(empty)


def test_dry_run_writes_nothing(seeded: Ledger, tmp_path: Path) -> None:
    before = snapshot(seeded)
    assert seeded.import_entries_csv(write(tmp_path, GOOD), dry_run=True).rows == 4
    assert snapshot(seeded) == before


def test_only_the_unknown_projects_chosen_are_created(seeded: Ledger, tmp_path: Path) -> None:
    lines = [
        "2026-09-07,张伟,市长,,,2,项目洽谈,京东方 显示模组项目,,\n",
        "2026-09-08,张伟,市长,,,2,项目洽谈,光伏组件项目,,\n",
    ]
    path = write(tmp_path, lines)
    before = snapshot(seeded)
    chosen = ImportOptions(create_projects=frozenset({"京东方显示模组项目"}))  # spaces aside
    with pytest.raises(ImportRefused) as refused:
        seeded.import_entries(path, chosen)
    assert list(refused.value.unknown_projects) == ["光伏组件项目"]
    assert snapshot(seeded) == before
    both = ImportOptions(create_projects=frozenset({"京东方显示模组项目", "光伏组件项目"}))
    seeded.import_entries(path, both)
    assert {p.name for p in seeded.projects()} >= {"光伏组件项目"}
    assert len(seeded.projects()) == 3


def test_every_unknown_name_is_found_in_one_check(seeded: Ledger, tmp_path: Path) -> None:
    """An unknown activity on a line whose person is unknown too is listed with the others,
    so that one check shows all there is to choose; a name written with spaces between its
    characters is one name with the one written without."""
    lines = [
        "2026-09-01,李四,,,,2,招 商 洽 谈,成都储能电站项目,,\n",
        "2026-09-02,张伟,,,,2,招商洽谈,,,\n",
        "2026-09-03,张伟,,,,2,项目 洽谈,,,\n",  # a known one, spaced
    ]
    with pytest.raises(ImportRefused) as err:
        seeded.import_entries_csv(write(tmp_path, lines))
    assert dict(err.value.unknown_activities) == {"招商洽谈": 2}
    assert dict(err.value.unknown_persons) == {"李四": 1}
    assert dict(err.value.unknown_projects) == {"成都储能电站项目": 1}  # on 李四's line too
    mapped = ImportOptions(activity_map={"招商洽谈": "项目洽谈"})
    with pytest.raises(ImportRefused) as err:  # the person is still unknown
        seeded.import_entries(write(tmp_path, lines), mapped)
    assert dict(err.value.unknown_activities) == {}
    assert seeded.find_activity("项目 洽谈").name == "项目洽谈"
