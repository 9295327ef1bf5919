"""Reports screen panel for the recall record: find the lot by number, then save its record.

Knows the recall service's lot search; the file is written by ui.widgets.recall_record.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFormLayout, QLineEdit, QListWidget, QListWidgetItem, QWidget

from models.services import Services


class RecallRecordPanel(QWidget):
    lot_chosen = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.search = QLineEdit()
        self.search.setPlaceholderText("Lot number from the recall notice")
        self.search.setClearButtonEnabled(True)
        self.lots = QListWidget()
        self.lots.setAccessibleName("Matching lots")
        self.lots.setAccessibleDescription("Lots whose number contains the text typed above")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Recalled &lot:", self.search)
        form.addRow("Matching lots:", self.lots)
        self.search.textChanged.connect(self._on_search)
        self.lots.currentRowChanged.connect(lambda _row: self.lot_chosen.emit())

    @Slot(str)
    def _on_search(self, text: str) -> None:
        self.lots.clear()
        for row in self._services.recall.search_lots(text):
            expiry = row.expiry.isoformat() if row.expiry else "no expiry"
            item = QListWidgetItem(f"{row.lot_number} — {row.product_name} (exp {expiry})")
            item.setData(Qt.ItemDataRole.UserRole, (row.lot_id, row.lot_number))
            self.lots.addItem(item)
        if self.lots.count() == 1:
            self.lots.setCurrentRow(0)

    def chosen(self) -> tuple[int, str] | None:
        """(lot id, lot number) of the chosen lot, or None."""
        item = self.lots.currentItem()
        if item is None:
            return None
        lot_id, number = item.data(Qt.ItemDataRole.UserRole)
        return int(lot_id), str(number)
