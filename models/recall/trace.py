"""Recall trace inside an open session: where a lot is, loose or inside kits, and who got it.

Uses are read from the distributions and administrations whose operation moved the lot (or a
kit lot containing it) out of stock: only their dates, ZIPs and counts, never anything else.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.common.errors import ValidationError
from models.distributions.entities import Administration, Distribution
from models.kits.entities import KitBatch, KitBatchComponent
from models.recall.rows import LotSearchRow, RecallResult, RecallTrace, TraceHolding, TraceUse
from models.stock.entities import (
    Balance,
    LocationKind,
    Lot,
    Operation,
    Product,
    ProductKind,
    StockMove,
)
from models.stock.ledger import get_lot, post_move
from models.stock.ledger import virtual_location_id as virtual
from models.stock.location_tree import LocationTree
from models.stock.service import quarantine_location


def search_lots(s: Session, text: str, limit: int = 50) -> list[LotSearchRow]:
    needle = (text or "").strip()
    if not needle:
        return []
    rows = s.execute(
        select(Lot, Product.name, Product.kind)
        .join(Product, Product.id == Lot.product_id)
        .where(Lot.lot_number.ilike(f"%{needle}%"))
        .order_by(Lot.lot_number, Product.name)
        .limit(limit)
    )
    return [
        LotSearchRow(lot.id, name, lot.lot_number, lot.expiry, kind == ProductKind.KIT)
        for lot, name, kind in rows
    ]


def kits_containing(s: Session, lot_id: int) -> dict[int, tuple[str, int]]:
    """Kit lot id -> (kit lot number, units of `lot_id` per kit)."""
    rows = s.execute(
        select(KitBatch.lot_id, Lot.lot_number, KitBatchComponent.quantity_per_kit)
        .join(KitBatch, KitBatch.id == KitBatchComponent.batch_id)
        .join(Lot, Lot.id == KitBatch.lot_id)
        .where(KitBatchComponent.lot_id == lot_id)
    )
    return {kit_lot: (number, per_kit) for kit_lot, number, per_kit in rows}


def trace_lot(s: Session, lot_id: int) -> RecallTrace:
    lot = get_lot(s, lot_id)
    product = s.get(Product, lot.product_id)
    kits = kits_containing(s, lot_id)
    tree = LocationTree.load(s)
    holdings: list[TraceHolding] = []
    for held_lot, location_id, quantity in s.execute(
        select(Balance.lot_id, Balance.location_id, Balance.quantity).where(
            Balance.lot_id.in_([lot_id, *kits]), Balance.quantity > 0
        )
    ):
        place = tree.rows[location_id]
        if LocationKind(place.kind).is_virtual:
            continue
        number, per_kit = kits.get(held_lot, (None, 1))
        holdings.append(
            TraceHolding(
                place.id,
                place.path,
                quantity * per_kit,
                number,
                quantity if number else 0,
                place.kind == LocationKind.QUARANTINE,
            )
        )
    holdings.sort(key=lambda h: (h.quarantined, h.location_path, h.kit_lot_number or ""))
    return RecallTrace(
        lot.id,
        product.name if product else "?",
        lot.lot_number,
        lot.expiry,
        tuple(holdings),
        tuple(_uses(s, lot_id, kits)),
        tuple(sorted(number for number, _q in kits.values())),
    )


def _uses(s: Session, lot_id: int, kits: dict[int, tuple[str, int]]) -> list[TraceUse]:
    out_of_stock = [virtual(s, LocationKind.DISTRIBUTED), virtual(s, LocationKind.ADMINISTERED)]
    uses: list[TraceUse] = []
    for kind, table in (("distribution", Distribution), ("administration", Administration)):
        rows = s.execute(
            select(table.occurred_on, table.zip_code, StockMove.lot_id, StockMove.quantity)
            .join(Operation, Operation.id == table.operation_id)
            .join(StockMove, StockMove.operation_id == Operation.id)
            .where(
                StockMove.lot_id.in_([lot_id, *kits]),
                StockMove.to_location_id.in_(out_of_stock),
                table.void_operation_id.is_(None),
            )
        )
        for occurred_on, zip_code, moved_lot, quantity in rows:
            number, per_kit = kits.get(moved_lot, (None, 1))
            uses.append(TraceUse(kind, occurred_on, zip_code, quantity * per_kit, number))
    uses.sort(key=lambda u: (u.occurred_on, u.kind, u.zip_code or ""))
    return uses


def quarantine_recalled(s: Session, operation: Operation, lot_id: int) -> RecallResult:
    """Move every unit still on hand, loose or in kits, to its station's quarantine."""
    trace = trace_lot(s, lot_id)
    kit_lots = {number: kit_lot for kit_lot, (number, _q) in kits_containing(s, lot_id).items()}
    loose = kits = 0
    places: set[int] = set()
    for holding in trace.holdings:
        if holding.quarantined:
            continue
        hold = quarantine_location(s, holding.location_id)
        if holding.kit_lot_number is None:
            post_move(s, operation, lot_id, holding.location_id, hold.id, holding.units)
            loose += holding.units
        else:
            kit_lot = kit_lots[holding.kit_lot_number]
            post_move(s, operation, kit_lot, holding.location_id, hold.id, holding.kits)
            kits += holding.kits
        places.add(holding.location_id)
    if not places:
        raise ValidationError(
            f"Nothing of {trace.product_name} lot {trace.lot_number} is on hand outside quarantine."
        )
    return RecallResult(operation.id, loose, kits, len(places))
