"""Opening kits inside an open session: parts back on the shelf, out-of-date parts quarantined.

Also says which released lots made the kits due (expired, out of date, or inside the minimum
shelf life), so a re-kit rebuilds from other lots.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from models.kits.ledger import break_kits
from models.kits.rows import ReleasedRow
from models.stock.entities import LocationKind, Operation, Product, Reason
from models.stock.ledger import get_location, get_lot, is_expired, open_operation, post_move
from models.stock.service import quarantine_location


def open_kits(
    s: Session,
    operation: Operation,
    kit_lot_id: int,
    location_id: int,
    count: int,
    min_shelf_days: int,
) -> tuple[list[ReleasedRow], list[int]]:
    """Break `count` kits; returns what was released where, and the lots not to reuse."""
    today = operation.at.date()
    place = get_location(s, location_id)
    released = break_kits(s, operation, kit_lot_id, location_id, count)
    hold = None if place.kind == LocationKind.QUARANTINE else quarantine_location(s, location_id)
    kit_number = get_lot(s, kit_lot_id).lot_number
    quarantine_op: Operation | None = None
    rows: list[ReleasedRow] = []
    stale: list[int] = []
    for lot_id, quantity in released:
        lot = get_lot(s, lot_id)
        product = s.get(Product, lot.product_id)
        expired = is_expired(lot.expiry, today)
        if expired or _within_shelf(product, lot.expiry, today, min_shelf_days):
            stale.append(lot_id)
        where = place.name
        if expired and hold is not None:
            if quarantine_op is None:
                quarantine_op = open_operation(
                    s,
                    Reason.QUARANTINE,
                    operation.user,
                    operation.at,
                    f"Out-of-date parts of kit batch {kit_number}",
                )
            post_move(s, quarantine_op, lot_id, location_id, hold.id, quantity)
            where = hold.name
        rows.append(
            ReleasedRow(
                lot_id,
                product.name if product else "?",
                lot.lot_number,
                lot.expiry,
                quantity,
                where,
                expired and hold is not None,
            )
        )
    return rows, stale


def _within_shelf(product: Product | None, expiry: date | None, today: date, days: int) -> bool:
    return (
        bool(product and product.expires) and expiry is not None and (expiry - today).days <= days
    )
