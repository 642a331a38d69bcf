"""The shipped Chinese font for every renderer, and the check that it has each character drawn.

One TrueType font (Noto Sans SC Regular and Bold, see resources/fonts/README.md) serves Qt
(`font_path()` for `QFontDatabase.addApplicationFont`), matplotlib (`matplotlib_family()`) and
reportlab (`reportlab_fonts()`). reportlab draws a character the font lacks as a silent blank and
matplotlib as an empty box, so text goes through `FontCheck.text()` first: a missing character is
replaced by a visible □ and reported as a `FontWarning` naming the character and where it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from desktop import paths

FAMILY = "Noto Sans SC"
REGULAR_FILE = "NotoSansSC-Regular.ttf"
BOLD_FILE = "NotoSansSC-Bold.ttf"
FONT_FILES = (REGULAR_FILE, BOLD_FILE)
PLACEHOLDER = "□"  # U+25A1, in the font: marks on paper where a character could not be drawn
RL_REGULAR = "NotoSansSC"
RL_BOLD = "NotoSansSC-Bold"


def font_path(bold: bool = False) -> Path:
    return paths.resource("fonts", BOLD_FILE if bold else REGULAR_FILE)


@cache
def _reportlab_font(bold: bool) -> Any:
    """The file parsed by reportlab, once: it serves the PDF and the coverage check alike."""
    from reportlab.pdfbase.ttfonts import TTFont

    return TTFont(RL_BOLD if bold else RL_REGULAR, str(font_path(bold)))


@cache
def covered() -> frozenset[int]:
    """Code points the font draws (Regular and Bold are cut from one source: same cmap)."""
    return frozenset(_reportlab_font(False).face.charToGlyph)


def missing_chars(text: str) -> list[str]:
    """Characters of text the font cannot draw, each once, in order (line breaks are fine)."""
    have = covered()
    return list(dict.fromkeys(ch for ch in text if ord(ch) not in have and ch not in "\n\r\t"))


@dataclass(frozen=True, slots=True)
class FontWarning:
    char: str
    where: str  # the field or place, e.g. 姓名, 行程表·目的地
    text: str  # the whole text the character was in

    @property
    def codepoint(self) -> str:
        return f"U+{ord(self.char):04X}"

    def message(self, lang: str = "zh") -> str:
        if lang == "en":
            return (
                f"the font has no '{self.char}' ({self.codepoint}) in {self.where} "
                f"'{self.text}'; printed as {PLACEHOLDER}"
            )
        return (
            f"字体缺字：{self.where}“{self.text}”中的“{self.char}”（{self.codepoint}）"
            f"无法显示，已以 {PLACEHOLDER} 标出"
        )


@dataclass
class FontCheck:
    """Collects the warnings of one rendering; every text drawn passes through `text()`."""

    warnings: list[FontWarning] = field(default_factory=list)

    def text(self, value: str, where: str) -> str:
        lacking = missing_chars(value)
        if not lacking:
            return value
        for ch in lacking:
            warning = FontWarning(ch, where, value)
            if warning not in self.warnings:
                self.warnings.append(warning)
        return "".join(PLACEHOLDER if ch in lacking else ch for ch in value)


@cache
def reportlab_fonts() -> tuple[str, str]:
    """Register Regular and Bold with reportlab (once); returns their names."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    pdfmetrics.registerFont(_reportlab_font(False))
    pdfmetrics.registerFont(_reportlab_font(True))
    # so that <b> in a Paragraph picks the bold file instead of a synthetic bold
    addMapping(RL_REGULAR, 0, 0, RL_REGULAR)
    addMapping(RL_REGULAR, 1, 0, RL_BOLD)
    addMapping(RL_REGULAR, 0, 1, RL_REGULAR)
    addMapping(RL_REGULAR, 1, 1, RL_BOLD)
    return RL_REGULAR, RL_BOLD


@cache
def matplotlib_family() -> str:
    """Add both files to matplotlib's font manager (once); returns the family name to use."""
    from matplotlib import font_manager

    for bold in (False, True):
        font_manager.fontManager.addfont(str(font_path(bold)))
    return FAMILY
