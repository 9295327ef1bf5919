"""Kits screen, kit settings tab, label and card dialogs on a real SQLite file."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.modeltest import ModelTester

from models.kits.labels_pdf import BAR_HEIGHT
from models.stock.scanning import kit_label_payload
from tests.models.code128_reader import barcodes_in_pdf
from tests.models.kit_fixtures import standard, stock_parts
from ui.kits.kit_labels_dialog import KitLabelsDialog
from ui.kits.kit_par_dialog import KitParDialog
from ui.kits.kits_view import KitsView
from ui.kits.resource_cards_dialog import ResourceCardsDialog
from ui.main_window import MainWindow
from ui.settings.kit_settings_tab import KitSettingsTab
from ui.widgets.expiry_style import EXPIRED, SHORT


def _kits(services, agency):
    kit = standard(services)
    stock_parts(
        services, agency, kit, naloxone=[("A", date(2026, 2, 10), 4), ("B", date(2027, 9, 1), 20)]
    )
    batches = services.kits.assemble_kits(kit.recipe, agency.room, 8).batches
    services.stock.transfer(batches[-1].lot_id, agency.room, agency.vehicle, 3)
    services.catalog.set_par_level(agency.vehicle, kit.product, 4)
    return kit, batches


def test_kits_screen_shows_ready_kits_against_par_and_batches(qtbot, services, agency):
    _kit, batches = _kits(services, agency)
    window = MainWindow(services)
    qtbot.addWidget(window)
    view = window.show_page("Kits")
    assert isinstance(view, KitsView)
    model = view.ready_model
    rows = {
        model.data(model.index(r, 0)): [model.data(model.index(r, c)) for c in range(2, 6)]
        for r in range(model.rowCount())
    }
    assert rows["Station 1 / Patrol 12"] == [3, 4, 1, ""]
    assert rows["Station 1 / Supply room"] == [5, "", "", 2]
    assert model.headerData(5, Qt.Orientation.Horizontal) == "≤ 30 d"
    assert "8 kits ready at 2 places; 1 below par (short 1)" in view.summary.text()
    ModelTester(qtbot).check(model)
    ModelTester(qtbot).check(view.stock_model)
    view.tabs.setCurrentIndex(1)
    view.stock_table.selectRow(0)
    assert f"Kit batch {batches[0].lot_number}" in view.batch_details.text()
    assert "2 × Narcan 4 mg nasal spray lot A" in view.batch_details.text()
    qtbot.keyClicks(view.search, "patrol")
    assert view.stock_model.rowCount() == 1


def test_short_cells_use_the_below_par_colour_of_the_legend_not_expired_pink(
    qtbot, services, agency
):
    _kits(services, agency)
    window = MainWindow(services)
    qtbot.addWidget(window)
    view = window.show_page("Kits")
    model = view.ready_model
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 4)) == 1)
    short = model.data(model.index(row, 4), Qt.ItemDataRole.BackgroundRole).color()
    assert short == SHORT and short != EXPIRED
    assert f"background:{SHORT.name()};" in view.legend.text()
    assert "below par" in view.legend.text()


def test_label_dialog_writes_the_selected_batch_labels(qtbot, services, agency, tmp_path):
    _kit, batches = _kits(services, agency)
    dialog = KitLabelsDialog(services, selected_lot=batches[0].lot_id)
    qtbot.addWidget(dialog)
    dialog.skip.setValue(3)
    path = dialog.write_pdf(tmp_path / "labels.pdf")
    assert path is not None
    assert barcodes_in_pdf(path, BAR_HEIGHT) == [kit_label_payload(batches[0].lot_number)] * 2


def test_resource_cards_dialog_books_the_print_run(qtbot, services, agency, tmp_path):
    standard(services)
    dialog = ResourceCardsDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.valid_until.date().toPython() == date(2027, 1, 31)
    dialog.sheets.setValue(3)
    assert dialog.book(tmp_path / "cards.pdf")
    assert len(PdfReader(str(dialog.pdf_path)).pages) == 6
    booked = [r for r in services.stock.list_on_hand() if r.lot_number == dialog.version]
    assert [(r.quantity, r.expiry) for r in booked] == [(30, date(2027, 1, 31))]


def test_kit_settings_tab_saves_shelf_life_and_card_content(qtbot, services):
    tab = KitSettingsTab(services)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.min_shelf.value() == 90 and tab.entries.rowCount() == 5
    tab.min_shelf.setValue(120)
    tab.entries.item(0, 4).setText("1-877-846-7369")
    tab.title_es.clear()
    tab.save_button.click()
    assert "English and in Spanish" in tab.error_label.text()
    tab.title_es.setText("¿Sobredosis? Llame al 911.")
    tab.save_button.click()
    assert services.kits.min_shelf_days() == 120
    assert services.kits.card_content().entries[0].contact == "1-877-846-7369"


def test_kit_par_dialog_sets_a_vehicle_par_level(qtbot, services, agency):
    kit = standard(services)
    dialog = KitParDialog(services, location_id=agency.vehicle2, kit_product_id=kit.product)
    qtbot.addWidget(dialog)
    dialog.quantity.setValue(6)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    rows = {r.location_path: r for r in services.kits.kits_ready_by_location()}
    assert (rows["Station 1 / Patrol 14"].par, rows["Station 1 / Patrol 14"].short) == (6, 6)


def test_kit_transfer_takes_kit_label_scans_in_any_field(qtbot, services, agency):
    from tests.ui.scanner import SUFFIXES, type_scan
    from ui.kits.kit_transfer_dialog import KitTransferDialog

    _kits(services, agency)
    dialog = KitTransferDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    biggest = max(dialog._rows, key=lambda r: r.quantity)
    assert biggest.quantity == 3
    dialog.kits.setCurrentIndex(next(i for i, r in enumerate(dialog._rows) if r != biggest))
    label = kit_label_payload(biggest.lot_number)
    for field, suffix in zip(
        (dialog.kits, dialog.count, dialog.target, dialog.count), SUFFIXES, strict=True
    ):
        type_scan(qtbot, field, label, suffix=suffix)
    assert dialog.current() == biggest
    assert dialog.count.value() == 3  # the first scan selects the lot, each further one adds a kit
    assert "Only 3 kits" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.outcome == None  # noqa: E711 - nothing was transferred
    type_scan(qtbot, dialog.count, kit_label_payload("NOPE"))
    assert "No kits of kit lot NOPE" in dialog.error_label.text() and dialog.count.value() == 3
