"""Product dialog: add and edit products with their own barcodes; refusals write nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.scanner import KLOXXADO_GTIN, NARCAN_GTIN, UNKNOWN_UPC, type_scan
from tests.ui.stock_dialog_helpers import db, show
from ui.widgets.product_dialog import ProductDialog

STORE_UPC = "311917040332"  # store-brand UPC without the NDC inside


def _save(qtbot, dialog: ProductDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_add_product_with_packaging_storage_and_barcodes(qtbot, services):
    dialog = show(qtbot, ProductDialog(services, barcode=UNKNOWN_UPC))
    assert dialog.windowTitle() == "Add product"
    assert dialog.barcode_codes() == [UNKNOWN_UPC.zfill(14)]
    qtbot.keyClicks(dialog.name, "Store naloxone 4 mg")
    dialog.kind.setCurrentIndex(dialog.kind.findData("naloxone"))
    dialog.group.setCurrentText("naloxone-4mg-nasal")
    qtbot.keyClicks(dialog.manufacturer, "Padagis")
    qtbot.keyClicks(dialog.ndc, "12345-123-45")
    qtbot.keyClicks(dialog.storage_min, "2")
    qtbot.keyClicks(dialog.storage_max, "25 °C")
    type_scan(qtbot, dialog.barcode_input, STORE_UPC)  # Enter adds, it does not save
    assert dialog.isVisible() and dialog.barcode_codes()[-1] == STORE_UPC.zfill(14)
    _save(qtbot, dialog)
    assert dialog.result() == ProductDialog.DialogCode.Accepted, dialog.error_label.text()
    saved = dialog.result_product
    assert saved is not None and saved.name == "Store naloxone 4 mg"
    assert (saved.storage_min_c, saved.storage_max_c) == (2.0, 25.0)
    assert saved.interchange_group == "naloxone-4mg-nasal" and saved.lot_tracked
    assert set(saved.barcodes) == {UNKNOWN_UPC.zfill(14), STORE_UPC.zfill(14)}
    assert services.catalog.find_product_by_code(STORE_UPC).id == saved.id


def test_edit_product_keeps_its_barcodes_and_adds_one(qtbot, services, agency):
    dialog = show(qtbot, ProductDialog(services, product_id=agency.teva))
    assert dialog.windowTitle() == "Edit product"
    assert dialog.name.text() == "Naloxone HCl 4 mg nasal spray (Teva)"
    kept = dialog.barcode_codes()
    assert kept  # UPCs from its NDCs
    dialog.barcode_input.setText(STORE_UPC)
    qtbot.mouseClick(dialog.add_barcode_button, Qt.MouseButton.LeftButton)
    dialog.units_per_package.setValue(6)
    _save(qtbot, dialog)
    product = services.catalog.get_product(agency.teva)
    assert product.units_per_package == 6
    assert set(product.barcodes) == {*kept, STORE_UPC.zfill(14)}


def test_product_refusals_show_in_the_dialog_and_write_nothing(qtbot, services, agency):
    before = db(services)
    dialog = show(qtbot, ProductDialog(services))
    _save(qtbot, dialog)
    assert "Give the product a name" in dialog.error_label.text()
    qtbot.keyClicks(dialog.name, "Narcan 4 mg nasal spray")
    _save(qtbot, dialog)
    assert "already exists" in dialog.error_label.text()
    dialog.name.setText("New spray")
    dialog.ndc.setText("5946767901")
    _save(qtbot, dialog)
    assert "not an NDC" in dialog.error_label.text()
    dialog.ndc.setText("")
    dialog.storage_min.setText("warm")
    _save(qtbot, dialog)
    assert "must be a number of °C" in dialog.error_label.text()
    dialog.storage_min.setText("30")
    dialog.storage_max.setText("8")
    _save(qtbot, dialog)
    assert "lowest storage temperature is above the highest" in dialog.error_label.text()
    assert db(services) == before


def test_barcode_of_another_product_or_with_a_typo_is_refused(qtbot, services, agency):
    dialog = show(qtbot, ProductDialog(services))
    type_scan(qtbot, dialog.barcode_input, NARCAN_GTIN)
    assert "already identifies Narcan 4 mg nasal spray" in dialog.error_label.text()
    type_scan(qtbot, dialog.barcode_input, KLOXXADO_GTIN[:-1] + "1")
    assert "check digit" in dialog.error_label.text()
    assert dialog.barcode_input.selectedText() == KLOXXADO_GTIN[:-1] + "1"
    dialog.barcode_input.clear()
    type_scan(qtbot, dialog.barcode_input, "")
    assert "Scan or type the barcode first" in dialog.error_label.text()
    type_scan(qtbot, dialog.barcode_input, "WAG-0042")  # a store's own code is kept as typed
    assert dialog.barcode_codes() == ["WAG-0042"] and dialog.error_label.text() == ""


def test_a_case_barcode_is_saved_as_a_packaging_level_and_scans_as_a_case(qtbot, services, agency):
    from models.common.gtin import check_digit

    case = "5" + NARCAN_GTIN[1:13] + check_digit("5" + NARCAN_GTIN[1:13])
    dialog = show(qtbot, ProductDialog(services, product_id=agency.narcan))
    dialog.scan_units.setValue(24)
    type_scan(qtbot, dialog.barcode_input, case)
    assert case in dialog.barcode_codes()
    assert any(
        "24 units per scan" in dialog.barcodes.item(i).text()
        for i in range(dialog.barcodes.count())
    )
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible(), dialog.error_label.text()
    levels = {lv.code: lv.units for lv in services.catalog.list_packaging_levels(agency.narcan)}
    assert levels[case] == 24 and levels[NARCAN_GTIN] == 2
