"""Opens what resolves an alert: the quarantine, dispose or transfer dialog, or another screen.

Dialogs are imported when first used (they belong to the inventory area).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from models.alerts.rows import ActionKind
from models.services import Services
from models.stock.service import DisposeReason

# Actions that take the user to another screen of the main window.
SCREENS = {
    ActionKind.REKIT: "Kits",
    ActionKind.REORDER: "Reorders",
    ActionKind.TRAINING: "Training",
    ActionKind.REPORTS: "Reports",
    ActionKind.VEHICLE_CHECK: "Kits",  # its Vehicle check… button
}


def open_action(
    services: Services,
    parent: QWidget,
    action: ActionKind,
    *,
    lot_id: int | None,
    location_id: int | None,
    product_id: int | None,
    on_done: Callable[[], None],
    navigate: Callable[[str], None],
    to_location_id: int | None = None,
    quantity: int | None = None,
    note: str = "",
) -> QDialog | None:
    """Start the action; returns the dialog it opened (window-modal), if any.

    A restock passes where the stock goes and how much, so the transfer is one click. A
    donation is a disposal ("donated", with the partner in the note): it leaves the books.
    """
    if action in SCREENS:
        navigate(SCREENS[action])
        return None
    if action in (ActionKind.QUARANTINE, ActionKind.DONATE):
        from ui.inventory.quarantine_dialog import QuarantineDialog

        donate = action is ActionKind.DONATE
        dialog: QDialog = QuarantineDialog(
            services,
            parent,
            lot_id=lot_id,
            location_id=location_id,
            dispose=donate,
            reason=DisposeReason.DONATED if donate else None,
            quantity=quantity if donate else None,
            note=note,
        )
    else:
        from ui.inventory.transfer_dialog import TransferDialog

        dialog = TransferDialog(
            services,
            parent,
            lot_id=lot_id,
            from_location_id=location_id,
            product_id=product_id,
            to_location_id=to_location_id,
            quantity=quantity,
        )
    dialog.accepted.connect(on_done)
    dialog.open()
    return dialog
