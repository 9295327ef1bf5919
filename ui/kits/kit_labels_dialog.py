"""Kit labels dialog: how many labels of which kit batches, and how many used positions of
a partly used first sheet to skip; opens the sheet in the PDF preview to print.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.kits.labels_pdf import PER_SHEET
from models.services import Services
from ui.widgets.error_label import ERROR_STYLE
from ui.widgets.pdf_preview_dialog import PdfPreviewDialog
from ui.widgets.scratch import scratch_folder
from ui.widgets.screen_fit import fit_to_screen


class KitLabelsDialog(QDialog):
    def __init__(
        self, services: Services, parent: QWidget | None = None, selected_lot: int | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Print kit labels")
        self._services = services
        totals: dict[int, list] = {}
        for row in services.kits.list_kit_stock():
            entry = totals.setdefault(row.lot_id, [row.lot_number, row.recipe_name, row.expiry, 0])
            entry[3] += row.quantity
        self._lots = list(totals.items())
        self.table = QTableWidget(len(self._lots), 5)
        self.table.setHorizontalHeaderLabels(["Kit batch", "Recipe", "Expiry", "On hand", "Labels"])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for r, (lot_id, (number, recipe, expiry, held)) in enumerate(self._lots):
            values = (number, recipe, expiry.isoformat() if expiry else "—", str(held))
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
            copies = QSpinBox()
            copies.setRange(0, 10_000)
            copies.setValue(held if lot_id == selected_lot or selected_lot is None else 0)
            self.table.setCellWidget(r, 4, copies)
        self.skip = QSpinBox()
        self.skip.setRange(0, PER_SHEET - 1)
        self.skip.setToolTip("Labels already used on the first sheet (counted left to right)")
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = QPushButton("Preview and print…")
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        form = QFormLayout()
        form.addRow("Skip used labels on the first sheet", self.skip)
        root = QVBoxLayout(self)
        root.addWidget(QLabel(f"4 × 2 inch labels, {PER_SHEET} per letter sheet."))
        root.addWidget(self.table, 1)
        root.addLayout(form)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        self.preview_button.clicked.connect(self._on_preview)
        self.buttons.rejected.connect(self.reject)
        fit_to_screen(self, 640, 420)

    def copies(self, row: int) -> QSpinBox:
        return self.table.cellWidget(row, 4)  # type: ignore[return-value]

    def write_pdf(self, path: Path) -> Path | None:
        wanted = [
            (lot_id, self.copies(r).value())
            for r, (lot_id, _v) in enumerate(self._lots)
            if self.copies(r).value()
        ]
        try:
            return self._services.kits.write_labels(path, wanted, self.skip.value())
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return None

    @Slot()
    def _on_preview(self) -> None:
        self.error_label.clear()
        path = self.write_pdf(scratch_folder("labels") / "kit-labels.pdf")
        if path is not None:
            PdfPreviewDialog(path, self, "Kit labels").exec()
