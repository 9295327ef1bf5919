"""Filter bar of the inventory screen: product, location (with what is inside it), expiry, text.

It only turns the choices into an `OnHandFilter`; the screen applies it to rows it already has.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from models.common.settings import DEFAULT_BANDS
from models.stock.location_tree import LocationTree
from models.stock.rows import LocationRow, ProductRow
from models.stock.summary import ExpiryWindow, OnHandFilter


def _expiry_labels(bands: tuple[int, int]) -> list[tuple[str, ExpiryWindow]]:
    return [
        ("Any expiry", ExpiryWindow.ANY),
        ("Expired", ExpiryWindow.EXPIRED),
        (f"Expires within {bands[0]} days", ExpiryWindow.WITHIN_FIRST_BAND),
        (f"Expires within {bands[1]} days", ExpiryWindow.WITHIN_SECOND_BAND),
        ("Usable (not expired)", ExpiryWindow.USABLE),
        ("In quarantine", ExpiryWindow.QUARANTINED),
    ]


class InventoryFilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tree = LocationTree({})
        self._bands = DEFAULT_BANDS
        self.product = QComboBox()
        self.product.setAccessibleName("Product filter")
        self.product.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.product.setMinimumContentsLength(10)
        self.location = QComboBox()
        self.location.setAccessibleName("Location filter")
        self.location.setToolTip("A location includes everything inside it (rooms, vehicles…)")
        self.location.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.location.setMinimumContentsLength(10)
        self.expiry = QComboBox()
        self.expiry.setAccessibleName("Expiry filter")
        self.expiry.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.expiry.setMinimumContentsLength(10)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search product, lot, location (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(140)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.clear_button = QPushButton("Clear filters")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        layout.addWidget(self.product, 2)
        layout.addWidget(self.location, 2)
        layout.addWidget(self.expiry, 1)
        layout.addWidget(self.clear_button)
        self.set_choices([], [], DEFAULT_BANDS)
        for combo in (self.product, self.location, self.expiry):
            combo.currentIndexChanged.connect(self.changed)
        self.search.textChanged.connect(self.changed)
        self.clear_button.clicked.connect(self.clear)

    def set_choices(
        self,
        products: Sequence[ProductRow],
        places: Sequence[LocationRow],
        bands: tuple[int, int],
    ) -> None:
        """Refill the lists, keeping what was chosen where it still exists; emits no signal."""
        product_id, location_id, window = (
            self.product.currentData(),
            self.location.currentData(),
            self.expiry.currentData(),
        )
        self._tree = LocationTree.from_rows(places)
        self._bands = bands
        widgets = (self.product, self.location, self.expiry)
        for combo in widgets:
            combo.blockSignals(True)
            combo.clear()
        self.product.addItem("All products", None)
        for product in products:
            suffix = "" if product.active else " (inactive)"
            self.product.addItem(product.name + suffix, product.id)
        self.location.addItem("All locations", None)
        for place in self._tree.physical():
            depth = place.path.count(" / ")
            suffix = "" if place.active else " (inactive)"
            self.location.addItem("    " * depth + place.name + suffix, place.id)
            self.location.setItemData(self.location.count() - 1, place.path, 3)  # tooltip
        for label, value in _expiry_labels(bands):
            self.expiry.addItem(label, value)
        for combo, value in zip(widgets, (product_id, location_id, window), strict=True):
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)

    def criteria(self) -> OnHandFilter:
        location_id = self.location.currentData()
        inside = None
        if location_id is not None and location_id in self._tree.rows:
            inside = frozenset(self._tree.subtree(location_id))
        return OnHandFilter(
            product_id=self.product.currentData(),
            location_ids=inside,
            expiry=ExpiryWindow(self.expiry.currentData() or ExpiryWindow.ANY),
            text=self.search.text(),
            bands=self._bands,
        )

    def describe(self) -> str:
        """The active filters in words, for printouts and the summary line."""
        parts = []
        if self.product.currentData() is not None:
            parts.append(self.product.currentText())
        if (location_id := self.location.currentData()) is not None:
            parts.append(self._tree.rows[location_id].path + " and everything inside it")
        if self.expiry.currentIndex() > 0:
            parts.append(self.expiry.currentText().lower())
        if text := self.search.text().strip():
            parts.append(f"matching “{text}”")
        return "; ".join(parts) or "all stock"

    def set_product(self, product_id: int | None) -> None:
        self.product.setCurrentIndex(max(self.product.findData(product_id), 0))

    def set_location(self, location_id: int | None) -> None:
        self.location.setCurrentIndex(max(self.location.findData(location_id), 0))

    def set_expiry(self, window: ExpiryWindow) -> None:
        self.expiry.setCurrentIndex(max(self.expiry.findData(window), 0))

    def is_filtered(self) -> bool:
        return self.describe() != "all stock"

    @Slot()
    def clear(self) -> None:
        for combo in (self.product, self.location, self.expiry):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.changed.emit()
