"""Count dialog: enter what is physically there; the ledger records the difference and why."""

from __future__ import annotations

import re

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError, ValidationError
from models.rows import OperationRow
from models.scan_lookup import match_scan
from models.scanning import ScanResult
from models.services import Services
from ui.lot_picker import LotPicker
from ui.scan_field import ERROR_STYLE, ScanField

REASONS = ("Monthly count", "Vehicle check", "Found damaged", "Found stock", "Audit correction")
_WHOLE = re.compile(r"-?[0-9]{1,9}")


class CountDialog(QDialog):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        lot_id: int | None = None,
        location_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Count stock")
        self._services = services
        self.result_operation: OperationRow | None = None
        self.recorded = False  # True after a count was saved, even one with no difference
        self.scan = ScanField(services)
        self.picker = LotPicker(services, self, held_only=False)
        self.counted = QLineEdit()
        self.counted.setPlaceholderText("what you counted, e.g. 12")
        self.difference = QLabel()
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(["", *REASONS])
        self.reason.lineEdit().setPlaceholderText("required, e.g. monthly count")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record count")
        self._layout()
        self.picker.select(location_id, None, lot_id)
        self.picker.changed.connect(self._update_difference)
        self.counted.textChanged.connect(self._update_difference)
        self.scan.scanned.connect(self._on_scanned)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        self._update_difference()
        self.scan.setFocus()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("Scan", self.scan)
        self.picker.add_rows(form)
        form.addRow("Counted", self.counted)
        form.addRow("Difference", self.difference)
        form.addRow("Reason", self.reason)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addStretch(1)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        self.resize(560, 360)

    @Slot()
    def _update_difference(self) -> None:
        self.error_label.clear()
        text = self.counted.text().strip()
        if not _WHOLE.fullmatch(text):
            self.difference.setText("enter the counted quantity")
            return
        difference = int(text) - self.picker.on_hand()
        if difference == 0:
            self.difference.setText("none: the books agree with the count")
        elif difference > 0:
            self.difference.setText(f"+{difference}: the ledger will add {difference}")
        else:
            self.difference.setText(f"{difference}: the ledger will take off {-difference}")

    @Slot(object)
    def _on_scanned(self, scan: ScanResult) -> None:
        found = match_scan(self._services.catalog, self._services.stock, scan)
        problem = self.picker.apply_scan(found)
        if problem:
            self.scan.show_message(problem, error=True)
            return
        self.scan.show_message(found.describe(), error=found.expiry_conflict)
        self.counted.setFocus()
        self.counted.selectAll()

    @Slot()
    def _on_accept(self) -> None:
        try:
            lot_id, location_id = self.picker.lot_id(), self.picker.location_id()
            if lot_id is None or location_id is None:
                raise ValidationError("Choose the location and the lot you counted.")
            text = self.counted.text().strip()
            if not _WHOLE.fullmatch(text):
                raise ValidationError("The counted quantity must be a whole number, 0 or more.")
            self.result_operation = self._services.stock.count(
                lot_id, location_id, int(text), self.reason.currentText(), self._services.user
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))  # nothing was written
            return
        self.recorded = True
        self.accept()
