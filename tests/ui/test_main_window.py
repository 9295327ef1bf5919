"""Main window and Receive dialog driven through real widgets on a real SQLite file."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from models.stock.rows import ReceiveLine
from tests.ui.stock_dialog_helpers import post_receipt
from ui.inventory.inventory_view import InventoryView
from ui.inventory.receive_dialog import ReceiveDialog
from ui.main_window import PAGES, MainWindow


def test_main_window_shows_received_stock(qtbot, services, agency) -> None:
    services.stock.receive(agency.room, [ReceiveLine(agency.narcan, "NX42", date(2027, 4, 30), 24)])
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    inventory = window.show_page("Inventory")
    assert isinstance(inventory, InventoryView)
    model = inventory.model
    texts = {model.data(model.index(0, c)) for c in range(model.columnCount())}
    assert {"Narcan 4 mg nasal spray", "NX42", "2027-04-30", "Station 1 / Supply room", 24} <= texts
    ModelTester(qtbot).check(model)


def test_every_navigation_entry_opens_a_screen(qtbot, services) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    for row, (title, _page_class) in enumerate(PAGES):
        window.navigation.setCurrentRow(row)
        assert window.current_page() is window.page(title)


def _fill(qtbot, dialog: ReceiveDialog, lot: str, expiry: str, quantity: int) -> None:
    dialog.product.setCurrentIndex(dialog.product.findText("Narcan 4 mg nasal spray"))
    dialog.lot_number.clear()
    qtbot.keyClicks(dialog.lot_number, lot)
    dialog.expiry.clear()
    qtbot.keyClicks(dialog.expiry, expiry)
    dialog.quantity.setValue(quantity)


def test_receive_dialog_rejects_bad_input_with_a_visible_message(qtbot, services, agency) -> None:
    dialog = ReceiveDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.location.setCurrentIndex(dialog.location.findText("Station 1 / Supply room"))
    _fill(qtbot, dialog, "NX1", "2027-02-30", 5)
    post_receipt(qtbot, dialog)
    assert "not a real expiry date" in dialog.error_label.text()
    assert dialog.error_label.isVisible() and dialog.isVisible()
    _fill(qtbot, dialog, "NX1", "2025-01", 5)
    post_receipt(qtbot, dialog)
    assert "expired on 2025-01-31" in dialog.error_label.text()
    assert services.stock.list_on_hand() == []


def test_receive_dialog_books_several_lines(qtbot, services, agency) -> None:
    dialog = ReceiveDialog(services)
    qtbot.addWidget(dialog)
    dialog.location.setCurrentIndex(dialog.location.findText("Station 1 / Supply room"))
    _fill(qtbot, dialog, "NX1", "2027-03", 6)
    qtbot.mouseClick(dialog.add_line_button, Qt.MouseButton.LeftButton)
    _fill(qtbot, dialog, "NX2", "2027-09-15", 4)
    post_receipt(qtbot, dialog)
    assert dialog.result() == ReceiveDialog.DialogCode.Accepted
    rows = {(r.lot_number, r.expiry, r.quantity) for r in services.stock.list_on_hand()}
    assert rows == {("NX1", date(2027, 3, 31), 6), ("NX2", date(2027, 9, 15), 4)}
