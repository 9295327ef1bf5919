"""Handing stock out of one real place to a virtual one (leave-behinds, doses given) in the
fewest round trips: one guarded upsert and one insert that reads nothing back.

The general batch (`moves.post_moves`) reads and locks balances first; a quick entry, saved
at a station over the county network, skips that read: the upsert itself refuses an overdraft.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy import insert as insert_rows
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from models.common.errors import ValidationError
from models.common.limits import MAX_BALANCE, check_balance
from models.common.round_trips import NO_WAIT
from models.stock.as_of import require_held_on
from models.stock.balances import Change, refuse_overdraft
from models.stock.entities import VIRTUAL_KINDS, Balance, Location, Operation, StockMove
from models.stock.ledger import get_location, on_hand, require_positive


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
            source, held = get_location(s, source_id), on_hand(s, lot_id, source_id)
            refuse_overdraft(s, (lot_id, source_id), source, held, Change(taken=-delta))
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
