"""A change-log record as a person reads it in 历史 and the 回收站: field names in the reader's
language and values as they were typed — the activity's name, not its id; 14:00, not 840; 全天,
not day_part=full; 是/否 — and, for a change, what each field was and became (old → new).

The names behind ids come from `Names` (the persons, activities, projects and trips the ledger
knows); an id no longer known is shown as #id."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.domain.intake_flags import LABELS as FLAG_LABELS

# field → (Chinese, English), for the fields of entries, trips, projects, persons, stages, funds
LABELS: dict[str, tuple[str, str]] = {
    "person_id": ("人员", "person"),
    "day": ("日期", "date"),
    "date": ("日期", "date"),
    "activity_id": ("活动类型", "activity"),
    "minutes": ("时长", "duration"),
    "day_part": ("全天/半天", "whole or half day"),
    "start": ("开始", "start"),
    "end": ("结束", "end"),
    "start_min": ("开始", "start"),
    "end_min": ("结束", "end"),
    "project_id": ("项目", "project"),
    "project": ("项目", "project"),
    "trip_id": ("外出招商", "trip"),
    "location": ("地点", "place"),
    "counterpart": ("接洽对象", "counterpart"),
    "note": ("备注", "note"),
    "recorded_by": ("填报人", "recorded by"),
    "traveller_ids": ("外出人员", "travellers"),
    "travellers": ("外出人员", "travellers"),
    "start_date": ("开始日期", "start date"),
    "end_date": ("结束日期", "end date"),
    "start_half": ("首日下午出发", "leaves at noon"),
    "end_half": ("末日上午返回", "back at noon"),
    "destinations": ("目的地", "destinations"),
    "companies": ("拜访企业", "companies visited"),
    "project_ids": ("项目", "projects"),
    "projects": ("项目", "projects"),
    "results": ("成效", "results"),
    "name": ("名称", "name"),
    "investor": ("投资方", "investor"),
    "chain": ("产业链", "industry chain"),
    "amount": ("金额", "amount"),
    "currency": ("币种", "currency"),
    "leader_id": ("包联领导", "leader in charge"),
    "park": ("落地园区", "park"),
    "stage": ("阶段", "stage"),
    "title": ("职务", "title"),
    "unit": ("单位", "unit"),
    "group": ("招商组", "group"),
    "group_name": ("招商组", "group"),
    "subject_to_rule": ("主要负责同志", "principal leader"),
    "reported_by": ("报送单位", "reported by"),
    "kind": ("类型", "kind"),  # a project's 项目类型, a funding's 资金性质
    "origin": ("来源", "origin"),  # 投资方来源, 资金来源
    "credit_unit": ("招引单位", "credited unit"),
    "first_person_id": ("第一引资人", "first introducer"),
    "registered": ("工商注册日期", "registered on"),
    "works_started": ("主体开工日期", "main works started"),
    "excluded": ("不予认定原因", "not credited because"),
    "state": ("状态", "state"),
    "file": ("文件", "file"),
    "rows": ("条数", "rows"),
    "key": ("密钥", "key"),
}
# what says nothing to a reader: the record's own id, the entries a trip made, id ranges
_HIDDEN = {"id", "entry_ids", "history", "funds", "first_id", "last_id", "report_id"}
_PERSONS = {"person_id", "leader_id", "first_person_id", "traveller_ids", "travellers"}
_DAY_PARTS = {"full": ("全天", "whole day"), "half": ("半天", "half day")}
_CURRENCIES = {"CNY": ("万元", "10k yuan"), "USD": ("万美元", "10k US dollars")}


@dataclass(frozen=True, slots=True)
class Names:
    """Names behind the ids a record holds."""

    persons: Mapping[int, str] = field(default_factory=dict)
    activities: Mapping[int, str] = field(default_factory=dict)
    projects: Mapping[int, str] = field(default_factory=dict)


def local_time(at: str) -> str:
    """A logged UTC moment (ISO text) as local time: 2026-11-20 14:05."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at.replace("T", " ")[:16]
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def label(key: str, lang: str = "zh") -> str:
    pair = LABELS.get(key)
    return key if pair is None else _pick(pair, lang)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _duration(minutes: int, lang: str) -> str:
    h, m = divmod(minutes, 60)
    if lang == "en":
        return " ".join(p for p in (f"{h} h" if h else "", f"{m} min" if m else "") if p) or "0"
    return " ".join(p for p in (f"{h} 小时" if h else "", f"{m} 分钟" if m else "") if p) or "0"


def value_text(key: str, value: Any, names: Names, lang: str = "zh") -> str:
    """One field's value as a person reads it; an empty one as —."""
    if value is None or value == "" or value == []:
        return "—"
    if key in _PERSONS:
        ids = value if isinstance(value, list) else [value]
        return "、".join(names.persons.get(int(i), f"#{i}") for i in ids)
    if key == "activity_id":
        return names.activities.get(int(value), f"#{value}")
    if key in ("project_id", "project_ids", "projects") and not isinstance(value, str):
        ids = value if isinstance(value, list) else [value]
        return "、".join(names.projects.get(int(i), f"#{i}") for i in ids)
    if key in ("start", "end", "start_min", "end_min") and isinstance(value, int):
        return _clock(value)
    if key == "minutes" and isinstance(value, int):
        return _duration(value, lang)
    if key == "day_part" and value in _DAY_PARTS:
        return _pick(_DAY_PARTS[value], lang)
    if key == "state" and value in FLAG_LABELS:
        return _pick(FLAG_LABELS[value], lang)
    if key == "currency" and value in _CURRENCIES:
        return _pick(_CURRENCIES[value], lang)
    if key == "trip_id":
        return f"#{value}"
    if isinstance(value, bool) or (key in ("start_half", "end_half", "subject_to_rule")):
        return ("yes" if value else "no") if lang == "en" else ("是" if value else "否")
    if key == "companies" and isinstance(value, list):
        return "、".join(
            str(c.get("company", "")) if isinstance(c, dict) else str(c) for c in value
        )
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, dict):
        return "；".join(
            f"{label(k, lang)} {value_text(k, v, names, lang)}" for k, v in value.items()
        )
    return str(value)


_ORDER = {key: i for i, key in enumerate(LABELS)}


def _place(key: str) -> tuple[int, str]:
    """Fields in the order a form shows them (LABELS), the unknown last."""
    return (_ORDER.get(key, len(_ORDER)), key)


def details(before: Any, after: Any, names: Names, lang: str = "zh") -> str:
    """What a change did: for an update, each field that changed as 字段：旧 → 新; for an
    addition or deletion, the record's filled fields as 字段：值."""
    sep, join = (": ", "; ") if lang == "en" else ("：", "；")
    if isinstance(before, dict) and isinstance(after, dict):
        keys = [k for k in after if k not in _HIDDEN and before.get(k) != after.get(k)]
        keys += [k for k in before if k not in after and k not in _HIDDEN and before[k]]
        keys.sort(key=_place)
        return join.join(
            f"{label(k, lang)}{sep}{value_text(k, before.get(k), names, lang)}"
            f" → {value_text(k, after.get(k), names, lang)}"
            for k in keys
        )
    shown = after if after is not None else before
    if isinstance(shown, dict):
        return join.join(
            f"{label(k, lang)}{sep}{value_text(k, shown[k], names, lang)}"
            for k in sorted(shown, key=_place)
            if k not in _HIDDEN and shown[k] not in (None, "", [], False)
        )
    return "" if shown is None else str(shown)
