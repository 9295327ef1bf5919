"""Add or edit a catalog product: identity, packaging, storage range and its own barcodes.

Opened from a scan of an unknown barcode (pre-filled with it) and from the catalog settings.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError, ValidationError
from models.common.gtin import ndc_digits_in_gtin, to_gtin14
from models.services import Services
from models.stock.barcodes import normalise_code
from models.stock.entities import ProductKind
from models.stock.rows import ProductRow
from ui.widgets.error_label import error_label
from ui.widgets.scan_catcher import ACCEPTS_SCANS
from ui.widgets.screen_fit import fit_to_screen

KIND_LABELS = {
    ProductKind.NALOXONE: "Naloxone",
    ProductKind.TEST_STRIP: "Test strip",
    ProductKind.PROTECTIVE: "Protective (face shield, gloves)",
    ProductKind.CARD: "Card or leaflet",
    ProductKind.POUCH: "Pouch",
    ProductKind.CARE_ITEM: "Care item",
    ProductKind.KIT: "Kit (assembled here)",
    ProductKind.OTHER: "Other",
}


class ProductDialog(QDialog):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        product_id: int | None = None,
        barcode: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._product_id = product_id
        self._new_codes: list[tuple[str, int]] = []  # code, units per scan (0: one package)
        self.result_product: ProductRow | None = None
        self.setWindowTitle("Edit product" if product_id else "Add product")
        self._build_widgets()
        self._layout()
        if product_id is not None:
            self._load(services.catalog.get_product(product_id))
        if barcode:
            self.barcode_input.setText(barcode)
            self._on_add_barcode()
        self.barcode_input.returnPressed.connect(self._on_add_barcode)
        self.add_barcode_button.clicked.connect(self._on_add_barcode)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        self.name.setFocus()

    def _build_widgets(self) -> None:
        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.group = QComboBox()
        self.group.setEditable(True)
        groups = {p.interchange_group for p in self._services.catalog.list_products()}
        self.group.addItems(["", *sorted(g for g in groups if g)])
        self.group.setToolTip("Products of one group can stand in for each other in a kit.")
        self.manufacturer = QLineEdit()
        self.strength = QLineEdit()
        self.ndc = QLineEdit()
        self.ndc.setPlaceholderText("with hyphens, e.g. 69547-627-02")
        self.ndc_hint = QLabel()
        self.ndc_hint.setToolTip("Type the NDC with the hyphens printed on the package.")
        self.ndc_hint.hide()
        self.rx_only = QCheckBox("Prescription only")
        self.unit_of_issue = QLineEdit("device")
        self.package_name = QLineEdit("carton")
        self.units_per_package = QSpinBox()
        self.units_per_package.setRange(1, 100_000)
        self.units_per_package.setValue(2)
        self.doses_per_unit = QSpinBox()
        self.doses_per_unit.setRange(0, 100)
        self.doses_per_unit.setValue(1)
        self.lot_tracked = QCheckBox("Tracked by lot")
        self.lot_tracked.setChecked(True)
        self.expires = QCheckBox("Has an expiry date")
        self.expires.setChecked(True)
        self.storage_min = QLineEdit()
        self.storage_max = QLineEdit()
        for field in (self.storage_min, self.storage_max):
            field.setPlaceholderText("°C, empty if not stated")
        self.active = QCheckBox("Active (offered when receiving and assembling)")
        self.active.setChecked(True)
        self.notes = QLineEdit()
        self.barcodes = QListWidget()
        self.barcodes.setMaximumHeight(90)
        self.barcode_input = QLineEdit()
        self.barcode_input.setProperty(ACCEPTS_SCANS, True)  # a scan here is the barcode
        self.barcode_input.setPlaceholderText("scan or type a UPC/GTIN or store code, then Enter")
        self.add_barcode_button = QPushButton("Add barcode")
        self.scan_units = QSpinBox()  # a case barcode stands for many units of issue
        self.scan_units.setRange(0, 100_000)
        self.scan_units.setSpecialValueText("one package")
        self.scan_units.setSuffix(" units")
        self.scan_units.setToolTip("How many units one scan of this barcode stands for (a case)")
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )

    def _layout(self) -> None:
        identity = QFormLayout()
        identity.addRow("Name", self.name)
        identity.addRow("Kind", self.kind)
        identity.addRow("Interchange group", self.group)
        identity.addRow("Manufacturer", self.manufacturer)
        identity.addRow("Strength", self.strength)
        identity.addRow("NDC", self.ndc)
        identity.addRow("", self.ndc_hint)
        identity.addRow("", self.rx_only)
        packaging = QFormLayout()
        packaging.addRow("Unit of issue", self.unit_of_issue)
        packaging.addRow("Package", self.package_name)
        packaging.addRow("Units per package", self.units_per_package)
        packaging.addRow("Doses per unit", self.doses_per_unit)
        packaging.addRow("", self.lot_tracked)
        packaging.addRow("", self.expires)
        packaging.addRow("Store from (°C)", self.storage_min)
        packaging.addRow("Store up to (°C)", self.storage_max)
        columns = QHBoxLayout()
        columns.addLayout(identity, 1)
        columns.addLayout(packaging, 1)
        codes = QGroupBox("Barcodes on the package")
        adder = QHBoxLayout()
        adder.addWidget(self.barcode_input, 1)
        adder.addWidget(QLabel("Scan ="))
        adder.addWidget(self.scan_units)
        adder.addWidget(self.add_barcode_button)
        codes_layout = QVBoxLayout(codes)
        codes_layout.addWidget(self.barcodes)
        codes_layout.addLayout(adder)
        bottom = QFormLayout()
        bottom.addRow("Notes", self.notes)
        bottom.addRow("", self.active)
        root = QVBoxLayout(self)
        root.addLayout(columns)
        root.addWidget(codes)
        root.addLayout(bottom)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        self.setMinimumWidth(660)
        fit_to_screen(self, 720, 520)

    def _load(self, p: ProductRow) -> None:
        self.name.setText(p.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(p.kind)))
        self.group.setCurrentText(p.interchange_group or "")
        self.manufacturer.setText(p.manufacturer or "")
        self.strength.setText(p.strength or "")
        self.ndc.setText(p.ndc or "")
        self.rx_only.setChecked(p.rx_only)
        self.unit_of_issue.setText(p.unit_of_issue)
        self.package_name.setText(p.package_name)
        self.units_per_package.setValue(p.units_per_package)
        self.doses_per_unit.setValue(p.doses_per_unit)
        self.lot_tracked.setChecked(p.lot_tracked)
        self.expires.setChecked(p.expires)
        self.storage_min.setText("" if p.storage_min_c is None else f"{p.storage_min_c:g}")
        self.storage_max.setText("" if p.storage_max_c is None else f"{p.storage_max_c:g}")
        self.active.setChecked(p.active)
        self.notes.setText(p.notes or "")
        for level in self._services.catalog.list_packaging_levels(p.id):
            self._add_code_item(level.code, level.units, p.units_per_package)

    def _add_code_item(self, code: str, units: int, per_package: int) -> None:
        """A code in the list; a packaging level other than one package says its size."""
        text = code if units in (0, per_package) else f"{code} · {units} units per scan"
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, code)
        self.barcodes.addItem(item)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the barcode box (a scanner ends with it) adds the code; it never saves."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.focusWidget() is self.barcode_input:
            event.accept()
            return
        super().keyPressEvent(event)

    def barcode_codes(self) -> list[str]:
        return [
            self.barcodes.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.barcodes.count())
        ]

    @Slot()
    def _on_add_barcode(self) -> None:
        try:
            code = _barcode_key(self.barcode_input.text())
            owner = self._services.catalog.find_product_by_code(code)
            if owner is not None and owner.id != self._product_id:
                raise ValidationError(f"Barcode {code} already identifies {owner.name}.")
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            self.barcode_input.selectAll()  # the next scan replaces the refused code
            return
        self.error_label.clear()
        self.barcode_input.clear()
        if code not in self.barcode_codes():
            units = self.scan_units.value()
            self._add_code_item(code, units, self.units_per_package.value())
            self._new_codes.append((code, units))
            self.scan_units.setValue(0)
        ndc = ndc_digits_in_gtin(code)
        if ndc and not self.ndc.text().strip():
            self.ndc_hint.setText(f"Barcode NDC digits: {ndc}")
            self.ndc_hint.show()

    def _values(self) -> dict[str, object]:
        return {
            "name": self.name.text().strip(),
            "kind": self.kind.currentData(),
            "interchange_group": self.group.currentText().strip() or None,
            "manufacturer": self.manufacturer.text().strip() or None,
            "strength": self.strength.text().strip() or None,
            "ndc": self.ndc.text().strip() or None,
            "rx_only": self.rx_only.isChecked(),
            "unit_of_issue": self.unit_of_issue.text().strip() or "each",
            "package_name": self.package_name.text().strip() or "box",
            "units_per_package": self.units_per_package.value(),
            "doses_per_unit": self.doses_per_unit.value(),
            "lot_tracked": self.lot_tracked.isChecked(),
            "expires": self.expires.isChecked(),
            "storage_min_c": _temperature(self.storage_min.text(), "lowest"),
            "storage_max_c": _temperature(self.storage_max.text(), "highest"),
            "active": self.active.isChecked(),
            "notes": self.notes.text().strip() or None,
        }

    @Slot()
    def _on_accept(self) -> None:
        try:
            values = self._values()
            for code, _units in self._new_codes:  # again: another station may have added it
                owner = self._services.catalog.find_product_by_code(code)
                if owner is not None and owner.id != self._product_id:
                    raise ValidationError(f"Barcode {code} already identifies {owner.name}.")
            product = self._services.catalog.save_product(self._product_id, **values)
            for code, units in self._new_codes:
                if units:
                    self._services.catalog.set_packaging_level(product.id, code, units)
                else:
                    product = self._services.catalog.add_barcode(product.id, code)
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.result_product = product
        self.accept()


def _barcode_key(text: str) -> str:
    """Digits must be a real GTIN (a typo in a UPC is refused); other text is a store code."""
    raw = text.strip()
    if not raw:
        raise ValidationError("Scan or type the barcode first.")
    compact = raw.replace("-", "").replace(" ", "")
    if compact.isdigit() and compact.isascii():
        return to_gtin14(compact)
    return normalise_code(raw)


def _temperature(text: str, which: str) -> float | None:
    raw = text.strip().replace(",", ".").removesuffix("°C").removesuffix("C").strip()
    if not raw:
        return None
    try:
        return float(raw)
    except ValueError:
        raise ValidationError(f"The {which} storage temperature must be a number of °C.") from None
