"""Kits screen: kits ready by location against par, kit batches with expiry bands and re-kit
flags, recipes; assemble, transfer, re-kit, recall, labels and resource cards from here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.common.wording import counted, noun
from models.kits.report_pdf import write_kits_ready_pdf
from models.kits.rows import KitReadyRow, KitStockRow
from models.services import Services
from models.stock.service import NO_LOT
from ui.kits.assemble_dialog import AssembleDialog
from ui.kits.disassemble_dialog import DisassembleDialog
from ui.kits.kit_labels_dialog import KitLabelsDialog
from ui.kits.kit_par_dialog import KitParDialog
from ui.kits.kit_ready_table_model import KitReadyTableModel
from ui.kits.kit_stock_table_model import KitStockTableModel
from ui.kits.kit_transfer_dialog import KitTransferDialog
from ui.kits.recall_dialog import RecallDialog
from ui.kits.recipes_panel import RecipesPanel
from ui.kits.resource_cards_dialog import ResourceCardsDialog
from ui.kits.vehicle_check_dialog import VehicleCheckDialog
from ui.widgets.expiry_style import bands_of, legend_html
from ui.widgets.page import Page
from ui.widgets.pdf_preview_dialog import PdfPreviewDialog
from ui.widgets.scratch import scratch_folder


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)  # no column chosen: rows stay in tree / expiry order
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


T = TypeVar("T")


class KitsView(Page):
    title = "Kits"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.ready_model = KitReadyTableModel(self)
        self.ready_table = _table(self.ready_model)
        self.stock_model = KitStockTableModel(self)
        self.stock_table = _table(self.stock_model)
        self.recipes = RecipesPanel(services, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter kit batches by batch, recipe or location (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.batch_details = QLabel()
        self.batch_details.setWordWrap(True)
        self.summary = QLabel()
        self.legend = QLabel()
        self.buttons: dict[str, QPushButton] = {}
        self.tabs = QTabWidget()
        self._layout()
        self.search.textChanged.connect(self._fill_stock)
        self.stock_table.selectionModel().selectionChanged.connect(self._on_batch_selected)
        self.recipes.recipes_changed.connect(self.data_changed)

    def _layout(self) -> None:
        actions: list[tuple[str, Callable[[], None]]] = [
            ("Assemble…", self.open_assemble),
            ("Transfer…", self.open_transfer),
            ("Vehicle check…", self.open_vehicle_check),
            ("Re-kit / disassemble…", self.open_disassemble),
            ("Recall trace…", self.open_recall),
            ("Labels…", self.open_labels),
            ("Resource cards…", self.open_cards),
        ]
        bar = QHBoxLayout()
        for text, slot in actions:
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons[text] = button
            bar.addWidget(button)
        bar.addStretch(1)
        ready_page = QWidget()
        ready_layout = QVBoxLayout(ready_page)
        par_bar = QHBoxLayout()
        par_button = QPushButton("Set par level…")
        par_button.clicked.connect(self.open_par)
        self.buttons["Set par level…"] = par_button
        par_bar.addWidget(QLabel("Ready kits per place against its par level."), 1)
        par_bar.addWidget(par_button)
        ready_layout.addLayout(par_bar)
        ready_layout.addWidget(self.ready_table, 1)
        stock_page = QWidget()
        stock_layout = QVBoxLayout(stock_page)
        stock_layout.addWidget(self.search)
        stock_layout.addWidget(self.stock_table, 1)
        stock_layout.addWidget(self.batch_details)
        self.tabs.addTab(ready_page, "Ready by location")
        self.tabs.addTab(stock_page, "Kit batches")
        self.tabs.addTab(self.recipes, "Recipes")
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.legend)
        root = QVBoxLayout(self)
        root.addLayout(bar)
        root.addWidget(self.tabs, 1)
        root.addLayout(bottom)

    # --- reading ------------------------------------------------------------------------

    def refresh(self) -> None:
        bands = bands_of(self._services)
        self.ready_model.set_bands(bands)
        self.stock_model.bands = bands
        self.legend.setText(legend_html(bands, quarantine=True, short=True))
        ready = self._services.kits.kits_ready_by_location()
        self.ready_model.set_rows(ready)
        self.ready_table.resizeColumnsToContents()
        self._stock = self._services.kits.list_kit_stock()
        self._fill_stock()
        self.recipes.refresh()
        self.summary.setText(self._summary(ready))

    @staticmethod
    def _summary(rows: list[KitReadyRow]) -> str:
        ready = sum(r.ready for r in rows)
        places = len({r.location_id for r in rows if r.ready})
        short = [r for r in rows if r.short]
        rekit = sum(r.needs_rekit for r in rows)
        text = f"{ready} {noun(ready, 'kit')} ready at {places} {noun(places, 'place')}"
        if short:
            text += f"; {len(short)} below par (short {sum(r.short for r in short)})"
        if rekit:
            text += f"; {rekit} need re-kitting"
        return text + "."

    @Slot()
    def _fill_stock(self) -> None:
        needle = self.search.text().strip().lower()
        rows = [
            r
            for r in getattr(self, "_stock", [])
            if not needle or needle in f"{r.lot_number} {r.recipe_name} {r.location_path}".lower()
        ]
        self.stock_model.set_rows(rows)
        self.stock_table.resizeColumnsToContents()

    def selected_stock(self) -> KitStockRow | None:
        indexes = self.stock_table.selectionModel().selectedRows()
        return self.stock_model.row_at(indexes[0].row()) if indexes else None

    def selected_ready(self) -> KitReadyRow | None:
        indexes = self.ready_table.selectionModel().selectedRows()
        return self.ready_model.row_at(indexes[0].row()) if indexes else None

    @Slot()
    def _on_batch_selected(self) -> None:
        row = self.selected_stock()
        if row is None:
            self.batch_details.clear()
            return
        batch = self._services.kits.get_batch(row.lot_id)
        parts = "; ".join(
            f"{c.quantity_per_kit} × {c.product_name}"
            + ("" if c.lot_number == NO_LOT else f" lot {c.lot_number}")
            + (f" (exp {c.expiry.isoformat()})" if c.expiry else "")
            + (" — OUT OF DATE" if c.out_of_date else "")
            for c in batch.components
        )
        self.batch_details.setText(
            f"Kit batch {batch.lot_number} ({batch.recipe_name}), {batch.quantity} kits "
            f"assembled {batch.assembled_on.isoformat()}: {parts}"
        )

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.search.setFocus()
        self.search.selectAll()

    def print_page(self) -> bool:
        path = scratch_folder("kits") / "kits-ready.pdf"
        write_kits_ready_pdf(
            path,
            self.ready_model.rows(),
            self._services.settings.agency_name(),
            bands_of(self._services),
            self._services.clock.now(),
        )
        PdfPreviewDialog(path, self, "Kits ready by location").exec()
        return True

    # --- actions ------------------------------------------------------------------------

    def _run(self, dialog: QDialog, message: Callable[[], str] | None = None) -> bool:
        if not dialog.exec():
            return False
        self.refresh()
        self.data_changed.emit()
        if message is not None:
            self.status_message.emit(message())
        return True

    @Slot()
    def open_assemble(self) -> None:
        ready = self.selected_ready()
        dialog = AssembleDialog(
            self._services, self, location_id=ready.location_id if ready else None
        )
        self._run(
            dialog,
            lambda: (
                f"Assembled {counted(_done(dialog.outcome).kits, 'kit')}"
                f" (kit lot {', '.join(b.lot_number for b in _done(dialog.outcome).batches)})."
            ),
        )

    @Slot()
    def open_transfer(self) -> None:
        dialog = KitTransferDialog(self._services, self, self.selected_stock())
        self._run(dialog, lambda: f"Transferred {counted(_done(dialog.outcome).quantity, 'kit')}.")

    @Slot()
    def open_vehicle_check(self, location_id: int | None = None) -> None:
        """The crew's shift-start check of a vehicle (the one selected, unless named)."""
        if location_id is None:
            selected = self.selected_ready() or self.selected_stock()
            location_id = selected.location_id if selected is not None else None
        dialog = VehicleCheckDialog(self._services, self, location_id)
        self._run(dialog, lambda: f"Vehicle check recorded: {_done(dialog.outcome).result}.")

    @Slot()
    def open_disassemble(self) -> None:
        row = self.selected_stock()
        dialog = DisassembleDialog(
            self._services, self, row, rebuild=bool(row and row.rekit_reason)
        )
        self._run(
            dialog,
            lambda: (
                f"Opened {counted(_done(dialog.outcome).kits, 'kit')}"
                + (" and rebuilt them." if _done(dialog.outcome).rebuilt else ".")
            ),
        )

    @Slot()
    def open_recall(self) -> None:
        dialog = RecallDialog(self._services, self)
        dialog.exec()
        if dialog.outcome is not None:
            self.refresh()
            self.data_changed.emit()

    @Slot()
    def open_labels(self) -> None:
        row = self.selected_stock()
        KitLabelsDialog(self._services, self, row.lot_id if row else None).exec()

    @Slot()
    def open_cards(self) -> None:
        dialog = ResourceCardsDialog(self._services, self)
        self._run(dialog, lambda: f"Resource cards {dialog.version} printed and booked.")

    @Slot()
    def open_par(self) -> None:
        ready = self.selected_ready()
        dialog = KitParDialog(
            self._services,
            self,
            ready.location_id if ready else None,
            ready.kit_product_id if ready else None,
        )
        self._run(dialog)


def _done(outcome: T | None) -> T:
    """What an accepted dialog did (it is set whenever the dialog was accepted)."""
    assert outcome is not None
    return outcome
