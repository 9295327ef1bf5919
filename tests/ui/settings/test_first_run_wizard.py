"""First-run wizard end to end: set up an agency, or load the demo, or start empty."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from ui.settings.first_run_wizard import AGENCY, CATALOG, STATIONS, FirstRunWizard


@pytest.fixture
def empty(services, database):
    """A database with no storage places and no catalog, as on a first start."""
    from sqlalchemy import delete

    from models.kits.entities import KitRecipe, KitRecipeLine
    from models.stock.entities import Barcode, Product, Source

    with database.sessions.begin() as s:
        for table in (KitRecipeLine, KitRecipe, Barcode, Product, Source):
            s.execute(delete(table))
    return services


def _wizard(qtbot, services) -> FirstRunWizard:
    wizard = FirstRunWizard(services)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _click(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def test_wizard_is_needed_only_on_an_empty_unfinished_database(services, agency) -> None:
    assert not FirstRunWizard.needed(services)  # the agency fixture made places


def test_set_up_an_agency_with_stations_vehicles_and_the_default_catalog(qtbot, empty) -> None:
    assert FirstRunWizard.needed(empty)
    wizard = _wizard(qtbot, empty)
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == AGENCY
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # name is required
    qtbot.keyClicks(wizard.agency_page.name, "Town Police")
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == STATIONS
    page = wizard.stations_page
    page.rows[0][0].clear()
    qtbot.keyClicks(page.rows[0][0], "Headquarters")
    qtbot.keyClicks(page.rows[0][1], "Car 1, Car 2")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.rows[1][0], "North Post")
    qtbot.keyClicks(page.rows[1][1], "Car 7")
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == CATALOG
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    paths = [p.path for p in empty.catalog.list_locations()]
    assert paths == [
        "Headquarters",
        "Headquarters / Car 1",
        "Headquarters / Car 2",
        "Headquarters / Supply room",
        "North Post",
        "North Post / Car 7",
        "North Post / Supply room",
    ]
    assert empty.settings.agency_name() == "Town Police"
    assert "Narcan 4 mg nasal spray" in {p.name for p in empty.catalog.list_products()}
    assert not FirstRunWizard.needed(empty)


def test_stations_page_wants_a_station(qtbot, empty) -> None:
    wizard = _wizard(qtbot, empty)
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.keyClicks(wizard.agency_page.name, "Town Police")
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    wizard.stations_page.rows[0][0].clear()
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == STATIONS
    assert wizard.stations_page.error_label.text() == "Name at least one station."


def test_a_refusal_keeps_the_wizard_open_and_writes_nothing(qtbot, empty) -> None:
    wizard = _wizard(qtbot, empty)
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.keyClicks(wizard.agency_page.name, "Town Police")
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.keyClicks(wizard.stations_page.rows[0][1], "Car 1, car 1")  # same name twice
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    wizard.catalog_page.use_defaults.setChecked(False)
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.isVisible()
    assert "already a location named" in wizard.catalog_page.error_label.text()
    assert empty.catalog.list_locations() == [] and empty.catalog.list_products() == []
    assert FirstRunWizard.needed(empty)


def test_load_the_demo_agency(qtbot, empty) -> None:
    wizard = _wizard(qtbot, empty)
    wizard.start_page.demo.setChecked(True)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert empty.stock.list_on_hand() and empty.settings.agency_name()


def test_start_empty_does_not_ask_again(qtbot, empty) -> None:
    wizard = _wizard(qtbot, empty)
    wizard.start_page.empty.setChecked(True)
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert not FirstRunWizard.needed(empty)


def test_demo_refused_on_a_database_with_places_is_shown(qtbot, services, agency) -> None:
    wizard = _wizard(qtbot, services)
    wizard.start_page.demo.setChecked(True)
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.isVisible()
    assert "empty database" in wizard.start_page.error_label.text()
