"""Transfer dialog on a real SQLite file: FEFO suggestion, scans, refusals that write nothing."""

from __future__ import annotations

from datetime import date

from tests.ui.scanner import NARCAN_GTIN, NARCAN_UPC, UNKNOWN_UPC, gs1, type_scan
from tests.ui.stock_dialog_helpers import db, held, press_ok, show, stock_supply_room
from ui.inventory.transfer_dialog import TransferDialog


def _dialog(qtbot, services, **kwargs) -> TransferDialog:
    return show(qtbot, TransferDialog(services, **kwargs))


def test_fefo_lot_is_suggested_first_and_another_may_be_chosen(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    dialog = _dialog(qtbot, services, from_location_id=agency.room, product_id=agency.narcan)
    picker = dialog.picker
    assert picker.location.currentText() == "Station 1 / Supply room"
    assert picker.lot_id() == lots.nx1
    assert "first to expire (FEFO)" in picker.lot.currentText()
    assert "expires first" in dialog.fefo_label.text()
    assert [picker.lot.itemData(i) for i in range(picker.lot.count())] == [
        lots.old,
        lots.nx1,
        lots.nx2,
    ]
    assert picker.lot.itemText(0).startswith("OLD · EXPIRED 2025-12-31")
    picker.lot.setCurrentIndex(picker.lot.findData(lots.nx2))
    assert "first-expiry-first-out takes lot NX1 first" in dialog.fefo_label.text()
    dialog.to_location.setCurrentIndex(dialog.to_location.findText("Station 1 / Patrol 12"))
    dialog.quantity.setValue(4)
    qtbot.keyClicks(dialog.note, "restock after call")
    press_ok(qtbot, dialog)
    assert dialog.result() == TransferDialog.DialogCode.Accepted
    assert held(services, agency.room, "NX2") == 6 and held(services, agency.vehicle, "NX2") == 4
    op = dialog.result_operation
    assert op is not None and op.reason == "transfer" and op.note == "restock after call"


def test_destination_defaults_to_another_place_than_the_source(qtbot, services, agency):
    stock_supply_room(services, agency)
    dialog = _dialog(qtbot, services, from_location_id=agency.room)
    assert dialog.to_location.currentData() != agency.room


def test_scan_picks_product_and_lot(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    dialog = _dialog(qtbot, services, from_location_id=agency.room)
    dialog.picker.product.setCurrentIndex(-1)
    type_scan(qtbot, dialog.scan, gs1(NARCAN_GTIN, "NX2", "270915", "S77"))
    assert dialog.picker.product_id() == agency.narcan and dialog.picker.lot_id() == lots.nx2
    assert dialog.focusWidget() is dialog.quantity
    assert "known lot NX2" in dialog.scan.message.text()
    type_scan(qtbot, dialog.scan, f"(01){NARCAN_GTIN}(10)NX1")  # human-readable form
    assert dialog.picker.lot_id() == lots.nx1
    type_scan(qtbot, dialog.scan, NARCAN_UPC)  # UPC only: product, FEFO lot stays
    assert dialog.picker.product_id() == agency.narcan
    dialog.quantity.setValue(2)
    press_ok(qtbot, dialog)
    assert held(services, agency.room, "NX1") == 4


def test_scan_of_what_is_not_here_says_so_and_changes_nothing(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    dialog = _dialog(qtbot, services, from_location_id=agency.room, product_id=agency.narcan)
    type_scan(qtbot, dialog.scan, gs1(NARCAN_GTIN, "ZZ9", "270915"))
    assert "Lot ZZ9 of Narcan 4 mg nasal spray is not at Station 1 / Supply room" in (
        dialog.scan.message.text()
    )
    type_scan(qtbot, dialog.scan, UNKNOWN_UPC)
    assert "No product in the catalog" in dialog.scan.message.text()
    type_scan(qtbot, dialog.scan, "]d2010")
    assert dialog.scan.is_error_shown()
    assert dialog.picker.lot_id() == lots.nx1


def test_over_transfer_is_refused_in_the_dialog_and_writes_nothing(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    before = db(services)
    dialog = _dialog(qtbot, services, lot_id=lots.nx1)
    assert dialog.picker.location_id() == agency.room and dialog.picker.lot_id() == lots.nx1
    dialog.quantity.setValue(7)
    press_ok(qtbot, dialog)
    assert "holds 6 of Narcan 4 mg nasal spray lot NX1; 7 requested" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert db(services) == before


def test_transfer_to_a_place_deactivated_meanwhile_is_refused(qtbot, services, agency):
    stock_supply_room(services, agency)
    dialog = _dialog(qtbot, services, from_location_id=agency.room, product_id=agency.narcan)
    dialog.to_location.setCurrentIndex(dialog.to_location.findData(agency.vehicle2))
    services.catalog.set_location_active(agency.vehicle2, False)  # another station did this
    before = db(services)
    press_ok(qtbot, dialog)
    assert "Patrol 14 is inactive" in dialog.error_label.text()
    assert db(services) == before


def test_same_place_and_zero_quantity_are_refused(qtbot, services, agency):
    stock_supply_room(services, agency)
    before = db(services)
    dialog = _dialog(qtbot, services, from_location_id=agency.room, product_id=agency.narcan)
    dialog.to_location.setCurrentIndex(dialog.to_location.findData(agency.room))
    press_ok(qtbot, dialog)
    assert "same location" in dialog.error_label.text()
    dialog.to_location.setCurrentIndex(dialog.to_location.findData(agency.vehicle))
    dialog.quantity.setValue(0)
    press_ok(qtbot, dialog)
    assert "at least 1" in dialog.error_label.text()
    assert db(services) == before


def test_place_with_only_expired_stock_suggests_no_lot(qtbot, services, agency, clock):
    lots = stock_supply_room(services, agency)
    today = clock.today()
    clock.set(date(2025, 12, 1))  # moved before it expired: expired stock no longer moves
    services.stock.transfer(lots.old, agency.room, agency.cabinet, 4)
    clock.set(today)
    dialog = _dialog(qtbot, services, from_location_id=agency.cabinet)
    assert dialog.picker.fefo_lot_id is None
    assert "only expired stock" in dialog.fefo_label.text()


def test_empty_place_says_nothing_is_stored_and_refuses(qtbot, services, agency):
    before = db(services)
    dialog = _dialog(qtbot, services, from_location_id=agency.vehicle)
    assert "Nothing of this product" in dialog.fefo_label.text()
    press_ok(qtbot, dialog)
    assert "Choose where from" in dialog.error_label.text()
    assert db(services) == before


def test_destination_defaults_to_the_first_vehicle_below_par_never_a_station(
    qtbot, services, agency
):
    stock_supply_room(services, agency)
    dialog = _dialog(qtbot, services, from_location_id=agency.room, product_id=agency.narcan)
    # no par levels: the first other place that holds stock, not Station 1 itself
    assert dialog.to_location.currentText() == "Station 1 / Patrol 12"
    services.catalog.set_par_level(agency.vehicle2, agency.narcan, 4)
    dialog = _dialog(qtbot, services, from_location_id=agency.room, product_id=agency.narcan)
    assert dialog.to_location.currentData() == agency.vehicle2  # Patrol 14 is below par
    dialog.picker.location.setCurrentIndex(dialog.picker.location.findData(agency.vehicle2))
    assert dialog.to_location.currentData() not in (agency.vehicle2, agency.station)


def test_a_destination_the_user_picked_stays_when_the_lot_changes(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    services.catalog.set_par_level(agency.vehicle2, agency.narcan, 4)
    dialog = _dialog(qtbot, services, from_location_id=agency.room, product_id=agency.narcan)
    index = dialog.to_location.findData(agency.vehicle)
    dialog.to_location.setCurrentIndex(index)
    dialog.to_location.activated.emit(index)
    dialog.picker.lot.setCurrentIndex(dialog.picker.lot.findData(lots.nx2))
    assert dialog.to_location.currentData() == agency.vehicle
