"""Double-entry stock ledger: every movement takes from one location and puts into another.

Virtual locations (supplier, distributed, disposed...) sit on the other side of receipts and
issues, so the sum of all balances of a lot is always zero. The balance table is a cache of the
ledger, updated by guarded single statements so concurrent writers can never overdraw it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, case, func, literal, select, update
from sqlalchemy import insert as insert_rows
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import InstrumentedAttribute, Session

from models.common.errors import (
    AlreadyReversed,
    InactiveLocation,
    InsufficientStock,
    NotFound,
    ValidationError,
)
from models.common.limits import MAX_BALANCE, check_balance, check_quantity
from models.common.pii_screen import screen_free_text
from models.common.round_trips import NO_WAIT
from models.stock.as_of import require_held_on
from models.stock.entities import (
    VIRTUAL_KINDS,
    Balance,
    Location,
    LocationKind,
    Lot,
    Operation,
    Product,
    Reason,
    StockMove,
)


def require_positive(quantity: object, what: str = "Quantity") -> int:
    """Quantities are whole numbers from 1 to the line limit; anything else is refused."""
    return check_quantity(quantity, what)


def virtual_location_id(s: Session, kind: LocationKind) -> int:
    found = s.scalar(select(Location.id).where(Location.kind == kind).order_by(Location.id))
    if found is None:
        raise NotFound(f"The database has no {kind.value} location; was it migrated?")
    return found


def get_location(s: Session, location_id: int) -> Location:
    location = s.get(Location, location_id)
    if location is None:
        raise NotFound(f"No location with id {location_id}.")
    return location


def get_lot(s: Session, lot_id: int) -> Lot:
    lot = s.get(Lot, lot_id)
    if lot is None:
        raise NotFound(f"No lot with id {lot_id}.")
    return lot


def on_hand(s: Session, lot_id: int, location_id: int) -> int:
    quantity = s.scalar(
        select(Balance.quantity).where(Balance.lot_id == lot_id, Balance.location_id == location_id)
    )
    return quantity or 0


def open_operation(
    s: Session,
    reason: Reason,
    user: str,
    at: datetime,
    note: str | None = None,
    reverses_id: int | None = None,
    allowed_names: Iterable[str] = (),
    effective_on: date | None = None,
) -> Operation:
    """Start a ledger operation; its note is screened for personal data (personnel may be named).

    `effective_on` (default: the day of `at`) is the day it took effect.
    """
    note = screen_free_text(note, "The note", allowed_names)
    operation = Operation(
        reason=reason,
        user=user or "unknown",
        at=at,
        effective_on=effective_on or at.date(),
        note=note,
        reverses_id=reverses_id,
    )
    s.add(operation)
    s.flush()
    return operation


def post_move(
    s: Session,
    operation: Operation,
    lot_id: int,
    from_location_id: int,
    to_location_id: int,
    quantity: int,
) -> StockMove:
    """Record one movement and update both balances, refusing overdrafts and inactive targets."""
    require_positive(quantity)
    if from_location_id == to_location_id:
        raise ValidationError("Source and destination are the same location.")
    source = get_location(s, from_location_id)
    target = get_location(s, to_location_id)
    if not target.active:
        raise InactiveLocation(f"{target.name} is inactive and accepts no stock.")
    _lock_in_order(s, lot_id, from_location_id, to_location_id)
    day = operation.effective_on
    if day is not None and day < operation.at.date() and not source.is_virtual:
        require_held_on(s, lot_id, source.id, quantity, day)
    _take(s, lot_id, source, quantity)
    _put(s, lot_id, target, quantity, operation.at)
    move = StockMove(
        operation_id=operation.id,
        lot_id=lot_id,
        from_location_id=from_location_id,
        to_location_id=to_location_id,
        quantity=quantity,
    )
    s.add(move)
    return move


def _lock_in_order(s: Session, lot_id: int, *location_ids: int) -> None:
    """PostgreSQL: lock both balances in one order, so opposite transfers never deadlock.

    SQLite needs nothing: a writer holds the whole database from its first statement.
    """
    if s.get_bind().dialect.name != "postgresql":
        return
    s.execute(
        select(Balance.location_id)
        .where(Balance.lot_id == lot_id, Balance.location_id.in_(location_ids))
        .order_by(Balance.location_id)
        .with_for_update()
    )


def _take(s: Session, lot_id: int, source: Location, quantity: int) -> None:
    if source.is_virtual:  # the other side of receipts: negative by design, bounded all the same
        _upsert(s, lot_id, source.id, -quantity, None)
        return
    stmt = (
        update(Balance)
        .where(Balance.lot_id == lot_id, Balance.location_id == source.id)
        .where(Balance.quantity >= quantity)
        .values(quantity=Balance.quantity - quantity)
    )
    taken = s.execute(stmt, execution_options={"synchronize_session": False})
    if cast(CursorResult[Any], taken).rowcount == 1:
        return
    lot = get_lot(s, lot_id)
    product = s.get(Product, lot.product_id)
    held = on_hand(s, lot_id, source.id)
    raise InsufficientStock(
        f"{source.name} holds {held} of {product.name if product else 'this product'} "
        f"lot {lot.lot_number}; {quantity} requested."
    )


def _put(s: Session, lot_id: int, target: Location, quantity: int, at: datetime) -> None:
    _upsert(s, lot_id, target.id, quantity, None if target.is_virtual else at)


def _upsert(s: Session, lot_id: int, location_id: int, delta: int, at: datetime | None) -> None:
    # Checked before writing: the CHECK constraint would hold the bound too, but as a traceback.
    after = on_hand(s, lot_id, location_id) + delta
    if abs(after) > MAX_BALANCE:
        check_balance(get_location(s, location_id).name, after, MAX_BALANCE)
    dialect = s.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(Balance).values(lot_id=lot_id, location_id=location_id, quantity=delta, since=at)
    excluded = stmt.excluded
    since = (
        func.coalesce(excluded.since, Balance.since)
        if at is None
        else _since_when_refilled(excluded)
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=[Balance.lot_id, Balance.location_id],
        set_={"quantity": Balance.quantity + excluded.quantity, "since": since},
    )
    s.execute(stmt)


def _since_when_refilled(excluded: object) -> object:
    # Keep the oldest arrival while stock remains; restart the clock once it was emptied.
    return case(
        (Balance.quantity <= 0, excluded.since),  # type: ignore[attr-defined]
        else_=func.coalesce(Balance.since, excluded.since),  # type: ignore[attr-defined]
    )


def reverse_operation(
    s: Session,
    operation_id: int,
    user: str,
    at: datetime,
    reason: str,
    allowed_names: Iterable[str] = (),
) -> Operation:
    """Post the mirror image of an operation; the original stays in history untouched."""
    original = s.get(Operation, operation_id)
    if original is None:
        raise NotFound(f"No movement with number {operation_id}.")
    if not reason or not reason.strip():
        raise ValidationError("Say why the movement is being reversed.")
    if original.reverses_id is not None:
        raise ValidationError(
            f"Movement {operation_id} is itself a reversal; record the correct movement instead."
        )
    if s.scalar(select(Operation.id).where(Operation.reverses_id == operation_id)) is not None:
        raise AlreadyReversed(f"Movement {operation_id} has already been reversed.")
    reversal = open_operation(
        s, Reason.REVERSAL, user, at, reason.strip(), operation_id, allowed_names
    )
    for move in sorted(original.moves, key=lambda m: m.id, reverse=True):
        post_move(
            s, reversal, move.lot_id, move.to_location_id, move.from_location_id, move.quantity
        )
    return reversal


def disposal_kind(
    note: ColumnElement[str | None] | InstrumentedAttribute[str | None],
) -> ColumnElement[str]:
    """'expired', 'donated' or 'other' from a disposal's note ("<reason>: <note>").

    Reports and reorders count expiries and donations apart from other losses.
    """
    text = func.lower(func.coalesce(note, ""))
    return case(
        (text.like("expired%"), literal("expired")),
        (text.like("donated%"), literal("donated")),
        else_=literal("other"),
    )


def is_expired(expiry: date | None, today: date) -> bool:
    """A product may be used through its expiry date and not after."""
    return expiry is not None and expiry < today


def post_moves_out(
    s: Session, operation: Operation, source_id: int, target_id: int, lots: dict[int, int]
) -> None:
    """Move `lots` ({lot: quantity}) from a real place to a virtual one (handed out,
    administered...) in two statements, refusing an overdraft like `post_move`.

    Every balance changes in one guarded upsert, in lock order (lot, place), so concurrent
    writers neither overdraw nor deadlock; the moves are one insert that reads nothing back.
    """
    if source_id == target_id:
        raise ValidationError("Source and destination are the same location.")
    quantities = {lot_id: require_positive(quantity) for lot_id, quantity in lots.items()}
    day = operation.effective_on
    if day is not None and day < operation.at.date():
        for lot_id, quantity in quantities.items():
            require_held_on(s, lot_id, source_id, quantity, day)
    changes = sorted(
        [(lot, source_id, -q) for lot, q in quantities.items()]
        + [(lot, target_id, q) for lot, q in quantities.items()]
    )
    changed = {(lot, place): after for lot, place, after in s.execute(_guarded(s, changes))}
    for lot_id, place, delta in changes:
        after = changed.get((lot_id, place))
        if place == source_id and (after is None or after < 0):
            _refuse_overdraft(s, lot_id, get_location(s, source_id), -delta)
        if after is None:
            check_balance(
                get_location(s, place).name, on_hand(s, lot_id, place) + delta, MAX_BALANCE
            )
    moves = [
        {"operation_id": operation.id, "lot_id": lot_id, "from_location_id": source_id,
         "to_location_id": target_id, "quantity": quantity}
        for lot_id, quantity in quantities.items()
    ]  # fmt: skip
    s.execute(insert_rows(StockMove).values(moves), execution_options={NO_WAIT: True})


def _guarded(s: Session, changes: list[tuple[int, int, int]]) -> Any:
    """One upsert adding each delta; a change that would overdraw or pass the bound is skipped
    (and so missing from what it returns)."""
    dialect = s.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(Balance).values(
        [{"lot_id": lot, "location_id": place, "quantity": delta} for lot, place, delta in changes]
    )
    after = Balance.quantity + stmt.excluded.quantity
    virtual = select(Location.id).where(Location.kind.in_([k.value for k in VIRTUAL_KINDS]))
    return stmt.on_conflict_do_update(
        index_elements=[Balance.lot_id, Balance.location_id],
        set_={"quantity": after},
        where=(func.abs(after) <= MAX_BALANCE)
        & ((after >= 0) | Balance.location_id.in_(virtual.scalar_subquery())),
    ).returning(Balance.lot_id, Balance.location_id, Balance.quantity)


def _refuse_overdraft(s: Session, lot_id: int, source: Location, quantity: int) -> None:
    lot = get_lot(s, lot_id)
    product = s.get(Product, lot.product_id)
    held = on_hand(s, lot_id, source.id)
    raise InsufficientStock(
        f"{source.name} holds {held} of {product.name if product else 'this product'} "
        f"lot {lot.lot_number}; {quantity} requested."
    )
