"""Input widgets mirror the domain limits: a mis-scan cannot type more than one line may hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from models.common.limits import MAX_LINE_QUANTITY, MAX_LOT_NUMBER
from ui.inventory.count_dialog import CountDialog
from ui.inventory.receive_dialog import ReceiveDialog
from ui.inventory.receive_lines_table import Column
from ui.inventory.transfer_dialog import TransferDialog


def test_receive_fields_stop_at_the_limits(qtbot, services, agency):
    dialog = ReceiveDialog(services, location_id=agency.room)
    qtbot.addWidget(dialog)
    assert dialog.quantity.maximum() == MAX_LINE_QUANTITY
    assert dialog.lot_number.maxLength() == MAX_LOT_NUMBER
    lot = dialog.lot_number.validator()
    assert lot.validate("AB\u00e912", 0)[0] == QValidator.State.Invalid  # no accented letters
    assert lot.validate("AB-12/3", 0)[0] == QValidator.State.Acceptable


def test_a_mis_scan_into_a_table_quantity_is_cut_at_the_limit(qtbot, services, agency):
    dialog = ReceiveDialog(services, location_id=agency.room, prefill=[(agency.shield, 5)])
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.lines_table
    table.setCurrentCell(0, Column.QUANTITY)
    table.editItem(table.item(0, Column.QUANTITY))
    editor = dialog.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "36000291452")
    assert len(editor.text()) <= len(str(MAX_LINE_QUANTITY))
    assert int(editor.text() or 0) <= MAX_LINE_QUANTITY or not editor.hasAcceptableInput()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert sum(r.quantity for r in services.stock.list_on_hand()) <= MAX_LINE_QUANTITY


def test_transfer_and_count_fields_mirror_the_limits(qtbot, services, agency):
    transfer = TransferDialog(services)
    count = CountDialog(services)
    qtbot.addWidget(transfer)
    qtbot.addWidget(count)
    assert transfer.quantity.maximum() == MAX_LINE_QUANTITY
    digits = count.counted.validator()
    assert digits.validate("\u0663\u0664", 0)[0] == QValidator.State.Invalid  # Arabic-Indic
    assert digits.validate("34", 0)[0] == QValidator.State.Acceptable
