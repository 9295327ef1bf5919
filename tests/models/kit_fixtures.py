"""Helpers for kit tests: stock every component of the standard recipe at a location."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.stock.rows import ReceiveLine
from tests.conftest import Agency

NALOXONE_EXP = date(2027, 6, 30)
CARD_VALID = date(2026, 12, 31)


@dataclass
class Kit:
    recipe: int
    product: int  # the kit product
    products: dict[str, int]


def standard(services) -> Kit:
    recipe = next(r for r in services.kits.list_recipes() if r.name == "Standard LBN kit")
    products = {p.name: p.id for p in services.catalog.list_products()}
    return Kit(recipe.id, recipe.kit_product_id, products)


def stock_parts(services, agency: Agency, kit: Kit, *, naloxone=None, where=None, extra=100):
    """Non-naloxone parts for `extra` kits, plus the naloxone lots given as (lot, expiry, qty)."""
    p = kit.products
    lines = [
        ReceiveLine(p["Naloxone instructions leaflet"], "", None, extra),
        ReceiveLine(p["Kit pouch"], "", None, extra),
        ReceiveLine(p["Local resource card"], "RC1", CARD_VALID, extra),
        ReceiveLine(p["Good Samaritan Law card"], "", None, extra),
    ]
    for lot, expiry, quantity in naloxone or [("N1", NALOXONE_EXP, 2 * extra)]:
        lines.append(ReceiveLine(agency.narcan, lot, expiry, quantity))
    services.stock.receive(where or agency.room, lines, allow_expired=True)


def on_hand(services, lot_id: int, location_id: int) -> int:
    return services.stock.on_hand(lot_id, location_id)


def lot_id(services, product_id: int, number: str) -> int:
    found = services.stock.find_lot(product_id, number)
    assert found is not None, number
    return found.id
