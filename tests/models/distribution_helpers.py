"""Kit stock for distribution tests: kit lots received as they are, or assembled batches."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.distributions.rows import DistributionEntry
from models.kits.entities import KitBatch, KitBatchComponent, KitRecipe
from models.services import Services
from models.stock.entities import LocationKind, Reason
from models.stock.ledger import open_operation, post_move, virtual_location_id
from models.stock.rows import ReceiveLine
from models.stock.service import find_or_create_lot

KIT_EXPIRY = date(2027, 3, 31)


def kit_product_id(services: Services) -> int:
    return next(p.id for p in services.catalog.list_products() if p.name == "Standard LBN kit")


def receive_kits(
    services: Services,
    where: int,
    qty: int,
    lot: str = "K1",
    expiry: date = KIT_EXPIRY,
    days_ago: int = 30,
) -> None:
    """Kits booked in as a lot of the kit product (as pre-assembled kits arrive), by default a
    month before the clock's day so that back-dated entries may use them."""
    line = ReceiveLine(kit_product_id(services), lot, expiry, qty)
    clock = services.clock
    clock.advance(days=-days_ago)  # type: ignore[attr-defined]
    try:
        services.stock.receive(where, [line], allow_expired=True)
    finally:
        clock.advance(days=days_ago)  # type: ignore[attr-defined]


def assemble_kits(services: Services, where: int, qty: int, naloxone_lot: int, lot="KB1") -> int:
    """A batch of kits holding two doses each, built in the ledger the way assembly does it.

    Kept local so these tests do not depend on the kits area's assembly service.
    """
    kit_id = kit_product_id(services)
    sessions = services.distributions._sessions
    with sessions.begin() as s:
        return book_kit_batch(s, kit_id, where, naloxone_lot, qty, lot, datetime(2026, 1, 10, 8))


def book_kit_batch(
    s: Session,
    kit_id: int,
    where: int,
    naloxone_lot: int,
    qty: int,
    lot: str,
    at: datetime,
    user: str = "tester",
) -> int:
    """Post an assembly of `qty` two-dose kits at `where` in an open session; the kit lot id."""
    assembly = virtual_location_id(s, LocationKind.ASSEMBLY)
    op = open_operation(s, Reason.ASSEMBLE, user, at)
    line = ReceiveLine(kit_id, lot, KIT_EXPIRY, qty)
    kit_lot = find_or_create_lot(s, line, at.date(), None, at.date())
    post_move(s, op, naloxone_lot, where, assembly, 2 * qty)
    post_move(s, op, kit_lot.id, assembly, where, qty)
    recipe = s.scalar(select(KitRecipe).where(KitRecipe.kit_product_id == kit_id))
    batch = KitBatch(
        lot_id=kit_lot.id,
        recipe_id=recipe.id,
        recipe_name=recipe.name,
        operation_id=op.id,
        quantity=qty,
        assembled_at=op.at,
    )
    batch.components.append(KitBatchComponent(lot_id=naloxone_lot, quantity_per_kit=2))
    s.add(batch)
    s.flush()
    return kit_lot.id


def entry(agency, **changes) -> DistributionEntry:
    values = dict(
        occurred_on=date(2026, 1, 15),  # the fixture clock's day: stock exists by then
        kits=1,
        location_id=agency.vehicle,
        zip_code="12866",
        setting="Overdose scene",
        relationship="Family member",
        naloxone_administered=True,
        services_offered=True,
    )
    values.update(changes)
    return DistributionEntry(**values)
