"""Inventory screen: stock by lot and location, by product and by location, with filters,
expiry colours and the stock actions on the selected line.

Rows are loaded once per refresh; filters re-filter those plain rows, so typing stays fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from models.common.pdf import PageFrame
from models.common.wording import counted
from models.services import Services
from models.stock.rows import LocationRow, LocationTotalRow, OnHandRow, ProductRow
from models.stock.summary import totals_by_location, totals_by_product
from ui.inventory.inventory_filter_bar import InventoryFilterBar
from ui.inventory.on_hand_table_model import Column, OnHandTableModel
from ui.inventory.product_totals_table_model import ProductTotalsTableModel
from ui.inventory.scanned_lot import scanned_lot
from ui.inventory.stock_actions import StockActions, StockTarget
from ui.widgets.background import BackgroundTask, run_in_background
from ui.widgets.expiry_style import bands_of, legend_html
from ui.widgets.left_elide_delegate import LeftElideDelegate
from ui.widgets.location_tree_model import LocationTreeModel
from ui.widgets.menus import STOCK_LABELS
from ui.widgets.page import Page
from ui.widgets.scratch import scratch_folder

if TYPE_CHECKING:
    from ui.widgets.pdf_preview_dialog import PdfPreviewDialog

LOTS, PRODUCTS, LOCATIONS = 0, 1, 2
VIEW_TITLES = ["By lot and location", "By product", "By location"]
# Which actions make sense on which view (Receive always does).
ACTIONS_FOR_VIEW = {
    LOTS: {"transfer", "count", "quarantine", "dispose", "reverse", "history"},
    PRODUCTS: {"transfer"},
    LOCATIONS: {"transfer", "count", "quarantine", "dispose", "reverse", "history"},
}


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.setAlternatingRowColors(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    return view


def _stretch_first_column(header: QHeaderView) -> None:
    """Names take the spare width; numbers stay next to them rather than at the far edge."""
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


PRODUCT_COLUMN_MAX = 250


class InventoryView(Page):
    title = "Inventory"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._rows: list[OnHandRow] = []
        self._products: list[ProductRow] = []
        self._places: list[LocationRow] = []
        self._bands = bands_of(services)
        self._pdf_dir = scratch_folder("inventory")
        self.last_preview: PdfPreviewDialog | None = None
        self._print_task: BackgroundTask | None = None
        self._location_rows: list[LocationTotalRow] = []
        self.stock_actions = StockActions(services, self)
        self.filters = InventoryFilterBar()
        self.model = OnHandTableModel(self)
        self.product_model = ProductTotalsTableModel(self)
        self.location_model = LocationTreeModel(self)
        self.table = _table(self.model)
        self._left_elide = LeftElideDelegate(self.table)
        column, order = self.model.sort_state
        self.table.horizontalHeader().setSortIndicator(column, order)  # before sorting is on
        self.table.setSortingEnabled(True)
        self.product_table = _table(self.product_model)
        _stretch_first_column(self.product_table.horizontalHeader())
        self.product_table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.product_table.setSortingEnabled(True)  # by name, as the indicator says
        self.location_tree = QTreeView()
        self.location_tree.setModel(self.location_model)
        self.location_tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.location_tree.setUniformRowHeights(True)
        self.location_tree.setAlternatingRowColors(True)
        _stretch_first_column(self.location_tree.header())
        self.views = QTabWidget()
        for view, title in zip(
            (self.table, self.product_table, self.location_tree), VIEW_TITLES, strict=True
        ):
            self.views.addTab(view, title)
        self.toolbar = QToolBar("Stock actions")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.action_buttons: dict[str, QAction] = {}
        for name in STOCK_LABELS:
            action = QAction(STOCK_LABELS[name] + "…", self)
            action.triggered.connect(lambda _=False, n=name: self.run_action(n))
            self.action_buttons[name] = action
            self.toolbar.addAction(action)
        self.summary = QLabel()
        self.legend = QLabel(legend_html(self._bands, quarantine=True))
        self._layout()
        self._connect()

    def _layout(self) -> None:
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.addWidget(self.filters)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.views, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.filters.changed.connect(self._apply_filters)
        self.views.currentChanged.connect(self._update_actions)
        self.stock_actions.stock_changed.connect(self._on_stock_changed)
        for view in (self.table, self.product_table, self.location_tree):
            view.customContextMenuRequested.connect(
                lambda pos, v=view: self._on_context_menu(v, pos)
            )
            view.doubleClicked.connect(self._on_double_clicked)
        for view in (self.table, self.product_table, self.location_tree):
            view.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)

    # --- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload stock and reference lists from the services, keeping filters and selection."""
        keep = self.target()
        snapshot = self._services.stock.inventory()  # one read transaction
        self._bands = snapshot.bands
        self._rows = snapshot.rows
        self._products = snapshot.products
        self._places = snapshot.places
        self.filters.set_choices(self._products, self._places, self._bands)
        self.model.set_bands(self._bands)
        self.product_model.set_warning_days(self._bands[1])
        self.legend.setText(legend_html(self._bands, quarantine=True))
        self._apply_filters()
        self.select_lot(keep.lot_id, keep.location_id)

    @Slot()
    def _apply_filters(self) -> None:
        criteria = self.filters.criteria()
        shown = criteria.apply(self._rows)
        self.model.set_rows(shown)
        products = self._products
        if criteria.product_id is not None:
            products = [p for p in products if p.id == criteria.product_id]
        elif criteria.text.strip() or criteria.expiry != "any":
            present = {r.product_id for r in shown}
            products = [p for p in products if p.id in present]
        self.product_model.set_rows(totals_by_product(shown, products, self._bands[1]))
        holding = {r.location_id for r in shown}
        places = [p for p in self._places if p.active or p.id in holding]
        if criteria.location_ids is not None:
            places = [p for p in places if p.id in criteria.location_ids]
        self._location_rows = totals_by_location(shown, places)
        self.location_model.set_rows(self._location_rows)
        self.location_tree.expandAll()
        self._fit_columns()
        units = sum(r.quantity for r in shown)
        expired = sum(r.quantity for r in shown if r.expired and not r.quarantined)
        self.summary.setText(
            f"{len(shown)} lot/location rows, {units} units ({expired} expired)"
            + ("" if not self.filters.is_filtered() else f" — {self.filters.describe()}")
        )

    def _fit_columns(self) -> None:
        for view in (self.table, self.product_table):
            if view.model().rowCount() <= 2000:  # measuring every row costs time at 50k rows
                view.resizeColumnsToContents()
        # Long product names are elided (full name in the tooltip) so the location stays in view.
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), PRODUCT_COLUMN_MAX))
        self.table.setItemDelegateForColumn(Column.LOCATION, self._left_elide)
        for column in range(1, self.location_model.columnCount()):
            self.location_tree.resizeColumnToContents(column)
            width = self.location_tree.columnWidth(column)
            self.location_tree.setColumnWidth(column, max(width + 16, 84))

    # --- selection ----------------------------------------------------------------------

    def current_view(self) -> int:
        return self.views.currentIndex()

    def show_view(self, view: int) -> None:
        self.views.setCurrentIndex(view)

    def target(self) -> StockTarget:
        """What the selected line of the current view points at (empty if nothing selected)."""
        view = self.views.currentWidget()
        model = view.selectionModel() if isinstance(view, QAbstractItemView) else None
        index = model.currentIndex() if model else QModelIndex()
        selected = model.selectedRows() if model else []
        if not index.isValid() or not selected:
            return StockTarget()
        if view is self.table:
            row = self.model.row_at(index.row())
            return StockTarget(row.lot_id, row.location_id, row.product_id)
        if view is self.product_table:
            return StockTarget(product_id=self.product_model.row_at(index.row()).product_id)
        location_id = self.location_model.data(index, LocationTreeModel.IdRole)
        return StockTarget(location_id=location_id)

    def select_lot(self, lot_id: int | None, location_id: int | None) -> bool:
        for number, row in enumerate(self.model.rows()):
            if row.lot_id == lot_id and row.location_id == location_id:
                self.table.selectRow(number)
                return True
        return False

    def select_location(self, location_id: int) -> None:
        index = self.location_model.index_of(location_id)
        self.location_tree.selectionModel().setCurrentIndex(
            index,
            self.location_tree.selectionModel().SelectionFlag.ClearAndSelect
            | self.location_tree.selectionModel().SelectionFlag.Rows,
        )

    @Slot()
    def _update_actions(self) -> None:
        target = self.target()
        allowed = ACTIONS_FOR_VIEW[self.current_view()]
        row = self.model.row_at(self.table.currentIndex().row()) if target.lot_id else None
        for name, action in self.action_buttons.items():
            always = name in ("receive", "count_place")
            enabled = always or (name in allowed and target != StockTarget())
            if name == "quarantine" and row is not None and row.quarantined:
                enabled = False
            action.setEnabled(enabled)

    # --- actions ------------------------------------------------------------------------

    def run_action(self, name: str):
        return self.stock_actions.open(name, self.target())

    @Slot()
    def open_receive(self) -> None:
        self.run_action("receive")

    def _on_context_menu(self, view: QAbstractItemView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        if index.isValid():
            view.selectionModel().setCurrentIndex(
                index,
                view.selectionModel().SelectionFlag.ClearAndSelect
                | view.selectionModel().SelectionFlag.Rows,
            )
        menu = self.context_menu()
        menu.popup(view.viewport().mapToGlobal(pos))

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        for action in self.action_buttons.values():
            if action.isEnabled():
                menu.addAction(action)
        if self.current_view() == PRODUCTS and self.target().product_id is not None:
            menu.addSeparator()
            menu.addAction("Show its lots", self._show_product_lots)
        return menu

    @Slot(QModelIndex)
    def _on_double_clicked(self, _index: QModelIndex) -> None:
        if self.current_view() == PRODUCTS:
            self._show_product_lots()
        else:
            self.run_action("history")

    @Slot()
    def _show_product_lots(self) -> None:
        product_id = self.target().product_id
        self.show_view(LOTS)
        self.filters.set_product(product_id)

    @Slot(object)
    def _on_stock_changed(self, operation: object) -> None:
        self.refresh()
        self.data_changed.emit()
        if operation is not None and hasattr(operation, "reason"):
            self.status_message.emit(saved_message(operation))

    @Slot(str)
    # --- Page ---------------------------------------------------------------------------

    def show_scan(self, text: str) -> None:
        """A scan caught anywhere: the lot's stock by place, selected for history and actions."""
        found = scanned_lot(self._services, text)
        self.status_message.emit(found.message)
        if found.product_id is None:
            return
        self.filters.clear()
        self.show_view(LOTS)
        if found.lot_number is not None:
            self.filters.search.setText(found.lot_number)
        self.filters.set_product(found.product_id)
        if self.model.rows():
            self.table.selectRow(0)
            self.table.setFocus()

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def print_page(self) -> bool:
        """Ctrl+P: the current view as filtered, as a PDF in the preview dialog."""
        from models.stock import inventory_pdf

        view, criteria = self.current_view(), self.filters.describe()
        frame = PageFrame(
            f"Inventory — {VIEW_TITLES[view].lower()}",
            self._services.settings.agency_name(),
            f"As of {self._services.clock.now():%Y-%m-%d %H:%M}",
            self._services.clock.now(),
            landscape=True,
        )
        kind = ["lots", "products", "locations"][view]
        every: list[Sequence[Any]] = [
            self.model.rows(),
            self.product_model.rows(),
            list(self._location_rows),
        ]
        rows = every[view]
        path, bands = self._pdf_dir / f"inventory-{kind}.pdf", self._bands
        self._print_task = run_in_background(
            self,
            "Preparing the printout…",
            lambda _progress: inventory_pdf.write_view_pdf(
                path, frame, kind, rows, criteria, bands
            ),
            self._preview,
        )
        return True

    def _preview(self, path: Path) -> None:
        from ui.widgets.pdf_preview_dialog import PdfPreviewDialog

        preview = self.last_preview = PdfPreviewDialog(path, self, "Inventory printout")
        preview.open()


SAVED = {
    "receive": "Received",
    "transfer": "Transferred",
    "adjust": "Count recorded:",
    "quarantine": "Quarantined",
    "dispose": "Disposed of",
    "reversal": "Reversed",
}


def saved_message(operation) -> str:
    """What was saved, in words: 'Received 24 units (3 lines).'; History has the number."""
    verb = SAVED.get(operation.reason, "Saved")
    if operation.reason == "adjust":
        return f"{verb} the books now match what you counted."
    lines = f" ({counted(operation.move_count, 'line')})" if operation.move_count > 2 else ""
    return f"{verb} {counted(abs(operation.quantity), 'unit')}{lines}."
