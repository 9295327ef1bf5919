"""Count, quarantine and dispose dialogs on a real SQLite file, through the real widgets."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.scanner import NARCAN_GTIN, gs1, type_scan
from tests.ui.stock_dialog_helpers import db, held, press_ok, show, stock_supply_room
from ui.inventory.count_dialog import CountDialog
from ui.inventory.quarantine_dialog import QuarantineDialog


def test_count_shows_on_hand_and_difference_and_needs_a_reason(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    dialog = show(qtbot, CountDialog(services, lot_id=lots.nx1, location_id=agency.room))
    assert dialog.picker.on_hand_label.text() == "6 of lot NX1"
    qtbot.keyClicks(dialog.counted, "4")
    assert dialog.difference.text() == "-2: the ledger will take off 2"
    before = db(services)
    press_ok(qtbot, dialog)
    assert "Give a reason" in dialog.error_label.text() and dialog.isVisible()
    assert db(services) == before
    qtbot.keyClicks(dialog.reason.lineEdit(), "Monthly count")
    press_ok(qtbot, dialog)
    assert dialog.result() == CountDialog.DialogCode.Accepted
    assert held(services, agency.room, "NX1") == 4
    op = dialog.result_operation
    assert op is not None and op.reason == "adjust" and op.quantity == 2
    assert op.note == "Monthly count"


def test_negative_or_non_numeric_count_is_refused_and_writes_nothing(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    before = db(services)
    dialog = show(qtbot, CountDialog(services, lot_id=lots.nx1, location_id=agency.room))
    dialog.reason.setCurrentText("Monthly count")
    for bad in ("-3", "abc", "2.5", ""):
        dialog.counted.setText(bad)
        press_ok(qtbot, dialog)
        assert "whole number, 0 or more" in dialog.error_label.text(), bad
    assert db(services) == before


def test_count_records_stock_found_where_none_was_booked(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    dialog = show(qtbot, CountDialog(services, location_id=agency.vehicle))
    type_scan(qtbot, dialog.scan, gs1(NARCAN_GTIN, "NX2", "270915"))
    assert dialog.picker.lot_id() == lots.nx2 and dialog.picker.on_hand() == 0
    assert dialog.focusWidget() is dialog.counted
    qtbot.keyClicks(dialog.counted, "2")
    assert dialog.difference.text().startswith("+2")
    dialog.reason.setCurrentText("Found stock")
    press_ok(qtbot, dialog)
    assert held(services, agency.vehicle, "NX2") == 2


def test_count_that_agrees_writes_nothing_and_closes(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    before = db(services)
    dialog = show(qtbot, CountDialog(services, lot_id=lots.nx2, location_id=agency.room))
    qtbot.keyClicks(dialog.counted, "10")
    assert dialog.difference.text().startswith("none")
    dialog.reason.setCurrentText("Vehicle check")
    press_ok(qtbot, dialog)
    assert dialog.recorded and dialog.result_operation is None
    assert db(services) == before


def test_count_in_a_place_deactivated_meanwhile_is_refused(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    dialog = show(qtbot, CountDialog(services, lot_id=lots.nx1, location_id=agency.cabinet))
    qtbot.keyClicks(dialog.counted, "3")
    dialog.reason.setCurrentText("Found stock")
    services.catalog.set_location_active(agency.cabinet, False)
    before = db(services)
    press_ok(qtbot, dialog)
    assert "Cabinet A is inactive" in dialog.error_label.text()
    assert db(services) == before


def test_expired_lot_is_quarantined_with_reason_and_note(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    dialog = show(qtbot, QuarantineDialog(services, lot_id=lots.old, location_id=agency.room))
    assert dialog.windowTitle() == "Quarantine stock"
    assert dialog.reason.currentData() == "expired" and dialog.quantity.value() == 4
    qtbot.keyClicks(dialog.note, "kept for training")
    press_ok(qtbot, dialog)
    assert dialog.result() == QuarantineDialog.DialogCode.Accepted
    rows = [r for r in services.stock.list_on_hand() if r.lot_number == "OLD"]
    assert [(r.location_path, r.quantity, r.quarantined) for r in rows] == [
        ("Station 1 / Quarantine", 4, True)
    ]
    assert dialog.result_operation.note == "expired: kept for training"


def test_dispose_damaged_stock_chosen_by_scan(qtbot, services, agency):
    stock_supply_room(services, agency)
    dialog = show(qtbot, QuarantineDialog(services, location_id=agency.room, dispose=True))
    assert dialog.windowTitle() == "Dispose stock"
    type_scan(qtbot, dialog.scan, f"01{NARCAN_GTIN}10NX1")
    assert dialog.picker.lot_choice().lot_number == "NX1" and dialog.quantity.value() == 6
    dialog.quantity.setValue(2)
    dialog.reason.setCurrentIndex(dialog.reason.findData("damaged"))
    press_ok(qtbot, dialog)
    assert held(services, agency.room, "NX1") == 4
    op = dialog.result_operation
    assert op.reason == "dispose" and op.note == "damaged" and op.quantity == 2
    moves = services.stock.list_moves(lot_id=services.stock.find_lot(agency.narcan, "NX1").id)
    assert (moves[0].to_name, moves[0].operation_id) == ("Disposed", op.id)


def test_quarantine_refusals_show_in_the_dialog_and_write_nothing(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    before = db(services)
    dialog = show(qtbot, QuarantineDialog(services, lot_id=lots.nx1, location_id=agency.room))
    dialog.reason.setCurrentIndex(dialog.reason.findData("other"))
    press_ok(qtbot, dialog)
    assert "Describe the reason" in dialog.error_label.text()
    dialog.reason.setCurrentIndex(dialog.reason.findData("recalled"))
    dialog.quantity.setValue(9)
    press_ok(qtbot, dialog)
    assert "holds 6" in dialog.error_label.text()
    dialog.dispose_mode.setChecked(True)
    assert dialog.error_label.text() == ""  # a new choice clears the old message
    press_ok(qtbot, dialog)
    assert "holds 6" in dialog.error_label.text()
    assert db(services) == before


def test_switching_modes_changes_the_action(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    dialog = show(qtbot, QuarantineDialog(services, lot_id=lots.nx2, location_id=agency.room))
    dialog.dispose_mode.setChecked(True)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Dispose"
    dialog.quantity.setValue(1)
    dialog.reason.setCurrentIndex(dialog.reason.findData("damaged"))
    press_ok(qtbot, dialog)
    assert dialog.result_operation.reason == "dispose"
