"""Printing a report: its own PDF, as the export writes it, in Qt's print preview or through Qt's
printer dialog (both in Chinese with Qt's own translations), on A4, full page, portrait or
landscape as the PDF's first page is shaped.

The report is not drawn a second time with Qt: each page of the PDF is rasterised by pdfium
(pypdfium2, imported only when something is printed, never at start-up) at the printer's
resolution, at most PRINT_DPI (PREVIEW_DPI for the preview, which keeps every page's picture in
memory), and drawn into the page, scaled to it and keeping its shape.

PrintOrder writes the PDF with the export's own ReportJob (off the GUI thread) into a temporary
folder, reads it back and removes the folder before the dialog opens.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.ui.report_job import ReportOutcome, ReportRequest
from desktop.ui.screen_fit import keep_on_screen

PRINT_DPI = 300  # an A4 page at 300 dpi is 35 MB as an image: drawn, then let go
PREVIEW_DPI = 150  # the preview holds all pages at once; 150 dpi reads well at its zooms
POINTS_PER_INCH = 72
PREVIEW_SHARE_OF_SCREEN = 0.85


class PdfPages:
    """A PDF opened with pdfium: its pages' sizes in points, and each page as an image."""

    def __init__(self, pdf: Path | bytes) -> None:
        import pypdfium2

        self._doc: Any = pypdfium2.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
        self.sizes: list[tuple[float, float]] = []
        for i in range(len(self._doc)):
            page = self._doc[i]
            self.sizes.append(page.get_size())
            page.close()

    def __len__(self) -> int:
        return len(self.sizes)

    @property
    def landscape(self) -> bool:
        return bool(self.sizes) and self.sizes[0][0] > self.sizes[0][1]

    def image(self, index: int, scale: float) -> QImage:
        """Page index (from 0) at scale pixels per point, on white."""
        page = self._doc[index]
        try:
            bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
            try:
                shown = QImage(
                    bitmap.buffer,
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_RGBX8888,
                )
                return shown.copy()  # the image's own pixels: pdfium's buffer goes with the bitmap
            finally:
                bitmap.close()
        finally:
            page.close()

    def close(self) -> None:
        self._doc.close()


def paint_pages(printer: QPrinter, pages: PdfPages) -> int:
    """Draw the pages on printer (those of the range chosen in the printer dialog, else all),
    each scaled to the full sheet keeping its shape, centred; how many were drawn."""
    first, last = 1, len(pages)
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), min(printer.toPage() or last, last)
    painter = QPainter()
    if last < first or not painter.begin(printer):
        return 0
    previewing = painter.paintEngine().type() == QPaintEngine.Type.Picture
    most = (PREVIEW_DPI if previewing else PRINT_DPI) / POINTS_PER_INCH
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    sheet = QRectF(0, 0, printer.width(), printer.height())  # full page: the whole sheet
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        for number in range(first, last + 1):
            if number > first:
                printer.newPage()
            width, height = pages.sizes[number - 1]
            fit = min(sheet.width() / width, sheet.height() / height)  # device pixels per point
            target = QRectF(0, 0, width * fit, height * fit)
            target.moveCenter(sheet.center())
            painter.drawImage(target, pages.image(number - 1, min(fit, most)))
    finally:
        painter.end()
        QGuiApplication.restoreOverrideCursor()
    return last - first + 1


def _printer(pages: PdfPages, name: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(name)
    printer.setFullPage(True)  # the PDF has its own margins
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    orientation = QPageLayout.Orientation
    printer.setPageOrientation(orientation.Landscape if pages.landscape else orientation.Portrait)
    return printer


def preview_pdf(parent: QWidget | None, pdf: Path | bytes, name: str = "") -> int:
    """The print preview of the PDF, from which it can be printed; the dialog's result."""
    pages = PdfPages(pdf)
    printer = _printer(pages, name)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(lambda device: paint_pages(device, pages))
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is not None:  # a page that can be read, as large as the screen lets it be
        dialog.resize(screen.availableGeometry().size() * PREVIEW_SHARE_OF_SCREEN)
    keep_on_screen(dialog)
    try:
        return dialog.exec()
    finally:
        dialog.paintRequested.disconnect()
        dialog.deleteLater()
        pages.close()


def print_pdf(parent: QWidget | None, pdf: Path | bytes, name: str = "") -> bool:
    """The printer dialog, then the PDF printed on the printer chosen; False if cancelled."""
    pages = PdfPages(pdf)
    try:
        printer = _printer(pages, name)
        dialog = QPrintDialog(printer, parent)
        dialog.setMinMax(1, len(pages))
        keep_on_screen(dialog)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted and not paint_pages(printer, pages):
            why = QCoreApplication.translate(
                "Printing", "The printer could not be used: nothing was printed."
            )
            _not_printed(parent, why)
        return accepted
    finally:
        pages.close()


def _not_printed(parent: QWidget | None, why: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("Printing", "Not printed"), why)


class PrintOrder:
    """A report to print: the export's request, made to write a PDF into a temporary folder.
    Once the job has written it, written() reads it, removes the folder and opens the preview
    or the printer dialog; remove() (on the job's finished) also clears up after a failure."""

    def __init__(self, request: ReportRequest, name: str, preview: bool) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="onethird-print-"))
        self.request = replace(request, fmt="pdf", out=self.folder / "report.pdf")
        self.name = name  # the document's name in the printer's queue
        self.preview = preview

    def written(self, parent: QWidget, outcome: ReportOutcome) -> None:
        try:
            data = outcome.paths[0].read_bytes()
        except OSError as exc:
            _not_printed(parent, f"{exc.filename or ''} {exc.strerror or exc}".strip())
            return
        finally:
            self.remove()
        # opened from the event loop, not inside the job's signal: the job ends meanwhile
        QTimer.singleShot(0, parent, lambda: self._show(parent, data))

    def _show(self, parent: QWidget, data: bytes) -> None:
        try:
            if self.preview:
                preview_pdf(parent, data, self.name)
            else:
                print_pdf(parent, data, self.name)
        except ImportError as exc:  # pdfium missing from a damaged installation
            _not_printed(parent, str(exc))

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
