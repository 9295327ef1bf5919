"""Opens the stock dialogs (receive, transfer, count, quarantine, dispose, reverse, history)
for whatever the user selected, and says when the books moved.

Dialog modules are imported on first use, so a screen opens fast and a dialog that is not
installed yet gives a clear message instead of breaking the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from models.services import Services


@dataclass(frozen=True)
class StockTarget:
    """What the user pointed at: a lot at a location, a product, or a location."""

    lot_id: int | None = None
    location_id: int | None = None
    product_id: int | None = None


def dialog_class(action: str) -> type[QDialog]:
    """The dialog for `action`, imported when first opened (keeps start-up light)."""
    if action == "receive":
        from ui.inventory.receive_dialog import ReceiveDialog

        return ReceiveDialog
    if action == "transfer":
        from ui.inventory.transfer_dialog import TransferDialog

        return TransferDialog
    if action == "count_place":
        from ui.inventory.count_place_dialog import CountPlaceDialog

        return CountPlaceDialog
    if action == "count":
        from ui.inventory.count_dialog import CountDialog

        return CountDialog
    if action in ("quarantine", "dispose"):
        from ui.inventory.quarantine_dialog import QuarantineDialog

        return QuarantineDialog
    if action == "reverse":
        from ui.inventory.reverse_dialog import ReverseDialog

        return ReverseDialog
    from ui.inventory.history_dialog import HistoryDialog

    return HistoryDialog


class StockActions(QObject):
    """Opens the stock dialogs; `stock_changed(operation)` after one wrote."""

    stock_changed = Signal(object)

    def __init__(self, services: Services, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._services = services
        self._parent = parent_widget
        self.last_dialog: QDialog | None = None

    def open(self, action: str, target: StockTarget) -> QDialog:
        """Open the dialog for `action` (window-modal, not blocking)."""
        make: Any = dialog_class(action)  # every stock dialog takes (services, parent, **args)
        dialog: QDialog = make(self._services, self._parent, **self._arguments(action, target))
        dialog.accepted.connect(lambda: self.stock_changed.emit(_result(dialog)))
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _arguments(self, action: str, t: StockTarget) -> dict[str, Any]:
        if action in ("receive", "count_place"):
            return {"location_id": t.location_id}
        if action == "transfer":
            return {
                "lot_id": t.lot_id,
                "from_location_id": t.location_id,
                "product_id": t.product_id,
            }
        if action in ("count", "quarantine", "history"):
            return {"lot_id": t.lot_id, "location_id": t.location_id}
        if action == "dispose":
            return {"lot_id": t.lot_id, "location_id": t.location_id, "dispose": True}
        return {"operation_id": self.last_operation(t)}

    def last_operation(self, t: StockTarget) -> int | None:
        """The newest movement of this lot here that can still be reversed, if any."""
        if t.lot_id is None and t.location_id is None:
            return None
        for move in self._services.stock.list_moves(lot_id=t.lot_id, location_id=t.location_id):
            if move.reversed_by_id is None and move.reverses_id is None:
                return move.operation_id
        return None


def _result(dialog: QDialog) -> Any:
    return getattr(dialog, "result_operation", None)
