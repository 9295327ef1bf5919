"""QA: a transfer's default destination is a place below par, never the source or a station."""

from __future__ import annotations

from datetime import date

from models.stock.rows import ReceiveLine


def test_suggested_destination_prefers_a_vehicle_below_par(services, agency) -> None:
    stock = services.stock
    line = ReceiveLine(agency.narcan, "NX", date(2028, 1, 31), 10)
    stock.receive(agency.room, [line])
    # no par levels: the first place in tree order that holds stock (Patrol 12), not Station 1
    assert stock.suggest_destination(agency.narcan, agency.room) == agency.vehicle
    services.catalog.set_par_level(agency.room, agency.narcan, 50)  # the source: never
    services.catalog.set_par_level(agency.cabinet, agency.narcan, 5)
    services.catalog.set_par_level(agency.vehicle2, agency.narcan, 2)
    assert stock.suggest_destination(agency.narcan, agency.room) == agency.vehicle2
    lot = stock.find_lot(agency.narcan, "NX").id
    stock.transfer(lot, agency.room, agency.vehicle2, 2)  # Patrol 14 at par now
    assert stock.suggest_destination(agency.narcan, agency.room) == agency.cabinet  # par 5
    assert stock.suggest_destination(None, agency.station) == agency.vehicle


def test_within_a_station_the_suggestion_stays_inside_it(services, agency) -> None:
    station2 = services.catalog.add_location("Station 2", "station")
    medic = services.catalog.add_location("Medic 31", "vehicle", station2.id)
    suggest = services.stock.suggest_destination
    assert suggest(agency.narcan, agency.room, within=station2.id) == medic.id
