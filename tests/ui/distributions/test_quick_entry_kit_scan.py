"""Quick entry takes kit-label scans in any field: the kits come from where that lot is."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from models.stock.scanning import kit_label_payload
from tests.models.distribution_helpers import receive_kits
from tests.ui.scanner import NARCAN_UPC, SUFFIXES, type_scan
from ui.distributions.quick_entry_widget import QuickEntryWidget


@pytest.fixture
def entry(qtbot, services, agency):
    receive_kits(services, agency.vehicle, 5)
    receive_kits(services, agency.vehicle2, 4, lot="K2")
    services.distributions.save_service_area_zips(["12866"])
    widget = QuickEntryWidget(services)
    qtbot.addWidget(widget)
    widget.resize(1100, 420)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_kit_label_scanned_in_any_field_picks_the_place_and_saves_nothing(
    qtbot, services, agency, entry, suffix
):
    for field in (entry.date, entry.kits, entry.zip, entry.comment):
        entry.location.setCurrentIndex(entry.location.findData(agency.vehicle))
        before = (entry.date.text(), entry.kits.value(), entry.zip.currentText())
        type_scan(qtbot, field, "]C0" + kit_label_payload("K2"), suffix=suffix)
        assert entry.location.currentData() == agency.vehicle2
        assert (entry.date.text(), entry.kits.value(), entry.zip.currentText()) == before
        assert entry.comment.text() == "" and entry.saved == []
        assert "Kit lot K2" in entry.status_label.text()
    assert services.distributions.list_recent() == []


def test_product_barcode_or_unknown_kit_lot_is_refused_in_place(qtbot, entry):
    type_scan(qtbot, entry.kits, NARCAN_UPC)
    assert "scan the kit's label" in entry.error_label.text() and entry.kits.value() == 1
    type_scan(qtbot, entry.kits, kit_label_payload("NOPE"))
    assert "No kits of kit lot NOPE" in entry.error_label.text()
    assert QApplication.focusWidget() is entry.kits
