"""Sources settings tab: the directory of free naloxone sources (health department programs,
county OEM, harm-reduction partners); add, edit, deactivate. Reorder requests use it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.services import Services
from models.stock.rows import SourceRow
from ui.settings.list_editor_tab import ListEditorTab
from ui.settings.source_editor import ORDERING_METHODS, PROGRAM_TYPES, SourceEditor
from ui.widgets.row_table_model import RowColumn

COLUMNS: list[RowColumn[SourceRow]] = [
    RowColumn("Source", lambda s: s.name),
    RowColumn("Program", lambda s: PROGRAM_TYPES.get(s.program_type, s.program_type)),
    RowColumn("Ordering", lambda s: ORDERING_METHODS.get(s.ordering_method, s.ordering_method)),
    RowColumn("Lead time", lambda s: s.lead_time_days, True, "Days from request to delivery"),
    RowColumn("Status", lambda s: "active" if s.active else "inactive"),
]


class SourcesSettingsTab(ListEditorTab[SourceRow]):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, COLUMNS, "New source", lambda s: s.active, parent)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.show_inactive = QCheckBox("Show inactive sources")
        self.editor = SourceEditor()
        self.save_button = QPushButton("Save")
        self.active_button = QPushButton("Deactivate")
        self._layout()
        self.show_inactive.toggled.connect(self.refresh)
        self.save_button.clicked.connect(self._on_save)
        self.active_button.clicked.connect(self._on_toggle_active)

    def _layout(self) -> None:
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
        self._place(right, (1, 1), beside_new=self.show_inactive)

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
        self._act(lambda: self._services.catalog.save_source(source_id, **self.editor.values()))

    @Slot()
    def _on_toggle_active(self) -> None:
        editing = self._editing
        if editing is None:
            return

        def toggle() -> SourceRow:
            saved = self._services.catalog.save_source(editing.id, active=not editing.active)
            if not saved.active:
                self.show_inactive.blockSignals(True)
                self.show_inactive.setChecked(True)  # keep it in sight to reactivate it
                self.show_inactive.blockSignals(False)
            return saved

        self._act(toggle)
