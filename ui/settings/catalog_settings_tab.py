"""Catalog settings tab: the products the agency stocks; add and edit them through the product
dialog, deactivate what is no longer stocked (never deleted: lots and history refer to it)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.common.wording import noun
from models.services import Services
from models.stock.rows import ProductRow
from ui.widgets.error_label import error_label
from ui.widgets.row_table_model import RowColumn, RowTableModel


def _storage(p: ProductRow) -> str:
    low, high = p.storage_min_c, p.storage_max_c
    if low is None and high is None:
        return ""
    if low is None:
        return f"below {high:g} °C"
    if high is None:
        return f"above {low:g} °C"
    return f"{low:g}–{high:g} °C"


def _package(p: ProductRow) -> str:
    """'carton of 2 devices', 'box of 50 pairs', 'single kit'."""
    if p.units_per_package == 1:
        return f"single {p.unit_of_issue}"
    unit = p.unit_of_issue
    if unit != "each" and not unit.endswith("s"):
        unit += "s"
    return f"{p.package_name} of {p.units_per_package} {unit}"


COLUMNS: list[RowColumn[ProductRow]] = [
    RowColumn("Product", lambda p: p.name),
    RowColumn("Kind", lambda p: p.kind.replace("_", " ")),
    RowColumn("NDC", lambda p: p.ndc),
    RowColumn("Package", lambda p: f"{p.package_name} of {p.units_per_package} {p.unit_of_issue}"),
    RowColumn("Barcodes", lambda p: len(p.barcodes), True, "Codes that scanning recognises"),
    RowColumn("Storage", _storage),
    RowColumn(
        "Tracking",
        lambda p: ("lot" if p.lot_tracked else "no lot") + (" + expiry" if p.expires else ""),
    ),
    RowColumn("Status", lambda p: "active" if p.active else "inactive"),
]


class CatalogSettingsTab(QWidget):
    data_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.model = RowTableModel(COLUMNS, self, is_active=lambda p: p.active)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.show_inactive = QCheckBox("Show inactive products")
        self.add_button = QPushButton("Add product…")
        self.edit_button = QPushButton("Edit…")
        self.active_button = QPushButton("Deactivate")
        self.defaults_button = QPushButton("Add missing default products")
        self.defaults_button.setToolTip("The shipped catalog: naloxone products, strips, kit parts")
        self.error_label = error_label()
        self.info_label = QLabel()
        self.info_label.setStyleSheet("color: #2e6b30;")
        self.last_dialog: QDialog | None = None
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.edit_button, self.active_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.show_inactive)
        buttons.addWidget(self.defaults_button)
        root = QVBoxLayout(self)
        root.addLayout(buttons)
        root.addWidget(self.table, 1)
        root.addWidget(self.error_label)
        root.addWidget(self.info_label)
        self.show_inactive.toggled.connect(self.refresh)
        self.add_button.clicked.connect(lambda: self._open_dialog(None))
        self.edit_button.clicked.connect(lambda: self._open_dialog(self._selected()))
        self.table.doubleClicked.connect(lambda _i: self._open_dialog(self._selected()))
        self.active_button.clicked.connect(self._on_toggle_active)
        self.defaults_button.clicked.connect(self._on_load_defaults)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

    def refresh(self) -> None:
        keep = self._selected()
        products = self._services.catalog.list_products(
            active_only=not self.show_inactive.isChecked()
        )
        self.model.set_rows(products)
        self.table.resizeColumnsToContents()
        if keep is not None:
            self.select_product(keep.id)

    def select_product(self, product_id: int) -> None:
        row = self.model.row_of(lambda p: p.id == product_id)
        if row >= 0:
            self.table.selectRow(row)

    def _selected(self) -> ProductRow | None:
        index: QModelIndex = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().selectedRows():
            return None
        return self.model.row_at(index.row())

    @Slot()
    def _update_buttons(self) -> None:
        product = self._selected()
        self.edit_button.setEnabled(product is not None)
        self.active_button.setEnabled(product is not None)
        self.active_button.setText("Reactivate" if product and not product.active else "Deactivate")

    def _open_dialog(self, product: ProductRow | None) -> None:
        self.error_label.clear()
        self.info_label.clear()
        from ui.widgets.product_dialog import ProductDialog

        dialog = ProductDialog(self._services, self, product_id=product.id if product else None)
        dialog.accepted.connect(lambda: self._on_saved(getattr(dialog, "result_product", None)))
        self.last_dialog = dialog
        dialog.open()

    def _on_saved(self, product: ProductRow | None) -> None:
        self.refresh()
        if product is not None:
            self.select_product(product.id)
        self.data_changed.emit()

    @Slot()
    def _on_toggle_active(self) -> None:
        product = self._selected()
        if product is None:
            return
        try:
            self._services.catalog.set_product_active(product.id, not product.active)
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.error_label.clear()
        if product.active and not self.show_inactive.isChecked():
            self.show_inactive.setChecked(True)  # keep the product in sight so it can be undone
        self.refresh()
        self.select_product(product.id)
        self.data_changed.emit()

    @Slot()
    def _on_load_defaults(self) -> None:
        before = len(self._services.catalog.list_products())
        try:
            self._services.catalog.load_defaults()
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        added = len(self._services.catalog.list_products()) - before
        self.error_label.clear()
        self.info_label.setText(
            f"{added} default {noun(added, 'product')} added."
            if added
            else "Every default product is already here."
        )
        self.refresh()
        if added:
            self.data_changed.emit()
