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
from models.kits.rows import KitStockRow
from models.services import Services
from models.stock.rows import OperationRow
from ui.kits.disassemble_dialog import kit_stock_text
from ui.widgets.error_label import error_label
from ui.widgets.screen_fit import fit_to_screen


class KitTransferDialog(QDialog):
    def __init__(
        self, services: Services, parent: QWidget | None = None, selected: KitStockRow | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Transfer kits")
        self._services = services
        self.result: OperationRow | None = None
        self._rows = [r for r in services.kits.list_kit_stock() if not r.quarantined]
        self.kits = QComboBox()
        for row in self._rows:
            self.kits.addItem(kit_stock_text(row))
        self.target = QComboBox()
        places = services.catalog.list_locations(include_inactive=False)
        for place in places:
            if place.kind != "quarantine":
                self.target.addItem(f"{place.path} ({place.kind})", place.id)
        vehicle = next((i for i, p in enumerate(places) if p.kind in ("vehicle", "bag")), None)
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
        if vehicle is not None:
            self.target.setCurrentIndex(self.target.findData(places[vehicle].id))
        self._on_kits_changed()
        fit_to_screen(self, 620, 200)

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

    @Slot()
    def _on_accept(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            self.result = self._services.stock.transfer(
                row.lot_id,
                row.location_id,
                self.target.currentData(),
                self.count.value(),
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.accept()
