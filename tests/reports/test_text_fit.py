"""Line breaking of report text (text_fit.line_spans): the lines a PDF cell or paragraph draws."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.reports.fonts import reportlab_fonts
from desktop.reports.text_fit import CLOSING, ELLIPSIS, OPENING, break_lines, fit_lines

FONT = reportlab_fonts()[0]
SIZE = 9.0
EM = stringWidth("中", FONT, SIZE)


def lines(text: str, chars: int) -> list[str]:
    """text broken into lines of `chars` Chinese characters' width."""
    return break_lines(text, FONT, SIZE, chars * EM)


@pytest.mark.parametrize(
    ("text", "chars", "expected"),
    [
        # a comma that would begin the second line takes the character before it along
        ("一二三四五，六七", 5, ["一二三四", "五，六七"]),
        # two closing marks together: neither begins a line
        ("一二三（四）。五", 5, ["一二三", "（四）。五"]),
        ("甲乙丙丁：「戊」", 4, ["甲乙丙", "丁：", "「戊」"]),
        # an opening bracket does not end a line
        ("一二三四（五六）", 5, ["一二三四", "（五六）"]),
        ("一二三四《五》", 5, ["一二三四", "《五》"]),
        # figures and Latin words stay whole; one longer than the line is broken, not before
        # a comma
        ("签约500,000万元", 4, ["签约", "500,000", "万元"]),
        ("签约500,000万元", 3, ["签约", "500,0", "00万", "元"]),
        ("总经理 John Smith", 8, ["总经理 John ", "Smith"]),
        # the line breaks of the text itself are kept, empty lines too
        ("重庆\n\n成都", 5, ["重庆", "", "成都"]),
        ("", 5, [""]),
        # a line of nothing but commas still breaks (where it is full)
        ("，" * 7, 3, ["，，，", "，，，", "，"]),
    ],
)
def test_break_lines(text: str, chars: int, expected: list[str]) -> None:
    assert lines(text, chars) == expected


def test_reportlab_lets_these_begin_a_line_and_we_do_not() -> None:
    from reportlab.lib.textsplit import ALL_CANNOT_START

    assert set("，：；！？》") - set(ALL_CANNOT_START) == set("，：；！？》")
    assert set("、，。：；）」』》！？") <= CLOSING


HAN = "招商引资项目洽谈签约落地开工投产企业客商考察推进协调"
PUNCT = "、，。：；！？）」』》（「『《"


@st.composite
def chinese(draw: st.DrawFn) -> str:
    """Chinese text with punctuation, at most two marks in a row (as text is written)."""
    parts = []
    for _ in range(draw(st.integers(1, 40))):
        parts.append(draw(st.text(HAN, min_size=1, max_size=6)))
        parts.append(draw(st.text(PUNCT, max_size=2)))
    return "".join(parts)


@settings(max_examples=200, deadline=None)
@given(text=chinese(), chars=st.integers(6, 30))
def test_no_line_begins_with_closing_or_ends_with_opening_punctuation(
    text: str, chars: int
) -> None:
    room = chars * EM
    got = break_lines(text, FONT, SIZE, room)
    assert "".join(got) == text
    for line in got:
        assert stringWidth(line, FONT, SIZE) <= room + 1e-6
    assert all(line[0] not in CLOSING for line in got[1:])
    assert all(line[-1] not in OPENING for line in got[:-1])


@settings(max_examples=200, deadline=None)
@given(text=chinese(), chars=st.integers(3, 30), most=st.integers(1, 6))
def test_a_cut_text_takes_the_lines_it_was_cut_to(text: str, chars: int, most: int) -> None:
    room = chars * EM
    cut = fit_lines(text, FONT, SIZE, room, most)
    assert len(break_lines(cut, FONT, SIZE, room)) <= most
    if cut != text:
        assert cut.endswith(ELLIPSIS) and text.startswith(cut[:-1])
    else:
        assert len(break_lines(text, FONT, SIZE, room)) <= most
