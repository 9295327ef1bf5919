"""Sources settings tab: the directory of free naloxone sources (health department programs,
county OEM, harm-reduction partners); add, edit, deactivate. Reorder requests use it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from models.rows import SourceRow
from models.services import Services
from ui.row_table_model import RowColumn, RowTableModel
from ui.source_editor import ORDERING_METHODS, PROGRAM_TYPES, SourceEditor

COLUMNS: list[RowColumn[SourceRow]] = [
    RowColumn("Source", lambda s: s.name),
    RowColumn("Program", lambda s: PROGRAM_TYPES.get(s.program_type, s.program_type)),
    RowColumn("Ordering", lambda s: ORDERING_METHODS.get(s.ordering_method, s.ordering_method)),
    RowColumn("Lead time", lambda s: s.lead_time_days, True, "Days from request to delivery"),
    RowColumn("Status", lambda s: "active" if s.active else "inactive"),
]


class SourcesSettingsTab(QWidget):
    data_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._editing: SourceRow | None = None
        self.model = RowTableModel(COLUMNS, self, is_active=lambda s: s.active)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.show_inactive = QCheckBox("Show inactive sources")
        self.new_button = QPushButton("New source")
        self.editor = SourceEditor()
        self.save_button = QPushButton("Save")
        self.active_button = QPushButton("Deactivate")
        self.heading = QLabel()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self._layout()
        self.show_inactive.toggled.connect(self.refresh)
        self.new_button.clicked.connect(lambda: self._edit(None))
        self.save_button.clicked.connect(self._on_save)
        self.active_button.clicked.connect(self._on_toggle_active)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)

    def _layout(self) -> None:
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch(1)
        top.addWidget(self.show_inactive)
        left_box.addLayout(top)
        left_box.addWidget(self.table, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.editor)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.heading)
        right_box.addWidget(scroll, 1)
        right_box.addWidget(self.error_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.active_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right_box.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        QVBoxLayout(self).addWidget(splitter)

    def refresh(self) -> None:
        keep = self._editing.id if self._editing else None
        active_only = not self.show_inactive.isChecked()
        self.model.set_rows(self._services.catalog.list_sources(active_only=active_only))
        self.table.resizeColumnsToContents()
        row = self.model.row_of(lambda s: s.id == keep) if keep else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            self._edit(self.model.row_at(row))
        else:
            self._edit(None)

    @Slot()
    def _on_row_changed(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._edit(self.model.row_at(index.row()))

    def _edit(self, source: SourceRow | None) -> None:
        self._editing = source
        self.editor.load(source)
        self.error_label.clear()
        self.heading.setText(f"<b>{source.name}</b>" if source else "<b>New source</b>")
        self.active_button.setEnabled(source is not None)
        self.active_button.setText("Reactivate" if source and not source.active else "Deactivate")
        if source is None:
            self.table.selectionModel().clear()
            self.editor.lines["name"].setFocus()

    @Slot()
    def _on_save(self) -> None:
        source_id = self._editing.id if self._editing else None
        try:
            saved = self._services.catalog.save_source(source_id, **self.editor.values())
        except DomainError as refusal:
            self.error_label.setText(str(refusal))  # nothing was written
            return
        self._after_write(saved)

    @Slot()
    def _on_toggle_active(self) -> None:
        if self._editing is None:
            return
        try:
            saved = self._services.catalog.save_source(
                self._editing.id, active=not self._editing.active
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        if not saved.active:
            self.show_inactive.blockSignals(True)
            self.show_inactive.setChecked(True)  # keep it in sight so it can be reactivated
            self.show_inactive.blockSignals(False)
        self._after_write(saved)

    def _after_write(self, saved: SourceRow) -> None:
        self._editing = saved
        self.refresh()
        self.data_changed.emit()
