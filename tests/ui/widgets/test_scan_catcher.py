"""The window-level scan catcher: a scanner's burst is taken as a scan wherever focus is,
never typed into a field and never pressing a default button."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QSpinBox, QVBoxLayout

from models.stock.rows import ReceiveLine
from tests.ui.scanner import NARCAN_GTIN, NARCAN_UPC, SUFFIXES, gs1, type_scan
from ui.inventory.inventory_view import InventoryView
from ui.main_window import MainWindow
from ui.widgets.scan_catcher import ScanCatcher, looks_like_scan


class _Form(QDialog):
    """A dialog with a quantity, a text box and a default button, and a scan handler."""

    def __init__(self) -> None:
        super().__init__()
        self.quantity = QSpinBox()
        self.quantity.setRange(0, 1_000_000)
        self.quantity.setValue(3)
        self.search = QLineEdit("abc")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (self.quantity, self.search, self.buttons):
            layout.addWidget(widget)
        self.scans: list[str] = []
        ScanCatcher.install().register(self, self.scans.append)


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("scan", [NARCAN_UPC, gs1(NARCAN_GTIN, "AB1", "270600", "S1"), "]E0123"])
def test_scan_into_a_quantity_or_text_box_is_caught_and_typed_nowhere(qtbot, scan, suffix):
    form = _Form()
    qtbot.addWidget(form)
    form.show()
    for field in (form.quantity, form.search):
        type_scan(qtbot, field, scan, suffix=suffix)
    assert form.quantity.value() == 3 and form.search.text() == "abc"
    assert form.scans == [scan, scan]
    assert form.result() == 0 and form.isVisible()  # Enter never pressed OK


def test_person_typing_is_left_alone(qtbot):
    form = _Form()
    qtbot.addWidget(form)
    form.show()
    form.quantity.setFocus()
    form.quantity.selectAll()
    qtbot.keyClicks(form.quantity, "12")
    form.search.clear()
    qtbot.keyClicks(form.search, "2026-01-14")
    assert form.quantity.value() == 12 and form.search.text() == "2026-01-14"
    assert form.scans == []


@pytest.mark.parametrize(
    ("text", "scan"),
    [("012345678905", True), ("]d2", True), ("(01)00312345", True), ("LBNKIT:K1", True),
     ("12", False), ("2026-01-14", False), ("AB123456", False), ("270800", False)],
)  # fmt: skip
def test_what_looks_like_a_scan(text, scan):
    assert looks_like_scan(text) is scan


def test_scan_on_any_main_screen_opens_the_lot_in_inventory(qtbot, services, agency):
    services.stock.receive(agency.room, [ReceiveLine(agency.narcan, "NX42", date(2027, 4, 30), 6)])
    services.stock.receive(agency.room, [ReceiveLine(agency.narcan, "NX50", date(2027, 8, 31), 4)])
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    for title in ("Dashboard", "Kits", "Inventory"):
        page = window.show_page(title)
        page.setFocus()
        if title == "Inventory":
            page.filters.search.setFocus()
        type_scan(qtbot, window, gs1(NARCAN_GTIN, "NX42", "270430"), focus=False)
        inventory = window.current_page()
        assert isinstance(inventory, InventoryView)
        assert [r.lot_number for r in inventory.model.rows()] == ["NX42"]
        assert inventory.target().lot_id is not None
        assert "NX42" in window.statusBar().currentMessage()
        assert inventory.filters.search.text() == "NX42"  # the filter, not the raw scan


def test_bad_scan_on_a_main_screen_says_why_and_changes_nothing(qtbot, services, agency):
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.show_page("Dashboard")
    type_scan(qtbot, window, "]d2010012345", focus=False)
    assert "not a readable GS1 barcode" in window.statusBar().currentMessage()
    type_scan(qtbot, window, "]d2", focus=False)
    assert window.statusBar().currentMessage() == "Nothing was scanned."
