"""QA: a restock alert or readiness tile opens a transfer that already knows where and how much."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from models.alerts.rows import AlertKind
from tests.models.alerts.test_alert_dashboard import build_known_dataset
from tests.ui.dashboard.test_dashboard_view import loaded_view, select
from ui.inventory.transfer_dialog import TransferDialog


def test_restock_alert_transfer_goes_to_the_short_vehicle_with_the_shortfall(
    qtbot, services, database, clock, agency
) -> None:
    known = build_known_dataset(services, database, clock, agency)
    view = loaded_view(qtbot, services)
    alert = select(qtbot, view, AlertKind.RESTOCK)
    assert alert.where == "Station 1 / Patrol 12" and alert.quantity == 2
    qtbot.mouseClick(view.alert_list.action_button, Qt.MouseButton.LeftButton)
    dialog = view.alert_list.active_dialog
    assert isinstance(dialog, TransferDialog) and dialog.isVisible()
    assert dialog.picker.location_id() == agency.room
    assert dialog.to_location.currentData() == agency.vehicle
    assert dialog.quantity.value() == 1  # short 2, but the supply room holds only 1 kit
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    on_board = [
        r
        for r in services.stock.list_on_hand(location_id=agency.vehicle)
        if r.lot_id == known.kit_lot
    ]
    assert sum(r.quantity for r in on_board) == 3
    assert select(qtbot, view, AlertKind.RESTOCK).what.endswith("3 of 4 on board")


def test_readiness_tile_restock_button_fills_in_the_vehicle_and_pick(
    qtbot, services, database, clock, agency
) -> None:
    build_known_dataset(services, database, clock, agency)
    view = loaded_view(qtbot, services)
    view.tabs.setCurrentIndex(1)
    buttons = [b for b in view.board.findChildren(QPushButton) if b.text() == "Restock…"]
    assert len(buttons) == 1
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    dialog = view.alert_list.active_dialog
    assert isinstance(dialog, TransferDialog)
    assert dialog.to_location.currentData() == agency.vehicle
    assert dialog.quantity.value() == 1  # the pick: all the supply room holds
    dialog.reject()


def test_a_plain_transfer_still_offers_another_place_and_one_unit(
    qtbot, services, database, clock, agency
) -> None:
    build_known_dataset(services, database, clock, agency)
    dialog = TransferDialog(services, from_location_id=agency.room, product_id=agency.narcan)
    qtbot.addWidget(dialog)
    assert dialog.to_location.currentData() != agency.room and dialog.quantity.value() == 1
