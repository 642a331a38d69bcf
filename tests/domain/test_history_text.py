"""历史 reads as the form was filled in: field names, names for ids, clock times, 全天, 是/否."""

from __future__ import annotations

from desktop.domain.history_text import Names, details, local_time, value_text

NAMES = Names({1: "张伟", 2: "李娜"}, {3: "项目洽谈", 4: "外出招商"}, {7: "京东方项目"})


def test_an_update_names_each_changed_field_with_its_old_and_new_value() -> None:
    before = {"id": 9, "person_id": 1, "activity_id": 3, "start": 840, "end": 960, "day_part": None}
    after = {"id": 9, "person_id": 1, "activity_id": 4, "start": 870, "end": 960,
             "day_part": "full"}  # fmt: skip
    assert details(before, after, NAMES) == (
        "活动类型：项目洽谈 → 外出招商；全天/半天：— → 全天；开始：14:00 → 14:30"
    )
    assert details(before, after, NAMES, "en") == (
        "activity: 项目洽谈 → 外出招商; whole or half day: — → whole day; start: 14:00 → 14:30"
    )


def test_an_added_record_lists_its_filled_fields_in_the_forms_order() -> None:
    trip = {"id": 5, "traveller_ids": [1, 2], "start_date": "2026-10-13", "end_date": "2026-10-14",
            "start_half": True, "end_half": False, "destinations": ["重庆", "成都"],
            "companies": [{"company": "长安汽车", "contact": "王总", "title": ""}],
            "project_ids": [7], "entry_ids": [11, 12], "results": ""}  # fmt: skip
    assert details(None, trip, NAMES) == (
        "外出人员：张伟、李娜；开始日期：2026-10-13；结束日期：2026-10-14；首日下午出发：是；"
        "目的地：重庆、成都；拜访企业：长安汽车；项目：京东方项目"
    )


def test_values_read_as_typed() -> None:
    assert value_text("minutes", 150, NAMES) == "2 小时 30 分钟"
    assert value_text("minutes", 45, NAMES, "en") == "45 min"
    assert value_text("leader_id", 99, NAMES) == "#99"  # a person no longer known
    assert value_text("subject_to_rule", False, NAMES) == "否"
    assert value_text("currency", "USD", NAMES) == "万美元"
    assert value_text("note", "", NAMES) == "—"


def test_log_moments_are_shown_in_local_time(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        assert local_time("2026-11-20T06:05:00+00:00") == "2026-11-20 14:05"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_project_s_assessment_details_read_with_their_names() -> None:
    before = {
        "id": 3,
        "name": "电池项目",
        "kind": None,
        "origin": None,
        "credit_unit": "",
        "first_person_id": None,
        "works_started": None,
    }
    after = {"id": 3, "name": "电池项目", "kind": "工业", "origin": "境外", "credit_unit": "高新区",
             "first_person_id": 2, "works_started": "2026-05-01"}  # fmt: skip
    assert details(before, after, NAMES) == (
        "类型：— → 工业；来源：— → 境外；招引单位：— → 高新区；第一引资人：— → 李娜；"
        "主体开工日期：— → 2026-05-01"
    )
