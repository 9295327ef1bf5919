"""Quarantine (set aside, never issued) or dispose of stock, with a reason and a note.

Expired naloxone is usually quarantined for training use or donation; disposal takes it off
the books for good, including a donation of still-usable stock to a harm-reduction partner.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from models.common.errors import ValidationError
from models.services import Services
from models.stock.rows import OperationRow
from models.stock.service import DisposeReason
from ui.inventory.lot_dialog import LotDialog
from ui.widgets.input_limits import limit_free_text, limit_quantity

REASON_LABELS = {
    DisposeReason.EXPIRED: "Expired",
    DisposeReason.DAMAGED: "Damaged",
    DisposeReason.RECALLED: "Recalled",
    DisposeReason.DONATED: "Donated (name the recipient in the note)",
    DisposeReason.OTHER: "Other (describe in the note)",
}


class QuarantineDialog(LotDialog):
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
        super().__init__(services, parent, held_only=True)
        self.quarantine_mode = QRadioButton("Quarantine: set aside, never issued")
        self.dispose_mode = QRadioButton("Dispose: remove from stock for good")
        self._modes = QButtonGroup(self)
        self._modes.addButton(self.quarantine_mode)
        self._modes.addButton(self.dispose_mode)
        (self.dispose_mode if dispose else self.quarantine_mode).setChecked(True)
        self.quantity = QSpinBox()
        limit_quantity(self.quantity)
        self.reason = QComboBox()
        self.reason.addItem("Choose a reason…", None)  # only expired stock gets one by default
        for choice, label in REASON_LABELS.items():
            self.reason.addItem(label, choice.value)
        self.note = limit_free_text(QLineEdit())
        self.note.setPlaceholderText("e.g. recall notice number, kept for training, crushed box")
        modes = QHBoxLayout()
        modes.addWidget(self.quarantine_mode)
        modes.addWidget(self.dispose_mode)
        modes.addStretch(1)
        rows = [("Quantity", self.quantity), ("Reason", self.reason), ("Note", self.note)]
        self._build(rows, (600, 400), top=modes)
        self.picker.select(location_id, None, lot_id)
        self.picker.changed.connect(self._on_pick_changed)
        self._modes.buttonToggled.connect(self._on_mode_changed)
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

    def _amount(self) -> QSpinBox:
        return self.quantity

    def _record(self) -> OperationRow | None:
        stock = self._services.stock
        lot_id, location_id = self.picker.lot_id(), self.picker.location_id()
        if lot_id is None or location_id is None:
            raise ValidationError("Choose the location and the lot to set aside.")
        reason, note = self.reason.currentData(), self.note.text().strip()
        if reason is None:
            raise ValidationError("Choose a reason: expired, damaged, recalled, donated or other.")
        if reason == DisposeReason.OTHER.value and not note:
            raise ValidationError("Describe the reason in the note when choosing 'other'.")
        if reason == DisposeReason.DONATED.value and not self.is_dispose():
            raise ValidationError("A donation leaves stock for good: choose Dispose.")
        quantity = self.quantity.value()
        if self.is_dispose():
            return stock.dispose(lot_id, location_id, quantity, reason, note or None)
        text = reason + (f": {note}" if note else "")
        return stock.quarantine(lot_id, location_id, quantity, text)
