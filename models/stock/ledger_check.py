"""Proofs that the books balance: the balance cache equals the ledger, nothing is negative."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.stock.entities import Balance, Location, LocationKind, StockMove


@dataclass
class LedgerReport:
    problems: list[str] = field(default_factory=list)
    moves: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_ledger(s: Session) -> LedgerReport:
    """Recompute every balance from the ledger and compare it with the cached balances."""
    report = LedgerReport()
    derived: dict[tuple[int, int], int] = defaultdict(int)
    for lot_id, location_id, quantity in s.execute(
        select(StockMove.lot_id, StockMove.to_location_id, func.sum(StockMove.quantity)).group_by(
            StockMove.lot_id, StockMove.to_location_id
        )
    ):
        derived[(lot_id, location_id)] += quantity
    for lot_id, location_id, quantity in s.execute(
        select(StockMove.lot_id, StockMove.from_location_id, func.sum(StockMove.quantity)).group_by(
            StockMove.lot_id, StockMove.from_location_id
        )
    ):
        derived[(lot_id, location_id)] -= quantity
    cached = {(b.lot_id, b.location_id): b.quantity for b in s.scalars(select(Balance))}
    for key in set(derived) | set(cached):
        if derived.get(key, 0) != cached.get(key, 0):
            report.problems.append(
                f"lot {key[0]} at location {key[1]}: ledger says {derived.get(key, 0)}, "
                f"balance says {cached.get(key, 0)}"
            )
    virtual = set(
        s.scalars(
            select(Location.id).where(
                Location.kind.in_([k.value for k in LocationKind if k.is_virtual])
            )
        )
    )
    for (lot_id, location_id), quantity in derived.items():
        if quantity < 0 and location_id not in virtual:
            report.problems.append(
                f"lot {lot_id} at location {location_id} is negative ({quantity})"
            )
    per_lot: dict[int, int] = defaultdict(int)
    for (lot_id, _), quantity in derived.items():
        per_lot[lot_id] += quantity
    report.problems.extend(
        f"lot {lot_id} does not sum to zero across locations ({total})"
        for lot_id, total in per_lot.items()
        if total != 0
    )
    report.moves = s.scalar(select(func.count(StockMove.id))) or 0
    return report
