"""Inventory screen: on-hand stock by lot and location, with a text filter and Receive."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.services import Services
from ui.expiry_style import legend_html
from ui.on_hand_table_model import OnHandTableModel
from ui.page import Page
from ui.receive_dialog import ReceiveDialog


class InventoryView(Page):
    title = "Inventory"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.model = OnHandTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by product, lot or location (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.receive_button = QPushButton("Receive…")
        self.summary = QLabel()
        legend = QLabel(legend_html())
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.receive_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(legend)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.search.textChanged.connect(self.refresh)
        self.receive_button.clicked.connect(self.open_receive)

    def refresh(self) -> None:
        rows = self._services.stock.list_on_hand(text=self.search.text())
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        units = sum(r.quantity for r in rows)
        self.summary.setText(f"{len(rows)} lot/location rows, {units} units")

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    @Slot()
    def open_receive(self) -> None:
        dialog = ReceiveDialog(self._services, self)
        if dialog.exec():
            self.refresh()
            self.data_changed.emit()
            op = dialog.result_operation
            if op is not None:
                self.status_message.emit(f"Received {op.quantity} units in movement {op.id}.")
