"""Every stored free text and printed label goes through the personal-data screen."""

from __future__ import annotations

from datetime import date

import pytest

from models.common.errors import ValidationError
from models.distributions.categories import Category, CategoryKind
from models.partners.registry import PartnerDraft
from models.stock.entities import LocationKind
from models.stock.rows import ReceiveLine

PHONE = "call back (518) 555-0199"
NAME = "left with John Smith"


def _lot(services, agency) -> int:
    line = ReceiveLine(agency.narcan, "LOT1", date(2028, 1, 31), 20)
    services.stock.receive(agency.cabinet, [line])
    return services.stock.find_lots_by_number("LOT1")[0].id


def _operations(services) -> int:
    return len(services.stock.list_operations())


def test_stock_notes_of_every_movement_refuse_personal_data_and_write_nothing(services, agency):
    lot = _lot(services, agency)
    before = _operations(services)
    attempts = [
        lambda: services.stock.receive(
            agency.cabinet, [ReceiveLine(agency.narcan, "LOT2", date(2028, 1, 31), 2)], note=PHONE
        ),
        lambda: services.stock.transfer(lot, agency.cabinet, agency.vehicle, 2, note=NAME),
        lambda: services.stock.count(lot, agency.cabinet, 19, "DOB 04/12/1990 found damaged"),
        lambda: services.stock.quarantine(lot, agency.cabinet, 1, "from Mr. Smith's car"),
        lambda: services.stock.dispose(
            lot, agency.cabinet, 1, "donated", "jsmith at gmail dot com"
        ),
        lambda: services.stock.reverse(before, "entered for pt Maria Garcia by mistake"),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match="LBN records are anonymous"):
            attempt()
    assert _operations(services) == before


def test_personnel_on_the_roster_may_be_named_in_stock_notes(services, agency):
    lot = _lot(services, agency)
    services.training.save_person(None, "Carlos Alvarez")
    services.stock.transfer(
        lot, agency.cabinet, agency.vehicle, 2, note="Alvarez took them to car 12"
    )
    services.stock.transfer(lot, agency.cabinet, agency.vehicle, 2, note="Sgt. Alvarez restocked")
    with pytest.raises(ValidationError, match="a person's name"):
        services.stock.transfer(lot, agency.cabinet, agency.vehicle, 2, note="Maria Garcia took it")


def test_alert_reasons_partner_and_source_notes_and_feedback_are_screened(services):
    with pytest.raises(ValidationError, match="phone"):
        services.alerts.acknowledge("some-alert", "fp", PHONE)
    with pytest.raises(ValidationError, match="name"):
        services.partners.save_partner(PartnerDraft("County health", notes=NAME))
    source = services.catalog.list_sources()[0]
    with pytest.raises(ValidationError, match="e-mail"):
        services.catalog.save_source(source.id, notes="reach j.smith@gmail.com")
    with pytest.raises(ValidationError, match="name"):
        services.training.add_feedback(date(2026, 1, 10), "recipient", "success", NAME)


def test_labels_the_partner_workbook_prints_refuse_identifiers(services, agency):
    settings = services.distributions.list_categories(CategoryKind.SETTING)
    bad = Category("mother", "Mother of John Smith (518) 555-0199")
    with pytest.raises(ValidationError, match="setting"):
        services.distributions.save_categories(CategoryKind.SETTING, [*settings, bad])
    with pytest.raises(ValidationError, match="location name"):
        services.catalog.add_location("14 Elm St", LocationKind.STATION)
    with pytest.raises(ValidationError, match="location name"):
        services.catalog.rename_location(agency.vehicle, "Car of John Smith")
    assert services.catalog.add_location("St. Mary's outreach", LocationKind.STATION).name
