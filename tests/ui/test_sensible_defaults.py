"""Dialogs open where a quartermaster works: the supply room, or the place used last."""

from __future__ import annotations

from datetime import date

from models.kits.rows import KitReadyRow
from models.stock.rows import ReceiveLine
from tests.ui.stock_dialog_helpers import post_receipt
from ui.inventory.count_dialog import CountDialog
from ui.inventory.receive_dialog import ReceiveDialog
from ui.kits.assemble_dialog import AssembleDialog
from ui.kits.kit_transfer_dialog import most_below_par


def test_receive_opens_on_the_supply_room_not_the_station(qtbot, services, agency) -> None:
    dialog = ReceiveDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.location.currentData() == agency.room


def test_receive_then_opens_where_the_last_delivery_went(qtbot, services, agency) -> None:
    first = ReceiveDialog(services)
    qtbot.addWidget(first)
    first.location.setCurrentIndex(first.location.findData(agency.cabinet))
    first.product.setCurrentIndex(first.product.findText("Narcan 4 mg nasal spray"))
    first.lot_number.setText("NX1")
    first.expiry.setText("2027-03")
    first.quantity.setValue(5)
    post_receipt(qtbot, first)
    assert services.stock.list_on_hand()[0].location_id == agency.cabinet
    again = ReceiveDialog(services)
    qtbot.addWidget(again)
    assert again.location.currentData() == agency.cabinet


def test_assemble_and_count_open_on_the_supply_room(qtbot, services, agency) -> None:
    services.stock.receive(agency.room, [ReceiveLine(agency.narcan, "NX42", date(2027, 4, 30), 24)])
    assemble = AssembleDialog(services)
    count = CountDialog(services)
    qtbot.addWidget(assemble)
    qtbot.addWidget(count)
    assert assemble.location.currentData() == agency.room
    assert count.picker.location_id() == agency.room


def _ready(location_id: int, ready: int, par: int | None) -> KitReadyRow:
    return KitReadyRow(
        location_id, f"P{location_id}", "vehicle", 7, "Kit", ready, 0, 0, 0, 0, 0, par, None
    )


def test_kit_transfer_goes_to_the_place_most_below_par_never_the_source() -> None:
    ready = [_ready(1, 10, None), _ready(2, 5, 6), _ready(3, 0, 4), _ready(4, 9, 6)]
    assert most_below_par(ready, 7, source_id=1) == 3
    assert most_below_par(ready, 7, source_id=3) == 2
    assert most_below_par(ready, 8, source_id=1) is None
