"""`onethird-cli score` run as a subprocess on the office ledger of tests/assessment_world.py:
the printed ranking reproduces the hand computation, a scheme goes out and comes back in as a
file (refused, naming the item, when it is wrong), and projects take the details 考核 needs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.assessment_scheme import Scheme
from desktop.domain.projects import FundKind, InvestorOrigin, ProjectKind
from desktop.domain.workcalendar import WorkCalendar
from desktop.storage.changelog import history
from desktop.storage.ledger import Ledger
from tests.assessment_world import DAY, HAND, NOT_CREDITED, SCHEME, TOTALS, make_office
from tests.test_cli import SCRIPT

ITEMS = [item["id"] for item in SCHEME["items"]]


def run(db: Path, *args: str, lang: str = "zh") -> subprocess.CompletedProcess[str]:
    command = [SCRIPT] if SCRIPT else [sys.executable, "-m", "desktop.cli.main"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [*command, "--db", str(db), "--lang", lang, "--today", DAY.isoformat(), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )


def ok(db: Path, *args: str, lang: str = "zh") -> str:
    done = run(db, *args, lang=lang)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def refused(db: Path, *args: str) -> str:
    done = run(db, *args)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    return done.stderr


@pytest.fixture(scope="module")
def office_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_office(tmp_path_factory.mktemp("office") / "office.db")


@pytest.fixture
def office(office_file: Path, tmp_path: Path) -> Path:
    """A fresh copy of the office ledger for one test."""
    path = tmp_path / "office.db"
    path.write_bytes(office_file.read_bytes())
    return path


def ranking(stdout: str, heading: str = "总分与排名") -> list[tuple[int, str, list[str], str]]:
    """The ranking table as printed: rank, name, each item's score, the total."""
    lines = stdout.splitlines()
    start = lines.index(heading)
    header = re.split(r"\s{2,}", lines[start + 1].strip())
    assert lines[start + 2].startswith("----")
    rows = []
    for line in lines[start + 3 :]:
        if not line.strip():
            break
        cells = re.split(r"\s{2,}", line.strip())
        assert len(cells) == len(header), line
        rows.append((int(cells[0]), cells[1], cells[2:-1], cells[-1]))
    assert [h.split()[0] for h in header[2:-1]] == ITEMS
    return rows


def held(db: Path) -> Scheme | None:
    with Ledger.open(db, WorkCalendar(), today=lambda: DAY) as led:
        return led.scheme()


def test_the_printed_ranking_reproduces_the_hand_computation(office: Path) -> None:
    out = ok(office, "score", "--period", "2026")
    rows = ranking(out)
    assert [(rank, name, total) for rank, name, _, total in rows] == TOTALS
    assert {name: scores for _, name, scores, _ in rows} == HAND
    # printed totals are what a reader adding up the printed row gets
    for _, _, scores, total in rows:
        assert sum(float(s) for s in scores) == pytest.approx(float(total))
    assert "依据：某办发〔2026〕12号《某市招商引资工作考核办法》" in out
    assert "统计期：2026年" in out
    # the working: each score's formula with its numbers, the cap named
    assert "65 ÷ 40 × 20 = 32.5" in out and "封顶 24 分" in out
    assert "(60 + 40 × (4000 − 3000) ÷ (11000 − 3000)) × 25 ÷ 100 = 16.25" in out
    assert "欠进度 1.0 个百分点" in out  # 经开区's 签约额: 24 % done, a quarter of the year gone
    for name in NOT_CREDITED:
        assert f"不予认定：{name}" in out


def test_by_person_scores_the_subject_persons(office: Path) -> None:
    rows = ranking(ok(office, "score", "--period", "2026", "--by", "person"), "总分与排名")
    names = [name for _, name, _, _ in rows]
    assert sorted(names) == sorted(["王建国（高新区）", "李志强（经开区）", "赵明（东湖县）"])
    assert "统计期" not in names and not any("陈静" in n for n in names)  # not a subject
    for _, _, scores, total in rows:
        assert sum(float(s) for s in scores) == pytest.approx(float(total))
    ranks = [rank for rank, _, _, _ in rows]
    assert ranks == sorted(ranks) and ranks[0] == 1
    # 赵明 travelled 65 days against a target of 40: capped at 24, as his unit is
    zhao = next(scores for _, name, scores, _ in rows if name.startswith("赵明"))
    assert zhao[0] == "24.00"


