"""Demo kits: standard kits assembled in each station's supply room and stocked on its vehicles.

Vehicles get a par level of kits; one vehicle per station is left below par so the readiness
board has something to show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.kits.assembly import ComponentShortage
from models.stock.entities import LocationKind

if TYPE_CHECKING:
    from models.services import Services

DEMO_USER = "demo"
KITS_PER_STATION = 30
VEHICLE_PAR = 4


def add_demo(services: Services) -> None:
    """Adds kit demo records to a demo agency that already has stock."""
    recipes = services.kits.list_recipes(include_inactive=False)
    if not recipes:
        return
    recipe = recipes[0]
    places = services.catalog.list_locations(include_inactive=False)
    for station in (p for p in places if p.kind == LocationKind.STATION):
        inside = [p for p in places if p.path.startswith(station.path + " / ")]
        rooms = [p for p in inside if p.kind == LocationKind.ROOM]
        vehicles = [p for p in inside if p.kind == LocationKind.VEHICLE]
        if not rooms:
            continue
        made = _assemble(services, recipe.id, rooms[0].id)
        if made == 0:
            continue
        for number, vehicle in enumerate(vehicles):
            services.catalog.set_par_level(vehicle.id, recipe.kit_product_id, VEHICLE_PAR)
            wanted = VEHICLE_PAR - 2 if number == len(vehicles) - 1 else VEHICLE_PAR
            _stock_vehicle(services, rooms[0].id, vehicle.id, wanted)


def _assemble(services: Services, recipe_id: int, room_id: int) -> int:
    count = KITS_PER_STATION
    while count > 0:
        try:
            result = services.kits.assemble_kits(
                recipe_id, room_id, count, note="Demo kit assembly"
            )
        except ComponentShortage:
            count -= 5
            continue
        return result.kits
    return 0


def _stock_vehicle(services: Services, room_id: int, vehicle_id: int, wanted: int) -> None:
    """Move kits from the room, latest expiry first, as a quartermaster stocks a vehicle."""
    stock = services.kits.list_kit_stock(room_id)
    for row in sorted(stock, key=lambda r: r.days_left or 0, reverse=True):
        if wanted <= 0:
            return
        if row.rekit_reason or row.location_id != room_id:
            continue
        take = min(wanted, row.quantity)
        services.stock.transfer(row.lot_id, room_id, vehicle_id, take)
        wanted -= take
