"""Posting movements to the ledger, one or many at once, in a few statements whatever their number.

Each balance changes once by the net of a batch (`balances.apply_changes`); every rule of a
single move holds for each move of a batch, and a refusal raises before anything is written.
Knows operations, moves and places; not what the moves are for (assembly, distributions...).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from models.common.errors import InactiveLocation, NotFound, ValidationError
from models.common.limits import check_quantity
from models.common.pii_screen import screen_free_text
from models.stock.as_of import require_held_on
from models.stock.balances import Change, Key, apply_changes
from models.stock.entities import Location, Operation, Reason, StockMove


class OperationLike(Protocol):
    """What a move needs of its operation: an `Operation`, or an `OperationRef` of a batch."""

    @property
    def id(self) -> int: ...
    @property
    def at(self) -> datetime: ...
    @property
    def effective_on(self) -> date | None: ...


@dataclass(frozen=True)
class OperationRef:
    id: int
    at: datetime
    effective_on: date | None


def open_operations(
    s: Session,
    reason: Reason,
    user: str,
    at: datetime,
    note: str,
    days: Sequence[date],
    station: str | None,
) -> list[OperationRef]:
    """One new operation per day in `days` (effective that day), in that order, inserted in a
    few statements; for batches of records that must each be reversible on their own (a tally
    sheet). The operations differ only by their day, so ids are matched back by day."""
    note_text = screen_free_text(note, "The note")
    common = {"reason": reason, "user": user or "unknown", "at": at, "note": note_text}
    rows = [{**common, "effective_on": day, "station": station or None} for day in days]
    ids: dict[date | None, list[int]] = defaultdict(list)
    table = cast(Table, Operation.__table__)  # Core rows: no per-row ORM bookkeeping
    stmt = insert(table).returning(table.c.id, table.c.effective_on)
    for operation_id, day in s.execute(stmt, rows):
        ids[day].append(operation_id)
    for same_day in ids.values():
        same_day.sort(reverse=True)  # popped from the end: rows get ids in their order
    return [OperationRef(ids[day].pop(), at, day) for day in days]


@dataclass(frozen=True)
class Move:
    """One movement of a batch: `quantity` of a lot from one place to another, in `operation`."""

    operation: OperationLike
    lot_id: int
    from_location_id: int
    to_location_id: int
    quantity: int


def post_moves(s: Session, moves: Sequence[Move]) -> None:
    """Record many movements at once, in a few statements whatever their number.

    Each balance changes once by the net of the batch's moves; every rule of a single move holds
    (whole positive quantities, distinct places, active targets, no overdraft of a real place,
    balance limits, back-dated moves only take what was there that day). A refusal raises
    before anything is written, so the whole batch is refused.
    """
    if not moves:
        return
    places = _places(s, moves)
    for move in moves:
        check_quantity(move.quantity, "Quantity")
        if move.from_location_id == move.to_location_id:
            raise ValidationError("Source and destination are the same location.")
        target = places[move.to_location_id]
        if not target.active:
            raise InactiveLocation(f"{target.name} is inactive and accepts no stock.")
    _require_held_back_then(s, moves, places)
    apply_changes(s, _net_changes(moves, places), places)
    rows = [
        {
            "operation_id": m.operation.id,
            "lot_id": m.lot_id,
            "from_location_id": m.from_location_id,
            "to_location_id": m.to_location_id,
            "quantity": m.quantity,
        }
        for m in moves
    ]
    s.execute(insert(cast(Table, StockMove.__table__)), rows)  # Core: no per-row ORM work


def _places(s: Session, moves: Sequence[Move]) -> dict[int, Location]:
    """Every place the moves touch: those already loaded, the rest in one statement."""
    ids = {m.from_location_id for m in moves} | {m.to_location_id for m in moves}
    places: dict[int, Location] = {}
    for location_id in ids:
        known = s.identity_map.get(s.identity_key(Location, location_id))
        if isinstance(known, Location):
            places[location_id] = known
    missing = ids - set(places)
    if missing:
        places.update(
            {p.id: p for p in s.scalars(select(Location).where(Location.id.in_(missing)))}
        )
    if missing - set(places):
        raise NotFound(f"No location with id {min(missing - set(places))}.")
    return places


def _net_changes(moves: Sequence[Move], places: Mapping[int, Location]) -> dict[Key, Change]:
    changes: dict[Key, Change] = defaultdict(Change)
    for m in moves:
        source = changes[(m.lot_id, m.from_location_id)]
        source.delta -= m.quantity
        source.taken += m.quantity
        target = changes[(m.lot_id, m.to_location_id)]
        target.delta += m.quantity
        if not places[m.to_location_id].is_virtual:
            target.arrived_at = max(target.arrived_at or m.operation.at, m.operation.at)
    return changes


def _require_held_back_then(
    s: Session, moves: Sequence[Move], places: Mapping[int, Location]
) -> None:
    """A back-dated move may only take what the place held at the end of its day, counting
    what the batch itself moves in and out of that place on or before that day."""
    checks = {
        (m.lot_id, m.from_location_id, day)
        for m in moves
        if (day := m.operation.effective_on) is not None
        and day < m.operation.at.date()
        and not places[m.from_location_id].is_virtual
    }
    for lot_id, location_id, day in sorted(checks):
        taken = 0
        for m in moves:
            if m.lot_id != lot_id or not _by(m, day):
                continue
            taken += m.quantity if m.from_location_id == location_id else 0
            taken -= m.quantity if m.to_location_id == location_id else 0
        if taken > 0:
            require_held_on(s, lot_id, location_id, taken, day)


def _by(move: Move, day: date) -> bool:
    effective = move.operation.effective_on or move.operation.at.date()
    return effective <= day
