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
  ledger-wps-validations.xlsx  the six entries in a workbook laid out as WPS 表格 11.1 writes it
                          (made by this script, not saved by WPS): drop-down lists for 姓名 and
                          类型, the 类型 list on a hidden second sheet and given both as a plain
                          <dataValidations> rule and as the x14 extension openpyxl warns it
                          drops; every text a shared string, the note with a line break in two
                          formatted runs; WPS's Application, AppVersion and KSOProductBuildVer
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


WPS_ACTIVITIES = ["项目洽谈", "外出招商", "招商专题会议", "请假", "接待客商考察"]
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# a property set WPS gives its custom properties
KSO_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def _wps_parts() -> dict[str, str]:
    """The XML parts of a workbook as WPS 表格 11.1 lays it out: every text a shared string
    (the 备注 with a line break in two formatted runs), dates and times as styled serial numbers,
    drop-down lists for 姓名 and 类型, the 类型 list kept on a hidden Sheet2 in both the plain
    and the x14 form, and WPS's application name and build in docProps."""
    from xml.sax.saxutils import escape, quoteattr

    strings: dict[str, int] = {}
    uses = 0  # the cells that refer to a shared string
    rich = "陪同考察\n新能源产业园"  # WPS keeps a cell with mixed formatting as runs

    def shared(text: str) -> str:
        nonlocal uses
        uses += 1
        return str(strings.setdefault(text, len(strings)))

    def cell(ref: str, value: object, style: int = 0) -> str:
        s = f' s="{style}"' if style else ""
        if value is None or value == "":
            return f'<c r="{ref}"{s}/>' if style else ""
        if isinstance(value, str):
            return f'<c r="{ref}"{s} t="s"><v>{shared(value)}</v></c>'
        return f'<c r="{ref}"{s}><v>{value:.15g}</v></c>'

    def row(n: int, cells: list[str]) -> str:
        return f'<row r="{n}" spans="1:11">{"".join(cells)}</row>'

    def day_fraction(hhmm: str) -> float | None:
        if not hhmm:
            return None
        hours, mins = hhmm.split(":")
        return (int(hours) * 60 + int(mins)) / 1440

    header = ["日期", "姓名", "职务", "类型", "开始", "结束", "时长", "项目", "地点", "客商",
              "备注"]  # fmt: skip
    columns = "ABCDEFGHIJK"
    rows = [row(1, [cell(f"{c}1", h) for c, h in zip(columns, header, strict=True)])]
    for n, (d, who, title, start, end, hours, act, project, place, cp, note) in enumerate(
        ENTRIES, 2
    ):
        serial = (d - date(1899, 12, 30)).days
        number: object = float(hours) if hours.replace(".", "").isdigit() else hours
        values = [
            (serial, 1),
            (who, 0),
            (title, 0),
            (act, 0),
            (day_fraction(start), 2),
            (day_fraction(end), 2),
            (number, 0),
            (project, 0),
            (place, 0),
            (cp, 0),
            (note, 0),
        ]
        rows.append(
            row(n, [cell(f"{c}{n}", v, s) for c, (v, s) in zip(columns, values, strict=True)])
        )
    sheet1 = (
        f'{XML_HEAD}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"'
        ' xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"'
        ' xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">'
        "<sheetPr/>"
        f'<dimension ref="A1:K{len(rows)}"/>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
        '<selection activeCell="D2" sqref="D2"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5"/>'
        '<cols><col min="1" max="1" width="11.625" customWidth="1"/>'
        '<col min="11" max="11" width="28.5" customWidth="1"/></cols>'
        f"<sheetData>{''.join(rows)}</sheetData>"
        '<dataValidations count="2">'
        '<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"'
        ' sqref="B2:B200"><formula1>"张伟,李娜"</formula1></dataValidation>'
        '<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"'
        ' sqref="D2:D200"><formula1>Sheet2!$A$1:$A$5</formula1></dataValidation>'
        "</dataValidations>"
        '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
        "<headerFooter/>"
        '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"'
        ' xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
        '<x14:dataValidations count="1"'
        ' xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
        '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1"'
        ' showErrorMessage="1"><x14:formula1><xm:f>Sheet2!$A$1:$A$5</xm:f></x14:formula1>'
        "<xm:sqref>D2:D200</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>"
        "</worksheet>"
    )
    lists = "".join(
        f'<row r="{n}" spans="1:1"><c r="A{n}" t="s"><v>{shared(a)}</v></c></row>'
        for n, a in enumerate(WPS_ACTIVITIES, 1)
    )
    sheet2 = (
        f'{XML_HEAD}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheetPr/>'
        f'<dimension ref="A1:A{len(WPS_ACTIVITIES)}"/>'
        '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
        '<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5"/>'
        f"<sheetData>{lists}</sheetData>"
        '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
        "<headerFooter/></worksheet>"
    )
    font = '<sz val="11"/><color theme="1"/><rFont val="宋体"/><charset val="134"/>'
    phonetic = '<phoneticPr fontId="0" type="noConversion"/>'
    items = []
    for text in strings:
        if text == rich:
            first, rest = text.split("\n", 1)
            items.append(
                f"<si><r><rPr><b/>{font}</rPr><t>{escape(first)}</t></r>"
                f'<r><rPr>{font}</rPr><t xml:space="preserve">&#10;{escape(rest)}</t></r>'
                f"{phonetic}</si>"
            )
        else:
            items.append(f"<si><t>{escape(text)}</t>{phonetic}</si>")
    shared_strings = (
        f'{XML_HEAD}<sst xmlns="{MAIN_NS}" count="{uses}" uniqueCount="{len(strings)}">'
        f"{''.join(items)}</sst>"
    )
    styles = (
        f'{XML_HEAD}<styleSheet xmlns="{MAIN_NS}">'
        '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="宋体"/>'
        '<charset val="134"/><scheme val="minor"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0">'
        '<alignment vertical="center"/></xf></cellStyleXfs>'
        '<cellXfs count="3">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0">'
        '<alignment vertical="center"/></xf>'
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1">'
        '<alignment vertical="center"/></xf>'
        '<xf numFmtId="20" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1">'
        '<alignment vertical="center"/></xf>'
        "</cellXfs>"
        '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )
    workbook = (
        f'{XML_HEAD}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><workbookPr/>'
        '<bookViews><workbookView windowWidth="28800" windowHeight="12450"/></bookViews>'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>'
        '<sheet name="Sheet2" sheetId="2" state="hidden" r:id="rId2"/></sheets>'
        '<calcPr calcId="144525"/></workbook>'
    )
    workbook_rels = (
        f'{XML_HEAD}<Relationships xmlns="{PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{REL_NS}/worksheet" Target="worksheets/sheet2.xml"/>'
        f'<Relationship Id="rId3" Type="{REL_NS}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId4" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    )
    package_rels = (
        f'{XML_HEAD}<Relationships xmlns="{PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
        'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{REL_NS}/extended-properties"'
        ' Target="docProps/app.xml"/>'
        f'<Relationship Id="rId4" Type="{REL_NS}/custom-properties"'
        ' Target="docProps/custom.xml"/>'
        "</Relationships>"
    )
    ct = "application/vnd.openxmlformats-officedocument"
    overrides = [
        ("/xl/workbook.xml", f"{ct}.spreadsheetml.sheet.main+xml"),
        ("/xl/worksheets/sheet1.xml", f"{ct}.spreadsheetml.worksheet+xml"),
        ("/xl/worksheets/sheet2.xml", f"{ct}.spreadsheetml.worksheet+xml"),
        ("/xl/styles.xml", f"{ct}.spreadsheetml.styles+xml"),
        ("/xl/sharedStrings.xml", f"{ct}.spreadsheetml.sharedStrings+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", f"{ct}.extended-properties+xml"),
        ("/docProps/custom.xml", f"{ct}.custom-properties+xml"),
    ]
    types = "".join(
        f"<Override PartName={quoteattr(p)} ContentType={quoteattr(t)}/>" for p, t in overrides
    )
    content_types = (
        f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        f'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>{types}'
        "</Types>"
    )
    app = (
        f'{XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'extended-properties" xmlns:vt="{VT_NS}"><Application>WPS 表格</Application>'
        '<HeadingPairs><vt:vector size="2" baseType="variant">'
        "<vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant>"
        "<vt:variant><vt:i4>2</vt:i4></vt:variant></vt:vector></HeadingPairs>"
        '<TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>Sheet1</vt:lpstr>'
        "<vt:lpstr>Sheet2</vt:lpstr></vt:vector></TitlesOfParts>"
        "<AppVersion>11.1.0.14309</AppVersion></Properties>"
    )
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    core = (
        f"{XML_HEAD}<cp:coreProperties"
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:dcmitype="http://purl.org/dc/dcmitype/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'<dc:creator>make_ledgers.py</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">'
        f"{stamp}</dcterms:created><cp:lastModifiedBy>make_ledgers.py</cp:lastModifiedBy>"
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )
    custom = (
        f'{XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'custom-properties" xmlns:vt="{VT_NS}">'
        f'<property fmtid="{KSO_FMTID}" pid="2" name="ICV">'
        "<vt:lpwstr>5D1F2C3B9E7A4C0C8B1D2E3F4A5B6C7D</vt:lpwstr></property>"
        f'<property fmtid="{KSO_FMTID}" pid="3" name="KSOProductBuildVer">'
        "<vt:lpwstr>2052-11.1.0.14309</vt:lpwstr></property></Properties>"
    )
    return {
        "[Content_Types].xml": content_types,
        "_rels/.rels": package_rels,
        "docProps/app.xml": app,
        "docProps/core.xml": core,
        "docProps/custom.xml": custom,
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": workbook_rels,
        "xl/worksheets/sheet1.xml": sheet1,
        "xl/worksheets/sheet2.xml": sheet2,
        "xl/styles.xml": styles,
        "xl/sharedStrings.xml": shared_strings,
    }


def wps_validations_xlsx(path: Path) -> None:
    """The six entries in a workbook written part by part as WPS writes it (see _wps_parts)."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, text in _wps_parts().items():
            member = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, text.encode("utf-8"))
    path.write_bytes(out.getvalue())


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
    wps_validations_xlsx(HERE / "ledger-wps-validations.xlsx")
    mapping = {"招商洽谈": "项目洽谈", "外出考察": "外出招商"}
    (HERE / "activity-map.csv").write_bytes(
        csv_text([["原名", "活动类型"], *mapping.items()]).encode("utf-8-sig")
    )
    (HERE / "activity-map.json").write_text(
        json.dumps(mapping, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
