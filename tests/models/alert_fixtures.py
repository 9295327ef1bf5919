"""Helpers for alert tests: kits, distributions and administrations booked straight into the
ledger (the way the kit and distribution services book them), so alert tests do not depend on
those services' screens.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select

from lbn_desktop.database import Database
from models.common.clock import FixedClock
from models.distributions.entities import Administration, Distribution
from models.kits.entities import KitBatch, KitBatchComponent
from models.services import Services
from models.stock.entities import LocationKind, Lot, Product, Reason
from models.stock.ledger import open_operation, post_move, reverse_operation, virtual_location_id
from models.stock.rows import ReceiveLine


def kit_product(services: Services) -> int:
    return next(p.id for p in services.catalog.list_products() if p.kind == "kit")


def receive(
    services: Services, location: int, product: int, lot: str, expiry: date | None, qty: int
) -> int:
    services.stock.receive(location, [ReceiveLine(product, lot, expiry, qty)], allow_expired=True)
    found = services.stock.find_lot(product, lot)
    assert found is not None
    return found.id


def assemble(
    database: Database,
    clock: FixedClock,
    location: int,
    number: str,
    count: int,
    components: list[tuple[int, int]],
    printed_expiry: date | None = None,
) -> int:
    """Assemble `count` kits at `location` from (component lot, per kit); returns the kit lot."""
    with database.sessions.begin() as s:
        kit = s.scalar(select(Product.id).where(Product.kind == "kit"))
        expiries = [s.get(Lot, lot).expiry for lot, _q in components]
        inherited = min(e for e in expiries if e is not None)
        op = open_operation(s, Reason.ASSEMBLE, "tester", clock.now())
        assembly = virtual_location_id(s, LocationKind.ASSEMBLY)
        for lot, per_kit in components:
            post_move(s, op, lot, location, assembly, per_kit * count)
        kit_lot = Lot(
            product_id=kit,
            lot_number=number,
            expiry=printed_expiry or inherited,
            received_on=clock.today(),
            created_at=clock.now(),
        )
        s.add(kit_lot)
        s.flush()
        post_move(s, op, kit_lot.id, assembly, location, count)
        batch = KitBatch(
            lot_id=kit_lot.id,
            recipe_name="Standard LBN kit",
            operation_id=op.id,
            quantity=count,
            assembled_at=clock.now(),
        )
        batch.components = [
            KitBatchComponent(lot_id=lot, quantity_per_kit=q) for lot, q in components
        ]
        s.add(batch)
        return kit_lot.id


def distribute(
    database: Database,
    clock: FixedClock,
    lot: int,
    location: int,
    kits: int,
    on: date | None = None,
) -> int:
    """A leave-behind distribution of `kits` from `location`; returns its operation id."""
    with database.sessions.begin() as s:
        op = open_operation(s, Reason.DISTRIBUTE, "tester", clock.now())
        post_move(s, op, lot, location, virtual_location_id(s, LocationKind.DISTRIBUTED), kits)
        s.add(
            Distribution(
                occurred_on=on or clock.today(),
                kits=kits,
                location_id=location,
                zip_code="12866",
                setting="overdose_scene",
                relationship="bystander",
                operation_id=op.id,
                recorded_at=clock.now(),
                recorded_by="tester",
            )
        )
        return op.id


def void_distribution(database: Database, clock: FixedClock, operation_id: int) -> None:
    with database.sessions.begin() as s:
        reversal = reverse_operation(s, operation_id, "tester", clock.now(), "entered twice")
        record = s.scalar(select(Distribution).where(Distribution.operation_id == operation_id))
        record.void_operation_id = reversal.id
        record.void_reason = "entered twice"


def administer(
    database: Database, clock: FixedClock, lot: int, location: int, doses: int, on: date
) -> None:
    with database.sessions.begin() as s:
        op = open_operation(s, Reason.ADMINISTER, "tester", clock.now())
        post_move(s, op, lot, location, virtual_location_id(s, LocationKind.ADMINISTERED), doses)
        s.add(
            Administration(
                occurred_on=on,
                doses=doses,
                location_id=location,
                operation_id=op.id,
                recorded_at=clock.now(),
                recorded_by="tester",
            )
        )


def days(n: int, start: date | None = None) -> date:
    from tests.conftest import TODAY

    return (start or TODAY) + timedelta(days=n)


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, 0)


def slow_use(services: Services, database: Database, clock: FixedClock, agency: object) -> int:
    """A program running 60 days that used 9 Narcan: 0.15 a day. Of lot SLOW (20, 29 days
    left, the first to expire) 4 will be used in time, so 16 are at risk. Returns SLOW."""
    room, vehicle, narcan = agency.room, agency.vehicle, agency.narcan  # type: ignore[attr-defined]
    clock.set(days(-60))
    slow = receive(services, room, narcan, "SLOW", days(29), 20)
    used = receive(services, vehicle, narcan, "USED", days(900), 10)
    clock.set(days(-30))
    administer(database, clock, used, vehicle, 9, days(-30))
    clock.set(days(0))
    return slow
