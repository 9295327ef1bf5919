"""Print a PDF page for page: at most 300 dpi, one uniform scale, from the paper's corner.

Labels and sign-in sheets are laid out for the paper, so the page is drawn from the paper's
top-left corner (not inside the printer's margins) at its true size; rendering at most 300 dpi
keeps a page of label barcodes sharp without sending a 1200-dpi bitmap to a station printer.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, QSizeF
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300


def render_plan(page_points: QSizeF, printer_dpi: int) -> tuple[QSize, float]:
    """(image size to render the page at, scale from image pixels to printer pixels)."""
    dpi = min(printer_dpi, MAX_DPI)
    size = QSize(round(page_points.width() * dpi / 72), round(page_points.height() * dpi / 72))
    return size, printer_dpi / dpi


def printer_for(document: QPdfDocument) -> QPrinter:
    """A printer set to the document's paper (Letter for our reports and label sheets), so the
    print dialog opens on the right size instead of the station's default."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if document.pageCount():
        size = QPageSize(
            document.pagePointSize(0),
            QPageSize.Unit.Point,
            "",
            QPageSize.SizeMatchPolicy.FuzzyMatch,
        )
        printer.setPageSize(size)
    printer.setFullPage(True)
    return printer


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Send every page to the printer; returns the number of pages printed."""
    printer.setFullPage(True)  # coordinates from the paper's corner, as the PDF was laid out
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            size, scale = render_plan(document.pagePointSize(page), printer.resolution())
            image = document.render(page, size)
            painter.save()
            painter.scale(scale, scale)  # the same factor both ways: nothing is stretched
            painter.drawImage(QPointF(0, 0), image)
            painter.restore()
    finally:
        painter.end()
    return document.pageCount()
