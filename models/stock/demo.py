"""A realistic demo agency: stations, rooms, vehicles, lots with a spread of expiries.

This is the stock part; `models.services.build_demo` adds every feature's part in order.
"""

from __future__ import annotations

from datetime import date, timedelta
from random import Random
from typing import TYPE_CHECKING

from models.common.errors import ValidationError
from models.common.settings import AgencyProfile
from models.stock.entities import LocationKind
from models.stock.rows import ReceiveLine

if TYPE_CHECKING:
    from models.services import Services

DEMO_USER = "demo"

STATIONS = {
    "Central Station": ["Patrol 11", "Patrol 12", "Patrol 14", "Sergeant 1"],
    "North Precinct": ["Patrol 21", "Patrol 22", "Patrol 23"],
    "Riverside EMS": ["Medic 31", "Medic 32"],
}


def add_demo(services: Services, present: date | None = None) -> None:
    """The agency, its stations, rooms and vehicles, and a delivery to each supply room.

    Expiries are spread around `present` (default: the clock's day), whatever day the clock
    stands on while the delivery is booked.
    """
    if services.catalog.list_locations():
        raise ValidationError("The demo can only be loaded into an empty database.")
    services.catalog.load_defaults()
    services.settings.save_agency(
        AgencyProfile("Demo County Sheriff's Office", "1 Main Street, Demo Falls, NY 12866")
    )
    services.distributions.save_service_area_zips(["12866", "12831", "12020", "12803", "12804"])
    rooms = _build_locations(services)
    _receive_stock(services, rooms, present or services.clock.today())


def _build_locations(services: Services) -> dict[str, int]:
    catalog = services.catalog
    rooms: dict[str, int] = {}
    for station_name, vehicles in STATIONS.items():
        station = catalog.add_location(station_name, LocationKind.STATION)
        room = catalog.add_location("Supply room", LocationKind.ROOM, station.id)
        catalog.add_location("Cabinet A", LocationKind.CABINET, room.id)
        rooms[station_name] = room.id
        for name in vehicles:
            catalog.add_location(name, LocationKind.VEHICLE, station.id)
    return rooms


def _receive_stock(services: Services, rooms: dict[str, int], today: date) -> None:
    rng = Random(2024)
    products = {p.name: p for p in services.catalog.list_products()}
    sources = services.catalog.list_sources()
    offsets = [-20, 12, 25, 45, 75, 140, 260, 400, 600, 900]
    lot_no = 0
    for station, room_id in rooms.items():
        lines = []
        for name, product in products.items():
            if product.kind == "kit":
                continue
            if product.lot_tracked:
                for _ in range(2 if product.kind == "naloxone" else 1):
                    lot_no += 1
                    expiry = (
                        today + timedelta(days=rng.choice(offsets)) if product.expires else None
                    )
                    if product.kind == "card":
                        expiry = today + timedelta(days=365)
                    qty = rng.choice([12, 24, 36, 48]) if product.kind == "naloxone" else 100
                    lines.append(
                        ReceiveLine(product.id, f"{name[:2].upper()}{lot_no:04d}", expiry, qty)
                    )
            else:
                lines.append(ReceiveLine(product.id, "", None, 200))
        services.stock.receive(
            room_id,
            lines,
            source_id=sources[0].id if sources else None,
            note=f"Demo delivery to {station}",
            allow_expired=True,
        )
