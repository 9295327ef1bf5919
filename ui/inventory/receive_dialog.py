"""Receive dialog: a delivery as a document of lines into a location, from a source.

Each scan adds one package (carton, or a case's worth) to the line of its lot, or a new line,
and the cursor goes back to scanning; a UPC-only carton leaves the cursor on the line's lot.
Enter in a quantity confirms that line. Only "Receive N lines" (Ctrl+Enter) posts, after a
summary of lines and totals. Lines pre-filled from an open reorder wait for lot and expiry.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt, QTimer, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.common.dates import parse_expiry
from models.common.errors import DomainError, ValidationError
from models.services import Services
from models.stock.rows import OperationRow, ProductRow, ReceiveLine
from models.stock.scan_lookup import ScanMatch, match_scan
from models.stock.scanning import ScanResult
from ui.inventory.receive_lines_table import Column, ReceiveLinesTable, needs_lot
from ui.inventory.receive_summary import receipt_summary
from ui.widgets.error_label import ERROR_STYLE
from ui.widgets.input_limits import limit_free_text, limit_lot_number, limit_quantity
from ui.widgets.optional_date_edit import day_of
from ui.widgets.place_defaults import remember_place, select_default
from ui.widgets.product_dialog import ProductDialog
from ui.widgets.scan_field import ScanField
from ui.widgets.screen_fit import fit_to_screen


class ReceiveDialog(QDialog):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        location_id: int | None = None,
        source_id: int | None = None,
        prefill: Sequence[tuple[int, int]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Receive stock")
        self._services = services
        self._products: list[ProductRow] = []
        self._pending_scan: ScanResult | None = None
        self.result_operation: OperationRow | None = None
        self.product_dialog: ProductDialog | None = None
        self.confirmation: QMessageBox | None = None
        self._build_widgets()
        self._load_choices(location_id, source_id)
        self._layout()
        self.product.currentIndexChanged.connect(self._on_product_changed)
        self.add_line_button.clicked.connect(self._on_add_line)
        self.remove_line_button.clicked.connect(self.lines_table.remove_selected)
        self.add_product_button.clicked.connect(self._on_add_product)
        self.scan.scanned.connect(self._on_scanned)
        self.scan.scan_failed.connect(lambda _m: self.add_product_button.hide())
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        self.lines_table.itemChanged.connect(self._update_receive_button)
        self.lines_table.model().rowsRemoved.connect(self._update_receive_button)
        self.quantity.editingFinished.connect(self._on_quantity_confirmed)
        self.lines_table.itemDelegate().closeEditor.connect(self._on_cell_closed)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._on_accept)
        self._on_product_changed()
        self._prefill(prefill or [])
        self._update_receive_button()
        self.scan.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter that reaches the dialog confirmed a field: back to scanning, never posting."""
        plain = not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            event.accept()
            self.scan.setFocus()
            return
        super().keyPressEvent(event)

    def _receive_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    @Slot()
    def _update_receive_button(self) -> None:
        count = self.lines_table.rowCount() + (0 if self._editor_is_blank() else 1)
        self._receive_button().setText(f"Receive {count} line{'' if count == 1 else 's'}…")
        self._receive_button().setToolTip("Ctrl+Enter. Shows the lines and totals first.")

    def _build_widgets(self) -> None:
        self.scan = ScanField(self._services)
        self.add_product_button = QPushButton("Add this product…")
        self.add_product_button.hide()
        self.location = QComboBox()
        self.source = QComboBox()
        self.received_on = QDateEdit(QDate(self._services.clock.today()))
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("yyyy-MM-dd")
        self.product = QComboBox()
        self.lot_number = QLineEdit()
        self.lot_number.setPlaceholderText("as printed on the package")
        limit_lot_number(self.lot_number)
        self.expiry = QLineEdit()
        self.expiry.setPlaceholderText("YYYY-MM-DD or YYYY-MM")
        self.quantity = QSpinBox()
        limit_quantity(self.quantity)
        self.quantity.setValue(1)
        self.unit_label = QLabel()
        self.add_line_button = QPushButton("Add line")
        self.remove_line_button = QPushButton("Remove line")
        self.lines_table = ReceiveLinesTable()
        self.lines_table.setAccessibleName("Lines to receive")
        self.lines_table.setMinimumHeight(130)
        self.allow_expired = QCheckBox("Receive expired stock (e.g. for training use)")
        self.note = limit_free_text(QLineEdit())
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter never posts; Ctrl+Enter asks first
                button.setDefault(False)

    def _load_choices(self, location_id: int | None, source_id: int | None) -> None:
        places = self._services.catalog.list_locations(include_inactive=False)
        for place in places:
            self.location.addItem(place.path, place.id)
        select_default(self.location, "receive", places)  # the supply room, or the last place
        self.source.addItem("(not recorded)", None)
        for source in self._services.catalog.list_sources(active_only=True):
            self.source.addItem(source.name, source.id)
        for combo, wanted in ((self.location, location_id), (self.source, source_id)):
            if wanted is not None and (index := combo.findData(wanted)) >= 0:
                combo.setCurrentIndex(index)
        self._reload_products()

    def _reload_products(self, select_id: int | None = None) -> None:
        products = self._services.catalog.list_products(active_only=True)
        self._products = [p for p in products if p.kind != "kit"]
        self.product.blockSignals(True)
        self.product.clear()
        for product in self._products:
            self.product.addItem(product.name, product.id)
        self.product.blockSignals(False)
        if select_id is not None:
            self.product.setCurrentIndex(self.product.findData(select_id))

    def _layout(self) -> None:
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan, 1)
        scan_row.addWidget(self.add_product_button)
        header = QFormLayout()
        header.addRow("Scan", scan_row)
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
        adder.addWidget(QLabel("Lot, expiry and quantity can be corrected in the table."), 1)
        adder.addWidget(self.remove_line_button)
        adder.addWidget(self.add_line_button)
        root = QVBoxLayout(self)
        root.addLayout(header)
        root.addWidget(QLabel("<b>Add a line</b> (or scan above)"))
        root.addLayout(line)
        root.addLayout(adder)
        root.addWidget(self.lines_table, 1)
        root.addWidget(self.allow_expired)
        notes = QFormLayout()
        notes.addRow("Note", self.note)
        root.addLayout(notes)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        fit_to_screen(self, 640, 640)

    def _prefill(self, prefill: Sequence[tuple[int, int]]) -> None:
        for product_id, quantity in prefill:
            try:
                product = self._services.catalog.get_product(product_id)
            except DomainError as refusal:
                self.error_label.setText(str(refusal))
                continue
            self.lines_table.add_line(product, "", None, quantity, prefilled=True)
        if prefill:
            self.scan.show_hint("Scan or type the lot and expiry of each line.")

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

    @Slot(object)
    def _on_scanned(self, scan: ScanResult) -> None:
        self.add_product_button.hide()
        self.error_label.clear()
        found = match_scan(self._services.catalog, self._services.stock, scan)
        if scan.kit_lot_number is not None:
            self.scan.show_message(
                "That is a kit label; kits are assembled on the Kits screen, not received.",
                error=True,
            )
            return
        if found.product is None:
            self._pending_scan = scan
            self.scan.show_message(found.describe() + " Add it to the catalog?", error=True)
            self.add_product_button.show()
            return
        if self.product.findData(found.product.id) < 0:
            self.scan.show_message(
                f"{found.product.name} is not active in the catalog.", error=True
            )
            return
        self._apply(found)

    def _apply(self, found: ScanMatch) -> None:
        """Fill a line waiting for this product's lot, else add one package to the lines."""
        assert found.product is not None
        scan, lot, product = found.scan, found.lot, found.product
        if found.units is None:
            self.scan.show_message(found.describe(), error=True)
            return
        expiry = scan.expiry or (lot.expiry if lot else None)
        self.scan.show_message(found.describe(), error=found.expiry_conflict)
        row = self.lines_table.incomplete_row(product.id)
        if row >= 0 and (scan.lot or expiry):
            still = self.lines_table.fill(row, scan.lot, expiry)
            self._focus_line(row, still)
            return
        lot_number = scan.lot or ""
        row = self.lines_table.add_package(product, lot_number, expiry, found.units)
        self.lines_table.selectRow(row)
        self._update_receive_button()
        if needs_lot(product) and not lot_number:
            self.scan.show_message(
                f"{product.name}: type the lot and expiry printed on the package in the line."
            )
        self._focus_line(row, self.lines_table.fill(row, None, None))

    def _focus_line(self, row: int, still: Column | None) -> None:
        """The cursor to what the line still lacks (a UPC-only carton), else back to scanning."""
        if still is not None:
            self.lines_table.start_editing(row, still)
        else:
            self.scan.setFocus()

    @Slot()
    def _on_add_product(self) -> None:
        scan = self._pending_scan
        self.product_dialog = ProductDialog(
            self._services, self, barcode=scan.gtin if scan else None
        )
        self.product_dialog.accepted.connect(self._on_product_added)
        self.product_dialog.open()

    @Slot()
    def _on_product_added(self) -> None:
        added = self.product_dialog.result_product if self.product_dialog else None
        self.add_product_button.hide()
        if added is None:
            return
        self._reload_products(select_id=added.id)
        if self._pending_scan is not None:
            self._on_scanned(self._pending_scan)
        self._pending_scan = None

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

    def _on_cell_closed(self, _editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter in a line's cell confirms it and goes back to scanning (Tab moves on)."""
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            QTimer.singleShot(0, self.scan.setFocus)

    @Slot()
    def _on_quantity_confirmed(self) -> None:
        """Enter in the quantity confirms the typed line and goes back to scanning."""
        if self.quantity.hasFocus() and not self._editor_is_blank():
            self._on_add_line()

    @Slot()
    def _on_add_line(self) -> None:
        try:
            line = self._line_from_editor()
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        product = self._current_product()
        assert product is not None
        self.lines_table.add_line(product, line.lot_number, line.expiry, line.quantity)
        self.lot_number.clear()
        self.expiry.clear()
        self.quantity.setValue(1)
        self.error_label.clear()
        self._update_receive_button()
        self.scan.setFocus()

    def pending_lines(self) -> list[ReceiveLine]:
        """Lines in the table, plus the one in the editor unless it was left blank."""
        lines = self.lines_table.lines()
        if not lines or not self._editor_is_blank():
            lines.append(self._line_from_editor())
        return lines

    @Slot()
    def _on_accept(self) -> None:
        """Ctrl+Enter or the button: show the lines and totals; only "Receive" posts."""
        try:
            lines = self.pending_lines()
            if self.location.currentData() is None:
                raise ValidationError("Add a storage location first (Settings → Locations).")
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        products = {p.id: p for p in self._products}
        largest = self._services.stock.largest_receipts(sorted({x.product_id for x in lines}))
        text, unusual = receipt_summary(lines, products, largest, self.location.currentText())
        box = QMessageBox(QMessageBox.Icon.Warning if unusual else QMessageBox.Icon.Question,
                          "Receive these lines?", text, parent=self)  # fmt: skip
        box.setTextFormat(Qt.TextFormat.RichText)
        post = box.addButton(f"Receive {len(lines)} lines", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Back to the lines", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(None if unusual else post)  # type: ignore[arg-type]
        post.clicked.connect(lambda: self._post(lines))
        self.confirmation = box
        box.open()

    def _post(self, lines: list[ReceiveLine]) -> None:
        try:
            self.result_operation = self._services.stock.receive(
                self.location.currentData(),
                lines,
                source_id=self.source.currentData(),
                received_on=day_of(self.received_on),
                note=self.note.text().strip() or None,
                allow_expired=self.allow_expired.isChecked(),
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))  # visible in the dialog; nothing was written
            return
        remember_place("receive", self.location.currentData())
        self.accept()
