"""The lines of one delivery, editable in place (lot, expiry, quantity); knows no database.

Lines pre-filled from an open reorder arrive with product and quantity only: the cells the
user still has to type (or scan) are tinted until filled.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from models.common.dates import parse_expiry
from models.common.errors import DomainError, ValidationError
from models.stock.rows import ProductRow, ReceiveLine
from ui.widgets.input_limits import LimitedCellDelegate

TO_FILL = QBrush(QColor("#fff4ce"))
_ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_PREFILLED_ROLE = Qt.ItemDataRole.UserRole + 2  # quantity from an order: scans do not add to it


class Column(IntEnum):
    PRODUCT = 0
    LOT = 1
    EXPIRY = 2
    QUANTITY = 3


HEADERS = ("Product", "Lot", "Expiry", "Quantity")


def needs_lot(product: ProductRow) -> bool:
    return product.lot_tracked


def needs_expiry(product: ProductRow) -> bool:
    return product.lot_tracked and product.expires


class ReceiveLinesTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setHorizontalHeaderLabels(list(HEADERS))
        header = self.horizontalHeader()
        header.setSectionResizeMode(Column.PRODUCT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((Column.LOT, 150), (Column.EXPIRY, 110), (Column.QUANTITY, 80)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width)  # room to type a lot number in place
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.itemChanged.connect(self._tint)
        for column, kind in ((Column.LOT, "lot"), (Column.QUANTITY, "quantity")):
            self.setItemDelegateForColumn(column, LimitedCellDelegate(kind, self))

    def add_line(
        self,
        product: ProductRow,
        lot: str,
        expiry: date | None,
        quantity: int | None,
        *,
        prefilled: bool = False,
    ) -> int:
        """Append a line; blank lot/expiry cells are left for the user to fill."""
        row = self.rowCount()
        self.insertRow(row)
        name = QTableWidgetItem(product.name)
        name.setData(_ROW_ROLE, product)
        name.setData(_PREFILLED_ROLE, prefilled)
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.setItem(row, Column.PRODUCT, name)
        self.setItem(row, Column.LOT, self._cell(lot, needs_lot(product)))
        expiry_text = expiry.isoformat() if expiry else ""
        dated = product.lot_tracked or product.expires
        self.setItem(row, Column.EXPIRY, self._cell(expiry_text, dated))
        self.setItem(row, Column.QUANTITY, self._cell("" if quantity is None else str(quantity)))
        self._tint_row(row)
        return row

    def _cell(self, text: str, editable: bool = True) -> QTableWidgetItem:
        item = QTableWidgetItem(text if editable else (text or "—"))
        if not editable:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        return item

    def cell(self, row: int, column: int) -> QTableWidgetItem:
        """A cell of a line; every line has all its cells (see `add_line`)."""
        item = self.item(row, column)
        assert item is not None
        return item

    def product_at(self, row: int) -> ProductRow:
        product = self.cell(row, Column.PRODUCT).data(_ROW_ROLE)
        assert isinstance(product, ProductRow)
        return product

    def text_at(self, row: int, column: Column) -> str:
        item = self.item(row, column)
        return "" if item is None else item.text().strip()

    def add_package(self, product: ProductRow, lot: str, expiry: date | None, units: int) -> int:
        """One scanned package: onto the line of the same product and lot, else a new line."""
        for row in range(self.rowCount()):
            same_lot = self.text_at(row, Column.LOT).replace("—", "") == lot
            if self.product_at(row).id == product.id and same_lot:
                if not self.cell(row, Column.PRODUCT).data(_PREFILLED_ROLE):
                    self.cell(row, Column.QUANTITY).setText(str(self.quantity_at(row) + units))
                return row
        return self.add_line(product, lot, expiry, units)

    def quantity_at(self, row: int) -> int:
        """The line's quantity, 0 while it is not a whole number."""
        text = self.text_at(row, Column.QUANTITY)
        return int(text) if text.isascii() and text.isdigit() else 0

    def incomplete_row(self, product_id: int) -> int:
        """First line of this product still waiting for its lot or expiry, or -1."""
        for row in range(self.rowCount()):
            if self.product_at(row).id == product_id and self._missing(row):
                return row
        return -1

    def _missing(self, row: int) -> list[Column]:
        product = self.product_at(row)
        missing = []
        if needs_lot(product) and not self.text_at(row, Column.LOT):
            missing.append(Column.LOT)
        if needs_expiry(product) and not self.text_at(row, Column.EXPIRY):
            missing.append(Column.EXPIRY)
        return missing

    def fill(self, row: int, lot: str | None, expiry: date | None) -> Column | None:
        """Put a scanned lot/expiry into a line; returns the cell still to type, if any."""
        if lot and self.cell(row, Column.LOT).flags() & Qt.ItemFlag.ItemIsEditable:
            self.cell(row, Column.LOT).setText(lot)
        if expiry and self.cell(row, Column.EXPIRY).flags() & Qt.ItemFlag.ItemIsEditable:
            self.cell(row, Column.EXPIRY).setText(expiry.isoformat())
        missing = self._missing(row)
        return missing[0] if missing else None

    def start_editing(self, row: int, column: Column) -> None:
        """Cursor into a cell, ready for typing (after a UPC-only scan)."""
        self.setCurrentCell(row, column)
        self.setFocus()
        self.editItem(self.cell(row, column))

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.selectedIndexes()}, reverse=True):
            self.removeRow(row)

    def lines(self) -> list[ReceiveLine]:
        """The lines as the service takes them; a bad cell is refused with its line number."""
        lines = []
        for row in range(self.rowCount()):
            prefix = f"Line {row + 1} ({self.product_at(row).name}): "
            try:
                lines.append(self._line(row))
            except DomainError as refusal:
                raise ValidationError(prefix + str(refusal)) from None
        return lines

    def _line(self, row: int) -> ReceiveLine:
        product = self.product_at(row)
        lot = self.text_at(row, Column.LOT) if needs_lot(product) else ""
        expiry_text = self.text_at(row, Column.EXPIRY).replace("—", "")
        expiry = parse_expiry(expiry_text) if expiry_text or needs_expiry(product) else None
        quantity_text = self.text_at(row, Column.QUANTITY)
        if not quantity_text.isdigit() or not quantity_text.isascii():
            raise ValidationError("the quantity must be a whole number, at least 1.")
        return ReceiveLine(product.id, lot, expiry, int(quantity_text))

    def _tint(self, item: QTableWidgetItem) -> None:
        if item.column() != Column.PRODUCT and self.item(item.row(), Column.PRODUCT) is not None:
            self._tint_row(item.row())

    def _tint_row(self, row: int) -> None:
        if any(self.item(row, c) is None for c in Column):
            return
        missing = self._missing(row)
        self.blockSignals(True)
        for column in (Column.LOT, Column.EXPIRY):
            item = self.cell(row, column)
            item.setBackground(TO_FILL if column in missing else QBrush())
            item.setToolTip("Type or scan this" if column in missing else "")
        self.blockSignals(False)
