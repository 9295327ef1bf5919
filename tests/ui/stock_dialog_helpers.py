"""Shared set-up for the stock dialog tests: a supply room with two usable lots and one expired."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from models.stock.rows import ReceiveLine
from tests.snapshot import snapshot

NX1_EXPIRY = date(2027, 3, 31)
NX2_EXPIRY = date(2027, 9, 15)
OLD_EXPIRY = date(2025, 12, 31)


@dataclass
class Lots:
    nx1: int
    nx2: int
    old: int


def stock_supply_room(services, agency) -> Lots:
    """Narcan NX1 ×6 (expires first), NX2 ×10, and OLD ×4 already expired, all in the room."""
    services.stock.receive(
        agency.room,
        [
            ReceiveLine(agency.narcan, "NX2", NX2_EXPIRY, 10),
            ReceiveLine(agency.narcan, "NX1", NX1_EXPIRY, 6),
            ReceiveLine(agency.narcan, "OLD", OLD_EXPIRY, 4),
        ],
        allow_expired=True,
    )
    find = services.stock.find_lot
    return Lots(
        find(agency.narcan, "NX1").id, find(agency.narcan, "NX2").id, find(agency.narcan, "OLD").id
    )


def held(services, location_id: int, lot_number: str) -> int:
    return sum(
        r.quantity
        for r in services.stock.list_on_hand(location_id=location_id)
        if r.location_id == location_id and r.lot_number == lot_number
    )


def db(services) -> dict:
    """Whole-database snapshot through the services' own sessionmaker."""
    return snapshot(services.stock._sessions)


def press_ok(qtbot, dialog: QDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def show(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def post_receipt(qtbot, dialog) -> None:
    """Click "Receive N lines", then "Receive" in the summary it shows (when it shows one)."""
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    box = dialog.confirmation
    if box is not None and box.isVisible():
        accept = next(b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.AcceptRole)
        qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
