"""Quarantine (set aside, never issued) or dispose of stock, with a reason and a note.

Expired naloxone is usually quarantined for training use or donation; disposal takes it off
the books for good, including a donation of still-usable stock to a harm-reduction partner.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError, ValidationError
from models.rows import OperationRow
from models.scan_lookup import match_scan
from models.scanning import ScanResult
from models.services import Services
from models.stock_service import DisposeReason
from ui.lot_picker import LotPicker
from ui.scan_field import ERROR_STYLE, ScanField

REASON_LABELS = {
    DisposeReason.EXPIRED: "Expired",
    DisposeReason.DAMAGED: "Damaged",
    DisposeReason.RECALLED: "Recalled",
    DisposeReason.DONATED: "Donated (name the recipient in the note)",
    DisposeReason.OTHER: "Other (describe in the note)",
}


class QuarantineDialog(QDialog):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        lot_id: int | None = None,
        location_id: int | None = None,
        dispose: bool = False,
        reason: DisposeReason | None = None,
        quantity: int | None = None,
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.result_operation: OperationRow | None = None
        self.quarantine_mode = QRadioButton("Quarantine: set aside, never issued")
        self.dispose_mode = QRadioButton("Dispose: remove from stock for good")
        self._modes = QButtonGroup(self)
        self._modes.addButton(self.quarantine_mode)
        self._modes.addButton(self.dispose_mode)
        (self.dispose_mode if dispose else self.quarantine_mode).setChecked(True)
        self.scan = ScanField(services)
        self.picker = LotPicker(services, self, held_only=True)
        self.quantity = QSpinBox()
        self.quantity.setRange(0, 1_000_000)
        self.reason = QComboBox()
        self.reason.addItem("Choose a reason…", None)  # only expired stock gets one by default
        for choice, label in REASON_LABELS.items():
            self.reason.addItem(label, choice.value)
        self.note = QLineEdit()
        self.note.setPlaceholderText("e.g. recall notice number, kept for training, crushed box")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._layout()
        self.picker.select(location_id, None, lot_id)
        self.picker.changed.connect(self._on_pick_changed)
        self._modes.buttonToggled.connect(self._on_mode_changed)
        self.scan.scanned.connect(self._on_scanned)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        self._on_pick_changed()
        self._on_mode_changed()
        self._preset(reason, quantity, note)
        self.scan.setFocus()

    def _preset(self, reason: DisposeReason | None, quantity: int | None, note: str) -> None:
        """An alert knows why and how much (e.g. donate 3 to a partner): fill them in."""
        if reason is not None:
            self.reason.setCurrentIndex(self.reason.findData(reason.value))
        if quantity is not None and quantity > 0:
            self.quantity.setValue(min(quantity, self.picker.on_hand()) or quantity)
        if note:
            self.note.setText(note)

    def _layout(self) -> None:
        modes = QHBoxLayout()
        modes.addWidget(self.quarantine_mode)
        modes.addWidget(self.dispose_mode)
        modes.addStretch(1)
        form = QFormLayout()
        form.addRow("Scan", self.scan)
        self.picker.add_rows(form)
        form.addRow("Quantity", self.quantity)
        form.addRow("Reason", self.reason)
        form.addRow("Note", self.note)
        root = QVBoxLayout(self)
        root.addLayout(modes)
        root.addLayout(form)
        root.addStretch(1)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        self.resize(600, 400)

    def is_dispose(self) -> bool:
        return self.dispose_mode.isChecked()

    @Slot()
    def _on_mode_changed(self) -> None:
        verb = "Dispose" if self.is_dispose() else "Quarantine"
        self.setWindowTitle(f"{verb} stock")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(verb)
        self.error_label.clear()

    @Slot()
    def _on_pick_changed(self) -> None:
        self.error_label.clear()
        choice = self.picker.lot_choice()
        self.quantity.setValue(choice.quantity if choice else 0)
        today = self._services.clock.today()
        expired = choice is not None and choice.expiry is not None and choice.expiry < today
        if expired:
            self.reason.setCurrentIndex(self.reason.findData(DisposeReason.EXPIRED.value))
        elif self.reason.currentData() == DisposeReason.EXPIRED.value:
            self.reason.setCurrentIndex(0)  # "expired" was only right for the previous lot

    @Slot(object)
    def _on_scanned(self, scan: ScanResult) -> None:
        found = match_scan(self._services.catalog, self._services.stock, scan)
        problem = self.picker.apply_scan(found)
        if problem:
            self.scan.show_message(problem, error=True)
            return
        self.scan.show_message(found.describe(), error=found.expiry_conflict)
        self.quantity.setFocus()
        self.quantity.selectAll()

    @Slot()
    def _on_accept(self) -> None:
        stock, user = self._services.stock, self._services.user
        try:
            lot_id, location_id = self.picker.lot_id(), self.picker.location_id()
            if lot_id is None or location_id is None:
                raise ValidationError("Choose the location and the lot to set aside.")
            reason, note = self.reason.currentData(), self.note.text().strip()
            if reason is None:
                raise ValidationError(
                    "Choose a reason: expired, damaged, recalled, donated or other."
                )
            if reason == DisposeReason.OTHER.value and not note:
                raise ValidationError("Describe the reason in the note when choosing 'other'.")
            if reason == DisposeReason.DONATED.value and not self.is_dispose():
                raise ValidationError("A donation leaves stock for good: choose Dispose.")
            quantity = self.quantity.value()
            if self.is_dispose():
                self.result_operation = stock.dispose(
                    lot_id, location_id, quantity, reason, user, note or None
                )
            else:
                text = reason + (f": {note}" if note else "")
                self.result_operation = stock.quarantine(lot_id, location_id, quantity, text, user)
        except DomainError as refusal:
            self.error_label.setText(str(refusal))  # nothing was written
            return
        self.accept()
