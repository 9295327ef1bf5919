"""Location → product → lot chooser shared by the transfer, count and quarantine dialogs.

Knows rows from the services, not the database. In "held" mode it offers only what lies at
exactly that location (first expiry first); otherwise every lot of every active product, so a
count can record stock found where none was booked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel

from models.common.errors import DomainError
from models.services import Services
from models.stock.scan_lookup import ScanMatch


@dataclass(frozen=True)
class LotChoice:
    lot_id: int
    lot_number: str
    expiry: date | None
    quantity: int  # at the chosen location

    def label(self, today: date, fefo: bool) -> str:
        if self.expiry is None:
            when = "no expiry"
        elif self.expiry < today:
            when = f"EXPIRED {self.expiry.isoformat()}"
        else:
            when = f"exp {self.expiry.isoformat()} ({(self.expiry - today).days} days)"
        tag = " · first to expire (FEFO)" if fefo else ""
        return f"{self.lot_number} · {when} · {self.quantity} here{tag}"


class LotPicker(QObject):
    """Owns the three combo boxes; the dialog places them in its own form (`add_rows`)."""

    changed = Signal()

    def __init__(
        self,
        services: Services,
        parent: QObject | None = None,
        *,
        held_only: bool = True,
        mark_fefo: bool = False,
        location_label: str = "Location",
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._held_only = held_only
        self._mark_fefo = mark_fefo
        self._location_label = location_label
        self._choices: list[LotChoice] = []
        self.fefo_lot_id: int | None = None
        self.location = QComboBox()
        self.product = QComboBox()
        self.lot = QComboBox()
        self.on_hand_label = QLabel()
        for place in services.catalog.list_locations(include_inactive=False):
            self.location.addItem(place.path, place.id)
        self.location.currentIndexChanged.connect(self._on_location_changed)
        self.product.currentIndexChanged.connect(self._on_product_changed)
        self.lot.currentIndexChanged.connect(self._on_lot_changed)
        self._on_location_changed()

    def add_rows(self, form: QFormLayout) -> None:
        """Place location, product, lot and on-hand rows in the dialog's form, aligned."""
        form.addRow(self._location_label, self.location)
        form.addRow("Product", self.product)
        form.addRow("Lot", self.lot)
        form.addRow("On hand there", self.on_hand_label)

    # --- what is chosen -----------------------------------------------------------------

    def location_id(self) -> int | None:
        return self.location.currentData()

    def product_id(self) -> int | None:
        return self.product.currentData()

    def lot_id(self) -> int | None:
        return self.lot.currentData()

    def lot_choice(self) -> LotChoice | None:
        index = self.lot.currentIndex()
        return self._choices[index] if 0 <= index < len(self._choices) else None

    def choice_of(self, lot_id: int | None) -> LotChoice | None:
        return next((c for c in self._choices if c.lot_id == lot_id), None)

    def on_hand(self) -> int:
        choice = self.lot_choice()
        return choice.quantity if choice else 0

    def select(
        self,
        location_id: int | None = None,
        product_id: int | None = None,
        lot_id: int | None = None,
    ) -> None:
        """Pre-select what the caller pointed at; a lot alone brings its product along."""
        if lot_id is not None and product_id is None:
            try:
                product_id = self._services.stock.get_lot(lot_id).product_id
            except DomainError:
                lot_id = None
        _choose(self.location, location_id)
        _choose(self.product, product_id)
        _choose(self.lot, lot_id)

    def apply_scan(self, found: ScanMatch) -> str | None:
        """Select the scanned product (and lot); the reason it could not, for the scan field."""
        place = self.location.currentText()
        if found.product is None:
            return found.describe()
        if self.product.findData(found.product.id) < 0:
            return f"{place} holds no {found.product.name}."
        _choose(self.product, found.product.id)
        wanted = found.lot.lot_number if found.lot else found.scan.lot
        if wanted is None:
            return None
        index = next((i for i, c in enumerate(self._choices) if c.lot_number == wanted), -1)
        if index < 0:
            return f"Lot {wanted} of {found.product.name} is not at {place}."
        self.lot.setCurrentIndex(index)
        return None

    # --- filling the lists ----------------------------------------------------------------

    @Slot()
    def _on_location_changed(self) -> None:
        keep = self.product.currentData()
        self.product.blockSignals(True)
        self.product.clear()
        for product_id, name in self._products():
            self.product.addItem(name, product_id)
        _choose(self.product, keep)
        self.product.blockSignals(False)
        self._on_product_changed()

    def _products(self) -> list[tuple[int, str]]:
        if not self._held_only:
            return [(p.id, p.name) for p in self._services.catalog.list_products(True)]
        seen: dict[int, str] = {}
        for row in self._rows_here():
            seen.setdefault(row.product_id, row.product_name)
        return sorted(seen.items(), key=lambda item: item[1].lower())

    def _rows_here(self, product_id: int | None = None) -> list:
        location_id = self.location_id()
        if location_id is None:
            return []
        rows = self._services.stock.list_on_hand(location_id=location_id, product_id=product_id)
        return [r for r in rows if r.location_id == location_id]

    @Slot()
    def _on_product_changed(self) -> None:
        product_id = self.product_id()
        held = {r.lot_id: r for r in self._rows_here(product_id)} if product_id else {}
        if self._held_only:
            self._choices = [
                LotChoice(r.lot_id, r.lot_number, r.expiry, r.quantity) for r in held.values()
            ]
        elif product_id is not None:
            self._choices = [
                LotChoice(
                    lot.id,
                    lot.lot_number,
                    lot.expiry,
                    held[lot.id].quantity if lot.id in held else 0,
                )
                for lot in self._services.stock.list_lots(product_id)
            ]
        else:
            self._choices = []
        self.fefo_lot_id = self._fefo(product_id) if self._mark_fefo else None
        today = self._services.clock.today()
        self.lot.blockSignals(True)
        self.lot.clear()
        for choice in self._choices:
            self.lot.addItem(choice.label(today, choice.lot_id == self.fefo_lot_id), choice.lot_id)
        held_here = next((c.lot_id for c in self._choices if c.quantity > 0), None)
        _choose(self.lot, self.fefo_lot_id or held_here)
        self.lot.blockSignals(False)
        self._on_lot_changed()

    def _fefo(self, product_id: int | None) -> int | None:
        location_id = self.location_id()
        if product_id is None or location_id is None or not any(c.quantity for c in self._choices):
            return None
        try:
            picks = self._services.stock.fefo_pick(product_id, location_id, 1)
        except DomainError:  # nothing usable here (only expired stock)
            return None
        return picks[0].lot_id if picks else None

    @Slot()
    def _on_lot_changed(self) -> None:
        choice = self.lot_choice()
        if choice is None:
            self.on_hand_label.setText("nothing here" if self._held_only else "—")
        else:
            self.on_hand_label.setText(f"{choice.quantity} of lot {choice.lot_number}")
        self.changed.emit()


def _choose(combo: QComboBox, data: object) -> None:
    if data is not None and (index := combo.findData(data)) >= 0:
        combo.setCurrentIndex(index)
