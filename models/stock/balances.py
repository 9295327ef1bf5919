"""The balance cache written for a batch of ledger moves: one net change per lot and place,
locked, checked and written in a few statements however many moves the batch holds.

Knows balances, places and the limits; not operations, reasons or what the moves mean.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from models.common.errors import InsufficientStock
from models.common.limits import MAX_BALANCE, check_balance
from models.stock.entities import Balance, Location, Lot, Product

Key = tuple[int, int]  # (lot id, location id)
CHUNK = 500  # keys per statement: well inside every backend's parameter limit


@dataclass
class Change:
    """The net change of one balance, and when stock last arrived there (real places only)."""

    delta: int = 0
    taken: int = 0  # units taken out by the batch, for the refusal message
    arrived_at: datetime | None = None


def apply_changes(
    s: Session, changes: Mapping[Key, Change], places: Mapping[int, Location]
) -> None:
    """Lock the balances (in one global order), refuse overdrafts and out-of-bound balances,
    then write every change; a refusal raises before anything is written."""
    keys = sorted(changes)
    held = _held(s, keys)
    for key in keys:
        after = held.get(key, 0) + changes[key].delta
        place = places[key[1]]
        if after < 0 and not place.is_virtual:
            refuse_overdraft(s, key, place, held.get(key, 0), changes[key])
        if abs(after) > MAX_BALANCE:
            check_balance(place.name, after, MAX_BALANCE)
    virtual = [i for i, place in places.items() if place.is_virtual]
    written = sum(_write(s, chunk, changes, virtual) for chunk in _chunks(keys))
    if written != len(keys):  # cannot happen while the rows are locked; never write it anyway
        raise InsufficientStock("The stock changed while it was being moved; nothing was moved.")


def _chunks(keys: Sequence[Key]) -> Iterator[Sequence[Key]]:
    for start in range(0, len(keys), CHUNK):
        yield keys[start : start + CHUNK]


def _held(s: Session, keys: Sequence[Key]) -> dict[Key, int]:
    """Current balances; on PostgreSQL locked in (lot, place) order, so two writers moving the
    same stock in opposite directions queue instead of deadlocking. SQLite needs no lock: a
    writer holds the whole database from its first statement."""
    locking = s.get_bind().dialect.name == "postgresql"
    held: dict[Key, int] = {}
    for chunk in _chunks(keys):
        # Lots × places: a seek on the key on every backend (a row-value IN is a scan on
        # SQLite); the few extra rows it reads (and locks) are of the same lots and places.
        stmt = (
            select(Balance.lot_id, Balance.location_id, Balance.quantity)
            .where(
                Balance.lot_id.in_(sorted({lot for lot, _place in chunk})),
                Balance.location_id.in_(sorted({place for _lot, place in chunk})),
            )
            .order_by(Balance.lot_id, Balance.location_id)
        )
        if locking:
            stmt = stmt.with_for_update()
        held.update({(lot, place): quantity for lot, place, quantity in s.execute(stmt)})
    return {key: held[key] for key in keys if key in held}


def refuse_overdraft(s: Session, key: Key, place: Location, held: int, change: Change) -> None:
    lot = s.get(Lot, key[0])
    product = s.get(Product, lot.product_id) if lot else None
    raise InsufficientStock(
        f"{place.name} holds {held} of {product.name if product else 'this product'} "
        f"lot {lot.lot_number if lot else key[0]}; {change.taken} requested."
    )


def _write(
    s: Session, keys: Sequence[Key], changes: Mapping[Key, Change], virtual: Sequence[int]
) -> int:
    """One multi-row upsert; an update that would overdraw a real place is skipped (and counted
    as not written) rather than applied."""
    insert = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
    rows = [
        {
            "lot_id": lot_id,
            "location_id": location_id,
            "quantity": changes[(lot_id, location_id)].delta,
            "since": changes[(lot_id, location_id)].arrived_at,
        }
        for lot_id, location_id in keys
    ]
    stmt = insert(Balance).values(rows)
    excluded = stmt.excluded
    upsert = stmt.on_conflict_do_update(
        index_elements=[Balance.lot_id, Balance.location_id],
        set_={"quantity": Balance.quantity + excluded.quantity, "since": _since(excluded)},
        where=or_(
            Balance.quantity + excluded.quantity >= 0,
            excluded.quantity >= 0,
            Balance.location_id.in_(list(virtual) or [-1]),
        ),
    ).returning(Balance.lot_id)
    return len(s.execute(upsert).all())


def _since(excluded: object) -> object:
    """Keep the oldest arrival while stock remains; restart the clock once it was emptied;
    a change bringing no new arrival leaves it as it was."""
    arrived = excluded.since  # type: ignore[attr-defined]
    return case(
        (arrived.is_(None), Balance.since),
        (Balance.quantity <= 0, arrived),
        else_=func.coalesce(Balance.since, arrived),
    )
