"""Movement history of one location or one lot: who moved what, when, from where to where, why.

Read-only; a lot can be chosen by scanning it. Reversed movements are greyed out.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.services import Services
from models.stock.rows import MoveRow
from models.stock.scan_lookup import match_scan
from models.stock.scanning import ScanResult
from ui.inventory.movement_columns import MOVE_COLUMNS
from ui.widgets.row_table_model import RowTableModel
from ui.widgets.scan_field import ScanField
from ui.widgets.screen_fit import fit_to_screen


class HistoryDialog(QDialog):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        lot_id: int | None = None,
        location_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Movement history")
        self._services = services
        self.by_location = QRadioButton("Location")
        self.by_lot = QRadioButton("Lot")
        self._mode = QButtonGroup(self)
        self._mode.addButton(self.by_location)
        self._mode.addButton(self.by_lot)
        self.location = QComboBox()
        self.location.setAccessibleName("Location whose history is shown")
        for place in services.catalog.list_locations(include_inactive=True):
            suffix = "" if place.active else " (inactive)"
            self.location.addItem(place.path + suffix, place.id)
        self.product = QComboBox()
        self.product.setAccessibleName("Product of the lot whose history is shown")
        for product in services.catalog.list_products():
            self.product.addItem(product.name, product.id)
        self.lot = QComboBox()
        self.lot.setAccessibleName("Lot whose history is shown")
        self.scan = ScanField(services, placeholder="Scan a package or kit label to see its lot")
        self.model: RowTableModel[MoveRow] = RowTableModel(
            MOVE_COLUMNS, self, is_active=lambda m: m.reversed_by_id is None
        )
        self.table = QTableView()
        self.table.setAccessibleName("Movement history")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._layout()
        self._select_start(lot_id, location_id)
        self.product.currentIndexChanged.connect(lambda _index: self._reload_lots())
        for signal in (
            self._mode.buttonToggled,
            self.location.currentIndexChanged,
            self.lot.currentIndexChanged,
        ):
            signal.connect(self.refresh)
        self.scan.scanned.connect(self._on_scanned)
        self.buttons.rejected.connect(self.reject)
        self.refresh()

    def _layout(self) -> None:
        grid = QGridLayout()
        grid.addWidget(QLabel("Show the history of"), 0, 0)
        grid.addWidget(self.by_location, 1, 0)
        grid.addWidget(self.location, 1, 1, 1, 2)
        grid.addWidget(self.by_lot, 2, 0)
        grid.addWidget(self.product, 2, 1)
        grid.addWidget(self.lot, 2, 2)
        grid.addWidget(self.scan, 3, 1, 1, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)
        root = QVBoxLayout(self)
        root.addLayout(grid)
        root.addWidget(self.table, 1)
        root.addWidget(self.summary)
        root.addWidget(self.buttons)
        fit_to_screen(self, 1000, 560)

    def _select_start(self, lot_id: int | None, location_id: int | None) -> None:
        lot = None
        if lot_id is not None:
            try:
                lot = self._services.stock.get_lot(lot_id)
            except DomainError:
                lot = None
        if lot is not None:
            self.product.setCurrentIndex(max(0, self.product.findData(lot.product_id)))
        self._reload_lots(select_id=lot.id if lot else None)
        if location_id is not None:
            self.location.setCurrentIndex(max(0, self.location.findData(location_id)))
        (self.by_lot if lot is not None and location_id is None else self.by_location).setChecked(
            True
        )

    def _reload_lots(self, select_id: int | None = None) -> None:
        self.lot.blockSignals(True)
        self.lot.clear()
        product_id = self.product.currentData()
        for lot in self._services.stock.list_lots(product_id) if product_id else []:
            expiry = lot.expiry.isoformat() if lot.expiry else "no expiry"
            self.lot.addItem(f"{lot.lot_number} · {expiry}", lot.id)
        if select_id is not None and (index := self.lot.findData(select_id)) >= 0:
            self.lot.setCurrentIndex(index)
        self.lot.blockSignals(False)
        if self.by_lot.isChecked():
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Load the history of the chosen location or lot, newest first."""
        if self.by_lot.isChecked():
            lot_id = self.lot.currentData()
            rows = self._services.stock.list_moves(lot_id=lot_id) if lot_id else []
            subject = f"lot {self.lot.currentText().split(' · ')[0]}" if lot_id else "no lot"
        else:
            location_id = self.location.currentData()
            rows = self._services.stock.list_moves(location_id=location_id) if location_id else []
            subject = self.location.currentText()
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        reversed_count = sum(1 for r in rows if r.reversed_by_id is not None)
        self.summary.setText(
            f"{len(rows)} movement lines for {subject}"
            + (f"; {reversed_count} reversed (greyed)." if reversed_count else ".")
        )

    @Slot(object)
    def _on_scanned(self, scan: ScanResult) -> None:
        found = match_scan(self._services.catalog, self._services.stock, scan)
        if found.product is None or found.lot is None:
            problem = found.describe() if found.product is None else "That lot is not on record."
            if found.product is not None and not scan.lot:
                problem = f"{found.product.name}: the barcode carries no lot; choose it below."
            self.scan.show_message(problem, error=True)
            if found.product is not None:
                self.product.setCurrentIndex(self.product.findData(found.product.id))
            return
        self.scan.show_message(found.describe())
        self.product.setCurrentIndex(self.product.findData(found.product.id))
        self._reload_lots(select_id=found.lot.id)
        self.by_lot.setChecked(True)
        self.refresh()
