"""What the monthly report's tables say, read back from the PDF as a reader sees the page."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from desktop.domain.entries import Entry
from desktop.reports.export import render_pdf
from desktop.reports.sources import gather_monthly
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY
from tests.reports.conftest import OCTOBER, layout_pages, squash


def monthly_lines(city: Ledger, name: str, tmp_path: Path, lang: str = "zh") -> list[str]:
    (report,) = gather_monthly(city, [city.find_person(name)], OCTOBER, TODAY)
    data, _ = render_pdf(report, lang, invariant=True)
    return [line for page in layout_pages(data, tmp_path) for line in page]


def test_the_promotion_subtotal_reads_as_part_of_the_total(city: Ledger, tmp_path: Path) -> None:
    """四、时间分布: 合计, then under it 其中：招商工作 with its entries and days."""
    lines = [squash(line) for line in monthly_lines(city, "张伟", tmp_path)]
    (total,) = [i for i, line in enumerate(lines) if re.fullmatch(r"合计\d+\d+\.\d", line)]
    assert lines[total] == "合计2915.7"
    assert lines[total + 1] == "其中：招商工作1610.0"
    assert not any(line.startswith("其中招商") for line in lines)  # the old, unlabelled row
    english = [squash(line) for line in monthly_lines(city, "张伟", tmp_path, "en")]
    at = english.index("Total2915.7")
    assert english[at + 1] == "ofwhich:promotion1610.0"


def _log_talks(city: Ledger) -> None:
    """张伟's talks and visits hosted, logged out of their order."""
    zhang = city.find_person("张伟")
    battery, byd = (city.find_project(n) for n in ("长安新能源电池项目", "比亚迪零部件产业园"))
    assert zhang.id is not None and battery.id is not None and byd.id is not None
    for day, activity, counterpart, project, note in (
        (29, "签约活动", "重庆长安汽车股份有限公司", battery.id, "签订二期补充协议"),
        (8, "项目洽谈", "比亚迪股份有限公司（王传福 董事长）", byd.id, "商定用地选址，下月报方案"),
        (16, "接待客商考察", "宁德时代新能源科技股份有限公司", None, "考察经开区，对配套表示满意"),
        (24, "项目推进协调", "市自然资源局", battery.id, "协调用地指标"),  # not a talk
    ):
        kind = city.find_activity(activity).id
        assert kind is not None
        city.add_entry(
            Entry(
                zhang.id,
                date(2026, 10, day),
                kind,
                start=19 * 60,
                end=21 * 60,
                project_id=project,
                counterpart=counterpart,
                note=note,
            )
        )


def test_the_months_talks_and_visits_hosted_are_listed_in_date_order(
    city: Ledger, tmp_path: Path
) -> None:
    _log_talks(city)
    (report,) = gather_monthly(city, [city.find_person("张伟")], OCTOBER, TODAY)
    talks = report.talks
    assert [t.day for t in talks] == sorted(t.day for t in talks)
    mine = [t for t in talks if t.result in ("签订二期补充协议", "商定用地选址，下月报方案")]
    assert [(t.day.day, t.activity, t.project) for t in mine] == [
        (8, "项目洽谈", "比亚迪零部件产业园"),
        (29, "签约活动", "长安新能源电池项目"),
    ]
    assert {t.activity for t in talks} == {"项目洽谈", "接待客商考察", "签约活动"}
    assert "协调用地指标" not in {t.result for t in talks}  # 项目推进协调 is not a talk
    # the seeded month: 张伟's 项目洽谈 and 接待客商考察 afternoons, each with its note
    seeded = [t for t in talks if t.counterpart == "客商代表"]
    assert len(seeded) == 4 and all(t.project == "长安新能源电池项目" for t in seeded)

    data, _ = render_pdf(report, invariant=True)
    lines = [squash(line) for page in layout_pages(data, tmp_path) for line in page]
    start, end = lines.index("三、项目洽谈与客商接待"), lines.index("四、项目推进")
    section = lines[start:end]
    assert section[1] == "序号日期活动类型客商/企业项目进展成效"
    # each row: its date, activity, project and result on a line, the counterpart beside it
    # (a cell of two lines is centred on the row's line)
    rows = [
        ("10月8日项目洽谈", "比亚迪零部件产业园商定用地选址，下月报方案", "比亚迪股份有限公司"),
        ("10月16日接待客商考察", "考察经开区，对配套表示满意", "宁德时代新能源科技股"),
        ("10月29日签约活动", "长安新能源电池项目签订二期补充协议", "重庆长安汽车股份有限"),
    ]
    at = []
    for when, what, who in rows:
        (i,) = [i for i, line in enumerate(section) if line.endswith(what)]
        assert when in section[i] and who in "".join(section[i - 1 : i + 2]), section[i]
        at.append(i)
    assert at == sorted(at)
    assert not any("协调用地指标" in line for line in section)
    text = "".join(lines)
    assert "五、时间分布" in text and "六、签字确认" in text


def test_a_month_without_talks_says_so(city: Ledger, tmp_path: Path) -> None:
    wang = city.find_person("王强")
    talks = {city.find_activity(n).id for n in ("项目洽谈", "接待客商考察", "签约活动")}
    for e in city.entries(person_id=wang.id, period=OCTOBER):
        if e.activity_id in talks:
            assert e.id is not None
            city.delete_entry(e.id)
    text = squash("".join(monthly_lines(city, "王强", tmp_path)))
    assert "三、项目洽谈与客商接待本月无项目洽谈、客商接待记录。四、项目推进" in text
