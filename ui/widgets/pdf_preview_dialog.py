"""Preview a generated PDF (QtPdf), print it through the system dialog, or save a copy."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.common.wording import noun
from ui.widgets.pdf_printing import print_pdf, printer_for
from ui.widgets.save_path import ask_save_path, dated_name
from ui.widgets.screen_fit import fit_to_screen


class PdfPreviewDialog(QDialog):
    """Shows every page of a PDF; Print… and Save as PDF… act on the same file."""

    def __init__(
        self,
        pdf_path: Path | str,
        parent: QWidget | None = None,
        title: str = "Preview",
        save_name: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pdf_path = Path(pdf_path)
        self.save_name = save_name or _dated(self.pdf_path.stem)
        self.document = QPdfDocument(self)
        self.document.load(str(self.pdf_path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        pages = self.document.pageCount()
        self.pages_label = QLabel(f"{pages} {noun(pages, 'page')}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton("Print…")
        self.save_button = QPushButton("Save as PDF…")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self._on_print)
        self.save_button.clicked.connect(self._on_save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages_label)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 900)

    @Slot()
    def _on_save(self) -> None:
        target = ask_save_path(self, "pdf", "Save PDF", self.save_name, "PDF files (*.pdf)")
        if target is None:
            return
        try:
            shutil.copyfile(self.pdf_path, target)
        except OSError as error:
            QMessageBox.warning(self, "Not saved", f"Could not save the PDF: {error}")

    @Slot()
    def _on_print(self) -> None:
        printer = printer_for(self.document)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        print_pdf(self.document, printer)


def _dated(stem: str) -> str:
    """expiration → expiration-2026-12-07.pdf; a name that carries a date already keeps it."""
    if re.search(r"\d{4}-\d{2}-\d{2}", stem):
        return f"{stem}.pdf"
    return dated_name(stem, ".pdf", date.today())
