"""The shared PDF preview loads every page and prints them to a PDF printer."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QSize, QSizeF
from PySide6.QtPrintSupport import QPrinter

from models.common.pdf import PageFrame, build_pdf, data_table
from ui.widgets.pdf_preview_dialog import PdfPreviewDialog
from ui.widgets.pdf_printing import MAX_DPI, print_pdf, printer_for, render_plan


def test_preview_shows_all_pages_and_prints_them(qtbot, tmp_path: Path) -> None:
    rows = [[i, f"lot {i}", 5] for i in range(200)]
    source = build_pdf(
        tmp_path / "r.pdf",
        PageFrame("Test report", "Agency"),
        [data_table(["#", "Lot", "Qty"], rows)],
    )
    pages = len(PdfReader(source).pages)
    assert pages > 1
    assert "Page 2 of" in PdfReader(source).pages[1].extract_text()
    dialog = PdfPreviewDialog(source)
    qtbot.addWidget(dialog)
    assert dialog.document.pageCount() == pages
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(dialog.document, printer) == pages
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages


def test_printing_renders_at_most_300_dpi_with_one_scale_from_the_paper_corner(
    qtbot, tmp_path: Path
) -> None:
    letter = QSizeF(612, 792)  # points
    size, scale = render_plan(letter, 1200)
    assert (size.width(), size.height()) == (2550, 3300) and scale == 4.0
    assert render_plan(letter, 150) == (QSize(1275, 1650), 1.0)
    source = build_pdf(
        tmp_path / "r.pdf", PageFrame("Labels", "Agency"), [data_table(["Lot"], [["A1"]])]
    )
    dialog = PdfPreviewDialog(source)
    qtbot.addWidget(dialog)
    printer = printer_for(dialog.document)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert printer.resolution() > MAX_DPI
    assert print_pdf(dialog.document, printer) == 1
    page = PdfReader(tmp_path / "printed.pdf").pages[0]
    assert round(float(page.mediabox.width)) == 612 and round(float(page.mediabox.height)) == 792
