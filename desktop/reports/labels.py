"""Column headings and words of the reports, in Chinese and English."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from desktop.domain.holidays import YearSource
from desktop.domain.workcalendar import YearBasis

if TYPE_CHECKING:  # the projects' module (and decimal) stays off a summary's path
    from desktop.domain.projects import Currency

LABELS: Mapping[str, tuple[str, str]] = {
    "name": ("姓名", "Name"),
    "title": ("职务", "Title"),
    "unit": ("单位", "Unit"),
    "group": ("招商组", "Group"),
    "persons": ("人数", "People"),
    "workdays": ("法定工作日", "Working days"),
    "leave_days": ("请假天数", "Leave days"),
    "base_days": ("基数天数", "Base days"),
    "promotion_days": ("招商天数", "Promotion days"),
    "share": ("招商精力占比", "Share"),
    "target": ("目标", "Target"),
    "met": ("是否达标", "Met"),
    "met_count": ("达标人数", "Met (people)"),
    "days_needed": ("还需天数", "Days needed"),
    "pace": ("进度", "Pace"),
    "yes": ("达标", "yes"),
    "no": ("未达标", "no"),
    "on_track": ("进度正常", "on track"),
    "behind": ("进度落后", "behind"),
    "just_started": ("刚开始", "just started"),  # the first working days, nothing due yet
    "date": ("日期", "Date"),
    "person": ("姓名", "Person"),
    "start": ("开始", "Start"),
    "end": ("结束", "End"),
    "hours": ("时长", "Hours"),
    "activity": ("活动类型", "Activity"),
    "project": ("项目", "Project"),
    "location": ("地点", "Location"),
    "counterpart": ("客商/企业", "Counterpart"),
    "note": ("备注", "Note"),
    "cut_notice": (
        "注：{n} 处文字过长，已截断并以“…”标出，完整内容见台账。",
        "Note: {n} texts were too long and are cut, marked with “…”; the ledger holds them whole.",
    ),
    "recorded_by": ("填报人", "Recorded by"),
    "id": ("编号", "ID"),
    "month": ("月份", "Month"),
    "year": ("年份", "Year"),
    "calendar_basis": ("日历依据", "Calendar"),
    "statutory": ("法定节假日安排", "statutory"),
    "fallback": ("周一至周五（未收录）", "Mon–Fri (not known)"),
    "entered": ("国务院办公厅通知（本程序录入）", "State Council notice (entered here)"),
    "source": ("来源", "Source"),
    "notice": ("通知文号", "Notice"),
    "source_entered": ("本程序录入", "entered here"),
    "source_file": ("节假日安排文件", "arrangement file"),
    "source_package": ("chinesecalendar 数据", "chinesecalendar data"),
    "source_fallback": ("未收录，按周一至周五", "not known: Monday to Friday"),
    "subject_to_rule": ("主要负责同志", "Principal"),
    "investor": ("投资方", "Investor"),
    "chain": ("产业链", "Industry chain"),
    "amount": ("协议投资额", "Contracted amount"),
    "currency": ("币种", "Currency"),
    "leader": ("包联领导", "Responsible leader"),
    "park": ("落地园区", "Park"),
    "stage": ("阶段", "Stage"),
    "funds": ("到位资金", "Funds arrived"),
    # report tables
    "period": ("统计期", "Period"),
    "seq": ("序号", "No."),
    "trips": ("外出次数", "Trips"),
    "days_out": ("外出天数", "Days out"),
    "destinations": ("外出招商情况", "Where"),
    "trip_destinations": ("目的地", "Destinations"),
    "persons_out": ("外出人数", "People out"),
    "trip_start": ("开始时间", "Start"),
    "trip_end": ("结束时间", "End"),
    "days": ("天数", "Days"),
    "company_visited": ("拜访企业名称", "Company visited"),
    "contact_name": ("接洽人姓名", "Contact"),
    "contact_title": ("接洽人职务", "Contact's title"),
    "work_done": ("工作开展情况", "Work done"),
    "ytd_trips": ("本年累计人次", "Year to date: person-trips"),
    "ytd_days": ("本年累计天数", "Year to date: days out"),
    "start_date": ("出发日期", "From"),
    "end_date": ("返回日期", "To"),
    "trip_days": ("本月天数", "Days"),
    "companies": ("走访企业及对接人", "Companies and contacts met"),
    "trip_projects": ("洽谈项目", "Projects discussed"),
    "results": ("成效", "Results"),
    "companions": ("同行人员", "Companions"),
    "stage_start": ("月初阶段", "Stage at start"),
    "stage_end": ("月末阶段", "Stage at end"),
    "progress": ("本月进展", "Progress this month"),
    "talk_result": ("进展成效", "Progress and results"),
    "funds_month": ("本月到位资金", "Funds this month"),
    "counts_as_promotion": ("类别", "Kind"),
    "entry_count": ("记录条数", "Entries"),
    "day_equivalents": ("折合天数", "Days"),
    "kind_promotion": ("招商工作", "promotion"),
    "kind_other": ("其他工作", "other"),
    "kind_leave": ("请假", "leave"),
    "wan_yuan": ("万元", "10k CNY"),
    "wan_usd": ("万美元", "10k USD"),
    "unit_title": ("单位及职务", "Unit and title"),
    "new_talks": ("新增在谈", "New in talks"),
    "new_signed": ("新增签约", "New signed"),
    "new_started": ("新增开工", "New started"),
    "people_suffix": ("人", " people"),
    "total": ("合计", "Total"),
    "of_which": ("其中：", "of which:"),
    "unassigned": ("（未填）", "(none)"),
    "not_out": ("未外出", "no trip"),
    "went_out": ("外出招商（未填地点）", "promotion trips (places not given)"),
    "projects_at_end": ("期末项目数", "Projects at end"),
    "reached_in_period": ("本期进入", "Reached in period"),
    "no_stage": ("未定阶段", "no stage"),
    "indicator": ("指标", "Indicator"),
    "rate": ("数值", "Rate"),
    "ratio": ("分子 / 分母", "Numerator / denominator"),
    "definition": ("口径", "Definition"),
    "rate_success": ("成功率", "Success rate"),
    "rate_landing": ("落地率", "Landing rate"),
    "rate_start": ("开工率", "Start rate"),
    "rate_funds": ("资金到位率", "Funds rate"),
    "rate_funds_usd": ("资金到位率（外资）", "Funds rate (USD)"),
    "size_band": ("规模", "Size"),
    "project_count": ("项目数", "Projects"),
    "signed_in_period": ("本期签约", "Signed in period"),
    "contracted_in_period": ("本期签约额", "Amount signed"),
    "arrived_in_period": ("本期到位资金", "Funds arrived"),
    "arrived_total": ("累计到位资金", "Funds arrived to date"),
    "arrived_rate": ("累计到位率", "Arrived ÷ contracted"),
    "first_signed": ("签约日期", "Signed on"),
    "all_projects": ("全部项目（万元）", "All projects (CNY)"),
    "sheet_summary": ("月报概况", "Summary"),
    "sheet_trips": ("外出招商", "Trips"),
    "sheet_talks": ("洽谈接待", "Talks and visits"),
    "sheet_projects": ("项目推进", "Projects"),
    "sheet_activities": ("时间分布", "Time by activity"),
    "sheet_circular": ("汇总通报", "Circular"),
    "sheet_below": ("未达标人员", "Below target"),
    "sheet_circular_share": ("占比及项目", "Share and projects"),
    "sheet_trip_form": ("外出招商情况上报表", "Promotion trips"),
    "sheet_not_submitted": ("未报送", "Not submitted"),
    "not_submitted_persons": ("未报送人员", "Not submitted"),
    "sheet_stages": ("阶段分布", "Stages"),
    "sheet_rates": ("推进指标", "Rates"),
    "sheet_big": ("重大项目", "Big projects"),
    "sheet_funds": ("资金到位", "Funds"),
    "sheet_chains": ("分产业链", "By chain"),
    "p_by_chain": ("（一）分产业链（万元）", "By industry chain (10k CNY)"),
    "p_by_project": ("（二）本期签约或资金到位的项目", "Projects signed or funded in the period"),
    "sheet_entries": ("工作记录", "Entries"),
    "sheet_project_list": ("项目", "Projects"),
    # report documents
    "page": ("第 {page} 页  共 {pages} 页", "Page {page} of {pages}"),
    "generated": ("生成日期：{date}", "Generated {date}"),
    "doc_monthly": ("三分之一精力抓招商工作月报", "Monthly report on investment promotion"),
    "doc_circular": (
        "关于{period}主要负责同志三分之一精力抓招商工作情况的通报",
        "Circular: principal leaders' effort on investment promotion, {period}",
    ),
    "doc_pipeline": ("{period}招商项目推进情况", "Investment projects, {period}"),
    "m_sec_summary": ("一、精力投入", "1. Effort"),
    "m_sec_trips": ("二、外出招商", "2. Promotion trips"),
    "m_sec_talks": ("三、项目洽谈与客商接待", "3. Talks and investor visits hosted"),
    "m_sec_projects": ("四、项目推进", "4. Projects"),
    "m_sec_activities": ("五、时间分布", "5. Time by activity"),
    "m_sec_sign": ("六、签字确认", "6. Signatures"),
    "m_met": (
        "本月招商精力占比 {share}，达到三分之一目标。",
        "Share {share}: the one-third target is met.",
    ),
    "m_not_met": (
        "本月招商精力占比 {share}，未达到三分之一目标，差 {days} 天。",
        "Share {share}: below one third by {days} days.",
    ),
    "m_in_progress": (
        "截至 {today}，招商精力占比 {share}，本月还需 {days} 天（{pace}）。",
        "As of {today} the share is {share}; {days} more days needed this month ({pace}).",
    ),
    "m_no_base": ("本月无应出勤工作日，不计占比。", "No working days to count this month."),
    "no_trips": ("本月未外出招商。", "No promotion trip this month."),
    "no_talks": (
        "本月无项目洽谈、客商接待记录。",
        "No talks or investor visits hosted this month.",
    ),
    "no_projects": ("本月无在办项目。", "No project this month."),
    "no_entries": ("本月无工作记录。", "No entries this month."),
    "chart_no_entries": ("本期没有工作记录", "No entries in this period"),
    "chart_no_projects": ("本期没有项目", "No projects in this period"),
    "sign_recorder": ("填报人", "Recorded by"),
    "sign_date": ("填报日期", "Date"),
    "sign_on": ("日期", "Date"),
    "sign_person": ("本人签字", "Signature"),
    "sign_review": ("审核意见", "Review"),
    "sign_reviewer": ("审核人", "Reviewer"),
    "weekend_note": (
        "注：周末及节假日的招商工作不计入占比（当前设置），时间分布中仍列出。",
        "Note: promotion on weekends and holidays is not counted (setting), but listed here.",
    ),
    "c_overview": (
        "本期纳入统计的主要负责同志 {persons} 人，达到三分之一要求 {met} 人，"
        "未达到 {below} 人；外出招商 {trips} 次、{days_out} 天，未外出 {not_out} 人；"
        "包联项目新增在谈 {talks} 个、签约 {signed} 个、开工 {started} 个。",
        "{persons} principal leaders: {met} met one third, {below} did not; {trips} trips,"
        " {days_out} days out, {not_out} did not go out; new projects: {talks} in talks,"
        " {signed} signed, {started} started.",
    ),
    "c_unassigned": (
        "未指定包联领导的项目 {n} 个：新增在谈 {talks} 个、签约 {signed} 个、开工 {started} 个，"
        "未计入上述包联项目。",
        "Projects without a responsible leader: {n} ({talks} new in talks, {signed} signed,"
        " {started} started), not counted above.",
    ),
    "c_scope": (
        "统计期：{start} 至 {end}；目标占比 {target}；按{by}汇总，按外出天数由多到少排列。",
        "Period {start} to {end}; target {target}; by {by}, sorted by days out.",
    ),
    "by_person": ("人员", "person"),
    "by_unit": ("单位", "unit"),
    "by_group": ("招商组", "group"),
    "doc_trip_form": ("{period}外出招商情况上报表", "Promotion trips, {period}"),
    "t_summary": (
        "共 {units} 个单位 {persons} 人外出招商 {trips} 人次、{days} 天，"
        "拜访企业 {companies} 家次。",
        "{units} units, {persons} people: {trips} person-trips, {days} days away,"
        " {companies} company visits.",
    ),
    "t_none": ("本期无外出招商。", "No promotion trips in the period."),
    "c_sec_overview": ("一、总体情况", "1. Overview"),
    "c_sec_table": ("二、分{by}情况", "2. By {by}"),
    "c_sec_below": ("三、未达到三分之一要求的人员", "3. Below one third"),
    "c_sec_share": ("分{by}招商精力占比及项目情况", "Share of effort and projects by {by}"),
    "c_year_to_date": (
        "本年累计（{start}至{end}）外出招商 {trips} 人次、{days} 天。",
        "Year to date ({start} to {end}): {trips} person-trips, {days} days out.",
    ),
    "c_sec_charts": ("四、分布情况", "4. Distribution"),
    "c_none_below": ("全部人员均达到三分之一要求。", "Everyone met one third."),
    "c_not_submitted": (
        "未报送月报的单位 {units} 个（{persons} 人）：{names}。"
        "整个统计期均未报送的人员不参加排名。",
        "{units} units ({persons} people) did not submit: {names}. Those who submitted nothing"
        " for the period are not ranked.",
    ),
    "c_projects_note": (
        "注：新增在谈、签约、开工按包联领导统计，项目以首次进入该阶段计一次。",
        "Note: new projects count for their responsible leader, once, on first reaching a stage.",
    ),
    "chart_share": ("招商精力占比分布", "Share of effort"),
    "chart_days_out": ("外出招商天数分布", "Days out"),
    "chart_activities": ("各类工作折合天数（天）", "Days by activity"),
    "chart_stages": ("项目阶段分布", "Projects by stage"),
    "chart_people": ("人数", "People"),
    "chart_days": ("天", "days"),
    "p_sec_stages": ("一、项目阶段分布", "1. Projects by stage"),
    "p_sec_rates": ("二、推进指标", "2. Rates"),
    "p_sec_big": ("三、重大项目", "3. Big projects"),
    "p_sec_funds": ("四、资金到位情况", "4. Funds arrived"),
    "p_no_funds": ("本期无签约或资金到位的项目。", "No signing or funds in the period."),
    "p_amount_note": (
        "金额单位：万元（外资项目为万美元，单独统计）。重大项目按协议投资额分档，仅含人民币项目。",
        "Amounts in 10k CNY (USD projects in 10k USD, apart). Size bands: contracted amount, CNY.",
    ),
    "p_rate_note": (
        "各项指标均按本期发生的事项统计，短期内可能超过 100%。",
        "Rates count events in the period and may exceed 100 % over a short period.",
    ),
    "font_warning": ("警告", "warning"),
}


def amount_unit(currency: Currency, lang: str = "zh") -> str:
    """万元 or 万美元 (10k CNY, 10k USD): the unit of a project's amounts."""
    from desktop.domain.projects import Currency

    return label("wan_usd" if currency is Currency.USD else "wan_yuan", lang)


def paren(text: str, inner: str, lang: str = "zh") -> str:
    """Words in brackets after others: 金额（万元） in Chinese, Amount (10k CNY) in English."""
    return f"{text}（{inner}）" if lang == "zh" else f"{text} ({inner})"


def joined(items: Iterable[str], lang: str = "zh") -> str:
    """A list in running text: 北京、上海 in Chinese, Beijing, Shanghai in English."""
    return ("、" if lang == "zh" else ", ").join(items)


def colon(lang: str = "zh") -> str:
    return "：" if lang == "zh" else ": "


def semicolon(lang: str = "zh") -> str:
    return "；" if lang == "zh" else "; "


def calendar_basis_text(basis: Iterable[YearBasis], lang: str = "zh") -> str:
    """The 日历依据 cell: the statutory arrangement, entered here, or the fallback."""
    sources = {b.source for b in basis}
    if YearSource.FALLBACK in sources:
        return label("fallback", lang)
    if sources:
        return label("entered", lang)
    return label("statutory", lang)


def label(key: str, lang: str = "zh") -> str:
    zh, en = LABELS[key]
    return en if lang == "en" else zh
