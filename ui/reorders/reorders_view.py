"""Reorders screen: the stock position (what to order and why) and requests to free sources.

A request goes draft → sent → partly/fully received; a delivery is received through the
Receive dialog pre-filled with what is outstanding, and booked back against the request.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.common.wording import counted
from models.reorders.sheet_pdf import write_reorder_pdf
from models.reorders.sheet_xlsx import write_reorder_xlsx
from models.reorders.status import ReorderStatus
from models.services import Services
from ui.inventory.receive_dialog import ReceiveDialog
from ui.reorders.reorder_parameters_dialog import ReorderParametersDialog
from ui.reorders.reorder_position_panel import ReorderPositionPanel
from ui.reorders.reorder_request_dialog import ReorderRequestDialog
from ui.reorders.reorder_requests_panel import ReorderRequestsPanel
from ui.reorders.reorder_surge_dialog import ReorderSurgeDialog
from ui.widgets.page import Page
from ui.widgets.pdf_preview_dialog import PdfPreviewDialog
from ui.widgets.save_path import ask_save_path, dated_name
from ui.widgets.scratch import scratch_folder


class ReordersView(Page):
    title = "Reorders"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._folder = scratch_folder("reorders")
        self.receive_dialog: ReceiveDialog | None = None
        self.request_dialog: ReorderRequestDialog | None = None
        self.preview: PdfPreviewDialog | None = None
        self.position = ReorderPositionPanel(services)
        self.requests = ReorderRequestsPanel(services)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.position, "Stock position")
        self.tabs.addTab(self.requests, "Requests")
        self.new_button = QPushButton("New request…")
        self.sent_button = QPushButton("Mark sent")
        self.receive_button = QPushButton("Receive delivery…")
        self.preview_button = QPushButton("Preview sheet…")
        self.xlsx_button = QPushButton("Save as .xlsx…")
        self.cancel_button = QPushButton("Cancel request…")
        self.surge_button = QPushButton("Surges…")
        self.parameters_button = QPushButton("Parameters…")
        self.due_label = QLabel()
        self._layout()
        self.new_button.clicked.connect(self._on_new)
        self.sent_button.clicked.connect(self._on_sent)
        self.receive_button.clicked.connect(self._on_receive)
        self.preview_button.clicked.connect(self._on_preview)
        self.xlsx_button.clicked.connect(self._on_xlsx)
        self.cancel_button.clicked.connect(self._on_cancel)
        self.surge_button.clicked.connect(self._on_surges)
        self.parameters_button.clicked.connect(self._on_parameters)
        self.requests.selection_changed.connect(self._update_buttons)
        self.tabs.currentChanged.connect(self._update_buttons)
        self._update_buttons()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        for button in (self.new_button, *self._request_buttons()):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.surge_button)
        bar.addWidget(self.parameters_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.due_label)
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        self.position.load_choices()
        self.requests.load_choices()
        self.position.refresh()
        self.requests.refresh()
        due = self._services.reorders.list_due()
        self.due_label.setText(
            "<b>Reorder due:</b> " + ", ".join(d.product_name for d in due)
            if due
            else "No item is at or below its reorder point."
        )
        self._update_buttons()

    def print_page(self) -> bool:
        if self.requests.current() is None:
            return False
        self._on_preview()
        return True

    @Slot()
    def _update_buttons(self) -> None:
        row = self.requests.current()
        on_requests = self.tabs.currentWidget() is self.requests
        status = ReorderStatus(row.status) if row else None
        self.sent_button.setEnabled(on_requests and status is ReorderStatus.DRAFT)
        self.receive_button.setEnabled(on_requests and bool(status and status.is_open))
        for button in (self.preview_button, self.xlsx_button):
            button.setEnabled(on_requests and row is not None)
        self.cancel_button.setEnabled(on_requests and status in (ReorderStatus.DRAFT, *_OPEN))
        # Each tab shows only the buttons that act on it: the bar then fits a small screen.
        for button in self._request_buttons():
            button.setVisible(on_requests)
        for button in (self.surge_button, self.parameters_button):
            button.setVisible(not on_requests)

    def _request_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.sent_button,
            self.receive_button,
            self.preview_button,
            self.xlsx_button,
            self.cancel_button,
        )

    def _changed(self, message: str, select_id: int | None = None) -> None:
        self.position.refresh()
        self.requests.refresh(select_id)
        self._update_buttons()
        self.data_changed.emit()
        self.status_message.emit(message)

    @Slot()
    def _on_new(self) -> None:
        self.request_dialog = ReorderRequestDialog(
            self._services,
            self,
            source_id=self.position.source.currentData(),
            station_id=self.position.station.currentData(),
        )
        self.request_dialog.accepted.connect(self._on_created)
        self.request_dialog.open()

    @Slot()
    def _on_created(self) -> None:
        made = self.request_dialog.result_reorders if self.request_dialog else []
        if not made:
            return
        self.tabs.setCurrentWidget(self.requests)
        numbers = ", ".join(f"{r.number} to {r.source_name}" for r in made)
        drafts = "Draft request" if len(made) == 1 else "Draft requests"
        self._changed(f"{drafts} created: {numbers}.", made[0].id)

    @Slot()
    def _on_sent(self) -> None:
        row = self.requests.current()
        if row is None:
            return
        try:
            sent = self._services.reorders.mark_sent(row.id)
        except DomainError as refusal:
            QMessageBox.warning(self, "Not sent", str(refusal))
            return
        self._changed(f"{sent.number} marked sent; its quantities now count as on order.")

    @Slot()
    def _on_receive(self) -> None:
        row = self.requests.current()
        if row is None:
            return
        reorders = self._services.reorders
        self.receive_dialog = ReceiveDialog(
            self._services,
            self,
            location_id=reorders.receive_location(row.id),
            source_id=row.source_id,
            prefill=reorders.receive_prefill(row.id),
        )
        self.receive_dialog.setWindowTitle(f"Receive delivery for {row.number}")
        self.receive_dialog.accepted.connect(
            lambda reorder_id=row.id: self._on_received(reorder_id)
        )
        self.receive_dialog.open()

    def _on_received(self, reorder_id: int) -> None:
        dialog = self.receive_dialog
        operation = dialog.result_operation if dialog else None
        if operation is None:
            return
        try:
            result = self._services.reorders.record_receipt(reorder_id, operation.id)
        except DomainError as refusal:
            self._changed(f"Received {counted(operation.quantity, 'unit')}.")
            QMessageBox.warning(self, "Received, but not booked against the request", str(refusal))
            return
        extra = (
            f" Not on the request: {', '.join(result.not_on_order)}." if result.not_on_order else ""
        )
        self._changed(
            f"{result.booked_units} units booked against {result.reorder.number}: "
            f"{result.reorder.status_label.lower()}.{extra}"
        )

    def _sheet_pdf(self) -> Path | None:
        sheet = self.requests.sheet
        if sheet is None:
            return None
        path = self._folder / f"{sheet.reorder.number}.pdf"
        return write_reorder_pdf(path, sheet, self._services.clock.now())

    @Slot()
    def _on_preview(self) -> None:
        path = self._sheet_pdf()
        if path is None:
            return
        self.preview = PdfPreviewDialog(path, self, f"Reorder sheet {path.stem}")
        self.preview.open()

    @Slot()
    def _on_xlsx(self) -> None:
        sheet = self.requests.sheet
        if sheet is None:
            return
        name = dated_name(f"reorder-{sheet.reorder.number}", ".xlsx", self._services.clock.today())
        target = ask_save_path(
            self, "reorder", "Save reorder sheet", name, "Excel workbook (*.xlsx)"
        )
        if target is None:
            return
        try:
            write_reorder_xlsx(target, sheet)
        except OSError as error:
            QMessageBox.warning(self, "Not saved", f"Could not save the workbook: {error}")
            return
        self.status_message.emit(f"Saved {target}")

    @Slot()
    def _on_cancel(self) -> None:
        row = self.requests.current()
        if row is None:
            return
        reason, ok = QInputDialog.getText(
            self, f"Cancel {row.number}", "Why is this request cancelled (or its rest dropped)?"
        )
        if not ok:
            return
        try:
            self._services.reorders.cancel(row.id, reason)
        except DomainError as refusal:
            QMessageBox.warning(self, "Not cancelled", str(refusal))
            return
        self._changed(f"{row.number} cancelled.")

    @Slot()
    def _on_surges(self) -> None:
        dialog = ReorderSurgeDialog(self._services, self)
        dialog.exec()
        if dialog.changed:
            self.position.refresh()
            self.refresh()

    @Slot()
    def _on_parameters(self) -> None:
        if ReorderParametersDialog(self._services, self).exec():
            self.refresh()
            self.status_message.emit("Reorder parameters saved.")


_OPEN = (ReorderStatus.SENT, ReorderStatus.PARTLY_RECEIVED)
