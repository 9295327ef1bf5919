"""Agency, Catalog, Locations and Sources settings tabs driven through their widgets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from models.common.settings import AGENCY_ADDRESS, EXPIRY_BANDS
from models.stock.rows import ReceiveLine
from tests.snapshot import snapshot
from ui.settings.agency_settings_tab import AgencySettingsTab
from ui.settings.catalog_settings_tab import CatalogSettingsTab
from ui.settings.locations_settings_tab import LocationsSettingsTab
from ui.settings.sources_settings_tab import SourcesSettingsTab


def _click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _tab(qtbot, cls, services):
    tab = cls(services)
    qtbot.addWidget(tab)
    tab.resize(1000, 650)
    tab.show()
    tab.refresh()
    return tab


# --- Agency -------------------------------------------------------------------------------


def test_agency_tab_saves_name_contacts_and_bands(qtbot, services) -> None:
    tab = _tab(qtbot, AgencySettingsTab, services)
    qtbot.keyClicks(tab.fields["agency_name"], "Town Police")
    qtbot.keyClicks(tab.address, "1 Main St")
    qtbot.keyClick(tab.address, Qt.Key.Key_Return)
    qtbot.keyClicks(tab.address, "Town, NY 12866")
    qtbot.keyClicks(tab.fields["program_director"], "Chief Rivera")
    tab.first_band.setValue(14)
    tab.second_band.setValue(60)
    assert "≤ 14 days" in tab.legend.text()
    with qtbot.waitSignal(tab.data_changed):
        _click(qtbot, tab.save_button)
    assert services.settings.agency_name() == "Town Police"
    assert services.settings.get(AGENCY_ADDRESS) == "1 Main St\nTown, NY 12866"
    assert services.settings.agency_profile().program_director == "Chief Rivera"
    assert services.settings.get(EXPIRY_BANDS) == (14, 60)
    assert tab.saved_label.text() == "Saved."


def test_agency_tab_refuses_crossed_bands_and_saves_nothing(qtbot, services, database) -> None:
    tab = _tab(qtbot, AgencySettingsTab, services)
    qtbot.keyClicks(tab.fields["agency_name"], "Town Police")
    tab.first_band.setValue(120)
    tab.second_band.setValue(60)
    before = snapshot(database.sessions)
    _click(qtbot, tab.save_button)
    assert "shorter than the second" in tab.error_label.text()
    assert snapshot(database.sessions) == before


# --- Locations ----------------------------------------------------------------------------


@pytest.fixture
def locations(qtbot, services, agency) -> LocationsSettingsTab:
    return _tab(qtbot, LocationsSettingsTab, services)


def _paths(services) -> list[str]:
    return [p.path for p in services.catalog.list_locations()]


def test_add_station_then_vehicle_and_bag_inside_it(qtbot, services, locations) -> None:
    ModelTester(qtbot).check(locations.model)
    qtbot.keyClicks(locations.name, "Station 2")
    _click(qtbot, locations.add_station_button)
    assert "Station 2" in _paths(services)
    assert locations.selected().name == "Station 2"  # the new place is selected
    qtbot.keyClicks(locations.name, "Patrol 21")
    _click(qtbot, locations.add_buttons["vehicle"])
    assert "Station 2 / Patrol 21" in _paths(services)
    assert not locations.add_buttons["room"].isEnabled()  # no room inside a vehicle
    qtbot.keyClicks(locations.name, "Trauma bag")
    _click(qtbot, locations.add_buttons["bag"])
    assert "Station 2 / Patrol 21 / Trauma bag" in _paths(services)
    assert locations.name.text() == ""


def test_add_refusal_is_shown_in_the_tab(qtbot, services, locations, agency) -> None:
    locations.select(agency.station)
    qtbot.keyClicks(locations.name, "Patrol 12")
    _click(qtbot, locations.add_buttons["vehicle"])
    assert "already a location named 'Patrol 12'" in locations.error_label.text()
    assert locations.name.text() == "Patrol 12"  # kept, so it can be corrected


def test_rename_a_vehicle(qtbot, services, locations, agency) -> None:
    locations.select(agency.vehicle)
    qtbot.keyClicks(locations.name, "Patrol 12B")
    _click(qtbot, locations.rename_button)
    assert "Station 1 / Patrol 12B" in _paths(services)


def test_deactivate_is_refused_while_the_place_holds_stock(
    qtbot, services, database, locations, agency
) -> None:
    services.stock.receive(
        agency.vehicle, [ReceiveLine(agency.narcan, "NX1", date(2027, 1, 31), 2)]
    )
    locations.refresh()
    locations.select(agency.vehicle)
    assert locations.active_button.text() == "Deactivate"
    before = snapshot(database.sessions)
    _click(qtbot, locations.active_button)
    assert "still holds 2 units" in locations.error_label.text()
    assert snapshot(database.sessions) == before
    locations.select(agency.vehicle2)
    _click(qtbot, locations.active_button)
    assert locations.error_label.text() == ""
    assert not next(p for p in services.catalog.list_locations() if p.id == agency.vehicle2).active
    assert locations.selected().location_id == agency.vehicle2  # still in sight
    assert locations.active_button.text() == "Reactivate"
    _click(qtbot, locations.active_button)
    assert next(p for p in services.catalog.list_locations() if p.id == agency.vehicle2).active


def test_par_levels_per_place_including_kits(qtbot, services, locations, agency) -> None:
    kit = next(p for p in services.catalog.list_products() if p.kind == "kit")
    locations.select(agency.vehicle)
    locations.par_product.setCurrentIndex(locations.par_product.findData(agency.narcan))
    locations.par_quantity.setValue(4)
    _click(qtbot, locations.par_button)
    locations.par_product.setCurrentIndex(locations.par_product.findData(kit.id))
    locations.par_quantity.setValue(2)
    _click(qtbot, locations.par_button)
    pars = {(p.product_id, p.quantity) for p in services.catalog.list_par_levels(agency.vehicle)}
    assert pars == {(agency.narcan, 4), (kit.id, 2)}
    assert locations.par_model.rowCount() == 2
    ModelTester(qtbot).check(locations.par_model)
    # Clicking a line loads it for editing; 0 removes the par level.
    row = locations.par_model.row_of(lambda r: r.product_id == agency.narcan)
    locations.par_table.setCurrentIndex(locations.par_model.index(row, 0))
    locations.par_table.clicked.emit(locations.par_model.index(row, 0))
    assert locations.par_quantity.value() == 4
    locations.par_quantity.setValue(0)
    _click(qtbot, locations.par_button)
    assert [p.product_id for p in services.catalog.list_par_levels(agency.vehicle)] == [kit.id]


# --- Catalog ------------------------------------------------------------------------------


def test_catalog_lists_products_and_deactivates_one(qtbot, services, agency) -> None:
    tab = _tab(qtbot, CatalogSettingsTab, services)
    ModelTester(qtbot).check(tab.model)
    names = [tab.model.row_at(r).name for r in range(tab.model.rowCount())]
    assert "Narcan 4 mg nasal spray" in names and names == sorted(names, key=str.lower)
    tab.select_product(agency.shield)
    _click(qtbot, tab.active_button)
    assert not services.catalog.get_product(agency.shield).active
    assert tab.show_inactive.isChecked() and tab.active_button.text() == "Reactivate"
    _click(qtbot, tab.active_button)
    assert services.catalog.get_product(agency.shield).active


def test_catalog_opens_the_product_dialog_for_the_selected_product(qtbot, services, agency):
    pytest.importorskip("ui.widgets.product_dialog")
    tab = _tab(qtbot, CatalogSettingsTab, services)
    tab.select_product(agency.narcan)
    _click(qtbot, tab.edit_button)
    assert type(tab.last_dialog).__name__ == "ProductDialog" and tab.last_dialog.isVisible()
    tab.last_dialog.reject()
    _click(qtbot, tab.add_button)
    assert tab.last_dialog.isVisible()
    tab.last_dialog.reject()


# --- Sources ------------------------------------------------------------------------------


def test_sources_edit_and_save(qtbot, services) -> None:
    tab = _tab(qtbot, SourcesSettingsTab, services)
    ModelTester(qtbot).check(tab.model)
    row = tab.model.row_of(lambda s: s.name.startswith("NYSDOH"))
    tab.table.selectRow(row)
    editor = tab.editor
    assert editor.lines["phone"].text() == "1-800-692-8528"
    editor.lines["registration_number"].clear()
    qtbot.keyClicks(editor.lines["registration_number"], "OOPP-1234")
    editor.cap.setValue(24)
    editor.lead_time.setValue(10)
    with qtbot.waitSignal(tab.data_changed):
        _click(qtbot, tab.save_button)
    saved = next(s for s in services.catalog.list_sources() if s.name.startswith("NYSDOH"))
    assert (saved.registration_number, saved.allocation_cap_packages) == ("OOPP-1234", 24)
    assert saved.lead_time_days == 10 and saved.phone == "1-800-692-8528"


def test_new_source_and_refusal_of_an_empty_name(qtbot, services, database) -> None:
    tab = _tab(qtbot, SourcesSettingsTab, services)
    _click(qtbot, tab.new_button)
    before = snapshot(database.sessions)
    _click(qtbot, tab.save_button)
    assert "Give the source a name" in tab.error_label.text()
    assert snapshot(database.sessions) == before
    qtbot.keyClicks(tab.editor.lines["name"], "Warren County Health")
    tab.editor.program_type.setCurrentIndex(tab.editor.program_type.findData("county_program"))
    qtbot.keyClicks(tab.editor.lines["email"], "naloxone@warren.example")
    _click(qtbot, tab.save_button)
    assert tab.error_label.text() == ""
    new = next(s for s in services.catalog.list_sources() if s.name == "Warren County Health")
    assert new.program_type == "county_program" and new.allocation_cap_packages is None
    assert tab.heading.text() == "<b>Warren County Health</b>"


def test_deactivate_a_source_keeps_it_listed_as_inactive(qtbot, services) -> None:
    tab = _tab(qtbot, SourcesSettingsTab, services)
    tab.table.selectRow(0)
    name = tab.model.row_at(0).name
    _click(qtbot, tab.active_button)
    assert not next(s for s in services.catalog.list_sources() if s.name == name).active
    assert tab.show_inactive.isChecked() and tab.active_button.text() == "Reactivate"
    assert name not in [s.name for s in services.catalog.list_sources(active_only=True)]
