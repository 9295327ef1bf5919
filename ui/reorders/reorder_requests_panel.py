"""Requests tab of the Reorders screen: history per source, one request's lines and steps.

Actions (send, receive, print, export, cancel) belong to the Reorders screen; this panel shows
the selection and says which actions fit it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.common.wording import counted
from models.reorders.rows import ReorderLineRow, ReorderRow, ReorderSheet
from models.reorders.status import ReorderStatus
from models.services import Services
from ui.widgets.row_table_model import RowColumn, RowTableModel

REQUEST_COLUMNS: list[RowColumn[ReorderRow]] = [
    RowColumn("Number", lambda x: x.number),
    RowColumn("Created", lambda x: f"{x.created_at:%Y-%m-%d}"),
    RowColumn("Source", lambda x: x.source_name),
    RowColumn("Status", lambda x: x.status_label),
    RowColumn("Sent", lambda x: f"{x.sent_on:%Y-%m-%d}" if x.sent_on else None),
    RowColumn("Stock of", lambda x: x.station_name),
    RowColumn("Items", lambda x: x.line_count, True),
    RowColumn("Units", lambda x: x.units, True),
    RowColumn("Received", lambda x: x.received_units, True),
]
LINE_COLUMNS: list[RowColumn[ReorderLineRow]] = [
    RowColumn("Item", lambda x: x.label),
    RowColumn("NDC", lambda x: _short_ndc(x.ndc), tooltip="Any of these NDCs for a group line"),
    RowColumn(
        "Requested",
        lambda x: f"{counted(x.packages, x.package_name)} = {counted(x.quantity, x.unit)}",
    ),
    RowColumn("Received", lambda x: x.received, True),
    RowColumn("Outstanding", lambda x: x.outstanding, True),
    RowColumn("Basis", lambda x: x.basis),
]


class ReorderRequestsPanel(QWidget):
    selection_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._sheet: ReorderSheet | None = None
        self.source_filter = QComboBox()
        self.status_filter = QComboBox()
        self.status_filter.addItem("Any status", None)
        for status in ReorderStatus:
            self.status_filter.addItem(status.label, status.value)
        self.model: RowTableModel[ReorderRow] = RowTableModel(REQUEST_COLUMNS, self, empty="—")
        self.table = _table(self.model)
        self.line_model: RowTableModel[ReorderLineRow] = RowTableModel(
            LINE_COLUMNS, self, empty="—"
        )
        self.lines = _table(self.line_model)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps = QPlainTextEdit()
        self.steps.setReadOnly(True)
        self.steps.setPlaceholderText("Select a line to see the basis of its quantity.")
        self._layout()
        self.source_filter.currentIndexChanged.connect(self.refresh)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._on_request)
        self.lines.selectionModel().currentRowChanged.connect(self._on_line)

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Source"))
        filters.addWidget(self.source_filter, 1)
        filters.addWidget(QLabel("Status"))
        filters.addWidget(self.status_filter)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.header)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.lines)
        lower.addWidget(self.steps)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 1)
        detail_layout.addWidget(lower, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(split, 1)

    def load_choices(self) -> None:
        current = self.source_filter.currentData()
        self.source_filter.blockSignals(True)
        self.source_filter.clear()
        self.source_filter.addItem("All sources", None)
        for row in self._services.catalog.list_sources():
            self.source_filter.addItem(row.name, row.id)
        self.source_filter.setCurrentIndex(max(0, self.source_filter.findData(current)))
        self.source_filter.blockSignals(False)

    @Slot()
    def refresh(self, select_id: int | None = None) -> None:
        current = self.current()
        keep = select_id or (current.id if current else None)
        rows = self._services.reorders.list_reorders(
            source_id=self.source_filter.currentData(), status=self.status_filter.currentData()
        )
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        index = next((i for i, r in enumerate(rows) if r.id == keep), 0 if rows else -1)
        if index >= 0:
            self.table.selectRow(index)
        self._on_request()

    def current(self) -> ReorderRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    @property
    def sheet(self) -> ReorderSheet | None:
        return self._sheet

    @Slot()
    def _on_request(self) -> None:
        row = self.current()
        self._sheet = None if row is None else self._services.reorders.sheet(row.id)
        sheet = self._sheet
        self.line_model.set_rows(sheet.lines if sheet else [])
        self.lines.resizeColumnsToContents()
        self.steps.clear()
        self.header.setText(_describe(sheet) if sheet else "No request selected.")
        if sheet and sheet.lines:
            self.lines.selectRow(0)
        self.selection_changed.emit()

    @Slot()
    def _on_line(self) -> None:
        index = self.lines.currentIndex()
        if not index.isValid():
            return
        line = self.line_model.row_at(index.row())
        self.steps.setPlainText("\n".join([line.label, *line.steps]))


def _describe(sheet: ReorderSheet) -> str:
    r = sheet.reorder
    parts = [f"<b>{r.number}</b> to <b>{_esc(sheet.source_name)}</b> — {r.status_label}"]
    if sheet.registration_number:
        parts.append(f"registration {_esc(sheet.registration_number)}")
    if sheet.trained_count is not None:
        parts.append(f"{sheet.trained_count} trained personnel")
    history = "; ".join(
        f"{h.status_label} {h.at:%Y-%m-%d} by {_esc(h.user)}"
        + (f" ({_esc(h.note)})" if h.note else "")
        for h in sheet.history
    )
    return " · ".join(parts) + f"<br><small>History: {history}</small>"


def _short_ndc(ndc: str) -> str | None:
    codes = [x.strip() for x in ndc.split(",") if x.strip()]
    if not codes:
        return None
    return codes[0] + (f" (+{len(codes) - 1})" if len(codes) > 1 else "")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(model: RowTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view
