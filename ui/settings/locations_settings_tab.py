"""Locations settings tab: the tree of stations, rooms, cabinets, vehicles and bags; add,
rename, deactivate (never delete: history refers to places), and par levels per place."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.services import Services
from models.stock.catalog_service import ALLOWED_PARENTS, ParLevelRow
from models.stock.entities import LocationKind
from models.stock.rows import LocationTotalRow
from models.stock.summary import totals_by_location
from ui.widgets.error_label import error_label
from ui.widgets.location_tree_model import LocationTreeModel
from ui.widgets.row_table_model import RowColumn, RowTableModel

ADDABLE = [
    LocationKind.ROOM,
    LocationKind.CABINET,
    LocationKind.VEHICLE,
    LocationKind.BAG,
]


class LocationsSettingsTab(QWidget):
    data_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._usable: dict[int, int] = {}
        self._par_version: int | None = None
        self.model = LocationTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.show_inactive = QCheckBox("Show inactive places")
        self.name = QLineEdit()
        self.name.setPlaceholderText("Name, e.g. Station 2, Patrol 15, Cabinet B")
        self.add_station_button = QPushButton("Add station")
        self.add_buttons = {kind: QPushButton(f"Add {kind.value}") for kind in ADDABLE}
        self.rename_button = QPushButton("Rename")
        self.active_button = QPushButton("Deactivate")
        self.error_label = error_label()
        self.par_model: RowTableModel[ParLevelRow] = RowTableModel(
            [
                RowColumn("Product", lambda r: r.product_name),
                RowColumn("Par level", lambda r: r.quantity, True),
                RowColumn("Usable here", lambda r: self._usable.get(r.product_id, 0), True),
            ],
            self,
        )
        self.par_table = QTableView()
        self.par_table.setModel(self.par_model)
        self.par_table.verticalHeader().setVisible(False)
        self.par_table.horizontalHeader().setStretchLastSection(True)
        self.par_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.par_product = QComboBox()
        self.par_product.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.par_product.setMinimumContentsLength(10)
        self.par_quantity = QSpinBox()
        self.par_quantity.setRange(0, 100_000)
        self.par_quantity.setToolTip("0 removes the par level")
        self.par_button = QPushButton("Set par level")
        self.par_title = QLabel()
        self._layout()
        self._connect()

    def _layout(self) -> None:
        edit = QGridLayout()
        edit.addWidget(QLabel("Name"), 0, 0)
        edit.addWidget(self.name, 0, 1, 1, 3)
        buttons = [self.add_station_button, *self.add_buttons.values()]
        for number, button in enumerate(buttons):
            edit.addWidget(button, 1 + number // 3, 1 + number % 3)
        hint = QLabel("Rooms, cabinets, vehicles and bags go inside the selected place.")
        hint.setWordWrap(True)
        edit.addWidget(hint, 3, 1, 1, 3)
        edit.addWidget(self.rename_button, 4, 1)
        edit.addWidget(self.active_button, 4, 2)
        edit.addWidget(self.show_inactive, 4, 3)
        left = QVBoxLayout()
        left.addWidget(self.tree, 1)
        left.addLayout(edit)
        left.addWidget(self.error_label)
        par = QGroupBox("Par levels")
        par.setToolTip("What the selected place should hold")
        form = QFormLayout()
        form.addRow("Product or kit", self.par_product)
        form.addRow("Par level", self.par_quantity)
        par_box = QVBoxLayout(par)
        par_box.addWidget(self.par_title)
        par_box.addWidget(self.par_table, 1)
        par_box.addLayout(form)
        par_box.addWidget(self.par_button)
        root = QHBoxLayout(self)
        root.addLayout(left, 3)
        root.addWidget(par, 2)

    def _connect(self) -> None:
        self.show_inactive.toggled.connect(self.refresh)
        self.add_station_button.clicked.connect(lambda: self._add(LocationKind.STATION))
        for kind, button in self.add_buttons.items():
            button.clicked.connect(lambda _=False, k=kind: self._add(k))
        self.rename_button.clicked.connect(self._on_rename)
        self.active_button.clicked.connect(self._on_toggle_active)
        self.par_button.clicked.connect(self._on_set_par)
        self.par_table.clicked.connect(self._on_par_clicked)
        self.tree.selectionModel().currentChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._on_selection)

    # --- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.selected()
        stock = self._services.stock.list_on_hand()
        places = self._services.catalog.list_locations()
        if not self.show_inactive.isChecked():
            places = [p for p in places if p.active]
        self.model.set_rows(totals_by_location(stock, places))
        self.tree.expandAll()
        # Figures take what they need; the place names share the rest (Total never cut off).
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.par_product.clear()
        for product in self._services.catalog.list_products(active_only=True):
            self.par_product.addItem(product.name, product.id)
        if keep is not None:
            self.select(keep.location_id)

    def selected(self) -> LocationTotalRow | None:
        index = self.tree.selectionModel().currentIndex()
        return self.model.data(index, LocationTreeModel.RowRole) if index.isValid() else None

    def select(self, location_id: int) -> None:
        index = self.model.index_of(location_id)
        if index.isValid():
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.tree.selectionModel().setCurrentIndex(index, flags)

    @Slot()
    def _on_selection(self) -> None:
        place = self.selected()
        kind = place.kind if place else None
        self.add_station_button.setEnabled(True)
        for add_kind, button in self.add_buttons.items():
            button.setEnabled(
                place is not None and place.active and kind in ALLOWED_PARENTS[add_kind]
            )
        self.rename_button.setEnabled(place is not None)
        self.active_button.setEnabled(place is not None)
        self.active_button.setText("Reactivate" if place and not place.active else "Deactivate")
        self.par_button.setEnabled(place is not None)
        self._load_par_levels(place)

    def _load_par_levels(self, place: LocationTotalRow | None) -> None:
        if place is None:
            self.par_title.setText("Select a place in the tree.")
            self.par_model.set_rows([])
            return
        self.par_title.setText(f"<b>{place.path}</b> (usable counts include what is inside it)")
        self._usable = {}
        for row in self._services.stock.list_on_hand(location_id=place.location_id):
            if not row.expired and not row.quarantined:
                self._usable[row.product_id] = self._usable.get(row.product_id, 0) + row.quantity
        self.par_model.set_rows(self._services.catalog.list_par_levels(place.location_id))
        # Saving hands this back, so a change made meanwhile at another station is not overwritten.
        self._par_version = self._services.catalog.par_version(place.location_id)

    # --- writes -------------------------------------------------------------------------

    def _write(self, work, select_id=None) -> bool:
        try:
            result = work()
        except DomainError as refusal:
            self.error_label.setText(str(refusal))  # nothing was written
            return False
        self.error_label.clear()
        self.refresh()
        target = select_id if select_id is not None else getattr(result, "id", None)
        if target is not None:
            self.select(target)
        self.data_changed.emit()
        return True

    def _add(self, kind: LocationKind) -> None:
        place = self.selected()
        parent_id = None if kind == LocationKind.STATION or place is None else place.location_id
        if self._write(
            lambda: self._services.catalog.add_location(self.name.text(), kind, parent_id)
        ):
            self.name.clear()

    @Slot()
    def _on_rename(self) -> None:
        place = self.selected()
        if place is not None and self._write(
            lambda: self._services.catalog.rename_location(place.location_id, self.name.text())
        ):
            self.name.clear()

    @Slot()
    def _on_toggle_active(self) -> None:
        place = self.selected()
        if place is None:
            return
        if place.active:
            self.show_inactive.blockSignals(True)
            self.show_inactive.setChecked(True)  # keep it in sight so it can be reactivated
            self.show_inactive.blockSignals(False)
        self._write(
            lambda: self._services.catalog.set_location_active(place.location_id, not place.active)
        )

    @Slot()
    def _on_set_par(self) -> None:
        place = self.selected()
        product_id = self.par_product.currentData()
        if place is None or product_id is None:
            return
        self._write(
            lambda: self._services.catalog.set_par_level(
                place.location_id, product_id, self.par_quantity.value(), self._par_version
            ),
            select_id=place.location_id,
        )

    @Slot()
    def _on_par_clicked(self) -> None:
        index = self.par_table.currentIndex()
        if index.isValid():
            row: ParLevelRow = self.par_model.row_at(index.row())
            self.par_product.setCurrentIndex(self.par_product.findData(row.product_id))
            self.par_quantity.setValue(row.quantity)
