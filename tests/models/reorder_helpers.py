"""Ledger events for reorder tests, posted the way the kit and distribution areas post them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from models.common.clock import FixedClock
from models.kits.entities import KitBatch, KitBatchComponent
from models.services import Services
from models.stock.entities import LocationKind, Lot, Reason
from models.stock.ledger import open_operation, post_move, virtual_location_id
from models.stock.rows import ReceiveLine

Sessions = sessionmaker[Session]

SINK = {
    Reason.DISTRIBUTE: LocationKind.DISTRIBUTED,
    Reason.ADMINISTER: LocationKind.ADMINISTERED,
}


def on(clock: FixedClock, day: date) -> None:
    clock.set(day)


def receive(
    services: Services, location: int, product: int, lot: str, expiry: date | None, qty: int
) -> int:
    services.stock.receive(location, [ReceiveLine(product, lot, expiry, qty)])
    found = services.stock.find_lot(product, lot)
    assert found is not None
    return found.id


def issue(
    sessions: Sessions, reason: Reason, lot_id: int, location: int, qty: int, at: datetime
) -> int:
    """A distribution or administration: stock leaves to its virtual location."""
    with sessions.begin() as s:
        op = open_operation(s, reason, "t", at)
        post_move(s, op, lot_id, location, virtual_location_id(s, SINK[reason]), qty)
        return op.id


def assemble(
    sessions: Sessions,
    kit_product: int,
    kit_lot: str,
    expiry: date,
    location: int,
    components: list[tuple[int, int]],
    kits: int,
    at: datetime,
) -> int:
    """Kits made at `location` from component lots (lot id, units per kit); returns the kit lot."""
    with sessions.begin() as s:
        op = open_operation(s, Reason.ASSEMBLE, "t", at)
        assembly = virtual_location_id(s, LocationKind.ASSEMBLY)
        lot = Lot(product_id=kit_product, lot_number=kit_lot, expiry=expiry, created_at=at)
        s.add(lot)
        s.flush()
        batch = KitBatch(
            lot_id=lot.id,
            recipe_name="Standard LBN kit",
            operation_id=op.id,
            quantity=kits,
            assembled_at=at,
        )
        for component_lot, per_kit in components:
            post_move(s, op, component_lot, location, assembly, per_kit * kits)
            batch.components.append(
                KitBatchComponent(lot_id=component_lot, quantity_per_kit=per_kit)
            )
        s.add(batch)
        post_move(s, op, lot.id, assembly, location, kits)
        return lot.id
