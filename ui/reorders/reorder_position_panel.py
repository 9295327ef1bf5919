"""Stock position tab of the Reorders screen: every item's max-min result and its steps."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
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

from models.common.wording import counted, plural
from models.reorders.calc import DEFAULT_LEAD_TIME_DAYS, fmt_number
from models.reorders.rows import Proposal, ProposalLine
from models.services import Services
from ui.widgets.row_table_model import RowColumn, RowTableModel


def _months(line: ProposalLine) -> str | None:
    value = line.result.months_of_stock
    return None if value is None else f"{value:.1f}"


def _order(line: ProposalLine) -> str:
    r = line.result
    if not r.packages:
        return "—"
    return f"{counted(r.packages, line.package_name)} = {r.order_units}"


def _basis(line: ProposalLine) -> str:
    surge = f" × {fmt_number(line.surge)} surge" if line.surge != 1 else ""
    return line.result.basis + surge


COLUMNS: list[RowColumn[ProposalLine]] = [
    RowColumn("Item", lambda x: x.label),
    RowColumn("Suggested order", _order, True),
    RowColumn("Basis", _basis),
    RowColumn("AMC / month", lambda x: f"{x.result.amc:.1f}", True, "Average monthly consumption"),
    RowColumn("Days", lambda x: x.history_days, True, "Days of history the AMC is based on"),
    RowColumn("Loose", lambda x: x.result.loose, True, "On hand outside kits"),
    RowColumn("In kits", lambda x: x.result.in_kits, True, "Inside ready kits (counted as stock)"),
    RowColumn("Expiring", lambda x: x.result.expiring, True, "Expires before delivery or use"),
    RowColumn("Usable", lambda x: x.result.usable, True),
    RowColumn("On order", lambda x: x.result.on_order, True),
    RowColumn("Min", lambda x: x.result.min_units, True, "Reorder point"),
    RowColumn("Max", lambda x: x.result.max_units, True),
    RowColumn("Months of stock", _months, True),
]


class ReorderPositionPanel(QWidget):
    """What to order today and why; selecting an item shows each step of its calculation."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._proposal: Proposal | None = None
        self.station = QComboBox()
        self.station.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.source = QComboBox()
        self.only_to_order = QCheckBox("Only items to order or due")
        self.only_to_order.setChecked(False)
        self.model: RowTableModel[ProposalLine] = RowTableModel(
            COLUMNS, self, highlight=lambda x: x.result.due, empty="—"
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.steps = QPlainTextEdit()
        self.steps.setReadOnly(True)
        self.steps.setPlaceholderText("Select an item to see how its quantity was computed.")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self._layout()
        self.station.currentIndexChanged.connect(self.refresh)
        self.source.currentIndexChanged.connect(self.refresh)
        self.only_to_order.toggled.connect(self._show)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Stock of"))
        top.addWidget(self.station)
        top.addWidget(QLabel("Ordering from"))
        top.addWidget(self.source, 1)
        top.addWidget(self.only_to_order)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.steps)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)

    def load_choices(self) -> None:
        """Stations and sources, keeping the current choices."""
        for combo in (self.station, self.source):
            combo.blockSignals(True)
        station, source = self.station.currentData(), self.source.currentData()
        self.station.clear()
        self.station.addItem("All stations", None)
        for place in self._services.catalog.list_locations(include_inactive=False):
            if place.kind == "station":
                self.station.addItem(place.name, place.id)
        self.source.clear()
        self.source.addItem(f"Any source (lead time {DEFAULT_LEAD_TIME_DAYS} days)", None)
        for row in self._services.catalog.list_sources(active_only=True):
            self.source.addItem(f"{row.name} ({row.lead_time_days} days)", row.id)
        self.station.setCurrentIndex(max(0, self.station.findData(station)))
        self.source.setCurrentIndex(max(0, self.source.findData(source)))
        for combo in (self.station, self.source):
            combo.blockSignals(False)

    @Slot()
    def refresh(self) -> None:
        self._proposal = self._services.reorders.propose(
            source_id=self.source.currentData(), station_id=self.station.currentData()
        )
        self._show()

    @property
    def proposal(self) -> Proposal | None:
        return self._proposal

    @Slot()
    def _show(self) -> None:
        if self._proposal is None:
            return
        lines = list(self._proposal.lines)
        if self.only_to_order.isChecked():
            lines = [x for x in lines if x.result.packages or x.result.due]
        self.model.set_rows(lines)
        self.table.resizeColumnsToContents()
        self.steps.clear()
        due = sum(1 for x in self._proposal.lines if x.result.due)
        to_order = sum(1 for x in self._proposal.lines if x.result.packages)
        self.summary.setText(
            f"{counted(due, 'item')} at or below the minimum (shaded), {to_order} to order. "
            f"{self._proposal.parameters_text}; lead time {self._proposal.lead_time_days} days."
        )
        if lines:
            self.table.selectRow(0)

    @Slot()
    def _on_row(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.steps.clear()
            return
        line = self.model.row_at(index.row())
        header = f"{line.label} — NDC {line.ndc or '—'}; {line.units_per_package} "
        header += f"{plural(line.unit)} per {line.package_name}"
        self.steps.setPlainText("\n".join([header, *line.result.steps]))
