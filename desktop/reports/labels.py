"""Column headings and words of the reports, in Chinese and English."""

from __future__ import annotations

from collections.abc import Mapping

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
    "recorded_by": ("填报人", "Recorded by"),
    "id": ("编号", "ID"),
    "month": ("月份", "Month"),
    "year": ("年份", "Year"),
    "calendar_basis": ("日历依据", "Calendar"),
    "statutory": ("法定节假日安排", "statutory"),
    "fallback": ("周一至周五（未收录）", "Mon–Fri (not known)"),
    "subject_to_rule": ("主要负责同志", "Principal"),
    "investor": ("投资方", "Investor"),
    "chain": ("产业链", "Industry chain"),
    "amount": ("协议投资额", "Contracted amount"),
    "currency": ("币种", "Currency"),
    "leader": ("包联领导", "Responsible leader"),
    "park": ("落地园区", "Park"),
    "stage": ("阶段", "Stage"),
    "funds": ("到位资金", "Funds arrived"),
}


def label(key: str, lang: str = "zh") -> str:
    zh, en = LABELS[key]
    return en if lang == "en" else zh
