"""打印看板: the 报送 board as the office sees it — the month, its counts and the rows of the
view shown (by person or by unit) — previewed and printed on A4 with Qt's print dialogs. The
board is a list, not a report, so it is laid out as a table here rather than made a PDF."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui.screen_fit import keep_on_screen


def board_html(title: str, counts: str, headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return (
        f"<h2 align='center'>{escape(title)}</h2><p>{escape(counts)}</p>"
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def preview_board(parent: QWidget, html: str, name: str) -> QPrintPreviewDialog:
    """Open the preview (its 打印 button prints); returns the dialog, shown modal."""
    document = QTextDocument()
    document.setDefaultFont(QApplication.font())  # the shipped Chinese font the window uses
    document.setHtml(html)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setDocName(name)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(name)

    def paint(target: Any) -> None:
        document.print_(target)

    dialog.paintRequested.connect(paint)
    keep_on_screen(dialog)
    dialog.exec()
    return dialog