def test_english(office: Path) -> None:
    out = ok(office, "score", "--period", "2026", lang="en")
    rows = ranking(out, "Ranking")
    assert [(rank, name, total) for rank, name, _, total in rows] == TOTALS
    assert "Under 某办发〔2026〕12号" in out and "capped at 24" in out


def test_a_scheme_exported_edited_and_imported_changes_the_score(
    office: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "out" / "scheme.json"
    assert "已导出考核方案" in ok(office, "score", "scheme", "export", str(exported))
    text = exported.read_text(encoding="utf-8")
    assert "某市招商引资工作考核办法" in text  # ensure_ascii=False: readable Chinese
    data = json.loads(text)
    assert Scheme.from_dict(data) == held(office)
    data["items"][1]["points"] = "6"  # A2: 6 points a project instead of 5
    exported.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    said = ok(office, "score", "scheme", "import", str(exported))
    assert "已导入考核方案：某市招商引资工作考核办法（6 个考核项目）" in said
    rows = ranking(ok(office, "score", "--period", "2026"))
    totals = {name: total for _, name, _, total in rows}
    assert totals == {"高新区": "62.50", "东湖县": "49.35", "经开区": "31.15"}
    scheme = held(office)
    assert scheme is not None and str(scheme.item("A2").points) == "6"
    # the import is in the change log, with who made it and what it replaced
    with Ledger.open(office, WorkCalendar(), today=lambda: DAY) as led:
        (change, *_) = history(led.db, "settings")
    assert change.before["assessment_scheme"]["items"][1]["points"] == "5"
    assert change.after["assessment_scheme"]["items"][1]["points"] == "6"


@pytest.mark.parametrize(
    ("item", "key", "value", "said"),
    [
        (2, "measure", "golf_rounds", "考核项目“A3”的指标“golf_rounds”不是本程序能统计的指标"),
        (0, "weight", "-5", "考核项目“A1”的参数“weight”应为大于 0 的数（现为“-5”）"),
        (4, "target", None, "考核项目“A5”缺少参数“target”"),
    ],
)
def test_a_bad_scheme_is_refused_naming_the_item(
    office: Path, tmp_path: Path, item: int, key: str, value: str | None, said: str
) -> None:
    before = held(office)
    data = json.loads(json.dumps(SCHEME))
    data["name"] = "改过的方案"
    if value is None:
        del data["items"][item][key]
    else:
        data["items"][item][key] = value
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    err = refused(office, "score", "scheme", "import", str(bad))
    assert said in err and "考核方案" in err
    assert held(office) == before


def test_a_file_that_is_not_json_is_refused(office: Path, tmp_path: Path) -> None:
    before = held(office)
    bad = tmp_path / "scheme.json"
    bad.write_text("{ 这不是 JSON", encoding="utf-8")
    assert "文件不是考核方案" in refused(office, "score", "scheme", "import", str(bad))
    assert held(office) == before


def test_without_a_scheme_it_says_how_to_import_one(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    ok(db, "init")
    err = refused(db, "score", "--period", "2026")
    assert "还没有考核方案" in err and "score scheme import" in err
    assert "还没有考核方案" in refused(db, "score", "scheme", "show")
    out = tmp_path / "scheme.json"
    assert "还没有考核方案" in refused(db, "score", "scheme", "export", str(out))
    assert not out.exists()
    assert "还没有考核方案" in refused(
        db, "score", "--period", "2026", "--out", str(tmp_path / "r.pdf")
    )
    assert not (tmp_path / "r.pdf").exists()


def test_a_period_is_needed(office: Path) -> None:
    done = run(office, "score")
    assert done.returncode == 2 and "--period" in done.stderr


def test_scheme_show_names_every_item(office: Path) -> None:
    out = ok(office, "score", "scheme", "show")
    assert "考核方案：某市招商引资工作考核办法" in out and "文号：某办发〔2026〕12号" in out
    assert "每次考核：年度；按单位" in out
    assert "不予认定：项目类型 房地产；投资方来源 市内" in out
    lines = {line.split()[0]: line for line in out.splitlines() if re.match(r"A\d\s", line)}
    assert sorted(lines) == ITEMS
    assert "trip_days 外出招商天数" in lines["A1"] and "ratio" in lines["A1"]
    assert "权重 20" in lines["A1"] and "分单位目标 高新区 50" in lines["A1"]
    assert "协议投资额不低于 10000 万元" in lines["A2"] and "每个计分 5" in lines["A2"]
    assert "efficacy 功效系数法" in lines["A3"]
    assert "每次扣分 2" in lines["A4"] and "最多扣 5" in lines["A4"]


def test_score_out_writes_the_file_asked_for(office: Path, tmp_path: Path) -> None:
    pdf, xlsx, csv = tmp_path / "考核.pdf", tmp_path / "考核.xlsx", tmp_path / "考核.csv"
    assert f"已生成：{pdf}" in ok(office, "score", "--period", "2026", "--out", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    ok(office, "score", "--period", "2026", "--out", str(xlsx))
    assert xlsx.read_bytes().startswith(b"PK")
    out = ok(office, "score", "--period", "2026", "--out", str(csv))
    assert out.count("已生成") == 3  # ranking, detail, notes: one table a file
    assert (tmp_path / "考核-detail.csv").exists() and (tmp_path / "考核-notes.csv").exists()


def test_the_command_loads_no_heavy_library_until_it_writes(office: Path) -> None:
    code = (
        "import sys; from desktop.cli.main import main; "
        f"main(['--db', r'{office}', '--today', '2026-04-10', 'score', '--period', '2026']); "
        "heavy = [m for m in ('PySide6', 'matplotlib', 'reportlab', 'openpyxl') "
        "if m in sys.modules]; print('HEAVY', heavy)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8",
        timeout=60, check=True,
    )  # fmt: skip
    assert "HEAVY []" in done.stdout


def test_project_funds_take_their_origin_and_kind(office: Path) -> None:
    ok(office, "project", "add", "高新区芯片项目", "--amount", "30000", "--origin", "境外")
    said = ok(
        office, "project", "funds", "高新区芯片项目", "--amount", "8000", "--date", "2026-03-01",
        "--origin", "国内省外", "--kind", "固定资产",
    )  # fmt: skip
    assert "高新区芯片项目" in said
    ok(office, "project", "funds", "高新区芯片项目", "--amount", "500", "--date", "2026-03-02")
    with Ledger.open(office, WorkCalendar(), today=lambda: DAY) as led:
        p = led.find_project("高新区芯片项目")
    assert [(f.amount, f.origin, f.kind) for f in p.funds] == [
        (Decimal(8000), InvestorOrigin.COUNTRY, FundKind.FIXED_ASSETS),
        (Decimal(500), None, None),  # the project's 境外 counts for it; no kind
    ]
    base = ("project", "funds", "高新区芯片项目", "--amount", "1", "--date", "2026-03-03")
    assert "资金性质：“固定资产投资”无效（固定资产、流动资金）" in refused(
        office, *base, "--kind", "固定资产投资"
    )
    assert "资金来源：“外地”无效（市内、市外省内、国内省外、境外）" in refused(
        office, *base, "--origin", "外地"
    )
    with Ledger.open(office, WorkCalendar(), today=lambda: DAY) as led:
        assert len(led.find_project("高新区芯片项目").funds) == 2  # the refused added nothing


def test_project_add_and_edit_take_the_assessment_details(office: Path) -> None:
    said = ok(
        office, "project", "add", "高新区芯片项目", "--amount", "30000", "--kind", "工业",
        "--origin", "境外", "--credit-unit", "高新区", "--first-person", "陈静",
        "--registered", "2026-03-02", "--works-started", "2026-03-28",
        "--excluded", "财政性资金",
    )  # fmt: skip
    assert "已添加项目：高新区芯片项目" in said
    with Ledger.open(office, WorkCalendar(), today=lambda: DAY) as led:
        p = led.find_project("高新区芯片项目")
        chen = led.find_person("陈静")
    assert (p.kind, p.origin, p.credit_unit) == (
        ProjectKind.INDUSTRY,
        InvestorOrigin.ABROAD,
        "高新区",
    )
    assert p.first_person_id == chen.id
    assert (p.registered.isoformat() if p.registered else None) == "2026-03-02"
    assert (p.works_started.isoformat() if p.works_started else None) == "2026-03-28"
    assert p.excluded == "财政性资金"
    ok(office, "project", "edit", "高新区芯片项目", "--kind", "服务业", "--excluded", "")
    with Ledger.open(office, WorkCalendar(), today=lambda: DAY) as led:
        edited = led.find_project("高新区芯片项目")
    assert edited.kind is ProjectKind.SERVICES and edited.excluded == ""
    assert edited.origin is InvestorOrigin.ABROAD and edited.first_person_id == chen.id
    assert "项目类型：“矿业”无效" in refused(office, "project", "add", "矿", "--kind", "矿业")
    assert "没有名为“无名氏”的人员" in refused(
        office, "project", "edit", "高新区芯片项目", "--first-person", "无名氏"
    )
