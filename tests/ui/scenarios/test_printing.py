"""Printing from the window: on the 报告 page Ctrl+P or 打印预览… opens the print preview of the
report chosen, with the pages of the PDF the export writes (A4, portrait for the 个人月报,
landscape for the 汇总通报); 打印… opens the printer dialog and prints those pages, also when the
format chosen for export is Excel; the 工作台's 打印月报… previews the month's 个人月报, and says
in Chinese why not when the period shown is not a month. The temporary PDF goes afterwards."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QWidget

from desktop.domain.people import Person
from desktop.storage.demo_data import fill_demo
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.dashboard_page import DashboardPage
from desktop.ui.pages.reports_page import ReportsPage
from tests.conftest import TODAY
from tests.test_cli import ok
from tests.ui.scenarios.conftest import FileAnswers
from tests.ui.scenarios.drive import (
    CTRL,
    choose,
    click,
    click_item,
    in_dialog,
    modal,
    press,
    shortcut,
    wait_for_feedback,
)

PORTRAIT, LANDSCAPE = QPageLayout.Orientation.Portrait, QPageLayout.Orientation.Landscape
NEEDS_A_MONTH = "个人月报按月编制：请在上方统计期选择“月度”。"
NEEDS_A_PERSON = "请在上方选择要编制月报的人员。"


@pytest.fixture
def temp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The system's folder for temporary files, here one of the test's own, to see it emptied."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def city(ledger: Ledger) -> Person:
    """A city's year of entries (the demo's); its mayor, whose October report runs to pages."""
    fill_demo(ledger, TODAY)
    return next(p for p in ledger.persons(subject_only=True) if p.name == "王建国")


def pages_of(pdf: Path) -> int:
    done = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("Pages:")]
    return int(line.split()[1])


def page_size(pdf: Path) -> str:
    done = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("Page size:")]
    return line.split(":", 1)[1].strip()


def grey_pages(pdf: Path, folder: Path) -> list[np.ndarray]:
    """Each page as poppler draws it (another rasteriser than the program's), in grey at 150 dpi,
    then as the mean grey of each tenth of an inch: what the page looks like, not its pixels."""
    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", "150", "-gray", str(pdf), str(folder / "p")], check=True)
    images = []
    for path in sorted(folder.glob("p-*.pgm")):
        magic, width, height, most, pixels = path.read_bytes().split(maxsplit=4)
        assert magic == b"P5" and most == b"255"
        grey = np.frombuffer(pixels, np.uint8).reshape(int(height), int(width)).astype(float)
        h, w = grey.shape[0] // 15 * 15, grey.shape[1] // 15 * 15
        images.append(grey[:h, :w].reshape(h // 15, 15, w // 15, 15).mean(axis=(1, 3)))
    return images


def unlike(a: np.ndarray, b: np.ndarray) -> float:
    """How far apart two pages look: the mean difference of their grey levels (0–255)."""
    h, w = min(a.shape[0], b.shape[0]), min(a.shape[1], b.shape[1])
    return float(np.abs(a[:h, :w] - b[:h, :w]).mean())


def outside(dialog: QWidget) -> list[str]:
    """What of the dialog is not on the screen: itself, or the buttons of its button boxes."""
    screen = QGuiApplication.primaryScreen().availableGeometry()
    far = [] if screen.contains(dialog.frameGeometry()) else [dialog.windowTitle()]
    for box in dialog.findChildren(QDialogButtonBox):
        for b in box.findChildren(QAbstractButton):
            if b.isVisible() and not screen.contains(
                QRect(b.mapToGlobal(b.rect().topLeft()), b.size())
            ):
                far.append(b.text())
    return far


def push(b: QAbstractButton) -> None:
    assert b.isVisible() and b.isEnabled(), f"“{b.text()}” cannot be pressed"
    click(b)


class Preview:
    """What the print preview showed when it opened: the dialog's title, its pages and their
    orientation, whether it was on the screen, and whether the temporary PDF was gone by then."""

    def __init__(self, temp: Path) -> None:
        self.temp = temp
        self.title = ""
        self.pages = 0
        self.orientation: QPageLayout.Orientation | None = None
        self.on_screen = False
        self.temp_left: list[str] = []

    def look(self, dialog: QDialog) -> None:
        assert isinstance(dialog, QPrintPreviewDialog), dialog
        (widget,) = dialog.findChildren(QPrintPreviewWidget)
        self.title = dialog.windowTitle()
        self.pages = widget.pageCount()
        self.orientation = widget.orientation()
        self.on_screen = outside(dialog) == []
        self.temp_left = [p.name for p in self.temp.iterdir()]
        dialog.reject()


def export_pdf(qtbot, main: MainWindow, page: ReportsPage, files: FileAnswers, out: Path) -> int:
    """导出… as PDF to out, as a person exports it; its pages."""
    files.save.append(str(out))
    press(page, "导出…")
    wait_for_feedback(qtbot, main, "已生成")
    qtbot.waitUntil(lambda: page.job is None)
    return pages_of(out)


def open_reports(main: MainWindow, report: str) -> ReportsPage:
    click_item(main.sidebar, "报告")
    page = main.page("reports")
    assert isinstance(page, ReportsPage)
    choose(page.kind, report)
    return page


def test_ctrl_p_previews_the_monthly_report_and_the_button_the_circular_with_their_pages(
    qtbot,
    start: Callable[[], MainWindow],
    city: Person,
    tmp_path: Path,
    temp: Path,
    files: FileAnswers,
    opened: list[str],
    warnings: list[str],
) -> None:
    main = start()
    choose(main.period_bar.person, "王建国（市长）")
    choose(main.period_bar.part, "10月")
    page = open_reports(main, "个人月报")
    monthly_pages = export_pdf(qtbot, main, page, files, tmp_path / "月报.pdf")
    assert monthly_pages >= 2  # so that a preview of one page, or of the first, shows

    monthly = Preview(temp)
    in_dialog(qtbot, lambda: shortcut(main, Qt.Key.Key_P, CTRL), monthly.look)
    assert monthly.title == "打印预览: 2026-10-市人民政府-王建国"  # Qt's Chinese, the report's name
    assert (monthly.pages, monthly.orientation) == (monthly_pages, PORTRAIT)
    assert monthly.on_screen and monthly.temp_left == []

    choose(page.kind, "汇总通报")
    circular_pages = export_pdf(qtbot, main, page, files, tmp_path / "通报.pdf")
    assert circular_pages >= 2
    circular = Preview(temp)
    in_dialog(qtbot, lambda: push(page.preview_button), circular.look)
    assert (circular.pages, circular.orientation) == (circular_pages, LANDSCAPE)
    assert circular.on_screen
    qtbot.waitUntil(lambda: page.job is None)
    assert list(temp.iterdir()) == [] and not warnings
    assert opened == [str(tmp_path / "月报.pdf"), str(tmp_path / "通报.pdf")]  # the exports only


def test_print_sends_the_report_s_pages_to_the_printer_chosen_even_when_excel_is_the_format(
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    start: Callable[[], MainWindow],
    city: Person,
    db_path: Path,
    tmp_path: Path,
    temp: Path,
    opened: list[str],
    warnings: list[str],
) -> None:
    printed = tmp_path / "printer.pdf"
    asked: list[str] = []
    off_screen: list[str] = []

    def as_if_printer_chosen(dialog: QPrintDialog) -> int:
        """The printer dialog, shown, answered 打印 with a printer that writes into printed."""
        dialog.show()
        qtbot.waitExposed(dialog)
        asked.append(dialog.windowTitle())
        off_screen.extend(outside(dialog))
        dialog.hide()
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", as_if_printer_chosen)
    exported = tmp_path / "cli.pdf"
    ok(
        db_path,
        "report",
        "monthly",
        "--person",
        "王建国",
        "--period",
        "2026-10",
        "--out",
        str(exported),
    )

    main = start()
    choose(main.period_bar.person, "王建国（市长）")
    choose(main.period_bar.part, "10月")
    page = open_reports(main, "个人月报")
    choose(page.fmt, "Excel")
    push(page.print_button)
    qtbot.waitUntil(lambda: bool(asked) and page.job is None, timeout=60_000)
    qtbot.waitUntil(printed.exists)
    assert asked == ["打印"] and off_screen == []
    assert pages_of(printed) == pages_of(exported) >= 2
    assert "A4" in page_size(printed) and not page_size(printed).startswith("842")  # portrait
    ours, theirs = grey_pages(printed, tmp_path / "ours"), grey_pages(exported, tmp_path / "cli")
    # each printed page looks like the report's page, and not like the report's other page
    for i, (a, b) in enumerate(zip(ours, theirs, strict=True)):
        assert unlike(a, b) < 3.0, i
        assert unlike(a, theirs[(i + 1) % len(theirs)]) > 10.0, i
    assert list(temp.iterdir()) == [] and opened == [] and not warnings
    assert modal() is None


def test_the_board_previews_the_month_s_report_and_says_why_not_without_a_month(
    qtbot,
    start: Callable[[], MainWindow],
    city: Person,
    db_path: Path,
    tmp_path: Path,
    temp: Path,
    warnings: list[str],
) -> None:
    exported = tmp_path / "cli.pdf"
    ok(
        db_path,
        "report",
        "monthly",
        "--person",
        "王建国",
        "--period",
        "2026-10",
        "--out",
        str(exported),
    )
    main = start()
    board = main.page("dashboard")
    assert isinstance(board, DashboardPage) and board.isVisible()

    # everyone together: the monthly report is one person's
    shortcut(main, Qt.Key.Key_P, CTRL)
    assert warnings == [NEEDS_A_PERSON] and modal() is None

    choose(main.period_bar.person, "王建国（市长）")
    choose(main.period_bar.kind, "季度")
    push(board.print_button)
    assert warnings == [NEEDS_A_PERSON, NEEDS_A_MONTH] and modal() is None
    assert board.print_job is None and list(temp.iterdir()) == []

    choose(main.period_bar.kind, "月度")
    choose(main.period_bar.part, "10月")
    click_item(main.sidebar, "工作台")
    preview = Preview(temp)
    in_dialog(qtbot, lambda: push(board.print_button), preview.look)
    assert preview.title == "打印预览: 2026-10-市人民政府-王建国"
    assert (preview.pages, preview.orientation) == (pages_of(exported), PORTRAIT)
    assert preview.pages >= 2 and preview.on_screen
    qtbot.waitUntil(lambda: board.print_job is None)
    assert list(temp.iterdir()) == [] and len(warnings) == 2

    # the same by Ctrl+P on the board
    again = Preview(temp)
    in_dialog(qtbot, lambda: shortcut(main, Qt.Key.Key_P, CTRL), again.look)
    assert again.pages == preview.pages


def test_the_reports_page_says_why_a_monthly_report_cannot_be_printed(
    qtbot, start: Callable[[], MainWindow], city: Person, temp: Path, warnings: list[str]
) -> None:
    main = start()
    choose(main.period_bar.person, "王建国（市长）")
    choose(main.period_bar.kind, "年度")
    page = open_reports(main, "个人月报")
    assert not page.preview_button.isEnabled() and not page.print_button.isEnabled()
    shortcut(main, Qt.Key.Key_P, CTRL)
    assert warnings == [NEEDS_A_MONTH] and modal() is None and page.job is None
    assert list(temp.iterdir()) == []
