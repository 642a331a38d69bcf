"""The font check: a character the shipped font lacks is reported by name, never left blank."""

from __future__ import annotations

import warnings
from pathlib import Path

from fontTools.ttLib import TTFont

from desktop.domain.people import Person
from desktop.reports.charts import activity_chart, figure_png
from desktop.reports.export import render_pdf
from desktop.reports.fonts import (
    PLACEHOLDER,
    FontCheck,
    font_path,
    matplotlib_family,
    missing_chars,
    reportlab_fonts,
)
from desktop.reports.sources import gather_circular, gather_monthly
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY
from tests.reports.conftest import OCTOBER, pdf_text

RARE = "\U00020000"  # 𠀀, CJK Ext-B: not in Noto Sans SC
EXT_A = "\u4dae"  # 䶮, CJK Ext-A: in it


def test_the_rare_character_is_really_missing_from_both_files() -> None:
    for bold in (False, True):
        with TTFont(font_path(bold)) as font:
            cmap = font.getBestCmap()
        assert ord(RARE) not in cmap
        assert ord(EXT_A) in cmap and ord(PLACEHOLDER) in cmap
    assert missing_chars(f"陈{RARE}伟{EXT_A}\n") == [RARE]
    assert missing_chars("张伟 2026年 ≥50% A-Z") == []


def test_fonts_load_for_reportlab_and_matplotlib() -> None:
    assert reportlab_fonts() == ("NotoSansSC", "NotoSansSC-Bold")
    assert matplotlib_family() == "Noto Sans SC"


def test_check_marks_the_hole_and_names_it() -> None:
    check = FontCheck()
    assert check.text(f"陈{RARE}", "姓名") == f"陈{PLACEHOLDER}"
    assert check.text("张伟", "姓名") == "张伟"
    check.text(f"陈{RARE}", "姓名")  # the same text again: one warning
    (w,) = check.warnings
    assert (w.char, w.codepoint, w.where, w.text) == (RARE, "U+20000", "姓名", f"陈{RARE}")
    assert w.message() == f"字体缺字：姓名“陈{RARE}”中的“{RARE}”（U+20000）无法显示，已以 □ 标出"
    assert "U+20000" in w.message("en")


def test_a_chart_label_with_a_missing_character_warns_instead_of_a_box() -> None:
    check = FontCheck()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib's "Glyph … missing" would be raised here
        figure_png(activity_chart([(f"走访{RARE}企业", "promotion", 1.0)], check))
    assert [w.char for w in check.warnings] == [RARE]


def test_reports_on_a_person_named_with_it_warn_and_print_a_visible_mark(
    city: Ledger, tmp_path: Path
) -> None:
    person = city.add_person(Person(f"陈{RARE}", "副县长", "青山县", "绿色食品产业链"))
    (report,) = gather_monthly(city, [person], OCTOBER, TODAY)
    data, found = render_pdf(report, invariant=True)
    assert {(w.char, w.where) for w in found} == {(RARE, "姓名")}
    text = "".join(pdf_text(data, tmp_path))
    assert f"陈{PLACEHOLDER}" in text and RARE not in text
    data, found = render_pdf(gather_circular(city, OCTOBER, "person", TODAY), invariant=True)
    assert RARE in {w.char for w in found}
    assert f"陈{PLACEHOLDER}" in "".join(pdf_text(data, tmp_path))
