"""Receive dialog driven by simulated scanner keystrokes on a real SQLite file."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from models.stock.rows import ReceiveLine
from models.stock.scanning import kit_label_payload
from tests.snapshot import snapshot
from tests.ui.scanner import (
    GS,
    KLOXXADO_GTIN,
    KLOXXADO_UPC,
    NARCAN_UPC,
    UNKNOWN_UPC,
    gs1,
    type_scan,
)
from tests.ui.stock_dialog_helpers import post_receipt
from ui.inventory.receive_dialog import ReceiveDialog
from ui.inventory.receive_lines_table import Column

KLOXXADO = "Kloxxado 8 mg nasal spray"
NARCAN = "Narcan 4 mg nasal spray"


def _dialog(qtbot, services, **kwargs) -> ReceiveDialog:
    dialog = ReceiveDialog(services, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _receive(qtbot, dialog: ReceiveDialog) -> None:
    post_receipt(qtbot, dialog)


def _line(dialog: ReceiveDialog, row: int = 0) -> tuple[str, str, str, str]:
    table = dialog.lines_table
    return tuple(table.text_at(row, c) for c in Column)  # type: ignore[return-value]


def _stock(services) -> set[tuple[str, str, date | None, int, str]]:
    return {
        (r.product_name, r.lot_number, r.expiry, r.quantity, r.location_name)
        for r in services.stock.list_on_hand()
    }


@pytest.mark.parametrize(
    "scan",
    [
        gs1(KLOXXADO_GTIN, "KX7", "270600", "SN1"),  # ]d2 DataMatrix with ASCII 29
        f"01{KLOXXADO_GTIN}17270600" + f"10KX7{GS}21SN1",  # no symbology prefix
        f"]C101{KLOXXADO_GTIN}1727060010KX7{GS}21SN1",  # GS1-128
        f"01{KLOXXADO_GTIN}10KX7|17270600",  # scanner sends '|' for GS
        f"01{KLOXXADO_GTIN}10KX7<GS>17270600",
        f"(01){KLOXXADO_GTIN}(17)270600(10)KX7",  # human-readable
        f"https://id.gs1.org/01/{KLOXXADO_GTIN}/10/KX7?17=270600",  # Digital Link
    ],
)
def test_each_full_scan_adds_a_carton_to_its_line_then_receives(qtbot, services, agency, scan):
    dialog = _dialog(qtbot, services, location_id=agency.room)
    type_scan(qtbot, dialog.scan, scan)
    assert _line(dialog) == (KLOXXADO, "KX7", "2027-06-30", "2")  # a carton of 2 devices
    assert dialog.focusWidget() is dialog.scan.edit
    assert "new lot KX7" in dialog.scan.message.text()
    assert dialog.isVisible()  # Enter ended the scan, it did not press Receive
    qtbot.wait(80)
    type_scan(qtbot, dialog.scan, scan)
    assert dialog.lines_table.rowCount() == 1 and _line(dialog)[3] == "4"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Receive 1 line…"
    _receive(qtbot, dialog)
    assert dialog.result() == ReceiveDialog.DialogCode.Accepted
    assert _stock(services) == {(KLOXXADO, "KX7", date(2027, 6, 30), 4, "Supply room")}
    assert dialog.result_operation is not None and dialog.result_operation.quantity == 4


@pytest.mark.parametrize("scan", [NARCAN_UPC, "0" + NARCAN_UPC, "]E00" + NARCAN_UPC])
def test_upc_only_carton_adds_a_line_and_moves_cursor_to_its_lot(qtbot, services, agency, scan):
    dialog = _dialog(qtbot, services, location_id=agency.room)
    type_scan(qtbot, dialog.scan, scan)
    table = dialog.lines_table
    assert _line(dialog) == (NARCAN, "", "", "2")
    assert (table.currentRow(), table.currentColumn()) == (0, Column.LOT)
    assert "type the lot and expiry" in dialog.scan.message.text()
    qtbot.wait(80)
    qtbot.keyClicks(dialog.focusWidget(), "NX9")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "2027-05")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # confirms the line
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.scan.edit)
    assert _line(dialog) == (NARCAN, "NX9", "2027-05", "2")
    _receive(qtbot, dialog)
    assert _stock(services) == {(NARCAN, "NX9", date(2027, 5, 31), 2, "Supply room")}


def test_known_lot_is_found_again_and_its_expiry_filled(qtbot, services, agency):
    narcan_gtin = NARCAN_UPC.zfill(14)
    services.stock.receive(agency.room, [ReceiveLine(agency.narcan, "NX42", date(2027, 4, 30), 6)])
    dialog = _dialog(qtbot, services, location_id=agency.room)
    type_scan(qtbot, dialog.scan, f"]d201{narcan_gtin}10NX42")
    assert _line(dialog) == (NARCAN, "NX42", "2027-04-30", "2")
    assert "known lot NX42" in dialog.scan.message.text()
    _receive(qtbot, dialog)
    assert _stock(services) == {(NARCAN, "NX42", date(2027, 4, 30), 8, "Supply room")}


def test_malformed_scan_shows_a_message_and_fills_nothing(qtbot, services, agency):
    before = snapshot(services_sessions(services))
    dialog = _dialog(qtbot, services, location_id=agency.room)
    dialog.product.setCurrentIndex(dialog.product.findText(NARCAN))
    dialog.lot_number.setText("typed")
    for bad in [f"01{KLOXXADO_GTIN}17271332", KLOXXADO_UPC[:-1] + "0", "hello", "]d201123"]:
        type_scan(qtbot, dialog.scan, bad)
        assert dialog.scan.is_error_shown() and dialog.scan.message.isVisible()
        assert dialog.product.currentText() == NARCAN and dialog.lot_number.text() == "typed"
        assert dialog.expiry.text() == "" and dialog.isVisible()
        assert dialog.lines_table.rowCount() == 0
        assert dialog.scan.edit.selectedText() == dialog.scan.edit.text()
    assert "not a real date" in _scan_message_for(qtbot, dialog, f"01{KLOXXADO_GTIN}17270631")
    assert snapshot(services_sessions(services)) == before


def _scan_message_for(qtbot, dialog, text: str) -> str:
    type_scan(qtbot, dialog.scan, text)
    return dialog.scan.message.text()


def services_sessions(services):
    return services.stock._sessions  # the same sessionmaker as the `database` fixture


def test_kit_label_is_not_received(qtbot, services, agency):
    dialog = _dialog(qtbot, services)
    type_scan(qtbot, dialog.scan, kit_label_payload("K-1"))
    assert "kits are assembled" in dialog.scan.message.text()


def test_unknown_gtin_offers_to_add_the_product_then_fills_the_line(qtbot, services, agency):
    dialog = _dialog(qtbot, services, location_id=agency.room)
    type_scan(qtbot, dialog.scan, gs1(UNKNOWN_UPC.zfill(14), "RV1", "280100"))
    assert "No product in the catalog has barcode" in dialog.scan.message.text()
    assert dialog.add_product_button.isVisible()
    qtbot.mouseClick(dialog.add_product_button, Qt.MouseButton.LeftButton)
    product_dialog = dialog.product_dialog
    assert product_dialog is not None and product_dialog.isVisible()
    assert product_dialog.barcode_codes() == [UNKNOWN_UPC.zfill(14)]
    assert "NDC digits: 1234512345" in product_dialog.ndc_hint.text()
    qtbot.keyClicks(product_dialog.name, "RiVive 3 mg nasal spray (new label)")
    qtbot.keyClicks(product_dialog.ndc, "12345-123-45")
    product_dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not product_dialog.isVisible(), product_dialog.error_label.text()
    rivive = "RiVive 3 mg nasal spray (new label)"
    assert _line(dialog) == (rivive, "RV1", "2028-01-31", "2")  # one carton of 2
    assert not dialog.add_product_button.isVisible()
    _receive(qtbot, dialog)
    assert _stock(services) == {(rivive, "RV1", date(2028, 1, 31), 2, "Supply room")}


def test_expired_receive_is_refused_without_override(qtbot, services, agency):
    before = snapshot(services_sessions(services))
    dialog = _dialog(qtbot, services, location_id=agency.room)
    type_scan(qtbot, dialog.scan, gs1(KLOXXADO_GTIN, "OLD1", "251100"))
    _receive(qtbot, dialog)
    assert "expired on 2025-11-30" in dialog.error_label.text()
    assert dialog.error_label.isVisible() and dialog.isVisible()
    assert snapshot(services_sessions(services)) == before
    dialog.allow_expired.setChecked(True)
    _receive(qtbot, dialog)
    assert _stock(services) == {(KLOXXADO, "OLD1", date(2025, 11, 30), 2, "Supply room")}


def test_receive_into_a_location_deactivated_meanwhile_is_refused(qtbot, services, agency):
    dialog = _dialog(qtbot, services, location_id=agency.cabinet)
    assert dialog.location.currentText() == "Station 1 / Supply room / Cabinet A"
    services.catalog.set_location_active(agency.cabinet, False)  # another station did this
    before = snapshot(services_sessions(services))
    type_scan(qtbot, dialog.scan, gs1(KLOXXADO_GTIN, "KX1", "270600"))
    _receive(qtbot, dialog)
    assert "Cabinet A is inactive" in dialog.error_label.text()
    assert snapshot(services_sessions(services)) == before


def test_prefilled_reorder_lines_are_completed_by_scans_and_typing(qtbot, services, agency):
    kloxxado = services.catalog.find_product_by_code(KLOXXADO_UPC)
    source = services.catalog.list_sources()[0]
    dialog = _dialog(
        qtbot,
        services,
        location_id=agency.room,
        source_id=source.id,
        prefill=[(agency.narcan, 12), (kloxxado.id, 4)],
    )
    table = dialog.lines_table
    assert dialog.source.currentText() == source.name
    assert [table.text_at(r, Column.QUANTITY) for r in range(2)] == ["12", "4"]
    assert table.item(0, Column.LOT).toolTip() == "Type or scan this"
    before = snapshot(services_sessions(services))
    _receive(qtbot, dialog)
    assert dialog.error_label.text().startswith("Line 1 (Narcan 4 mg nasal spray): ")
    assert snapshot(services_sessions(services)) == before

    type_scan(qtbot, dialog.scan, gs1(KLOXXADO_GTIN, "KX5", "270900", "S1"))
    assert (table.text_at(1, Column.LOT), table.text_at(1, Column.EXPIRY)) == (
        "KX5",
        "2027-09-30",
    )
    assert table.item(1, Column.LOT).toolTip() == ""
    type_scan(qtbot, dialog.scan, NARCAN_UPC)  # OTC carton: UPC only
    assert table.currentRow() == 0 and table.currentColumn() == Column.LOT
    editor = dialog.focusWidget()
    qtbot.keyClicks(editor, "NX77")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # on to the expiry cell
    assert table.currentColumn() == Column.EXPIRY
    qtbot.keyClicks(dialog.focusWidget(), "2027-08")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # the view commits on its next turn
    qtbot.waitUntil(lambda: table.text_at(0, Column.EXPIRY) == "2027-08")
    assert table.text_at(0, Column.LOT) == "NX77"
    _receive(qtbot, dialog)
    assert dialog.result() == ReceiveDialog.DialogCode.Accepted, dialog.error_label.text()
    assert _stock(services) == {
        (NARCAN, "NX77", date(2027, 8, 31), 12, "Supply room"),
        (KLOXXADO, "KX5", date(2027, 9, 30), 4, "Supply room"),
    }
    assert dialog.result_operation.move_count == 2
    assert services.stock.find_lot(agency.narcan, "NX77").source_name == source.name


def test_prefilled_line_with_a_bad_quantity_is_refused(qtbot, services, agency):
    dialog = _dialog(qtbot, services, location_id=agency.room, prefill=[(agency.shield, 5)])
    dialog.lines_table.item(0, Column.QUANTITY).setText("-5")
    _receive(qtbot, dialog)
    assert "whole number" in dialog.error_label.text()
    assert services.stock.list_on_hand() == []
    dialog.lines_table.item(0, Column.QUANTITY).setText("50")
    _receive(qtbot, dialog)
    assert _stock(services) == {("Rescue breathing face shield", "NO LOT", None, 50, "Supply room")}
