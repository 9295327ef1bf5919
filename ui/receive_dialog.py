"""Receive dialog: one or several lines of one delivery into a location, from a source."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.dates import parse_expiry
from models.errors import DomainError, ValidationError
from models.rows import ProductRow, ReceiveLine
from models.services import Services


class ReceiveDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Receive stock")
        self._services = services
        self._lines: list[ReceiveLine] = []
        self._products = services.catalog.list_products(active_only=True)
        self._products = [p for p in self._products if p.kind != "kit"]
        self.result_operation = None

        self.location = QComboBox()
        for place in services.catalog.list_locations(include_inactive=False):
            self.location.addItem(place.path, place.id)
        self.source = QComboBox()
        self.source.addItem("(not recorded)", None)
        for source in services.catalog.list_sources(active_only=True):
            self.source.addItem(source.name, source.id)
        self.received_on = QDateEdit(QDate.currentDate())
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("yyyy-MM-dd")

        self.product = QComboBox()
        for product in self._products:
            self.product.addItem(product.name, product.id)
        self.lot_number = QLineEdit()
        self.lot_number.setPlaceholderText("as printed on the package")
        self.expiry = QLineEdit()
        self.expiry.setPlaceholderText("YYYY-MM-DD or YYYY-MM")
        self.quantity = QSpinBox()
        self.quantity.setRange(0, 1_000_000)
        self.quantity.setValue(1)
        self.unit_label = QLabel()
        self.add_line_button = QPushButton("Add line")
        self.allow_expired = QCheckBox("Receive expired stock (e.g. for training use)")
        self.note = QLineEdit()
        self.lines_table = QTableWidget(0, 4)
        self.lines_table.setHorizontalHeaderLabels(["Product", "Lot", "Expiry", "Quantity"])
        self.lines_table.horizontalHeader().setStretchLastSection(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Receive")
        self._layout()
        self.product.currentIndexChanged.connect(self._on_product_changed)
        self.add_line_button.clicked.connect(self._on_add_line)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        self._on_product_changed()

    def _layout(self) -> None:
        header = QFormLayout()
        header.addRow("Into location", self.location)
        header.addRow("From source", self.source)
        header.addRow("Received on", self.received_on)
        line = QFormLayout()
        line.addRow("Product", self.product)
        line.addRow("Lot number", self.lot_number)
        line.addRow("Expiry", self.expiry)
        quantity_row = QHBoxLayout()
        quantity_row.addWidget(self.quantity)
        quantity_row.addWidget(self.unit_label, 1)
        line.addRow("Quantity", quantity_row)
        adder = QHBoxLayout()
        adder.addStretch(1)
        adder.addWidget(self.add_line_button)
        root = QVBoxLayout(self)
        root.addLayout(header)
        root.addWidget(QLabel("<b>Line</b>"))
        root.addLayout(line)
        root.addLayout(adder)
        root.addWidget(self.lines_table)
        root.addWidget(self.allow_expired)
        notes = QFormLayout()
        notes.addRow("Note", self.note)
        root.addLayout(notes)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        self.resize(560, 560)

    def _current_product(self) -> ProductRow | None:
        index = self.product.currentIndex()
        return self._products[index] if 0 <= index < len(self._products) else None

    @Slot()
    def _on_product_changed(self) -> None:
        product = self._current_product()
        if product is None:
            return
        self.unit_label.setText(
            f"{product.unit_of_issue}s ({product.units_per_package} per {product.package_name})"
        )
        self.lot_number.setEnabled(product.lot_tracked)
        self.expiry.setEnabled(product.expires or product.kind == "card")

    def _line_from_editor(self) -> ReceiveLine:
        product = self._current_product()
        if product is None:
            raise ValidationError("Choose a product.")
        expiry_text = self.expiry.text().strip()
        expiry = parse_expiry(expiry_text) if expiry_text or product.expires else None
        if self.quantity.value() <= 0:
            raise ValidationError("Quantity must be at least 1.")
        return ReceiveLine(
            product.id, self.lot_number.text().strip(), expiry, self.quantity.value()
        )

    def _editor_is_blank(self) -> bool:
        return not self.lot_number.text().strip() and not self.expiry.text().strip()

    @Slot()
    def _on_add_line(self) -> None:
        try:
            line = self._line_from_editor()
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self._lines.append(line)
        row = self.lines_table.rowCount()
        self.lines_table.insertRow(row)
        values = [
            self.product.currentText(),
            line.lot_number or "—",
            line.expiry.isoformat() if line.expiry else "—",
            str(line.quantity),
        ]
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.lines_table.setItem(row, column, item)
        self.lot_number.clear()
        self.expiry.clear()
        self.quantity.setValue(1)
        self.error_label.clear()
        self.lot_number.setFocus()

    def pending_lines(self) -> list[ReceiveLine]:
        """Lines added so far, plus the one in the editor unless it was left blank."""
        lines = list(self._lines)
        if not lines or not self._editor_is_blank():
            lines.append(self._line_from_editor())
        return lines

    @Slot()
    def _on_accept(self) -> None:
        try:
            lines = self.pending_lines()
            location_id = self.location.currentData()
            if location_id is None:
                raise ValidationError("Add a storage location first (Settings → Locations).")
            self.result_operation = self._services.stock.receive(
                location_id,
                lines,
                self._services.user,
                source_id=self.source.currentData(),
                received_on=self.received_on.date().toPython(),
                note=self.note.text().strip() or None,
                allow_expired=self.allow_expired.isChecked(),
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))  # visible in the dialog; nothing was written
            return
        self.accept()
