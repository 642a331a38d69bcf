"""Typed errors that name the field at fault and say what is wrong, in Chinese or English."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

FIELD_LABELS: Mapping[str, tuple[str, str]] = {
    "date": ("日期", "date"),
    "person": ("姓名", "person"),
    "entry_person": ("人员", "person"),  # whose entry it is (the dialog's 人员 field)
    "title": ("职务", "title"),
    "unit": ("单位", "unit"),
    "group": ("招商组", "group"),
    "start": ("开始", "start"),
    "end": ("结束", "end"),
    "hours": ("时长", "hours"),
    "minutes": ("时长", "duration"),
    "activity": ("活动类型", "activity"),
    "project": ("项目", "project"),
    "intake_flag": ("待核对事项", "value to check"),
    "location": ("地点", "location"),
    "note": ("备注", "note"),
    "amount": ("金额", "amount"),
    "contracted_amount": ("协议投资额", "contracted amount"),
    "stage_amount": ("签约金额", "amount signed"),
    "funds_amount": ("到位资金", "funds arrived"),
    "stage": ("阶段", "stage"),
    "currency": ("币种", "currency"),
    "period": ("统计期", "period"),
    "start_date": ("开始日期", "start date"),
    "end_date": ("结束日期", "end date"),
    "travellers": ("出行人员", "travellers"),
    "destinations": ("目的地", "destinations"),
    "name": ("名称", "name"),
    "target": ("目标占比", "target"),
    "hours_per_day": ("每日工时", "hours per day"),
    "file": ("文件", "file"),
    "header": ("表头", "header"),
    "calendar": ("工作日历", "work calendar"),
    "year": ("年份", "year"),
    "holidays": ("法定节假日", "public holidays"),
    "workdays": ("调休上班日", "make-up workdays"),
    "holiday_name": ("节日名称", "holiday name"),
    "notice": ("通知文号", "notice number"),
    "notice_date": ("通知日期", "notice date"),
    "entry": ("工作记录", "entry"),
    "trip": ("外出招商", "trip"),
    "line": ("行", "line"),
    "counterpart": ("客商/企业", "counterpart"),
    "sheet": ("工作表", "sheet"),
    "mapping": ("活动类型映射文件", "activity mapping file"),
    "backup": ("备份", "backup"),
    "database": ("数据库", "database"),
    "trash": ("回收站", "recycle bin"),
    "investor": ("投资方", "investor"),
    "chain": ("产业链", "industry chain"),
    "park": ("落地园区", "park"),
    "company": ("考察企业", "company visited"),
    "contact": ("联系人", "contact"),
    "contact_title": ("联系人职务", "contact's title"),
    "results": ("成效", "results"),
    "recorded_by": ("填报人", "recorded by"),
    "import": ("导入台账", "ledger import"),
    "scheme": ("考核方案", "assessment scheme"),
    "project_kind": ("项目类型", "project type"),
    "origin": ("投资方来源", "investor origin"),
    "credit_unit": ("招引单位", "credited unit"),
    "first_person": ("第一引资人", "first introducer"),
    "registered": ("注册日期", "registration date"),
    "works_started": ("主体工程开工日期", "main works start date"),
    "excluded": ("不予认定原因", "reason not credited"),
    "fund_origin": ("资金来源", "funds from"),
    "fund_kind": ("资金性质", "kind of funds"),
}

# code -> (Chinese template, English template); templates use str.format fields.
MESSAGES: Mapping[str, tuple[str, str]] = {
    "required": ("不能为空", "is required"),
    "no_persons": (
        "还没有人员，请先在“人员”页添加要登记的领导",
        "the ledger has no persons yet: add the leaders on the People page first",
    ),
    "bad_date": (
        "“{value}”不是有效日期（应为 2026-09-01 这样的格式）",
        "'{value}' is not a valid date (expected e.g. 2026-09-01)",
    ),
    "no_such_date": (
        "“{value}”这一天不存在，请检查年、月、日",
        "'{value}' is not a day of the calendar; check the year, month and day",
    ),
    "date_range": (
        "{value} 超出允许范围（{low} 至 {high}）",
        "{value} is outside the allowed range ({low} to {high})",
    ),
    "bad_time": (
        "“{value}”不是有效时间（应为 09:30 这样的格式）",
        "'{value}' is not a valid time (expected e.g. 09:30)",
    ),
    "end_before_start": (
        "结束时间 {end} 不晚于开始时间 {start}",
        "end {end} is not after start {start}",
    ),
    "end_date_before_start": (
        "结束日期 {end} 早于开始日期 {start}",
        "the end date {end} is before the start date {start}",
    ),
    "bad_hours": (
        "“{value}”不是有效时长（如 2.5、全天、半天）",
        "'{value}' is not a valid duration (e.g. 2.5, 全天, 半天)",
    ),
    "hours_mismatch": (
        "时长 {hours} 小时与开始、结束时间（{minutes} 分钟）不符",
        "{hours} h does not match start–end ({minutes} min)",
    ),
    "nonpositive_duration": ("时长必须大于 0", "must be greater than zero"),
    "day_over_24h": (
        "{person} 在 {date} 的记录合计 {total} 小时，超过 24 小时",
        "{person} would have {total} h on {date}, more than 24 h",
    ),
    "overlap": (
        "{person} 在 {date} 的 {start}–{end} 与已有记录 {other_start}–{other_end} 时间重叠",
        "{person} on {date}: {start}–{end} overlaps {other_start}–{other_end}",
    ),
    "unknown_person": ("没有名为“{value}”的人员", "no person named '{value}'"),
    "ambiguous_person": (
        "“{value}”有多名同名人员（{units}），请注明职务或单位",
        "'{value}' matches several people ({units}); give the title or unit",
    ),
    "unknown_activity": ("没有名为“{value}”的活动类型", "no activity named '{value}'"),
    "unknown_project": ("没有名为“{value}”的项目", "no project named '{value}'"),
    "no_scheme": (
        "还没有考核方案：请在“设置 › 考核方案”导入",
        "there is no assessment scheme yet: import one in Settings › Assessment scheme",
    ),
    "unknown_choice": ("“{value}”无效（{choices}）", "'{value}' is not one of {choices}"),
    "unknown_stage": ("“{value}”不是有效阶段（{choices}）", "'{value}' is not a stage ({choices})"),
    "negative_amount": ("不能为负数（{value}）", "may not be negative ({value})"),
    "large_amount": (
        "{value} 万元超过 100 亿元，请确认后再保存",
        "{value} (10k CNY) is above 10 billion CNY; confirm to save",
    ),
    "bad_number": ("“{value}”不是有效数字", "'{value}' is not a number"),
    "duplicate": ("“{value}”已存在", "'{value}' already exists"),
    "duplicate_in_order": (
        "“{value}”在排序中出现了不止一次",
        "'{value}' appears more than once in the order",
    ),
    "bad_period": (
        "“{value}”不是有效统计期（如 2026-09、2026Q3、2026、2026-09-01..2026-09-15）",
        "'{value}' is not a period (e.g. 2026-09, 2026Q3, 2026, 2026-09-01..2026-09-15)",
    ),
    "half_day_single": (
        "开始与结束为同一天时，只能标一个半天",
        "a one-day trip can be a half day only once",
    ),
    "bad_fraction": ("{value} 不在 0 与 1 之间", "{value} is not between 0 and 1"),
    "bad_hours_per_day": ("{value} 不在 1 与 24 之间", "{value} is not between 1 and 24"),
    "not_found": ("编号 {value} 的记录不存在", "no record with id {value}"),
    "nothing_to_send": (
        "没有可下发的内容：请指定年份（本数据库录入的节假日安排），或先设定单位排序或考核方案",
        "nothing to send: name the years (arrangements held here), or set the official order"
        " or an assessment scheme",
    ),
    "flag_decided": (
        "项目“{value}”的这一项已经处理过；如需改变，请先撤销原来的处理",
        "this value of the project '{value}' was decided already; undo that decision first",
    ),
    "not_a_database": (
        "“{value}”不是 OneThird 数据库文件，未做任何改动",
        "'{value}' is not a OneThird database; it was left untouched",
    ),
    "bad_header": ("缺少必需的列：{value}", "missing required columns: {value}"),
    "no_rows": ("文件中没有数据行", "the file has no data rows"),
    "bad_encoding": (
        "无法识别文件编码（应为 UTF-8 或 GBK/GB18030）",
        "cannot read the file as UTF-8 or GBK/GB18030",
    ),
    "stage_order": (
        "{date} 早于该项目上一次阶段变更（{last}）",
        "{date} is before the project's last stage change ({last})",
    ),
    "bad_override": ("日历覆盖文件有误：{value}", "calendar override file is wrong: {value}"),
    "not_in_year": ("{value} 不在 {year} 年内", "{value} is not in {year}"),
    "holiday_name_missing": (
        "{value} 没有填写节日名称（如 元旦、春节）",
        "{value} has no holiday name (e.g. New Year's Day)",
    ),
    "day_twice": ("{value} 列了两次", "{value} is listed twice"),
    "holiday_and_workday": (
        "{value} 不能既是法定节假日又是调休上班日",
        "{value} cannot be both a public holiday and a make-up workday",
    ),
    "workday_not_weekend": (
        "{value} 不是周六或周日，调休上班日应在周末",
        "{value} is not a Saturday or Sunday; make-up workdays fall on weekends",
    ),
    "bad_day_kind": (
        "第 {line} 行：“{value}”应为 法定节假日 或 调休上班日",
        "line {line}: '{value}' should be 法定节假日 (holiday) or 调休上班日 (workday)",
    ),
    "year_not_in_file": ("文件中没有 {value} 年的安排", "the file has no arrangement for {value}"),
    "year_not_held": (
        "{value} 年的节假日安排尚未在本程序中录入",
        "no holiday arrangement for {value} is entered here",
    ),
    "db_unavailable": (
        "无法读取数据库文件“{value}”（{detail}），文件未做任何改动；请检查文件权限或存储设备",
        "cannot read the database file '{value}' ({detail}); it was left untouched."
        " Check the file's permissions or the drive",
    ),
    "read_only": (
        "“{value}”是只读文件（只读介质或没有写入权限），可以查看和生成报告，不能修改",
        "'{value}' is read-only (a read-only medium or no write permission): it can be read"
        " and reported on, not changed",
    ),
    "read_only_upgrade": (
        "“{value}”需要为新版本升级，但它是只读文件；请复制到可写的位置后再打开",
        "'{value}' needs an update for this version but is read-only; copy it somewhere"
        " writable first",
    ),
    "network_drive": (
        "数据库文件“{value}”在网络驱动器或共享文件夹上（{kind}），没有打开。SQLite 数据库不能放在"
        "网络共享上使用，否则可能损坏数据；请把数据库文件放在本机硬盘上，各单位之间请通过报送文件"
        "交换数据",
        "the database file '{value}' is on a network drive or share ({kind}) and was not"
        " opened. An SQLite database must not be used on a network share, where it can be"
        " damaged; keep the database file on this computer's own disk, and exchange report files"
        " between units instead",
    ),
    "calendar_file_bad": (
        "“{value}”不是完好的节假日安排文件（{detail}），未做任何改动",
        "'{value}' is not a sound holiday calendar file ({detail}); nothing changed",
    ),
    "too_long": (
        "“{value}”过长（最多 {limit} 个字）",
        "'{value}' is too long (at most {limit} characters)",
    ),
    "control_char": (
        "含有控制字符（{char}，第 {position} 个字符），请删除后再保存",
        "holds a control character ({char}, character {position}); remove it first",
    ),
    "trip_too_long": (
        "行程共 {days} 天，超过 {limit} 天；请检查开始和结束日期",
        "the trip would last {days} days, more than {limit}; check its start and end dates",
    ),
    "owned_by_trip": (
        "记录 {value} 属于外出招商行程 {trip}，请修改或删除该行程",
        "entry {value} belongs to trip {trip}; edit or delete the trip instead",
    ),
    "import_refused": (
        "{count} 行有误，未导入任何记录",
        "{count} lines are wrong; nothing was imported",
    ),
    "in_use": (
        "“{value}”仍被 {count} 条记录引用，不能删除",
        "'{value}' is still used by {count} records and cannot be deleted",
    ),
    # data safety and ledger import (issue 6)
    "bad_csv": ("CSV 文件格式有误（{value}）", "the CSV file is malformed ({value})"),
    "bad_csv_line": (
        "第 {line} 行 CSV 格式有误（{value}）",
        "line {line}: the CSV is malformed ({value})",
    ),
    "nul_byte": (
        "第 {line} 行含有空字符（NUL，0x00）：这不是文本台账，或文件已损坏",
        "line {line} holds a NUL byte (0x00): not a text ledger, or a damaged file",
    ),
    "mixed_encoding": (
        "第 {line} 行的编码与文件其余部分（{encoding}）不一致；请在 Excel 或 WPS 中统一另存为"
        " UTF-8 或 GBK 后再导入",
        "line {line} is not in the encoding of the rest of the file ({encoding}); save the file"
        " again in one encoding",
    ),
    "unterminated_quote": (
        "第 {line} 行的引号没有闭合，其后各行会被并入一格；请检查该行",
        "line {line} opens a quote that is never closed (the lines after it would run into one"
        " cell)",
    ),
    "extra_column": (
        "“{value}”列有内容但未导入；请指定：并入备注、以“列名：内容”追加到备注，或不导入",
        "column '{value}' holds text no field takes; choose: into the note, appended to the"
        " note with its name, or not imported",
    ),
    "bad_column_choice": (
        "“{value}”不是有效的列处理方式（应为 列名=note、append 或 ignore）",
        "'{value}' is not a column choice (NAME=note, append or ignore)",
    ),
    "bad_xlsx": (
        "无法读取该 Excel 文件（{value}），请在 Excel 中另存为 .xlsx 或 CSV 后再导入",
        "cannot read this Excel file ({value}); save it again as .xlsx or CSV",
    ),
    "old_xls": (
        "这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入",
        "this is an old .xls file; save it as .xlsx or CSV first",
    ),
    "unknown_sheet": (
        "没有名为“{value}”的工作表（有：{names}）",
        "no sheet named '{value}' (there are: {names})",
    ),
    "sheet_not_xlsx": (
        "只有 Excel（.xlsx）文件才能选择工作表（“{value}”）",
        "only an .xlsx file has sheets to choose ('{value}')",
    ),
    "bad_mapping": ("第 {line} 行有误：“{value}”", "line {line} is wrong: '{value}'"),
    "bad_mapping_target": (
        "第 {line} 行：没有名为“{value}”的活动类型",
        "line {line}: no activity named '{value}'",
    ),
    "backup_failed": (
        "备份失败（{value}），未做任何改动",
        "backup failed ({value}); nothing changed",
    ),
    "backup_unusable": (
        "“{value}”不是完好的 OneThird 数据库备份（{detail}），未做任何改动",
        "'{value}' is not a sound OneThird backup ({detail}); nothing changed",
    ),
    "db_in_use": (
        "“{value}”正由 {holder} 使用，命令行现在不能写入；请先关闭它再试",
        "'{value}' is open in {holder_en}; the command line cannot write to it now;"
        " close that first",
    ),
    "db_damaged": (
        "数据库文件“{value}”已损坏（{detail}），未做任何改动",
        "the database file '{value}' is damaged ({detail}); it was left untouched",
    ),
    "not_in_trash": (
        "回收站中没有编号 {value} 的项目",
        "nothing with number {value} in the recycle bin",
    ),
    "already_back": (
        "编号 {value} 的记录已经在台账中（可能已从回收站恢复），未做改动",
        "record {value} is already in the ledger (put back from the recycle bin, maybe);"
        " nothing was changed",
    ),
    "trash_missing_ref": (
        "恢复前需要先有{what}（编号 {value}），它已被删除",
        "{what_en} {value} must exist first; it was deleted",
    ),
    # undo and redo of a ledger import (storage/import_undo.py)
    "import_undo_changed": (
        "“{value}”导入的记录中有 {count} 条在导入后被修改或删除（如 {example}），撤销导入会丢掉"
        "这些修改，因此没有撤销；请先撤销或改回这些修改",
        "{count} of the entries imported from '{value}' were changed or deleted since (e.g."
        " {example}); undoing the import would lose those changes, so it was not undone",
    ),
    "import_undo_project_changed": (
        "“{value}”导入时新建的项目“{project}”此后被修改过或已被其他记录使用，因此没有撤销导入",
        "the project '{project}' created by importing '{value}' was changed or is used by"
        " other records since, so the import was not undone",
    ),
    "import_undo_person_changed": (
        "“{value}”导入时新增的人员“{person}”此后被修改过或已被其他记录使用，因此没有撤销导入",
        "the person '{person}' added by importing '{value}' was changed or is used by other"
        " records since, so the import was not undone",
    ),
    "import_undo_locked": (
        "{person} {period}的月报已于 {at} 提交，该月的工作记录只读，因此没有撤销“{value}”的导入；"
        "如需撤销，请督查室退回该月报后再撤销",
        "{person}'s report for {period} was submitted on {at}, so that month's entries are"
        " read-only and the import of '{value}' was not undone; undo it once the report is"
        " returned",
    ),
    "import_undo_locked_accepted": (
        "{person} {period}的月报已于 {at} 提交并已审核通过，该月的工作记录只读，"
        "因此没有撤销“{value}”的导入",
        "{person}'s report for {period} was submitted on {at} and accepted, so that month's"
        " entries are read-only and the import of '{value}' was not undone",
    ),
    "import_redo_locked": (
        "{person} {period}的月报已于 {at} 提交，该月的工作记录只读，因此没有重做“{value}”的导入",
        "{person}'s report for {period} was submitted on {at}, so that month's entries are"
        " read-only and the import of '{value}' was not redone",
    ),
    "import_redo_taken": (
        "重做“{value}”的导入要新建{what}“{name}”，但现在已有同名的{what}，因此没有重做",
        "redoing the import of '{value}' would create the {what_en} '{name}', which exists by"
        " now, so it was not redone",
    ),
    "import_redo_conflict": (
        "撤销“{value}”的导入后，数据库又被其他程序写入了导入记录，因此没有重做",
        "after the import of '{value}' was undone, another program imported into the"
        " database, so it was not redone",
    ),
    "import_already_undone": (
        "“{value}”的导入已经撤销",
        "the import of '{value}' is undone already",
    ),
    "import_not_undone": (
        "“{value}”的导入没有撤销，无需重做",
        "the import of '{value}' is not undone; there is nothing to redo",
    ),
    "import_not_undoable": (
        "“{value}”是由旧版本导入的，没有记下导入时新建了什么，不能撤销",
        "'{value}' was imported by an older version, which did not note what it created;"
        " it cannot be undone",
    ),
    "not_a_month": (
        "“{value}”不是一个月份（月报按月编制，如 2026-10）",
        "'{value}' is not a month (monthly reports are by month, e.g. 2026-10)",
    ),
}


def field_label(field: str, lang: str = "zh") -> str:
    zh, en = FIELD_LABELS.get(field, (field, field))
    return en if lang == "en" else zh


@runtime_checkable
class Readable(Protocol):
    """A value a message names that reads differently by language (a Period, a Stage)."""

    def text(self, lang: str) -> str: ...


def in_language(params: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """A message's values, the Readable ones written in lang."""
    return {k: v.text(lang) if isinstance(v, Readable) else v for k, v in params.items()}


class LedgerError(Exception):
    """A refused input: which field, a message code and the values the message needs."""

    def __init__(self, field: str, code: str, **params: Any) -> None:
        self.field = field
        self.code = code
        self.params = params
        super().__init__(self.message("zh"))

    def message(self, lang: str = "zh") -> str:
        zh, en = MESSAGES[self.code]
        text = (en if lang == "en" else zh).format(**in_language(self.params, lang))
        sep = ": " if lang == "en" else "："
        return f"{field_label(self.field, lang)}{sep}{text}"


class ValidationError(LedgerError):
    """A value breaks a rule of DESIGN §3 (dates, durations, amounts, overlap)."""


class RangeError(ValidationError):
    """A number or period outside what the program allows (the CLI's usage error: exit 2)."""


class UnknownNameError(LedgerError):
    """A person, activity or project named in input does not exist."""


class ConfirmationRequired(LedgerError):
    """The value is allowed only after the user confirms it (very large amounts)."""


class NotFoundError(LedgerError):
    """A record id does not exist."""
