"""The scan field fed raw keyboard-wedge keystrokes: every accepted form, malformed scans."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from models.stock.scanning import GS_SYMBOL, SEPARATORS_SETTING, ScanForm, kit_label_payload
from tests.ui.scanner import GS, KLOXXADO_GTIN, KLOXXADO_UPC, send_group_separator, type_scan
from ui.widgets.scan_field import ScanField

FULL = (KLOXXADO_GTIN, "AB12", date(2027, 6, 30), "SN9")


def _field(qtbot, services) -> ScanField:
    field = ScanField(services)
    qtbot.addWidget(field)
    field.show()
    return field


@pytest.mark.parametrize(
    ("raw", "form"),
    [
        (f"]d201{KLOXXADO_GTIN}17270600{GS}10AB12{GS}21SN9", ScanForm.GS1),
        (f"01{KLOXXADO_GTIN}1727060010AB12{GS}21SN9", ScanForm.GS1),
        (f"]C101{KLOXXADO_GTIN}10AB12{GS}17270600{GS}21SN9", ScanForm.GS1),
        (f"]Q301{KLOXXADO_GTIN}10AB12|21SN9|17270600", ScanForm.GS1),
        (f"01{KLOXXADO_GTIN}10AB12^]21SN9^]17270600", ScanForm.GS1),
        (f"01{KLOXXADO_GTIN}10AB12<GS>21SN9<GS>17270600", ScanForm.GS1),
        (f"01{KLOXXADO_GTIN}10AB12~21SN9~17270600", ScanForm.GS1),
        (f"(01){KLOXXADO_GTIN}(17)270600(10)AB12(21)SN9", ScanForm.HRI),
        (f"https://id.gs1.org/01/{KLOXXADO_GTIN}/10/AB12/21/SN9?17=270600", ScanForm.DIGITAL_LINK),
    ],
)
def test_each_full_form_typed_by_a_scanner_is_read(qtbot, services, raw, form):
    field = _field(qtbot, services)
    with qtbot.waitSignal(field.scanned) as signal:
        type_scan(qtbot, field, raw)
    scan = signal.args[0]
    assert scan.form is form
    assert (scan.gtin, scan.lot, scan.expiry, scan.serial) == FULL
    assert field.edit.text() == "" and not field.is_error_shown()
    assert (
        field.message.text() == f"GTIN {KLOXXADO_GTIN} · lot AB12 · expiry 2027-06-30 · serial SN9"
    )


@pytest.mark.parametrize(
    "raw", [KLOXXADO_UPC, "0" + KLOXXADO_UPC, KLOXXADO_GTIN, "]E00" + KLOXXADO_UPC]
)
def test_plain_codes_give_the_gtin(qtbot, services, raw):
    field = _field(qtbot, services)
    with qtbot.waitSignal(field.scanned) as signal:
        type_scan(qtbot, field, raw)
    assert signal.args[0].gtin == KLOXXADO_GTIN and signal.args[0].lot is None


def test_kit_label_is_read(qtbot, services):
    field = _field(qtbot, services)
    with qtbot.waitSignal(field.scanned) as signal:
        type_scan(qtbot, field, "]C0" + kit_label_payload("K-2026-007"))
    assert signal.args[0].kit_lot_number == "K-2026-007"


def test_group_separator_is_kept_and_shown_until_enter(qtbot, services):
    field = _field(qtbot, services)
    type_scan(qtbot, field, f"01{KLOXXADO_GTIN}10AB12{GS}21SN9", enter=False)
    assert field.edit.text() == f"01{KLOXXADO_GTIN}10AB12{GS_SYMBOL}21SN9"
    qtbot.keyClick(field.edit, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert field.edit.text().endswith(GS_SYMBOL)
    with qtbot.waitSignal(field.scanned) as signal:
        qtbot.keyClick(field.edit, Qt.Key.Key_Enter)  # keypad Enter ends a scan too
    assert signal.args[0].serial == "SN9"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (f"01{KLOXXADO_GTIN}17271332", "is not a real date"),
        (KLOXXADO_UPC[:-1] + "4", "not a valid UPC/EAN/GTIN"),
        (f"01{KLOXXADO_GTIN[:-1]}4{GS}10AB", "wrong check digit"),
        ("]d2" + "17270600" + GS + "10AB12", "no product number"),
        ("(01)123", "not a readable GS1"),
        ("Hello world", "not a readable GS1"),
        ("https://example.com/", "not a readable GS1 Digital Link"),
    ],
)
def test_malformed_scan_shows_its_message_and_emits_nothing(qtbot, services, raw, message):
    field = _field(qtbot, services)
    emitted = []
    field.scanned.connect(emitted.append)
    with qtbot.waitSignal(field.scan_failed) as failed:
        type_scan(qtbot, field, raw)
    assert message in failed.args[0]
    assert emitted == [] and field.is_error_shown() and message in field.message.text()
    assert field.edit.selectedText() == field.edit.text() != ""
    send_group_separator(field.edit)  # the next scan replaces the selected bad one
    assert field.edit.text() == GS_SYMBOL


def test_enter_on_an_empty_field_says_nothing_was_scanned(qtbot, services):
    field = _field(qtbot, services)
    scanned = []
    field.scanned.connect(scanned.append)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert scanned == [] and field.message.text() == "Nothing was scanned."
    assert field.is_error_shown()


def test_agency_separator_setting_is_used(qtbot, services):
    services.settings.set(SEPARATORS_SETTING, ["#"])
    field = _field(qtbot, services)
    with qtbot.waitSignal(field.scanned) as signal:
        type_scan(qtbot, field, f"01{KLOXXADO_GTIN}10AB12#21SN9")
    assert signal.args[0].serial == "SN9"


def test_a_lot_ending_in_17_and_a_date_is_asked_not_guessed(qtbot, services):
    field = _field(qtbot, services)
    scanned = []
    field.scanned.connect(scanned.append)
    type_scan(qtbot, field, f"01{KLOXXADO_GTIN}10AB1217270600")
    assert scanned == [] and field.split_lot_button.isVisible()
    assert field.whole_lot_button.text() == "Lot AB1217270600"
    assert field.split_lot_button.text() == "Lot AB12, expiry 2027-06-30"
    qtbot.mouseClick(field.split_lot_button, Qt.MouseButton.LeftButton)
    assert [(s.lot, s.expiry) for s in scanned] == [("AB12", date(2027, 6, 30))]
    assert not field.split_lot_button.isVisible()
