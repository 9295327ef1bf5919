"""Count a place in one dialog: 40 lots of a supply room scanned and typed, scans in every
field adding one package and nothing else, pause and resume, sheet, one posted operation."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from models.stock.rows import ReceiveLine
from tests.snapshot import snapshot
from tests.ui.scanner import NARCAN_GTIN, SUFFIXES, gs1, type_scan
from ui.inventory.count_place_dialog import CountPlaceDialog
from ui.inventory.count_table_model import Column


def _forty_lots(services, agency) -> None:
    lines = [
        ReceiveLine(agency.narcan, f"N{i:02d}", date(2027, 1 + i % 12, 1), 4) for i in range(40)
    ]
    services.stock.receive(agency.room, lines)


def _dialog(qtbot, services, location_id) -> CountPlaceDialog:
    dialog = CountPlaceDialog(services, location_id=location_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _post(qtbot, dialog: CountPlaceDialog) -> None:
    qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
    box = dialog.confirmation
    accept = next(b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.AcceptRole)
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)


def _row(dialog: CountPlaceDialog, lot: str) -> int:
    return next(i for i, r in enumerate(dialog.model.rows()) if r.lot_number == lot)


def test_forty_lots_of_a_supply_room_are_counted_in_one_dialog(qtbot, services, agency):
    _forty_lots(services, agency)
    dialog = _dialog(qtbot, services, agency.room)
    assert dialog.model.rowCount() == 40
    for number in range(40):
        scan = gs1(NARCAN_GTIN, f"N{number:02d}", None)
        for _carton in range(2):  # two cartons of 2 devices = the 4 on the books
            type_scan(qtbot, dialog.scan, f"{scan}")
            qtbot.wait(40)
    type_scan(qtbot, dialog.scan, gs1(NARCAN_GTIN, "N07"))  # one carton too many
    index = dialog.model.index(_row(dialog, "N07"), Column.REASON)
    dialog.model.setData(index, "Found stock")
    assert "40 lots listed, 40 counted, 1 differ" in dialog.summary.text()
    _post(qtbot, dialog)
    assert dialog.result() == CountPlaceDialog.DialogCode.Accepted, dialog.error_label.text()
    op = dialog.result_operation
    assert op is not None and op.move_count == 1 and op.quantity == 2
    assert (
        services.stock.on_hand(services.stock.find_lot(agency.narcan, "N07").id, agency.room) == 6
    )


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_scan_in_any_field_counts_one_package_and_changes_nothing_else(
    qtbot, services, agency, suffix
):
    _forty_lots(services, agency)
    dialog = _dialog(qtbot, services, agency.room)
    before = snapshot(services.stock._sessions)
    row = _row(dialog, "N03")
    dialog.table.setCurrentIndex(dialog.model.index(row, Column.REASON))
    fields = [dialog.scan.edit, dialog.table, dialog.print_button, dialog.pause_button]
    for number, field in enumerate(fields, start=1):
        type_scan(qtbot, field, gs1(NARCAN_GTIN, "N03"), suffix=suffix)
        qtbot.wait(70)
        assert dialog.model.rows()[row].counted == 2 * number
        assert dialog.model.rows()[row].reason is None and dialog.isVisible()
    dialog.table.edit(dialog.model.index(row, Column.COUNTED))
    type_scan(qtbot, dialog.table, gs1(NARCAN_GTIN, "N03"), focus=False, suffix=suffix)
    qtbot.wait(70)
    assert dialog.model.rows()[row].counted == 10
    assert snapshot(services.stock._sessions) == before and dialog.preview is None


def test_typed_counts_move_down_and_a_variance_needs_a_reason(qtbot, services, agency):
    _forty_lots(services, agency)
    dialog = _dialog(qtbot, services, agency.room)
    before = snapshot(services.stock._sessions)
    first = dialog.model.index(0, Column.COUNTED)
    dialog.table.setCurrentIndex(first)
    dialog.table.edit(first)
    qtbot.keyClicks(dialog.focusWidget(), "3")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.currentIndex().row() == 1)
    assert dialog.model.rows()[0].counted == 3
    _post(qtbot, dialog)
    assert "Give a reason for this difference" in dialog.error_label.text()
    assert dialog.isVisible() and snapshot(services.stock._sessions) == before
    dialog.model.setData(dialog.model.index(0, Column.COUNTED), "-2")
    assert dialog.model.rows()[0].counted == 3  # a negative count is not taken


def test_pause_and_resume_keep_the_counted_quantities(qtbot, services, agency):
    _forty_lots(services, agency)
    dialog = _dialog(qtbot, services, agency.room)
    type_scan(qtbot, dialog.scan, gs1(NARCAN_GTIN, "N05"))
    qtbot.mouseClick(dialog.pause_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    again = _dialog(qtbot, services, agency.room)
    assert again.sheet.id == dialog.sheet.id
    assert again.model.rows()[_row(again, "N05")].counted == 2


def test_blind_count_hides_the_books_and_the_sheet_prints(qtbot, services, agency):
    _forty_lots(services, agency)
    dialog = CountPlaceDialog(services)
    qtbot.addWidget(dialog)
    dialog.place.setCurrentIndex(dialog.place.findData(agency.room))
    dialog.blind.setChecked(True)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.model.data(dialog.model.index(0, Column.EXPECTED)) == "—"
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    text = "".join(p.extract_text() for p in PdfReader(str(dialog.preview.pdf_path)).pages)
    assert "N00" in text and "Blind count" in text


def test_counting_an_inactive_place_is_refused(qtbot, services, agency):
    dialog = CountPlaceDialog(services)
    qtbot.addWidget(dialog)
    dialog.place.setCurrentIndex(dialog.place.findData(agency.vehicle))
    services.catalog.set_location_active(agency.vehicle, False)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert "inactive" in dialog.error_label.text() and dialog.sheet is None
