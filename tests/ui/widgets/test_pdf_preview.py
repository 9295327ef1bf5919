"""The shared PDF preview loads every page and prints them to a PDF printer."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from models.common.pdf import PageFrame, build_pdf, data_table
from ui.widgets.pdf_preview_dialog import PdfPreviewDialog, print_pdf


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
