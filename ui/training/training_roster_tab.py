"""Roster tab of the Training screen: personnel with training dates, due dates and status."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from models.training.rows import PersonRow, Status
from ui.training.person_dialog import PersonDialog
from ui.training.person_table_model import PersonTableModel

ATTENTION = {Status.OVERDUE, Status.DUE, Status.UNTRAINED}
FILTERS = [
    ("Everyone", None),
    ("Needs training", ATTENTION),
    ("Overdue", {Status.OVERDUE}),
    ("Due soon", {Status.DUE}),
    ("Not trained", {Status.UNTRAINED}),
    ("Current", {Status.CURRENT}),
]


class RosterTab(QWidget):
    data_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.model = PersonTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by name, badge or unit (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        for label, _statuses in FILTERS:
            self.status_filter.addItem(label)
        self.show_inactive = QCheckBox("Show inactive")
        self.add_button = QPushButton("Add person…")
        self.edit_button = QPushButton("Edit…")
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status_filter)
        top.addWidget(self.show_inactive)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.search.textChanged.connect(self.refresh)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.show_inactive.toggled.connect(self.refresh)
        self.add_button.clicked.connect(lambda: self.open_person(None))
        self.edit_button.clicked.connect(self._on_edit)
        self.table.doubleClicked.connect(self._on_double_click)

    def refresh(self) -> None:
        rows = self._services.training.list_personnel(
            include_inactive=self.show_inactive.isChecked(), text=self.search.text()
        )
        wanted = FILTERS[self.status_filter.currentIndex()][1]
        shown = [r for r in rows if wanted is None or r.status in wanted]
        self.model.set_rows(shown)
        self.table.resizeColumnsToContents()
        attention = sum(r.status in ATTENTION for r in shown)
        self.count_label.setText(f"{len(shown)} people shown, {attention} needing training")

    def selected(self) -> PersonRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def open_person(self, person: PersonRow | None) -> PersonDialog:
        dialog = PersonDialog(self._services, person, self)
        dialog.accepted.connect(self._on_saved)
        dialog.open()
        return dialog

    @Slot()
    def _on_edit(self) -> None:
        person = self.selected()
        if person is not None:
            self.open_person(person)

    @Slot(QModelIndex)
    def _on_double_click(self, index: QModelIndex) -> None:
        self.open_person(self.model.row_at(index.row()))

    @Slot()
    def _on_saved(self) -> None:
        self.refresh()
        self.data_changed.emit()
