"""Kit par level dialog: how many kits of a kind a vehicle, bag or room should hold."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.services import Services
from ui.widgets.error_label import ERROR_STYLE
from ui.widgets.screen_fit import fit_to_screen


class KitParDialog(QDialog):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        location_id: int | None = None,
        kit_product_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Kit par level")
        self._services = services
        self.location = QComboBox()
        for place in services.catalog.list_locations(include_inactive=False):
            if place.kind != "quarantine":
                self.location.addItem(place.path, place.id)
        self.kit = QComboBox()
        for recipe in services.kits.list_recipes(include_inactive=False):
            self.kit.addItem(recipe.name, recipe.kit_product_id)
        self.quantity = QSpinBox()
        self.quantity.setRange(0, 10_000)
        self.quantity.setSpecialValueText("no par level")
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout()
        form.addRow("Location", self.location)
        form.addRow("Kit", self.kit)
        form.addRow("Ready kits wanted", self.quantity)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        fit_to_screen(self, 520, self.sizeHint().height())
        if location_id is not None:
            self.location.setCurrentIndex(max(self.location.findData(location_id), 0))
        if kit_product_id is not None:
            self.kit.setCurrentIndex(max(self.kit.findData(kit_product_id), 0))
        self.location.currentIndexChanged.connect(self._load)
        self.kit.currentIndexChanged.connect(self._load)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        self._load()

    @Slot()
    def _load(self) -> None:
        current = next(
            (
                p.quantity
                for p in self._services.catalog.list_par_levels()
                if (p.location_id, p.product_id)
                == (self.location.currentData(), self.kit.currentData())
            ),
            0,
        )
        self.quantity.setValue(current)

    @Slot()
    def _on_accept(self) -> None:
        if self.location.currentData() is None or self.kit.currentData() is None:
            self.error_label.setText("Add a storage location and a kit recipe first.")
            return
        try:
            self._services.catalog.set_par_level(
                self.location.currentData(), self.kit.currentData(), self.quantity.value()
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.accept()
