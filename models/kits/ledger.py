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
from models.stock.ledger import post_move, require_positive, virtual_location_id


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
    post_move(s, operation, kit_lot_id, location_id, assembly, count)
    released: list[tuple[int, int]] = []
    for component in components:
        quantity = component.quantity_per_kit * count
        target = location_id if release_to is None else release_to
        post_move(s, operation, component.lot_id, assembly, target, quantity)
        released.append((component.lot_id, quantity))
    return released
