"""Count a place (stocktake): the expected lots of a supply room, cabinet, vehicle or whole
station in one table; scan (one package per scan) or type what is there, pause and resume,
print a count sheet, post the differences as one operation with a reason for each."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.common.pdf import PageFrame
from models.services import Services
from models.stock.count_rows import CountLineRow, CountSheet
from models.stock.rows import OperationRow
from models.stock.scan_lookup import ScanMatch, match_scan
from models.stock.scanning import ScanResult
from ui.inventory.count_table_model import Column, CountTableModel
from ui.widgets.error_label import error_label
from ui.widgets.scan_field import ScanField
from ui.widgets.screen_fit import fit_to_screen

COUNTABLE_KINDS = ("station", "room", "cabinet", "vehicle", "bag", "quarantine")


class CountPlaceDialog(QDialog):
    def __init__(
        self, services: Services, parent: QWidget | None = None, *, location_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Count a place")
        self._services = services
        self.sheet: CountSheet | None = None
        self.result_operation: OperationRow | None = None
        self.confirmation: QMessageBox | None = None
        self.preview: QDialog | None = None
        self._build()
        if location_id is not None and (index := self.place.findData(location_id)) >= 0:
            self.place.setCurrentIndex(index)
            self._on_start()
        fit_to_screen(self, 900, 560)

    def _build(self) -> None:
        self.place = QComboBox()
        for row in self._services.catalog.list_locations(include_inactive=False):
            if row.kind in COUNTABLE_KINDS:
                self.place.addItem(f"{row.path} ({row.kind})", row.id)
        self.blind = QCheckBox("Blind count (hide what the books say)")
        self.start_button = QPushButton("Start or resume")
        self.scan = ScanField(self._services, placeholder="Scan a package: one scan counts one")
        self.model = CountTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Lots counted at the place")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((Column.PLACE, 170), (Column.PRODUCT, 190), (Column.LOT, 90),
                              (Column.EXPIRY, 84), (Column.EXPECTED, 70), (Column.COUNTED, 70),
                              (Column.DIFFERENCE, 76)):  # fmt: skip
            self.table.setColumnWidth(column, width)
        self.summary = QLabel()
        self.error_label = error_label()
        self.print_button = QPushButton("Print count sheet…")
        self.pause_button = QPushButton("Pause (keep for later)")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.post_button = self.buttons.addButton(
            "Post count…", QDialogButtonBox.ButtonRole.ActionRole
        )
        for button in (*self.buttons.buttons(), self.print_button, self.pause_button,
                       self.start_button):  # fmt: skip
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        top = QHBoxLayout()
        top.addWidget(QLabel("Place"))
        top.addWidget(self.place, 1)
        top.addWidget(self.blind)
        top.addWidget(self.start_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.pause_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        root = QVBoxLayout(self)
        root.addLayout(top)
        root.addWidget(self.scan)
        root.addWidget(self.table, 1)
        root.addWidget(self.summary)
        root.addWidget(self.error_label)
        root.addLayout(bottom)
        self.start_button.clicked.connect(self._on_start)
        self.scan.scanned.connect(self._on_scanned)
        self.model.dataChanged.connect(self._update_summary)
        self.model.rowsInserted.connect(self._update_summary)
        self.print_button.clicked.connect(self._on_print)
        self.pause_button.clicked.connect(self._on_pause)
        self.post_button.clicked.connect(self._on_post)
        self.buttons.rejected.connect(self.reject)
        self.table.itemDelegate().closeEditor.connect(self._on_cell_closed)
        self._set_counting(False)

    def _on_cell_closed(self, _editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter after typing a count goes on to the next line's count, as on paper."""
        current = self.table.currentIndex()
        if hint != QAbstractItemDelegate.EndEditHint.SubmitModelCache or not current.isValid():
            return
        below = current.siblingAtRow(current.row() + 1)
        if below.isValid():
            QTimer.singleShot(0, lambda: self._edit_row(below))

    def _edit_row(self, index: QModelIndex) -> None:
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def _set_counting(self, counting: bool) -> None:
        during: tuple[QWidget, ...] = (self.scan, self.table, self.print_button,
                                       self.pause_button, self.post_button)  # fmt: skip
        for widget in during:
            widget.setEnabled(counting)
        for widget in (self.place, self.blind, self.start_button):
            widget.setEnabled(not counting)

    @Slot()
    def _on_start(self) -> None:
        location_id = self.place.currentData()
        if location_id is None:
            return
        try:
            self.sheet = self._services.counts.open_count(location_id, self.blind.isChecked())
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.blind.setChecked(self.sheet.blind)
        self.model.set_rows(list(self.sheet.lines), self.sheet.blind)
        self._set_counting(True)
        self._update_summary()
        self.scan.setFocus()

    @Slot()
    def _update_summary(self) -> None:
        rows = self.model.rows()
        counted = [r for r in rows if r.counted is not None]
        differing = [r for r in counted if r.variance]
        text = f"{len(rows)} lots listed, {len(counted)} counted"
        if not self.model.blind:
            missing = sum(1 for r in differing if not r.reason)
            text += f", {len(differing)} differ from the books"
            text += f" ({missing} still need a reason)" if missing else ""
        self.summary.setText(text + ". Lots not counted are left as they are.")

    @Slot(object)
    def _on_scanned(self, scan: ScanResult) -> None:
        found = match_scan(self._services.catalog, self._services.stock, scan)
        problem, row = self._row_for(found)
        if problem:
            self.scan.show_message(problem, error=True)
            return
        assert found.units is not None
        self.model.add_counted(row, found.units)
        self.table.selectRow(row)
        line = self.model.rows()[row]
        self.scan.show_message(
            f"{line.product_name}, lot {line.lot_number} at {line.place}: {line.counted} counted."
        )
        self.scan.setFocus()

    def _row_for(self, found: ScanMatch) -> tuple[str, int]:
        """The line a scan counts on (adding a line for a lot found unexpectedly)."""
        if found.product is None or found.units is None:
            return found.describe(), -1
        lot = found.lot
        if lot is None:
            rows = [i for i, r in enumerate(self.model.rows()) if r.product_id == found.product.id]
            if found.scan.lot is None and len({self.model.rows()[i].lot_id for i in rows}) == 1:
                return "", self._preferred(rows)
            if found.scan.lot is None:
                return (
                    f"{found.product.name}: scan the full barcode, or type the count in its row.",
                    -1,
                )
            return (
                f"{found.product.name} lot {found.scan.lot} is not on record; receive it first.",
                -1,
            )
        rows = self.model.rows_of_lot(lot.id)
        if rows:
            return "", self._preferred(rows)
        assert self.sheet is not None
        place = self.sheet.location_id
        expected = self._services.stock.on_hand(lot.id, place)
        return "", self.model.add_row(
            CountLineRow(
                lot.id,
                place,
                found.product.id,
                found.product.name,
                lot.lot_number,
                lot.expiry,
                self.sheet.place,
                expected,
                None,
                None,
                found.product.units_per_package,
                found.product.unit_of_issue,
            )
        )

    def _preferred(self, rows: list[int]) -> int:
        """Of the lot's lines (one per place inside), the selected one, else the first."""
        current = self.table.currentIndex().row()
        return current if current in rows else rows[0]

    @Slot()
    def _on_pause(self) -> None:
        assert self.sheet is not None
        try:
            self._services.counts.save_draft(self.sheet.id, self.model.entries())
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.accept()

    @Slot()
    def _on_post(self) -> None:
        counted = [e for e in self.model.entries() if e.counted is not None]
        box = QMessageBox(QMessageBox.Icon.Question, "Post this count?",
                          f"{self.summary.text()}\n\nPost {len(counted)} counted lines?",
                          parent=self)  # fmt: skip
        post = box.addButton("Post count", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Back to counting", QMessageBox.ButtonRole.RejectRole)
        post.clicked.connect(self._post)
        self.confirmation = box
        box.open()

    def _post(self) -> None:
        assert self.sheet is not None
        try:
            self.result_operation = self._services.counts.post_count(
                self.sheet.id, self.model.entries()
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))  # nothing was written
            return
        self.accept()

    @Slot()
    def _on_print(self) -> None:
        from models.stock.count_sheet_pdf import write_count_sheet_pdf
        from ui.widgets.pdf_preview_dialog import PdfPreviewDialog

        assert self.sheet is not None
        sheet = CountSheet(**{**self.sheet.__dict__, "lines": tuple(self.model.rows())})
        now = self._services.clock.now()
        frame = PageFrame(f"Count sheet — {sheet.place}", self._services.settings.agency_name(),
                          f"Count no. {sheet.id}", now, landscape=True)  # fmt: skip
        path = Path(tempfile.mkdtemp(prefix="lbn-count-")) / f"count-{sheet.id}.pdf"
        write_count_sheet_pdf(path, frame, sheet)
        self.preview = PdfPreviewDialog(path, self, "Count sheet")
        self.preview.open()

    def keyPressEvent(self, event) -> None:
        """Enter that reaches the dialog never posts nor closes it."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
