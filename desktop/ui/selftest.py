"""`onethird --self-test`: the Qt checks, run inside the checks without Qt (desktop/selftest.py).

Chinese must show on a PC without a Chinese font: the shipped font must be the application's,
and a label reading 招商 rendered with it must have ink and look different from characters no
font has (a box or nothing). Qt's own translations and ours must load, the window icon must be
there, and the main window must open on the demo ledger and draw the dashboard with its charts.
The window goes to whatever screen Qt has; CI and the tests use QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtGui import QColor, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop import selftest
from desktop.reports.fonts import FAMILY
from desktop.storage.ledger import Ledger
from desktop.ui.i18n import install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.dashboard_page import DashboardPage
from desktop.ui.session import Session

SAY: Mapping[str, tuple[str, str]] = {
    "glyphs": ("中文字形", "Chinese glyphs"),
    "glyphs_ok": (
        "“{text}”以 {family} 绘出，{ink} 个深色像素",
        "{text} drawn in {family}, {ink} dark pixels",
    ),
    "wrong_font": (
        "程序字体是 {family}，不是随程序提供的 {shipped}",
        "the application font is {family}, not the shipped {shipped}",
    ),
    "not_in_font": ("{family} 中没有“{char}”", "{family} has no '{char}'"),
    "blank": (
        "“{text}”没有画出来（{ink} 个深色像素）",
        "{text} came out blank ({ink} dark pixels)",
    ),
    "boxes": ("“{text}”画成了缺字方框", "{text} came out as missing-glyph boxes"),
    "translations": ("界面翻译", "translations"),
    "translations_ok": (
        "程序译文与 Qt 自带译文（qtbase_zh_CN）已加载",
        "ours and Qt's own (qtbase_zh_CN) loaded",
    ),
    "not_translated": ("“{text}”未翻译：{got}", "'{text}' not translated: {got}"),
    "icon": ("程序图标", "window icon"),
    "icon_ok": ("{sizes}", "{sizes}"),
    "no_icon": ("窗口图标为空", "the window icon is empty"),
    "window": ("主窗口", "main window"),
    "window_ok": (
        "工作台（{who}，{share}）与 {charts} 幅图表已绘出",
        "dashboard ({who}, {share}) and {charts} charts drawn",
    ),
    "no_charts": ("工作台只绘出 {charts} 幅图表", "the dashboard drew only {charts} charts"),
    "font_lookup": ("图表字体查找出错：{text}", "chart font lookup failed: {text}"),
}

TEXT = "招商"
MISSING = "\ue000\ue001"  # private-use code points: no font has them, so Qt draws its fallback
MIN_INK = 40  # dark pixels: 招商 at 24 px has several hundred, a blank label none
CHARTS = 3  # the dashboard's trend, time by activity, projects by stage
TITLE = "三分之一招商台账"  # the main window's title in Chinese


def _render(text: str) -> QImage:
    label = QLabel(text)
    label.setStyleSheet("background: white; color: black; font-size: 24px;")
    label.adjustSize()
    return label.grab().toImage()


def _ink(image: QImage) -> int:
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if QColor(image.pixel(x, y)).lightness() < 128
    )


def check_glyphs(t: selftest.SelfTest, qt: QApplication) -> str:
    font = qt.font()
    family = font.family()
    if family != FAMILY:
        raise selftest.CheckFailed(t.say("wrong_font", family=family, shipped=FAMILY))
    metrics = QFontMetrics(font)
    for char in TEXT:
        if not metrics.inFontUcs4(ord(char)):
            raise selftest.CheckFailed(t.say("not_in_font", family=family, char=char))
    image = _render(TEXT)
    ink = _ink(image)
    if ink < MIN_INK:
        raise selftest.CheckFailed(t.say("blank", text=TEXT, ink=ink))
    if image == _render(MISSING):
        raise selftest.CheckFailed(t.say("boxes", text=TEXT))
    return t.say("glyphs_ok", text=TEXT, family=family, ink=ink)


def check_translations(t: selftest.SelfTest) -> str:
    wanted = (
        ("MainWindow", "Dashboard", "工作台"),  # ours, from resources/translations
        ("QPlatformTheme", "Cancel", "取消"),  # Qt's own, for the buttons of its dialogs
    )
    for context, source, expected in wanted:
        got = QCoreApplication.translate(context, source)
        if got != expected:
            raise selftest.CheckFailed(t.say("not_translated", text=source, got=got))
    return t.say("translations_ok")


def check_icon(t: selftest.SelfTest, qt: QApplication) -> str:
    icon = qt.windowIcon()
    sizes = icon.availableSizes()
    if icon.isNull() or not sizes:
        raise selftest.CheckFailed(t.say("no_icon"))
    return t.say("icon_ok", sizes=", ".join(f"{s.width()}×{s.height()}" for s in sizes))


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _font_lookups() -> Iterator[_Collect]:
    """matplotlib's complaints about fonts it cannot find (the bundle keeps few of its own)."""
    handler = _Collect()
    logger = logging.getLogger("matplotlib.font_manager")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def check_window(
    t: selftest.SelfTest, qt: QApplication, ledger: Ledger, folder: Path, today: date
) -> str:
    settings = QSettings(str(folder / "selftest-settings.ini"), QSettings.Format.IniFormat)
    session = Session(ledger, settings, today, "zh")
    person = ledger.persons(subject_only=True)[0]
    session.set_person(person.id)
    window = MainWindow(session, str(folder / selftest.DB_NAME))
    try:
        window.show()
        page = window.show_page("dashboard")
        qt.processEvents()
        assert isinstance(page, DashboardPage)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        with _font_lookups() as lookups:
            page.draw_charts()
            # the charts drawn after the first paint were replaced by these: let them go
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            canvases = page.findChildren(FigureCanvasQTAgg)
            for canvas in canvases:
                # now, not when idle: a failure must raise here, not be printed
                canvas.draw()  # type: ignore[no-untyped-call]
            qt.processEvents()
            window.grab()
        if lookups.messages:
            raise selftest.CheckFailed(t.say("font_lookup", text=lookups.messages[0]))
        charts = len(canvases)
        if charts < CHARTS:
            raise selftest.CheckFailed(t.say("no_charts", charts=charts))
        title = window.windowTitle()  # 文件名（单位）— 三分之一招商台账
        if not title.endswith(TITLE) or "OneThird" in title:
            raise selftest.CheckFailed(
                t.say("not_translated", text="OneThird", got=window.windowTitle())
            )
        share = page.share_text.text()
        return t.say("window_ok", who=person.name, share=share, charts=charts)
    finally:
        window.close()
        window.deleteLater()
        qt.processEvents()


def run_self_test(qt: QApplication, today: date) -> int:
    """All the checks, with and without Qt; returns the exit status."""
    lines: list[str] = []

    def write(line: str) -> None:
        lines.append(line)
        print(line, flush=True)

    def qt_checks(t: selftest.SelfTest, ledger: Ledger, folder: Path, day: date) -> None:
        t.check("glyphs", lambda: check_glyphs(t, qt))
        t.check("translations", lambda: check_translations(t))
        t.check("icon", lambda: check_icon(t, qt))
        t.check("window", lambda: check_window(t, qt, ledger, folder, day))

    install_language(qt, "zh")
    code = selftest.run("zh", today, extra=qt_checks, write=write, texts=SAY)
    if sys.stdout is None:  # the windowed program on Windows has no console to print to
        box = QMessageBox.information if code == selftest.EXIT_OK else QMessageBox.warning
        box(None, TITLE, "\n".join(lines))
    return code
