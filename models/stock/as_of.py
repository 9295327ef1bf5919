"""What a place held on a past day, from the ledger by effective date; guards back-dated entries.

Reads only the moves of one lot at one place (indexed by lot and place), never the whole ledger;
a refusal's list of what was there reads the place's moves of one product.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, ScalarSelect, and_, case, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from models.common.errors import InsufficientStock
from models.stock.entities import Location, Lot, Operation, Product, StockMove


def took_effect_by(day: date) -> ColumnElement[bool]:
    """Operations in effect at the end of `day` (rows without a day count by when recorded)."""
    next_day = datetime.combine(day + timedelta(days=1), time())
    return or_(
        Operation.effective_on <= day,
        and_(Operation.effective_on.is_(None), Operation.at < next_day),
    )


def held_on(s: Session, lot_id: int, location_id: int, day: date) -> int:
    """Units of a lot at a place at the end of `day` (one statement, two index searches)."""

    def moved(side: InstrumentedAttribute[int]) -> ScalarSelect[int]:
        return (
            select(func.coalesce(func.sum(StockMove.quantity), 0))
            .join(Operation, Operation.id == StockMove.operation_id)
            .where(StockMove.lot_id == lot_id, side == location_id, took_effect_by(day))
            .scalar_subquery()
        )

    held = s.scalar(select(moved(StockMove.to_location_id) - moved(StockMove.from_location_id)))
    return int(held or 0)


def lots_held_on(s: Session, product_id: int, location_id: int, day: date) -> list[tuple[str, int]]:
    """(lot number, units) of a product at a place at the end of `day`; for refusal messages.

    One statement over the place's moves of that product (refusals only, never a save)."""
    signed = case(
        (StockMove.to_location_id == location_id, StockMove.quantity), else_=-StockMove.quantity
    )
    rows = s.execute(
        select(Lot.lot_number, func.sum(signed))
        .join(StockMove, StockMove.lot_id == Lot.id)
        .join(Operation, Operation.id == StockMove.operation_id)
        .where(
            Lot.product_id == product_id,
            or_(StockMove.to_location_id == location_id, StockMove.from_location_id == location_id),
            took_effect_by(day),
        )
        .group_by(Lot.id, Lot.lot_number)
        .order_by(Lot.id)
    )
    return [(number, int(units)) for number, units in rows if units and units > 0]


def describe_holdings(held: list[tuple[str, int]]) -> str:
    if not held:
        return "none"
    return ", ".join(f"lot {number} ({units})" for number, units in held)


def require_held_on(s: Session, lot_id: int, location_id: int, quantity: int, day: date) -> None:
    """Refuse a back-dated movement taking stock that was not at the place on that day."""
    held = held_on(s, lot_id, location_id, day)
    if held >= quantity:
        return
    lot = s.get(Lot, lot_id)
    place = s.get(Location, location_id)
    product = s.get(Product, lot.product_id) if lot else None
    there = lots_held_on(s, lot.product_id, location_id, day) if lot else []
    raise InsufficientStock(
        f"On {day:%Y-%m-%d} {place.name if place else 'that place'} held "
        f"{held if held > 0 else 'none'} of {product.name if product else 'this product'} "
        f"lot {lot.lot_number if lot else lot_id}; {quantity} requested. "
        f"What was there that day: {describe_holdings(there)}. "
        "Stock received, assembled or moved there later cannot be used on an earlier date."
    )
