"""A settings tab of one list beside an editor of the selected row (sources, partners).

The list on the left with a "New …" button, the editor on the right with a heading and an error
label; a refusal shows there and nothing is written. Knows rows and widgets, not the database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.services import Services
from ui.widgets.error_label import error_label
from ui.widgets.row_table_model import RowColumn, RowTableModel

R = TypeVar("R")


class ListEditorTab(QWidget, Generic[R]):
    """Subclasses build the editor, call `_place`, and implement `refresh` and `_edit`."""

    data_changed = Signal()

    def __init__(
        self,
        services: Services,
        columns: Sequence[RowColumn[R]],
        new_text: str,
        is_active: Callable[[R], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._editing: R | None = None
        self.model: RowTableModel[R] = RowTableModel(columns, self, is_active=is_active)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.new_button = QPushButton(new_text)
        self.heading = QLabel()
        self.error_label = error_label()
        self.new_button.clicked.connect(lambda: self._edit(None))
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)

    def _place(
        self, editor: QWidget, stretch: tuple[int, int], beside_new: QWidget | None = None
    ) -> None:
        """The list (with "New …" and an optional widget on its right above it) and the editor."""
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch(1)
        if beside_new is not None:
            top.addWidget(beside_new)
        left_box.addLayout(top)
        left_box.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, stretch[0])
        splitter.setStretchFactor(1, stretch[1])
        QVBoxLayout(self).addWidget(splitter)

    def refresh(self) -> None:
        raise NotImplementedError

    def _edit(self, row: R | None) -> None:
        raise NotImplementedError

    @Slot()
    def _on_row_changed(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._edit(self.model.row_at(index.row()))

    def _act(self, action: Callable[[], Any]) -> None:
        """Run a write; on success edit what it returned and tell the other screens."""
        try:
            saved = action()
        except DomainError as refusal:
            self.error_label.setText(str(refusal))  # nothing was written
            return
        self._editing = saved
        self.refresh()
        self.data_changed.emit()
