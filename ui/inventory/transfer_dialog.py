"""Transfer dialog: move one lot between places (e.g. restock Patrol 12 from the supply room).

The first-to-expire usable lot is suggested (FEFO); choosing another one is allowed and said.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from models.common.errors import DomainError, ValidationError
from models.services import Services
from models.stock.rows import OperationRow
from ui.inventory.lot_dialog import LotDialog
from ui.widgets.input_limits import limit_free_text, limit_quantity

WARNING_STYLE = "color: #8a5a00;"


class TransferDialog(LotDialog):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        lot_id: int | None = None,
        from_location_id: int | None = None,
        product_id: int | None = None,
        to_location_id: int | None = None,
        quantity: int | None = None,
    ) -> None:
        super().__init__(services, parent, held_only=True, mark_fefo=True, location_label="From")
        self.setWindowTitle("Transfer stock")
        self.fefo_label = QLabel()
        self.fefo_label.setWordWrap(True)
        self.to_location = QComboBox()
        self._stations: set[int] = set()
        for place in services.catalog.list_locations(include_inactive=False):
            self.to_location.addItem(place.path, place.id)
            if place.kind == "station":
                self._stations.add(place.id)
        self._to_chosen = False  # the user (or the caller) picked "To": keep it
        self.quantity = QSpinBox()
        limit_quantity(self.quantity)
        self.quantity.setValue(1)
        self.note = limit_free_text(QLineEdit())
        self.note.setPlaceholderText("optional, e.g. restock after call 2026-0113")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Transfer")
        rows = [("", self.fefo_label), ("To", self.to_location), ("Quantity", self.quantity)]
        self._build([*rows, ("Note", self.note)], (600, 380))
        if lot_id is not None and from_location_id is None:
            from_location_id = _holder(services, lot_id)
        self.picker.select(from_location_id, product_id, lot_id)
        self._suggest_destination()
        self._preset(to_location_id, quantity)
        self.picker.changed.connect(self._on_pick_changed)
        self.picker.location.currentIndexChanged.connect(self._suggest_destination)
        self.picker.product.currentIndexChanged.connect(self._suggest_destination)
        self.to_location.activated.connect(self._on_to_chosen)
        self._on_pick_changed()
        self.scan.setFocus()

    def _preset(self, to_location_id: int | None, quantity: int | None) -> None:
        """A restock task knows where the stock goes and how much: fill both in. A station
        (an at-risk alert's busier station) means the best place inside it."""
        if to_location_id in self._stations:
            inside = self._services.stock.suggest_destination(
                self.picker.product_id(), self.picker.location_id(), within=to_location_id
            )
            to_location_id = inside or to_location_id
        index = self.to_location.findData(to_location_id) if to_location_id is not None else -1
        if index >= 0 and to_location_id != self.picker.location_id():
            self.to_location.setCurrentIndex(index)
            self._to_chosen = True
        if quantity is not None and quantity > 0:
            choice = self.picker.lot_choice()
            self.quantity.setValue(min(quantity, choice.quantity) if choice else quantity)

    @Slot()
    def _on_to_chosen(self) -> None:
        self._to_chosen = True

    @Slot()
    def _suggest_destination(self) -> None:
        """Default "To": a vehicle below par for the product, else another place that holds
        stock; never the source. A destination the user picked stays unless it is the source."""
        source = self.picker.location_id()
        if self._to_chosen and self.to_location.currentData() != source:
            return
        target = self._services.stock.suggest_destination(self.picker.product_id(), source)
        index = self.to_location.findData(target) if target is not None else -1
        if index >= 0:
            self.to_location.setCurrentIndex(index)
        self._to_chosen = False

    @Slot()
    def _on_pick_changed(self) -> None:
        self.error_label.clear()
        choice = self.picker.lot_choice()
        fefo = self.picker.fefo_lot_id
        if choice is None:
            self.fefo_label.setText("Nothing of this product is stored here.")
            self.fefo_label.setStyleSheet(WARNING_STYLE)
            return
        if fefo is None:
            self.fefo_label.setText("No usable lot here: only expired stock.")
            self.fefo_label.setStyleSheet(WARNING_STYLE)
        elif choice.lot_id == fefo:
            self.fefo_label.setText(f"Lot {choice.lot_number} expires first (FEFO): use it first.")
            self.fefo_label.setStyleSheet("")
        else:
            first = self.picker.choice_of(fefo)
            self.fefo_label.setText(
                f"Lot {choice.lot_number} is not the first to expire: "
                "first-expiry-first-out takes lot "
                f"{first.lot_number if first else '?'} first."
            )
            self.fefo_label.setStyleSheet(WARNING_STYLE)

    def _amount(self) -> QSpinBox:
        return self.quantity

    def _record(self) -> OperationRow | None:
        lot_id, from_id = self.picker.lot_id(), self.picker.location_id()
        to_id = self.to_location.currentData()
        if lot_id is None or from_id is None or to_id is None:
            raise ValidationError("Choose where from, which lot and where to.")
        return self._services.stock.transfer(
            lot_id,
            from_id,
            to_id,
            self.quantity.value(),
            self.note.text().strip() or None,
        )


def _holder(services: Services, lot_id: int) -> int | None:
    """Where a lot is stored (the place with most of it), for a dialog opened on a lot."""
    try:
        product_id = services.stock.get_lot(lot_id).product_id
    except DomainError:
        return None
    rows = [r for r in services.stock.list_on_hand(product_id=product_id) if r.lot_id == lot_id]
    return max(rows, key=lambda r: r.quantity).location_id if rows else None
