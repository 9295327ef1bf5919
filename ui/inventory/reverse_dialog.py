"""Reverse a movement: pick a recent operation and say why; the ledger posts its mirror image.

History is never edited: the original stays, marked "reversed by no. N".
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError, ValidationError
from models.services import Services
from models.stock.rows import OperationRow
from ui.inventory.movement_columns import operation_columns, what, when
from ui.widgets.error_label import error_label
from ui.widgets.input_limits import limit_free_text
from ui.widgets.row_table_model import RowTableModel
from ui.widgets.screen_fit import fit_to_screen

RECENT = 200


class ReverseDialog(QDialog):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        operation_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reverse a movement")
        self._services = services
        self.result_operation: OperationRow | None = None
        self._status = _statuses(services)
        self.model: RowTableModel[OperationRow] = RowTableModel(
            operation_columns(self._status), self, is_active=lambda o: o.id not in self._status
        )
        self.model.set_rows(services.stock.list_operations(limit=RECENT))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        self.details = QLabel("Choose the movement to reverse.")
        self.details.setWordWrap(True)
        self.reason = limit_free_text(QLineEdit())
        self.reason.setPlaceholderText("required, e.g. booked into the wrong vehicle")
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Reverse")
        self._layout()
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        if operation_id is not None:
            self.select_operation(operation_id)
        self.reason.setFocus()

    def _layout(self) -> None:
        root = QVBoxLayout(self)
        root.addWidget(QLabel(f"The last {RECENT} movements, newest first:"))
        root.addWidget(self.table, 1)
        root.addWidget(self.details)
        form = QFormLayout()
        form.addRow("Reason", self.reason)
        root.addLayout(form)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        fit_to_screen(self, 820, 520)

    def select_operation(self, operation_id: int) -> None:
        row = self.model.row_of(lambda o: o.id == operation_id)
        if row < 0:
            self.error_label.setText(f"Movement {operation_id} is not among the recent ones.")
            return
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def selected_operation(self) -> OperationRow | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    @Slot()
    def _on_current_changed(self) -> None:
        self.error_label.clear()
        op = self.selected_operation()
        if op is None:
            return
        text = (
            f"No. {op.id}: {what(op.reason).lower()} by {op.user} on {when(op.at)}, "
            f"{op.move_count} line(s), {op.quantity} units"
        )
        if op.note:
            text += f" ({op.note})"
        if op.id in self._status:
            text += f". Already {self._status[op.id]}."
        self.details.setText(text)

    @Slot()
    def _on_accept(self) -> None:
        try:
            op = self.selected_operation()
            if op is None:
                raise ValidationError("Choose the movement to reverse.")
            self.result_operation = self._services.stock.reverse(op.id, self.reason.text())
        except DomainError as refusal:
            self.error_label.setText(str(refusal))  # nothing was written
            return
        self.accept()


def _statuses(services: Services) -> dict[int, str]:
    """Which operations were reversed, and which are reversals, from the movement history."""
    status: dict[int, str] = {}
    for move in services.stock.list_moves():
        if move.reversed_by_id is not None:
            status[move.operation_id] = f"reversed by no. {move.reversed_by_id}"
        elif move.reverses_id is not None:
            status[move.operation_id] = f"reverses no. {move.reverses_id}"
    return status
