"""Receive dialog as a document: scans typed by a keyboard-wedge scanner into any field add
packages to lines and never post, inflate a quantity or land in the field."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from models.common.gtin import check_digit
from models.stock.rows import ReceiveLine
from tests.snapshot import snapshot
from tests.ui.scanner import KLOXXADO_GTIN, NARCAN_GTIN, NARCAN_UPC, SUFFIXES, gs1, type_scan
from tests.ui.stock_dialog_helpers import post_receipt
from ui.inventory.receive_dialog import ReceiveDialog
from ui.inventory.receive_lines_table import Column

CARTON = gs1(KLOXXADO_GTIN, "KX7", "270600", "S1")


def _case(gtin: str) -> str:
    body = "5" + gtin[1:13]
    return body + check_digit(body)


def _dialog(qtbot, services, agency) -> ReceiveDialog:
    dialog = ReceiveDialog(services, location_id=agency.room)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fields(dialog: ReceiveDialog) -> list:
    return [dialog.scan.edit, dialog.location, dialog.source, dialog.received_on, dialog.product,
            dialog.lot_number, dialog.expiry, dialog.quantity, dialog.note, dialog.allow_expired,
            dialog.lines_table]  # fmt: skip


def _state(dialog: ReceiveDialog) -> tuple:
    return (dialog.location.currentIndex(), dialog.source.currentIndex(),
            dialog.received_on.date(), dialog.product.currentIndex(), dialog.lot_number.text(),
            dialog.expiry.text(), dialog.quantity.value(), dialog.note.text(),
            dialog.allow_expired.isChecked())  # fmt: skip


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_scans_into_every_field_add_one_carton_each_and_post_nothing(
    qtbot, services, agency, suffix
):
    dialog = _dialog(qtbot, services, agency)
    dialog.lot_number.setText("typed")
    before, books = _state(dialog), snapshot(services.stock._sessions)
    for number, field in enumerate(_fields(dialog), start=1):
        type_scan(qtbot, field, CARTON, suffix=suffix)
        qtbot.wait(70)  # the next carton comes a moment later
        assert dialog.lines_table.rowCount() == 1, field
        assert dialog.lines_table.text_at(0, Column.QUANTITY) == str(2 * number), field
        assert _state(dialog) == before, field
        assert dialog.isVisible() and dialog.confirmation is None
    assert snapshot(services.stock._sessions) == books


def test_a_scan_while_a_line_quantity_is_being_edited_does_not_change_it(qtbot, services, agency):
    dialog = _dialog(qtbot, services, agency)
    type_scan(qtbot, dialog.scan, CARTON)
    qtbot.wait(70)
    dialog.lines_table.start_editing(0, Column.QUANTITY)
    type_scan(qtbot, dialog.lines_table, NARCAN_UPC, focus=False)
    qtbot.wait(70)
    assert dialog.lines_table.text_at(0, Column.QUANTITY) == "2"
    assert dialog.lines_table.rowCount() == 2  # the Narcan carton became its own line


def test_enter_in_the_quantity_confirms_the_typed_line_and_goes_back_to_scanning(
    qtbot, services, agency
):
    dialog = _dialog(qtbot, services, agency)
    dialog.product.setCurrentIndex(dialog.product.findText("Narcan 4 mg nasal spray"))
    qtbot.keyClicks(dialog.lot_number, "NX1")
    qtbot.keyClicks(dialog.expiry, "2027-03")
    dialog.quantity.setFocus()
    dialog.quantity.selectAll()
    qtbot.keyClicks(dialog.quantity, "6")
    qtbot.wait(70)
    qtbot.keyClick(dialog.quantity, Qt.Key.Key_Return)
    assert dialog.lines_table.rowCount() == 1 and dialog.isVisible()
    assert dialog.focusWidget() is dialog.scan.edit and dialog.confirmation is None
    assert services.stock.list_on_hand() == []


def test_ctrl_enter_shows_lines_and_totals_and_only_receive_posts(qtbot, services, agency):
    dialog = _dialog(qtbot, services, agency)
    type_scan(qtbot, dialog.scan, CARTON)
    qtbot.wait(70)
    type_scan(qtbot, dialog.scan, gs1(NARCAN_GTIN, "NX5", "270900"))
    qtbot.keyClick(dialog.scan.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    box = dialog.confirmation
    assert box is not None and box.isVisible()
    assert "Total: 2 lines, 4 units." in box.text() and "KX7" in box.text()
    assert services.stock.list_on_hand() == []
    box.reject()
    assert dialog.isVisible() and services.stock.list_on_hand() == []
    post_receipt(qtbot, dialog)
    assert dialog.result() == ReceiveDialog.DialogCode.Accepted
    assert {r.quantity for r in services.stock.list_on_hand()} == {2}


@pytest.mark.parametrize(("quantity", "warned"), [(1001, True), (60, True), (50, False)])
def test_quantities_far_above_past_receipts_are_flagged_before_posting(
    qtbot, services, agency, quantity, warned
):
    services.stock.receive(agency.room, [ReceiveLine(agency.narcan, "A", date(2027, 1, 31), 10)])
    dialog = _dialog(qtbot, services, agency)
    type_scan(qtbot, dialog.scan, gs1(NARCAN_GTIN, "NX5", "270900"))
    dialog.lines_table.item(0, Column.QUANTITY).setText(str(quantity))
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    box = dialog.confirmation
    assert ("far more than usual" in box.text()) is warned
    assert (box.icon() == QMessageBox.Icon.Warning) is warned
    assert (box.defaultButton() is None) is warned  # Enter cannot wave a warning through
    assert len(services.stock.list_on_hand()) == 1


def test_a_case_scan_adds_a_case_worth_of_units(qtbot, services, agency):
    services.catalog.set_packaging_level(agency.narcan, _case(NARCAN_GTIN), 24, "case of 12")
    dialog = _dialog(qtbot, services, agency)
    type_scan(qtbot, dialog.quantity, gs1(_case(NARCAN_GTIN), "NX8", "280100"))
    assert dialog.lines_table.text_at(0, Column.QUANTITY) == "24"
    assert "a package of 24 devices" in dialog.scan.message.text()


def test_a_case_of_unknown_size_is_refused_not_read_as_one_carton(qtbot, services, agency):
    dialog = _dialog(qtbot, services, agency)
    type_scan(qtbot, dialog.quantity, gs1(_case(KLOXXADO_GTIN), "KX8", "280100"))
    assert dialog.lines_table.rowCount() == 0 and dialog.quantity.value() == 1
    assert "case barcode" in dialog.scan.message.text() and dialog.scan.is_error_shown()
