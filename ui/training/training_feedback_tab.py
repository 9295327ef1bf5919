"""Feedback tab of the Training screen: success stories, challenges and suggestions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.services import Services
from models.training.elements import FEEDBACK_CATEGORIES
from models.training.rows import FeedbackRow
from ui.training.feedback_dialog import FeedbackDialog
from ui.widgets.row_table_model import RowColumn, RowTableModel

COLUMNS: list[RowColumn[FeedbackRow]] = [
    RowColumn("Date", lambda r: r.received_on.isoformat()),
    RowColumn("From", lambda r: r.source_label),
    RowColumn("Category", lambda r: r.category_label),
    RowColumn("Feedback", lambda r: r.text),
]


class FeedbackTableModel(RowTableModel[FeedbackRow]):
    """Long texts show whole in the tooltip."""

    def extra_data(self, row: FeedbackRow, column: int, role: int) -> Any:
        return row.text if role == Qt.ItemDataRole.ToolTipRole else None


class FeedbackTab(QWidget):
    data_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.model = FeedbackTableModel(COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.category = QComboBox()
        self.category.addItem("All categories", None)
        for code, label in FEEDBACK_CATEGORIES.items():
            self.category.addItem(label, code)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search feedback text")
        self.search.setClearButtonEnabled(True)
        self.add_button = QPushButton("Log feedback…")
        self.delete_button = QPushButton("Delete")
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.category)
        top.addWidget(self.add_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.category.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.add_button.clicked.connect(self.open_feedback)
        self.delete_button.clicked.connect(self._on_delete)

    def refresh(self) -> None:
        rows = self._services.training.list_feedback(
            self.category.currentData(), self.search.text()
        )
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()
        self.count_label.setText(f"{len(rows)} feedback entries")

    def open_feedback(self) -> FeedbackDialog:
        dialog = FeedbackDialog(self._services, self)
        dialog.accepted.connect(self._on_saved)
        dialog.open()
        return dialog

    @Slot()
    def _on_saved(self) -> None:
        self.refresh()
        self.data_changed.emit()

    @Slot()
    def _on_delete(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        entry = self.model.row_at(rows[0].row())
        answer = QMessageBox.question(
            self,
            "Delete feedback",
            f"Delete the {entry.category_label.lower()} logged on {entry.received_on.isoformat()}?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.training.delete_feedback(entry.id)
        except DomainError as refusal:
            QMessageBox.warning(self, "Not deleted", str(refusal))
            return
        self._on_saved()
