"""Writes the ledger files the import tests read: the same six entries as Excel-era offices keep
them, in every encoding and format the import accepts.

Regenerate (deterministic, byte for byte) with:

    .venv/bin/python tests/data/make_ledgers.py

Files:
  ledger-utf8.csv         UTF-8 without BOM, English headers in another order, ISO dates
  ledger-utf8-bom.csv     UTF-8 with BOM (Excel's "CSV UTF-8"), Chinese aliases, 2026/9/1, 2.5小时
  ledger-gbk.csv          GBK as Excel on Chinese Windows saves "CSV", 2026年9月1日, 150分钟,
                          full-width digits and names padded with spaces
  ledger-gb18030.csv      GB18030 with a character GBK lacks (𠮷), 2026.9.1
  ledger-utf16.txt        Excel's "Unicode text": UTF-16 with BOM, tab-separated
  ledger.xlsx             a title row above the header, date and time cells, number durations;
                          a second sheet "十月" with one more entry
  ledger-old-activities.csv  activity names of an older ledger (招商洽谈, 外出考察) and a person
                          the ledger does not know (王强)
  activity-map.csv        原名,活动类型 mapping for that file; activity-map.json the same as JSON
  ledger-work-content-gbk.csv  GBK, the columns 序号,领导,日期,类型,用时,地点,项目名称,工作内容 of
                          a county ledger: the work done in 工作内容, an empty line, projects the
                          ledger does not know and a 合计 row at the end
  ledger-wps.xlsx         the six entries in a workbook whose <dimension> says A1:A1, as WPS
                          writes many workbooks (made by this script, not saved by WPS): openpyxl's
                          read-only mode believes it unless the sheet's dimensions are reset
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED_TIME = datetime(2026, 10, 1, 9, 0, 0)

# (date, person, title, start, end, hours, activity, project, location, counterpart, note)
ENTRIES = [
    (
        date(2026, 9, 1),
        "张伟",
        "市长",
        "09:00",
        "11:30",
        "",
        "项目洽谈",
        "长安新能源电池项目",
        "重庆",
        "长安汽车",
        "洽谈电池项目, 达成初步意向",
    ),
    (date(2026, 9, 2), "张伟", "市长", "", "", "全天", "外出招商", "", "成都", "", "赴成都招商"),
    (date(2026, 9, 3), "张伟", "市长", "", "", "2.5", "招商专题会议", "", "市政府", "", ""),
    (date(2026, 9, 4), "张伟", "市长", "", "", "半天", "请假", "", "", "", ""),
    (
        date(2026, 9, 7),
        "李娜",
        "区长",
        "14:00",
        "16:30",
        "",
        "接待客商考察",
        "",
        "高新区",
        "比亚迪",
        "陪同考察\n新能源产业园",
    ),
    (date(2026, 9, 8), "李娜", "区长", "", "", "1天", "外出招商", "", "深圳", "", ""),
]


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(rows)
    return out.getvalue()


def utf8() -> bytes:
    header = [
        "note",
        "person",
        "date",
        "activity",
        "hours",
        "start",
        "end",
        "project",
        "location",
        "counterpart",
        "title",
    ]
    rows = [header]
    for d, who, title, start, end, hours, act, project, place, cp, note in ENTRIES:
        rows.append([note, who, d.isoformat(), act, hours, start, end, project, place, cp, title])
    return csv_text(rows).encode("utf-8")


def utf8_bom() -> bytes:
    header = [
        "时间",
        "人员",
        "职务",
        "开始时间",
        "结束时间",
        "用时",
        "活动",
        "项目名称",
        "地点",
        "客商",
        "进展成效",
    ]
    rows = [header]
    for d, who, title, start, end, hours, act, project, place, cp, note in ENTRIES:
        hours = f"{hours}小时" if hours[:1].isdigit() and "天" not in hours else hours
        rows.append(
            [
                f"{d.year}/{d.month}/{d.day}",
                who,
                title,
                start,
                end,
                hours,
                act,
                project,
                place,
                cp,
                note,
            ]
        )
    return csv_text(rows).encode("utf-8-sig")


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


def gbk() -> bytes:
    header = [
        "日期",
        "姓名",
        "职务",
        "开始",
        "结束",
        "时长（小时）",
        "活动类型",
        "项目",
        "地点",
        "客商/企业",
        "备注",
    ]
    rows = [header]
    for i, (d, who, title, start, end, hours, act, project, place, cp, note) in enumerate(ENTRIES):
        day = f"{d.year}年{d.month}月{d.day}日"
        if i == 2:
            day = full_width(day)  # typed with a full-width IME
        if hours == "2.5":
            hours = "150分钟"
        name = f"{who[0]}  {who[1]}" if i % 2 else f" {who} "  # padded to line up in Excel
        rows.append([day, name, title, start, end, hours, act, project, place, cp, note])
    return csv_text(rows).encode("gbk")


def gb18030() -> bytes:
    header = [
        "日期",
        "姓名",
        "职务",
        "开始",
        "结束",
        "时长",
        "活动类型",
        "项目",
        "地点",
        "客商",
        "备注",
    ]
    rows = [header]
    for d, who, title, start, end, hours, act, project, place, cp, note in ENTRIES:
        if note == "赴成都招商":
            note = "赴成都招商，拜访𠮷祥物流"  # 𠮷 (U+20BB7) is in GB18030, not in GBK
        rows.append(
            [
                f"{d.year}.{d.month}.{d.day}",
                who,
                title,
                start,
                end,
                hours,
                act,
                project,
                place,
                cp,
                note,
            ]
        )
    return csv_text(rows).encode("gb18030")


def utf16() -> bytes:
    header = [
        "日期",
        "姓名",
        "职务",
        "开始",
        "结束",
        "时长",
        "活动类型",
        "项目",
        "地点",
        "客商",
        "备注",
    ]
    rows = [header]
    for d, who, title, start, end, hours, act, project, place, cp, note in ENTRIES:
        rows.append([d.isoformat(), who, title, start, end, hours, act, project, place, cp, note])
    return csv_text(rows, delimiter="\t").encode("utf-16")


def xlsx(path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.properties.creator = "make_ledgers.py"
    sheet = book.active
    assert sheet is not None
    sheet.title = "九月"
    sheet.append(["2026年9月 招商工作台账（市人民政府）"])
    sheet.merge_cells("A1:J1")
    sheet.append(
        [
            "领导",
            "职务",
            "日期",
            "开始时间",
            "结束时间",
            "时长（小时）",
            "活动类型",
            "项目名称",
            "地点",
            "对接企业",
            "进展成效",
        ]
    )
    for d, who, title, start, end, hours, act, project, place, cp, note in ENTRIES:
        number: object = float(hours) if hours.replace(".", "").isdigit() else hours
        row = [
            who,
            title,
            datetime(d.year, d.month, d.day),
            time.fromisoformat(start) if start else None,
            time.fromisoformat(end) if end else None,
            number or None,
            act,
            project or None,
            place or None,
            cp or None,
            note or None,
        ]
        sheet.append(row)
        sheet.cell(sheet.max_row, 3).number_format = "yyyy/m/d"
        for col in (4, 5):
            sheet.cell(sheet.max_row, col).number_format = "hh:mm"
    october = book.create_sheet("十月")
    october.append(["日期", "姓名", "时长", "活动类型"])
    october.append([datetime(2026, 10, 9), "张伟", 3, "项目洽谈"])
    october.cell(2, 1).number_format = "yyyy-mm-dd"
    out = io.BytesIO()
    book.save(out)
    path.write_bytes(_fixed_zip(out.getvalue()))


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite the workbook's zip with fixed member times, so a regenerated file is identical."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def old_activities() -> bytes:
    rows = [
        ["日期", "姓名", "时长", "活动类型", "备注"],
        ["2026-09-10", "张伟", "2", "招商洽谈", "与客商座谈"],
        ["2026-09-11", "张伟", "全天", "外出考察", "赴苏州"],
        ["2026-09-11", "王强", "半天", "招 商 洽 谈", ""],
    ]
    return csv_text(rows).encode("utf-8-sig")


WORK_CONTENT = [
    ["序号", "领导", "日期", "类型", "用时", "地点", "项目名称", "工作内容"],
    ["1", "张伟", "2026年9月1日", "项目洽谈", "2.5", "重庆", "长安新能源电池项目",
     "与长安汽车洽谈电池项目二期，商定十月签约"],
    ["2", "张伟", "2026年9月2日", "外出招商", "全天", "成都", "成都储能电站项目",
     "赴成都考察储能企业3家"],
    [],
    ["3", "李娜", "2026/9/7", "接待客商考察", "3", "高新区", "京东方模组项目",
     "陪同京东方考察新能源产业园，介绍用地和配套政策"],
    ["4", "李娜", "2026/9/8", "招商专题会议", "1.5", "高新区", "",
     "研究电子信息产业链招商方案"],
    ["合计", "", "", "", "7", "", "", ""],
]  # fmt: skip


def work_content_gbk() -> bytes:
    return csv_text(WORK_CONTENT).encode("gbk")


def wps_xlsx(path: Path) -> None:
    """The six entries, the sheet's dimension rewritten to A1:A1."""
    import re
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.properties.creator = "make_ledgers.py"
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"
    sheet.append(["日期", "姓名", "职务", "开始", "结束", "时长", "活动类型", "项目", "地点",
                  "客商", "备注"])  # fmt: skip
    for d, who, title, start, end, hours, act, project, place, cp, note in ENTRIES:
        sheet.append([d.isoformat(), who, title, start, end, hours, act, project, place, cp, note])
    out = io.BytesIO()
    book.save(out)
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    patched = io.BytesIO()
    with zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:A1"', data)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)
    path.write_bytes(patched.getvalue())


def main() -> None:
    (HERE / "ledger-utf8.csv").write_bytes(utf8())
    (HERE / "ledger-utf8-bom.csv").write_bytes(utf8_bom())
    (HERE / "ledger-gbk.csv").write_bytes(gbk())
    (HERE / "ledger-gb18030.csv").write_bytes(gb18030())
    (HERE / "ledger-utf16.txt").write_bytes(utf16())
    xlsx(HERE / "ledger.xlsx")
    (HERE / "ledger-old-activities.csv").write_bytes(old_activities())
    (HERE / "ledger-work-content-gbk.csv").write_bytes(work_content_gbk())
    wps_xlsx(HERE / "ledger-wps.xlsx")
    mapping = {"招商洽谈": "项目洽谈", "外出考察": "外出招商"}
    (HERE / "activity-map.csv").write_bytes(
        csv_text([["原名", "活动类型"], *mapping.items()]).encode("utf-8-sig")
    )
    (HERE / "activity-map.json").write_text(
        json.dumps(mapping, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
