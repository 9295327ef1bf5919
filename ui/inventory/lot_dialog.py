"""The frame of the stock dialogs that act on one lot at one place (count, transfer, quarantine).

A scan field, the location → product → lot picker, the dialog's own rows, a visible error label
and OK/Cancel. A refusal shows in the label and nothing is written. Knows services, not SQL.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.services import Services
from models.stock.rows import OperationRow
from models.stock.scan_lookup import match_scan
from models.stock.scanning import ScanResult
from ui.inventory.lot_picker import LotPicker
from ui.widgets.error_label import error_label
from ui.widgets.scan_field import ScanField
from ui.widgets.screen_fit import fit_to_screen


class LotDialog(QDialog):
    """Subclasses build their fields, call `_build`, and implement `_record` and `_amount`."""

    def __init__(
        self,
        services: Services,
        parent: QWidget | None,
        *,
        held_only: bool,
        mark_fefo: bool = False,
        location_label: str = "Location",
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.result_operation: OperationRow | None = None
        self.scan = ScanField(services)
        self.picker = LotPicker(
            services,
            self,
            held_only=held_only,
            mark_fefo=mark_fefo,
            location_label=location_label,
        )
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.scan.scanned.connect(self._on_scanned)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)

    def _build(
        self,
        rows: Sequence[tuple[str, QWidget]],
        size: tuple[int, int],
        top: QLayout | None = None,
    ) -> None:
        """Scan and picker rows first, then the dialog's rows; errors just above the buttons."""
        form = QFormLayout()
        form.addRow("Scan", self.scan)
        self.picker.add_rows(form)
        for label, widget in rows:
            form.addRow(label, widget)
        root = QVBoxLayout(self)
        if top is not None:
            root.addLayout(top)
        root.addLayout(form)
        root.addStretch(1)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        fit_to_screen(self, *size)

    def _amount(self) -> QLineEdit | QSpinBox:
        """The field a scan hands over to (quantity or count)."""
        raise NotImplementedError

    def _record(self) -> OperationRow | None:
        """Write through the services; raise a DomainError to refuse."""
        raise NotImplementedError

    @Slot(object)
    def _on_scanned(self, scan: ScanResult) -> None:
        found = match_scan(self._services.catalog, self._services.stock, scan)
        problem = self.picker.apply_scan(found)
        if problem:
            self.scan.show_message(problem, error=True)
            return
        self.scan.show_message(found.describe(), error=found.expiry_conflict)
        self._amount().setFocus()
        self._amount().selectAll()

    @Slot()
    def _on_accept(self) -> None:
        try:
            self.result_operation = self._record()
        except DomainError as refusal:
            self.error_label.setText(str(refusal))  # nothing was written
            return
        self.accept()
