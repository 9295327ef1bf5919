"""Two stations editing the same par levels: one is saved, the other is told who got there first."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from lbn_desktop.database import open_database
from models.common.errors import StaleEdit
from models.services import Services


@pytest.fixture
def station_2(database, clock) -> Iterator[Services]:
    other = open_database(database.url, migrate=False)
    services = Services.build(other.sessions, clock, "Lt. Diaz")
    services.actor.station = "Station 2"
    yield services
    other.dispose()


def test_two_stations_editing_one_par_level_get_one_success_and_one_clear_refusal(
    services, station_2, agency, clock
) -> None:
    seen_at_1 = services.catalog.par_version(agency.vehicle)
    seen_at_2 = station_2.catalog.par_version(agency.vehicle)
    station_2.catalog.set_par_level(agency.vehicle, agency.narcan, 4, seen_at_2)
    with pytest.raises(StaleEdit) as refusal:
        services.catalog.set_par_level(agency.vehicle, agency.narcan, 9, seen_at_1)
    assert str(refusal.value) == (
        f"Par levels for Patrol 12 were changed at Station 2 at {clock.now():%H:%M} by Lt. Diaz; "
        "reload and try again. Nothing was saved."
    )
    [par] = services.catalog.list_par_levels(agency.vehicle)
    assert (par.quantity, par.version) == (4, seen_at_1 + 1)
    services.catalog.set_par_level(agency.vehicle, agency.narcan, 9, par.version)  # after reload
    assert services.catalog.list_par_levels(agency.vehicle)[0].quantity == 9


def test_saving_at_the_same_moment_lets_exactly_one_through(services, station_2, agency) -> None:
    seen = services.catalog.par_version(agency.vehicle)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def save(station: Services, quantity: int) -> None:
        start.wait()
        try:
            station.catalog.set_par_level(agency.vehicle, agency.narcan, quantity, seen)
            outcomes.append("saved")
        except StaleEdit:
            outcomes.append("refused")

    threads = [
        threading.Thread(target=save, args=(services, 3)),
        threading.Thread(target=save, args=(station_2, 5)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "saved"]
    assert services.catalog.par_version(agency.vehicle) == seen + 1
