"""Double-entry stock ledger: every movement takes from one location and puts into another.

Virtual locations (supplier, distributed, disposed...) sit on the other side of receipts and
issues, so the sum of all balances of a lot is always zero. The balance table is a cache of the
ledger, updated by guarded single statements so concurrent writers can never overdraw it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import ColumnElement, case, func, literal, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from models.common.errors import (
    AlreadyReversed,
    NotFound,
    ValidationError,
)
from models.common.limits import check_quantity
from models.common.pii_screen import screen_free_text
from models.stock.entities import (
    Balance,
    Location,
    LocationKind,
    Lot,
    Operation,
    Reason,
)
from models.stock.moves import Move, post_moves


def require_positive(quantity: object, what: str = "Quantity") -> int:
    """Quantities are whole numbers from 1 to the line limit; anything else is refused."""
    return check_quantity(quantity, what)


def virtual_location_id(s: Session, kind: LocationKind) -> int:
    # The whole row, so that moves to or from it find the place already loaded.
    found = s.scalars(select(Location).where(Location.kind == kind).order_by(Location.id)).first()
    if found is None:
        raise NotFound(f"The database has no {kind.value} location; was it migrated?")
    return found.id


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
) -> None:
    """Record one movement and update both balances, refusing overdrafts and inactive targets."""
    post_moves(s, [Move(operation, lot_id, from_location_id, to_location_id, quantity)])


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
    mirrored = sorted(original.moves, key=lambda m: m.id, reverse=True)
    post_moves(
        s,
        [
            Move(reversal, m.lot_id, m.to_location_id, m.from_location_id, m.quantity)
            for m in mirrored
        ],
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
