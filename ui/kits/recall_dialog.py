"""Recall dialog: find a lot, see where it is (loose or inside kits) and which distributions
used it (dates and ZIPs only), and quarantine everything still on hand in one action.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.common.wording import counted, noun
from models.recall.rows import RecallResult, RecallTrace
from models.services import Services
from ui.widgets.background import BackgroundTask
from ui.widgets.error_label import error_label
from ui.widgets.input_limits import limit_free_text
from ui.widgets.recall_record import save_recall_record
from ui.widgets.screen_fit import fit_to_screen


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[object, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            if isinstance(value, int):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


class RecallDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recall trace")
        self._services = services
        self.trace: RecallTrace | None = None
        self.outcome: RecallResult | None = None
        self.search = QLineEdit()
        self.search.setAccessibleName("Lot number from the recall notice")
        self.search.setPlaceholderText("Lot number from the recall notice")
        self.search.setClearButtonEnabled(True)
        self.lots = QListWidget()
        self.lots.setAccessibleName("Matching lots")
        self.lots.setMaximumHeight(110)
        self.summary = QLabel("Type a lot number, then choose the lot.")
        self.summary.setWordWrap(True)
        self.holdings = _table(["Location", "Held as", "Kits", "Units", "Quarantined"])
        self.holdings.setAccessibleName("Where the lot is")
        self.uses = _table(["Used in", "Date", "ZIP", "Units", "Kit batch"])
        self.uses.setAccessibleName("Uses of the lot, by date and ZIP")
        self.reason = limit_free_text(QLineEdit())
        self.reason.setAccessibleName("Recall notice number or reason")
        self.reason.setPlaceholderText("Recall notice number or reason")
        self.quarantine_button = QPushButton("Quarantine all on hand")
        self.quarantine_button.setEnabled(False)
        self.record_button = QPushButton("Save record…")
        self.record_button.setToolTip(
            "Save the recall record of this lot as a PDF with a workbook beside it: what was "
            "quarantined, where it was found, uses by date and ZIP, and a signature line."
        )
        self.record_button.setEnabled(False)
        self.record_task: BackgroundTask | None = None
        self.error_label = error_label()
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._layout()
        self.search.textChanged.connect(self._on_search)
        self.lots.currentRowChanged.connect(self._on_lot_chosen)
        self.quarantine_button.clicked.connect(self._on_quarantine)
        self.record_button.clicked.connect(self._on_save_record)
        self.buttons.rejected.connect(self.reject)

    def _layout(self) -> None:
        root = QVBoxLayout(self)
        root.addWidget(self.search)
        root.addWidget(self.lots)
        root.addWidget(self.summary)
        root.addWidget(QLabel("<b>Where it is</b> (loose, or inside assembled kits)"))
        root.addWidget(self.holdings, 2)
        root.addWidget(QLabel("<b>Distributions and administrations that used it</b>"))
        root.addWidget(self.uses, 1)
        action = QHBoxLayout()
        action.addWidget(self.reason, 1)
        action.addWidget(self.quarantine_button)
        action.addWidget(self.record_button)
        root.addLayout(action)
        root.addWidget(self.error_label)
        root.addWidget(self.done_label)
        root.addWidget(self.buttons)
        fit_to_screen(self, 760, 640)

    def focus_search(self, text: str = "") -> None:
        self.search.setText(text)
        self.search.setFocus()

    @Slot(str)
    def _on_search(self, text: str) -> None:
        self.lots.clear()
        for row in self._services.recall.search_lots(text):
            expiry = row.expiry.isoformat() if row.expiry else "no expiry"
            item = QListWidgetItem(f"{row.lot_number} — {row.product_name} (exp {expiry})")
            item.setData(Qt.ItemDataRole.UserRole, row.lot_id)
            self.lots.addItem(item)
        if self.lots.count() == 1:
            self.lots.setCurrentRow(0)

    @Slot(int)
    def _on_lot_chosen(self, row: int) -> None:
        item = self.lots.item(row)
        if item is not None:
            self.show_trace(int(item.data(Qt.ItemDataRole.UserRole)))

    def show_trace(self, lot_id: int) -> None:
        self.error_label.clear()
        trace = self.trace = self._services.recall.trace_lot(lot_id)
        _fill(
            self.holdings,
            [
                (
                    h.location_path,
                    f"in kit batch {h.kit_lot_number}" if h.kit_lot_number else "loose",
                    h.kits or None,
                    h.units,
                    "yes" if h.quarantined else "",
                )
                for h in trace.holdings
            ],
        )
        _fill(
            self.uses,
            [
                (u.kind, u.occurred_on.isoformat(), u.zip_code, u.units, u.kit_lot_number)
                for u in trace.uses
            ],
        )
        places = len({h.location_id for h in trace.holdings})
        in_kits = sum(h.units for h in trace.holdings if h.kit_lot_number)
        batches, uses = len(trace.kit_lot_numbers), len(trace.uses)
        self.summary.setText(
            f"<b>{trace.product_name} lot {trace.lot_number}</b>: {trace.units_on_hand} units "
            f"on hand at {places} {noun(places, 'place')}, {in_kits} of them inside "
            f"{batches} {noun(batches, 'kit batch')}; {trace.units_outside_quarantine} "
            f"outside quarantine. Used {sum(u.units for u in trace.uses)} units in "
            f"{uses} recorded {noun(uses, 'use')} (distributions or administrations)."
        )
        self.quarantine_button.setEnabled(trace.units_outside_quarantine > 0)
        self.record_button.setEnabled(True)

    @Slot()
    def _on_save_record(self) -> None:
        if self.trace is None:
            return
        self.error_label.clear()
        self.record_task = save_recall_record(
            self,
            self._services,
            self.trace.lot_id,
            self.trace.lot_number,
            self.done_label.setText,
            self.error_label.setText,
        )

    @Slot()
    def _on_quarantine(self) -> None:
        if self.trace is None:
            return
        try:
            result = self._services.recall.quarantine_recalled(
                self.trace.lot_id, self.reason.text()
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.outcome = result
        self.done_label.setText(
            f"Quarantined {counted(result.loose_units, 'loose unit')} and "
            f"{counted(result.kits, 'kit')} from "
            f"{counted(result.locations, 'place')}."
        )
        self.show_trace(self.trace.lot_id)
