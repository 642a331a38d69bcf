"""The Qt checks of `onethird --self-test` fail when Chinese would not show."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from desktop import selftest
from desktop.ui import selftest as gui_selftest
from desktop.ui.fonts import use_shipped_font


@pytest.fixture
def t() -> selftest.SelfTest:
    return selftest.SelfTest("en", print, {**selftest.SAY, **gui_selftest.SAY})


def test_glyphs_pass_with_the_shipped_font(qapp: QApplication, t: selftest.SelfTest) -> None:
    use_shipped_font(qapp)
    assert "招商 drawn in Noto Sans SC" in gui_selftest.check_glyphs(t, qapp)


def test_glyphs_fail_when_the_shipped_font_is_not_the_applications(
    qapp: QApplication, t: selftest.SelfTest
) -> None:
    before = qapp.font()
    qapp.setFont(QFont("DejaVu Sans"))
    try:
        with pytest.raises(selftest.CheckFailed, match="not the shipped Noto Sans SC"):
            gui_selftest.check_glyphs(t, qapp)
    finally:
        qapp.setFont(before)


def test_missing_glyphs_render_alike_and_real_ones_do_not(qapp: QApplication) -> None:
    """What check_glyphs compares: characters no font has all come out the same."""
    use_shipped_font(qapp)
    missing = gui_selftest._render(gui_selftest.MISSING)
    assert gui_selftest._render("\ue002\ue003") == missing
    assert gui_selftest._render(gui_selftest.TEXT) != missing
    assert gui_selftest._ink(gui_selftest._render(gui_selftest.TEXT)) >= gui_selftest.MIN_INK
