"""QA: usable stock is never set aside as "expired" by default; the user must say why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.snapshot import snapshot
from tests.ui.stock_dialog_helpers import show, stock_supply_room
from ui.inventory.quarantine_dialog import QuarantineDialog


def _ok(qtbot, dialog: QuarantineDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def test_usable_lot_asks_for_a_reason_and_writes_nothing_without_one(
    qtbot, services, database, agency
) -> None:
    lots = stock_supply_room(services, agency)
    before = snapshot(database.sessions)
    for dispose in (False, True):
        dialog = show(
            qtbot,
            QuarantineDialog(services, lot_id=lots.nx2, location_id=agency.room, dispose=dispose),
        )
        assert dialog.reason.currentData() is None
        assert dialog.reason.currentText() == "Choose a reason…"
        dialog.quantity.setValue(1)
        _ok(qtbot, dialog)
        assert "Choose a reason" in dialog.error_label.text() and dialog.isVisible()
        dialog.reject()
    assert snapshot(database.sessions) == before


def test_choosing_a_reason_records_it(qtbot, services, agency) -> None:
    lots = stock_supply_room(services, agency)
    dialog = show(qtbot, QuarantineDialog(services, lot_id=lots.nx2, location_id=agency.room))
    dialog.quantity.setValue(1)
    dialog.reason.setCurrentIndex(dialog.reason.findData("damaged"))
    _ok(qtbot, dialog)
    assert dialog.result_operation is not None and dialog.result_operation.note == "damaged"


def test_switching_from_an_expired_lot_to_a_usable_one_drops_the_expired_reason(
    qtbot, services, agency
) -> None:
    lots = stock_supply_room(services, agency)
    dialog = show(qtbot, QuarantineDialog(services, lot_id=lots.old, location_id=agency.room))
    assert dialog.reason.currentData() == "expired"
    dialog.picker.select(agency.room, None, lots.nx2)
    assert dialog.reason.currentData() is None
