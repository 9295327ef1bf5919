"""Resource cards dialog: print a run of wallet cards and book it as a lot of the resource
card product, 'information valid until' the chosen date.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.kits.resource_card_pdf import PER_SHEET
from models.services import Services
from ui.widgets.error_label import error_label
from ui.widgets.optional_date_edit import day_of
from ui.widgets.pdf_preview_dialog import PdfPreviewDialog
from ui.widgets.scratch import scratch_folder
from ui.widgets.screen_fit import fit_to_screen


class ResourceCardsDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Print resource cards")
        self._services = services
        self.version: str | None = None
        self.pdf_path: Path | None = None
        self.sheets = QSpinBox()
        self.sheets.setRange(1, 500)
        per_sheet = services.kits.cards_per_sheet()
        self.sheets.setSuffix(f" sheet(s) × {per_sheet} cards")
        valid = services.kits.default_card_valid_until()
        self.valid_until = QDateEdit(QDate(valid.year, valid.month, valid.day))
        self.valid_until.setCalendarPopup(True)
        self.valid_until.setDisplayFormat("yyyy-MM-dd")
        self.location = QComboBox()
        for place in services.catalog.list_locations(include_inactive=False):
            if place.kind not in ("quarantine", "vehicle", "bag"):
                self.location.addItem(place.path, place.id)
        too_long = (
            "The card text does not fit one card at the smallest readable size (7 pt), so each "
            "card continues on a second one (marked 1/2, 2/2). Shorten it in Settings → Kits "
            "to print ten cards a sheet.\n\n"
            if per_sheet < PER_SHEET
            else ""
        )
        hint = QLabel(
            too_long
            + "English fronts and Spanish backs: print double-sided, flipping on the long edge. "
            "The run is booked as a new lot of 'Local resource card'; kits holding a card past "
            "its date are flagged for re-kitting. Edit the content in Settings → Kits."
        )
        hint.setWordWrap(True)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Print and book")
        form = QFormLayout()
        form.addRow("How many", self.sheets)
        form.addRow("Information valid until", self.valid_until)
        form.addRow("Book into", self.location)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(hint)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        fit_to_screen(self, 520, 260)

    def book(self, path: Path) -> bool:
        try:
            self.pdf_path, self.version = self._services.kits.print_resource_cards(
                path,
                self.location.currentData(),
                self.sheets.value(),
                day_of(self.valid_until),
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return False
        return True

    @Slot()
    def _on_accept(self) -> None:
        folder = scratch_folder("cards")
        if self.book(folder / "resource-cards.pdf") and self.pdf_path is not None:
            PdfPreviewDialog(self.pdf_path, self, f"Resource cards {self.version}").exec()
            self.accept()
