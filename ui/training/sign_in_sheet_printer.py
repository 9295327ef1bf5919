"""Writes a roll-call sign-in sheet off the GUI thread and opens it in the PDF preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from models.services import Services
from models.training.sign_in_sheet_pdf import SignInSheet, write_sign_in_sheet
from ui.widgets.background import BackgroundTask, run_in_background
from ui.widgets.pdf_preview_dialog import PdfPreviewDialog
from ui.widgets.scratch import scratch_folder


class SignInSheetPrinter(QObject):
    """Keeps the running task and the last preview alive (and reachable for tests)."""

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._parent = parent
        self._folder = scratch_folder("sign-in")
        self.task: BackgroundTask | None = None
        self.last_preview: PdfPreviewDialog | None = None

    def show(self, sheet: SignInSheet) -> BackgroundTask:
        day = sheet.held_on.isoformat() if sheet.held_on else "blank"
        path = self._folder / f"sign-in-sheet-{day}.pdf"
        agency = self._services.settings.agency_name()
        now = self._services.clock.now()
        self.task = run_in_background(
            self._parent,
            "Preparing the sign-in sheet…",
            lambda _progress: write_sign_in_sheet(path, sheet, agency, now),
            self._preview,
        )
        return self.task

    def _preview(self, path: Path) -> None:
        self.last_preview = PdfPreviewDialog(path, self._parent, "Sign-in sheet")
        self.last_preview.open()
