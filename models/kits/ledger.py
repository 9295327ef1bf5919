"""Ledger moves for opening kits back into their components (disassembly, doses used from a kit).

Kits go to the virtual assembly location and their components come back out of it, so every
component lot is conserved and the kit batch stays traceable.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.common.errors import ValidationError
from models.kits.entities import KitBatch, KitBatchComponent
from models.stock.entities import LocationKind, Operation
from models.stock.ledger import require_positive, virtual_location_id
from models.stock.moves import Move, post_moves


def components_of(s: Session, kit_lot_id: int) -> list[KitBatchComponent]:
    batch = s.scalar(select(KitBatch).where(KitBatch.lot_id == kit_lot_id))
    if batch is None:
        raise ValidationError("That lot is not a kit batch assembled in this app.")
    return list(batch.components)


def break_kits(
    s: Session,
    operation: Operation,
    kit_lot_id: int,
    location_id: int,
    count: int,
    release_to: int | None = None,
) -> list[tuple[int, int]]:
    """Turn `count` kits at a location back into loose components there (or at `release_to`,
    e.g. quarantine for opened kits whose parts must be inspected).

    Returns (component lot id, quantity) pairs released, in recipe order.
    """
    require_positive(count, "Number of kits")
    components = components_of(s, kit_lot_id)
    assembly = virtual_location_id(s, LocationKind.ASSEMBLY)
    target = location_id if release_to is None else release_to
    released = [(c.lot_id, c.quantity_per_kit * count) for c in components]
    moves = [Move(operation, kit_lot_id, location_id, assembly, count)]
    moves += [Move(operation, lot_id, assembly, target, quantity) for lot_id, quantity in released]
    post_moves(s, moves)
    return released
