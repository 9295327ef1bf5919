"""Reads a recall record inside an open session: the trace, the quarantines, uses by day and ZIP.

Everything comes from the ledger, so the same lot gives the same record until a new entry
touches it; `as_of` is the time of the last such entry.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.common.settings import agency_title
from models.recall.rows import QuarantineAction, RecallRecord, RecallTrace, UseByDateAndZip
from models.recall.trace import kits_containing, trace_lot
from models.stock.entities import Lot, Operation, Reason, StockMove
from models.stock.location_tree import LocationTree


def read_record(s: Session, lot_id: int) -> RecallRecord:
    trace = trace_lot(s, lot_id)
    kit_lots = set(kits_containing(s, lot_id))
    lots = [lot_id, *kit_lots]
    return RecallRecord(
        agency_title(s),
        trace,
        tuple(_quarantines(s, lot_id, kit_lots)),
        tuple(uses_by_date_and_zip(trace)),
        _last_entry(s, lots),
    )


def uses_by_date_and_zip(trace: RecallTrace) -> list[UseByDateAndZip]:
    units: dict[tuple[date, str, str | None], int] = defaultdict(int)
    for use in trace.uses:
        units[(use.occurred_on, use.kind, use.zip_code)] += use.units
    return [
        UseByDateAndZip(day, kind, zip_code, total)
        for (day, kind, zip_code), total in sorted(
            units.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "")
        )
    ]


@dataclass
class _Tally:
    at: datetime
    user: str
    note: str
    loose: int = 0
    kits: int = 0


def _quarantines(s: Session, lot_id: int, kit_lots: set[int]) -> list[QuarantineAction]:
    rows = s.execute(
        select(
            Operation.id,
            Operation.at,
            Operation.user,
            Operation.note,
            StockMove.lot_id,
            StockMove.from_location_id,
            StockMove.quantity,
        )
        .join(StockMove, StockMove.operation_id == Operation.id)
        .where(Operation.reason == Reason.QUARANTINE, StockMove.lot_id.in_([lot_id, *kit_lots]))
        .order_by(Operation.at, Operation.id, StockMove.id)
    )
    tallies: dict[tuple[int, int], _Tally] = {}
    for op_id, at, user, note, moved_lot, place, quantity in rows:
        tally = tallies.setdefault((op_id, place), _Tally(at, user, note or ""))
        if moved_lot == lot_id:
            tally.loose += quantity
        else:
            tally.kits += quantity
    tree = LocationTree.load(s)
    return [
        QuarantineAction(op_id, t.at, t.user, t.note, tree.rows[place].path, t.loose, t.kits)
        for (op_id, place), t in tallies.items()
    ]


def _last_entry(s: Session, lots: list[int]) -> datetime:
    last = s.scalar(
        select(func.max(Operation.at))
        .join(StockMove, StockMove.operation_id == Operation.id)
        .where(StockMove.lot_id.in_(lots))
    )
    if last is None:
        created = s.scalar(select(Lot.created_at).where(Lot.id == lots[0]))
        return created or datetime(2000, 1, 1)
    return last
