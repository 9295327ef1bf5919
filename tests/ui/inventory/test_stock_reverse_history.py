"""Reverse and history dialogs on a real SQLite file: who, when, what, why; reversals greyed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from models.stock.scanning import kit_label_payload
from tests.ui.scanner import NARCAN_GTIN, NARCAN_UPC, gs1, type_scan
from tests.ui.stock_dialog_helpers import db, held, press_ok, show, stock_supply_room
from ui.inventory.history_dialog import HistoryDialog
from ui.inventory.reverse_dialog import ReverseDialog


def _texts(model, row: int) -> list[str]:
    return [str(model.data(model.index(row, c))) for c in range(model.columnCount())]


def test_reverse_needs_a_reason_then_puts_stock_back(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    services.actor.name = "alice"
    op = services.stock.transfer(lots.nx2, agency.room, agency.vehicle, 4, "restock")
    dialog = show(qtbot, ReverseDialog(services, operation_id=op.id))
    ModelTester(qtbot).check(dialog.model)
    assert dialog.selected_operation().id == op.id
    assert dialog.details.text().startswith(f"No. {op.id}: transfer by alice")
    before = db(services)
    press_ok(qtbot, dialog)
    assert "Say why" in dialog.error_label.text() and dialog.isVisible()
    assert db(services) == before
    qtbot.keyClicks(dialog.reason, "wrong vehicle")
    press_ok(qtbot, dialog)
    assert dialog.result() == ReverseDialog.DialogCode.Accepted
    assert held(services, agency.vehicle, "NX2") == 0 and held(services, agency.room, "NX2") == 10
    assert dialog.result_operation.reason == "reversal"
    assert dialog.result_operation.note == "wrong vehicle"


def test_reversed_movement_is_marked_and_cannot_be_reversed_twice(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    op = services.stock.transfer(lots.nx2, agency.room, agency.vehicle, 4)
    back = services.stock.reverse(op.id, "typo")
    before = db(services)
    dialog = show(qtbot, ReverseDialog(services))
    model = dialog.model
    row = model.row_of(lambda o: o.id == op.id)
    assert _texts(model, row)[-1] == f"reversed by no. {back.id}"
    assert model.data(model.index(row, 0), Qt.ItemDataRole.ForegroundRole) is not None
    dialog.select_operation(op.id)
    assert "Already reversed" in dialog.details.text()
    qtbot.keyClicks(dialog.reason, "again")
    press_ok(qtbot, dialog)
    assert "already been reversed" in dialog.error_label.text()
    dialog.select_operation(back.id)
    press_ok(qtbot, dialog)
    assert "is itself a reversal" in dialog.error_label.text()
    assert db(services) == before


def test_reverse_without_a_choice_is_refused(qtbot, services, agency):
    stock_supply_room(services, agency)
    dialog = show(qtbot, ReverseDialog(services))
    qtbot.keyClicks(dialog.reason, "oops")
    press_ok(qtbot, dialog)
    assert "Choose the movement" in dialog.error_label.text()
    dialog.select_operation(99999)
    assert "not among the recent ones" in dialog.error_label.text()


def test_history_per_location_shows_who_when_what_why(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    services.actor.name = "alice"
    services.stock.transfer(lots.nx1, agency.room, agency.vehicle, 2, "restock")
    dialog = show(qtbot, HistoryDialog(services, location_id=agency.vehicle))
    assert dialog.by_location.isChecked()
    model = dialog.model
    ModelTester(qtbot).check(model)
    assert model.rowCount() == 1
    assert _texts(model, 0) == [
        "2026-01-15 09:00",
        str(model.row_at(0).operation_id),
        "Transfer",
        "Narcan 4 mg nasal spray",
        "NX1",
        "Supply room",
        "Patrol 12",
        "2",
        "alice",
        "restock",
        "",
    ]
    assert "1 movement lines for Station 1 / Patrol 12" in dialog.summary.text()


def test_history_per_lot_chosen_by_scan_includes_reversals(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    op = services.stock.transfer(lots.nx1, agency.room, agency.vehicle, 2)
    services.stock.reverse(op.id, "wrong car")
    dialog = show(qtbot, HistoryDialog(services, location_id=agency.room))
    type_scan(qtbot, dialog.scan, gs1(NARCAN_GTIN, "NX1", "270331"))
    assert dialog.by_lot.isChecked() and dialog.lot.currentData() == lots.nx1
    reasons = [dialog.model.row_at(r).reason for r in range(dialog.model.rowCount())]
    assert sorted(reasons) == ["receive", "reversal", "transfer"]
    assert "1 reversed (greyed)" in dialog.summary.text()
    type_scan(qtbot, dialog.scan, NARCAN_UPC)
    assert "carries no lot" in dialog.scan.message.text()
    type_scan(qtbot, dialog.scan, kit_label_payload("K-404"))
    assert "No kit lot K-404" in dialog.scan.message.text()


def test_history_opened_on_a_lot_shows_that_lot(qtbot, services, agency):
    lots = stock_supply_room(services, agency)
    dialog = show(qtbot, HistoryDialog(services, lot_id=lots.old))
    assert dialog.by_lot.isChecked()
    assert {dialog.model.row_at(r).lot_number for r in range(dialog.model.rowCount())} == {"OLD"}
    dialog.by_location.setChecked(True)
    dialog.location.setCurrentIndex(dialog.location.findData(agency.room))
    assert dialog.model.rowCount() == 3
