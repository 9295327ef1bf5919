"""Finds entries inconsistent in time: a place giving out a lot before it held it (by effective
day). Lists them for `lbn-desktop check`; never rewrites anything."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Date, func, literal, select, union_all
from sqlalchemy.orm import Session

from models.stock.entities import Location, LocationKind, Lot, Operation, Product, StockMove
from models.stock.location_tree import LocationTree


def _effective_day() -> ColumnElement[date]:
    return func.coalesce(Operation.effective_on, func.date(Operation.at), type_=Date)


def _daily_running_totals(s: Session) -> list[Any]:
    """(lot, place, day, units at the end of the day) where that is below zero."""
    day = _effective_day()
    into = select(
        StockMove.lot_id.label("lot_id"),
        StockMove.to_location_id.label("place_id"),
        day.label("day"),
        StockMove.quantity.label("delta"),
    ).join(Operation, Operation.id == StockMove.operation_id)
    out = select(
        StockMove.lot_id,
        StockMove.from_location_id,
        day,
        (literal(0) - StockMove.quantity),
    ).join(Operation, Operation.id == StockMove.operation_id)
    moves = union_all(into, out).subquery()
    daily = (
        select(moves.c.lot_id, moves.c.place_id, moves.c.day, func.sum(moves.c.delta).label("net"))
        .group_by(moves.c.lot_id, moves.c.place_id, moves.c.day)
        .subquery()
    )
    running = select(
        daily.c.lot_id,
        daily.c.place_id,
        daily.c.day,
        func.sum(daily.c.net)
        .over(partition_by=(daily.c.lot_id, daily.c.place_id), order_by=daily.c.day)
        .label("held"),
    ).subquery()
    virtual = select(Location.id).where(
        Location.kind.in_([k.value for k in LocationKind if k.is_virtual])
    )
    stmt = (
        select(running.c.lot_id, running.c.place_id, running.c.day, running.c.held)
        .where(running.c.held < 0, running.c.place_id.not_in(virtual))
        .order_by(running.c.day, running.c.lot_id, running.c.place_id)
    )
    return list(s.execute(stmt).all())


def out_of_time_entries(s: Session) -> list[str]:
    """One line per lot and place first given out before it was there, naming the entries."""
    first: dict[tuple[int, int], tuple[date, int]] = {}
    for lot_id, place_id, day, held in _daily_running_totals(s):
        first.setdefault((lot_id, place_id), (_as_date(day), int(held)))
    if not first:
        return []
    tree = LocationTree.load(s)
    lines = []
    for (lot_id, place_id), (day, held) in sorted(first.items(), key=lambda kv: kv[1][0]):
        lot = s.get(Lot, lot_id)
        product = s.get(Product, lot.product_id) if lot else None
        place = tree.rows[place_id].path if place_id in tree.rows else f"location {place_id}"
        entries = ", ".join(
            f"movement {op_id} ({reason}, recorded {at:%Y-%m-%d})"
            for op_id, reason, at in _takers(s, lot_id, place_id, day)
        )
        lines.append(
            f"{product.name if product else 'lot'} lot {lot.lot_number if lot else lot_id} at "
            f"{place}: on {day:%Y-%m-%d} entries took {-held} more than the place held that "
            f"day — {entries or 'no single entry'}"
        )
    return lines


def _takers(s: Session, lot_id: int, place_id: int, day: date) -> list[Any]:
    day_expr = _effective_day()
    return list(
        s.execute(
            select(Operation.id, Operation.reason, Operation.at)
            .join(StockMove, StockMove.operation_id == Operation.id)
            .where(StockMove.lot_id == lot_id, StockMove.from_location_id == place_id)
            .where(day_expr == day)
            .distinct()
            .order_by(Operation.id)
        ).all()
    )


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
