"""Count dialog: enter what is physically there; the ledger records the difference and why."""

from __future__ import annotations

import re

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit, QWidget

from models.common.errors import ValidationError
from models.common.limits import MAX_BALANCE
from models.services import Services
from models.stock.rows import OperationRow
from ui.inventory.lot_dialog import LotDialog
from ui.widgets.editable_combo import editor_of
from ui.widgets.input_limits import limit_count
from ui.widgets.place_defaults import default_place, remember_place

REASONS = ("Monthly count", "Vehicle check", "Found damaged", "Found stock", "Audit correction")
_WHOLE = re.compile(r"-?[0-9]{1,9}")


class CountDialog(LotDialog):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        lot_id: int | None = None,
        location_id: int | None = None,
    ) -> None:
        super().__init__(services, parent, held_only=False)
        self.setWindowTitle("Count stock")
        self.recorded = False  # True after a count was saved, even one with no difference
        self.counted = limit_count(QLineEdit(), MAX_BALANCE)
        self.counted.setPlaceholderText("what you counted, e.g. 12")
        self.difference = QLabel()
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(["", *REASONS])
        editor_of(self.reason).setPlaceholderText("required, e.g. monthly count")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record count")
        self._build(
            [("Counted", self.counted), ("Difference", self.difference), ("Reason", self.reason)],
            (560, 360),
        )
        if location_id is None and lot_id is None:  # the supply room, or where you counted last
            places = services.catalog.list_locations(include_inactive=False)
            location_id = default_place("count", places)
        self.picker.select(location_id, None, lot_id)
        self.picker.changed.connect(self._update_difference)
        self.counted.textChanged.connect(self._update_difference)
        self._update_difference()
        self.scan.setFocus()

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

    def _amount(self) -> QLineEdit:
        return self.counted

    def _record(self) -> OperationRow | None:
        lot_id, location_id = self.picker.lot_id(), self.picker.location_id()
        if lot_id is None or location_id is None:
            raise ValidationError("Choose the location and the lot you counted.")
        text = self.counted.text().strip()
        if not _WHOLE.fullmatch(text):
            raise ValidationError("The counted quantity must be a whole number, 0 or more.")
        operation = self._services.stock.count(
            lot_id, location_id, int(text), self.reason.currentText()
        )
        self.recorded = True
        remember_place("count", location_id)
        return operation
