"""Kit transfer dialog: move kits of one kit batch to a vehicle, an officer's bag or a room."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.kits.rows import KitReadyRow, KitStockRow
from models.services import Services
from models.stock.rows import OperationRow
from ui.inventory.scanned_lot import scanned_kit_lot
from ui.kits.disassemble_dialog import kit_stock_text
from ui.widgets.error_label import error_label
from ui.widgets.scan_catcher import ScanCatcher
from ui.widgets.screen_fit import fit_to_screen


class KitTransferDialog(QDialog):
    def __init__(
        self, services: Services, parent: QWidget | None = None, selected: KitStockRow | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Transfer kits")
        self._services = services
        self.outcome: OperationRow | None = None
        self._rows = [r for r in services.kits.list_kit_stock() if not r.quarantined]
        self.kits = QComboBox()
        for row in self._rows:
            self.kits.addItem(kit_stock_text(row))
        self.target = QComboBox()
        places = services.catalog.list_locations(include_inactive=False)
        for place in places:
            if place.kind != "quarantine":
                self.target.addItem(f"{place.path} ({place.kind})", place.id)
        self._vehicle = next((p.id for p in places if p.kind in ("vehicle", "bag")), None)
        self._ready = services.kits.kits_ready_by_location()
        self._target_chosen = False  # the user picked "To": keep it
        self.count = QSpinBox()
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Transfer")
        form = QFormLayout()
        form.addRow("Kits", self.kits)
        form.addRow("How many", self.count)
        form.addRow("To", self.target)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        self.kits.currentIndexChanged.connect(self._on_kits_changed)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        if selected is not None:
            for i, r in enumerate(self._rows):
                if (r.lot_id, r.location_id) == (selected.lot_id, selected.location_id):
                    self.kits.setCurrentIndex(i)
        self.target.activated.connect(self._on_target_chosen)
        self._on_kits_changed()
        fit_to_screen(self, 620, 200)
        ScanCatcher.install().register(self, self._on_scan)

    def _on_scan(self, text: str) -> None:
        """A kit label selects its kit lot; each further scan of it adds one kit."""
        kit_lot, problem = scanned_kit_lot(self._services, text)
        current = self.current()
        if current is not None and current.lot_number == kit_lot:
            if self.count.value() < current.quantity:
                self.count.setValue(self.count.value() + 1)
                self.error_label.clear()
            else:
                self.error_label.setText(f"Only {current.quantity} kits of this lot are there.")
            return
        index = next((i for i, r in enumerate(self._rows) if r.lot_number == kit_lot), -1)
        if kit_lot is not None and index < 0:
            problem = f"No kits of kit lot {kit_lot} are in stock to transfer."
        if problem:
            self.error_label.setText(problem)
            return
        self.kits.setCurrentIndex(index)
        self.count.setValue(1)
        self.error_label.clear()

    def current(self) -> KitStockRow | None:
        index = self.kits.currentIndex()
        return self._rows[index] if 0 <= index < len(self._rows) else None

    @Slot()
    def _on_kits_changed(self) -> None:
        row = self.current()
        if row is None:
            self.error_label.setText("There are no kits to transfer.")
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self.count.setRange(1, row.quantity)
        if not self._target_chosen:
            self._suggest_target(row)

    def _suggest_target(self, row: KitStockRow) -> None:
        """Default "To": the place most below par for this kit, else the first vehicle."""
        target = most_below_par(self._ready, row.kit_product_id, row.location_id)
        target = target if target is not None else self._vehicle
        index = self.target.findData(target) if target is not None else -1
        if index >= 0:
            self.target.setCurrentIndex(index)
        if target is not None and row.location_id != target:
            gap = next(
                (
                    r.par - r.ready
                    for r in self._ready
                    if (r.location_id, r.kit_product_id) == (target, row.kit_product_id)
                    and r.par is not None
                ),
                0,
            )
            if gap > 0:
                self.count.setValue(min(gap, row.quantity))

    @Slot()
    def _on_target_chosen(self) -> None:
        self._target_chosen = True

    @Slot()
    def _on_accept(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            self.outcome = self._services.stock.transfer(
                row.lot_id,
                row.location_id,
                self.target.currentData(),
                self.count.value(),
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.accept()


def most_below_par(ready: list[KitReadyRow], kit_product_id: int, source_id: int) -> int | None:
    """The place (not the source) whose ready kits of this kind fall furthest short of par."""
    short = [
        (r.par - r.ready, r.location_id)
        for r in ready
        if r.kit_product_id == kit_product_id
        and r.par is not None
        and r.ready < r.par
        and r.location_id != source_id
    ]
    return max(short)[1] if short else None
