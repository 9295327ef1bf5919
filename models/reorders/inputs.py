"""Reads the ledger, par levels, open reorders and surges into the calculation's inputs.

Consumption is read from movements into (and reversals out of) the virtual locations:
Distributed, Administered, Disposed (reason "expired", "donated" or other) and Count
adjustments (net losses). Kit units are converted into the component units inside them.
Expired and donated units are counted apart: neither is demand.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, Select, case, func, literal, select, union_all
from sqlalchemy.orm import Session, aliased

from models.distributions.entities import Administration, Distribution
from models.kits.entities import KitBatch, KitBatchComponent
from models.reorders.calc import DAYS_PER_MONTH, StockLot, add_months, blended_surge
from models.reorders.entities import (
    DemandSurge,
    Reorder,
    ReorderLine,
    ReorderReceipt,
    ReorderStatus,
)
from models.reorders.items import Content, ItemCatalog, ItemKey
from models.stock.entities import (
    Balance,
    LocationKind,
    Lot,
    Operation,
    ParLevel,
    Product,
    ProductKind,
    StockMove,
)
from models.stock.ledger import disposal_kind
from models.stock.location_tree import LocationTree

CATEGORY_OF_KIND = {
    LocationKind.DISTRIBUTED: "distributed",
    LocationKind.ADMINISTERED: "administered",
    LocationKind.DISPOSED: "disposed",
    LocationKind.ADJUSTMENT: "lost",
}
CATEGORIES = ("distributed", "administered", "expired", "donated", "lost")
NOT_DEMAND = ("expired", "donated")  # shown beside the AMC, never averaged into it


@dataclass
class Usage:
    """Units of one item used over the window, by category and by station."""

    totals: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    demand_by_station: dict[int | None, int] = field(default_factory=lambda: defaultdict(int))
    first_use: date | None = None  # earliest day of use seen in the window


def consumption(
    s: Session, catalog: ItemCatalog, tree: LocationTree, since: date, scope: set[int] | None
) -> dict[ItemKey, Usage]:
    """Per item, what left the shelves since `since` (reversals subtract)."""
    kinds = {r.id: LocationKind(r.kind) for r in tree.rows.values()}
    virtual = {i for i, k in kinds.items() if k in CATEGORY_OF_KIND}
    rows = s.execute(_consumption_by_product(since, sorted(virtual))).all()
    raw: dict[tuple[ItemKey, int | None, str], int] = defaultdict(int)
    first_use: dict[ItemKey, date] = {}
    for r in rows:
        outgoing = r.to_location_id in virtual
        place, other = (
            (r.from_location_id, r.to_location_id)
            if outgoing
            else (r.to_location_id, r.from_location_id)
        )
        if place in virtual or kinds[place].is_virtual or (scope and place not in scope):
            continue  # virtual to virtual (e.g. kit assembly) or outside the station asked for
        category = CATEGORY_OF_KIND[kinds[other]]
        if category == "disposed":
            category = r.disposal if r.disposal in NOT_DEMAND else "lost"
        sign = 1 if outgoing else -1
        station = tree.station_of(place)
        day = min(d for d in (r.first_day, _day(r.first_at)) if d is not None)
        for key, per_unit, _expiry in _contents(catalog, r.product_id, r.in_kit):
            raw[(key, station, category)] += sign * int(r.quantity) * per_unit
            first_use[key] = min(first_use.get(key, day), day)
    out: dict[ItemKey, Usage] = defaultdict(Usage)
    for key, day in first_use.items():
        out[key].first_use = day
    for (key, station, category), units in raw.items():
        units = max(0, units)  # found stock or reversals never make use negative
        out[key].totals[category] += units
        if category not in NOT_DEMAND:
            out[key].demand_by_station[station] += units
    return out


def _consumption_by_lot(since: date, virtual: list[int]) -> Select[Any]:
    """Movements into or out of the consumption places since `since`, added up in SQL.

    One row per lot, pair of places and disposal kind, with the quantity and the first day of
    use. A leave-behind or administration counts on the day it happened, even if entered later
    (tally sheets); a reversal counts on the day of what it reverses.
    """
    original = aliased(Operation)
    first_op = func.coalesce(Operation.reverses_id, Operation.id)
    day = func.coalesce(Distribution.occurred_on, Administration.occurred_on)
    disposal = disposal_kind(func.coalesce(original.note, Operation.note))
    recent = select(Operation.id).where(Operation.at >= datetime.combine(since, time()))
    # "+ 0" keeps SQLite from walking ten years of moves by their place index: the window's
    # operations (by date) are the selective side.
    to_place, from_place = StockMove.to_location_id + 0, StockMove.from_location_id + 0
    return (
        select(
            StockMove.lot_id,
            StockMove.from_location_id,
            StockMove.to_location_id,
            disposal.label("disposal"),
            func.sum(StockMove.quantity).label("quantity"),
            func.min(day).label("first_day"),
            func.min(case((day.is_(None), Operation.at))).label("first_at"),
        )
        .join(Operation, Operation.id == StockMove.operation_id)
        .outerjoin(original, original.id == Operation.reverses_id)
        .outerjoin(Distribution, Distribution.operation_id == first_op)
        .outerjoin(Administration, Administration.operation_id == first_op)
        .where(StockMove.operation_id.in_(recent))
        .where(to_place.in_(virtual) | from_place.in_(virtual))
        .where(day.is_(None) | (day >= since))
        .group_by(StockMove.lot_id, StockMove.from_location_id, StockMove.to_location_id, disposal)
    )


def _consumption_by_product(since: date, virtual: list[int]) -> CompoundSelect[Any]:
    """The movements by lot, opened up in SQL: kits of a known batch into their components'
    products (`in_kit` true, units already per component), other lots as their product."""
    by_lot = _consumption_by_lot(since, virtual).cte("by_lot")
    pair = (by_lot.c.from_location_id, by_lot.c.to_location_id, by_lot.c.disposal)
    firsts = (
        func.min(by_lot.c.first_day).label("first_day"),
        func.min(by_lot.c.first_at).label("first_at"),
    )
    is_kit = Product.kind == ProductKind.KIT
    part = aliased(Lot)
    in_kits = (
        select(part.product_id, *pair)
        .add_columns(
            func.sum(by_lot.c.quantity * KitBatchComponent.quantity_per_kit).label("quantity"),
            *firsts,
        )
        .add_columns(literal(True).label("in_kit"))
        .join(Lot, Lot.id == by_lot.c.lot_id)
        .join(Product, Product.id == Lot.product_id)
        .join(KitBatch, KitBatch.lot_id == Lot.id)
        .join(KitBatchComponent, KitBatchComponent.batch_id == KitBatch.id)
        .join(part, part.id == KitBatchComponent.lot_id)
        .where(is_kit)
        .group_by(part.product_id, *pair)
    )
    as_such = (
        select(Lot.product_id, *pair)
        .add_columns(func.sum(by_lot.c.quantity).label("quantity"), *firsts, literal(False))
        .join(Lot, Lot.id == by_lot.c.lot_id)
        .join(Product, Product.id == Lot.product_id)
        .outerjoin(KitBatch, KitBatch.lot_id == Lot.id)
        .where(KitBatch.id.is_(None) | ~is_kit)
        .group_by(Lot.product_id, *pair)
    )
    return union_all(in_kits, as_such)


def _contents(catalog: ItemCatalog, product_id: int, in_kit: bool) -> list[Content]:
    """Items a product's units stand for; a component already counted per unit inside a kit."""
    if in_kit and catalog.products[product_id].kind == ProductKind.KIT:
        return []  # a kit inside a kit is not counted twice
    return catalog.contents_of_product(product_id)


def _day(value: datetime | date | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def history_months(
    s: Session,
    catalog: ItemCatalog,
    today: date,
    window_months: int,
    used_since: dict[ItemKey, date] | None = None,
) -> dict[ItemKey, int]:
    """Whole months since each item first moved, at most the window (0: under a month)."""
    start = add_months(today, -window_months)
    earliest: dict[ItemKey, date] = {}
    for product_id, early, first in s.execute(_first_moves(datetime.combine(start, time()))):
        if not early and first is None:
            continue  # never moved
        for key, _n, _e in catalog.contents_of_product(product_id):
            day = start if first is None else _day(first)
            earliest[key] = min(earliest.get(key, day), day)
    for key, day in (used_since or {}).items():
        earliest[key] = min(earliest.get(key, day), day)
    months: dict[ItemKey, int] = {}
    for key, first in earliest.items():
        if first <= start:
            months[key] = window_months
        else:
            months[key] = min(window_months, math.floor((today - first).days / DAYS_PER_MONTH))
    return months


def _first_moves(start: datetime) -> Select[Any]:
    """Per product: moved on or before `start`?, and if not, its first move (None: never moved).

    Only whether an item is older than the window matters, so a product with one early move
    found through its lots stops there instead of reading all its history.
    """

    def moves_of_product(*where: ColumnElement[bool]) -> Select[Any]:
        return (
            select(Operation.at)
            .join(StockMove, StockMove.operation_id == Operation.id)
            .join(Lot, Lot.id == StockMove.lot_id)
            .where(Lot.product_id == Product.id, *where)
        )

    moved_early = moves_of_product(Operation.at <= start).exists()
    first = moves_of_product().with_only_columns(func.min(Operation.at)).scalar_subquery()
    # "Ever moved" is told apart in Python: as a WHERE EXISTS, PostgreSQL turns it into a join
    # over the whole ledger (1.8 s on the large agency) instead of stopping at the first move.
    return select(Product.id, moved_early, case((moved_early, None), else_=first))


def stock_lots(
    s: Session, catalog: ItemCatalog, tree: LocationTree, scope: set[int] | None
) -> dict[ItemKey, list[StockLot]]:
    """Stock on the shelves (quarantine and virtual places excluded), kits opened in thought.

    Added up in SQL by product and expiry: kits of a known batch by their component lots
    (a component without an expiry takes the kit's), other lots as themselves.
    """
    shelves = [
        r.id
        for r in tree.rows.values()
        if not LocationKind(r.kind).is_virtual
        and r.kind != LocationKind.QUARANTINE
        and (not scope or r.id in scope)
    ]
    held = (
        select(Balance.lot_id, func.sum(Balance.quantity).label("quantity"))
        .where(Balance.quantity > 0, Balance.location_id.in_(shelves))
        .group_by(Balance.lot_id)
        .cte("held")
    )
    is_kit = Product.kind == ProductKind.KIT
    part = aliased(Lot)
    part_expiry = func.coalesce(part.expiry, Lot.expiry)
    in_kits = (
        select(
            part.product_id,
            part_expiry,
            func.sum(held.c.quantity * KitBatchComponent.quantity_per_kit),
        )
        .add_columns(literal(True))
        .select_from(held)
        .join(Lot, Lot.id == held.c.lot_id)
        .join(Product, Product.id == Lot.product_id)
        .join(KitBatch, KitBatch.lot_id == Lot.id)
        .join(KitBatchComponent, KitBatchComponent.batch_id == KitBatch.id)
        .join(part, part.id == KitBatchComponent.lot_id)
        .where(is_kit)
        .group_by(part.product_id, part_expiry)
    )
    as_such = (
        select(Lot.product_id, Lot.expiry, func.sum(held.c.quantity), literal(False))
        .select_from(held)
        .join(Lot, Lot.id == held.c.lot_id)
        .join(Product, Product.id == Lot.product_id)
        .outerjoin(KitBatch, KitBatch.lot_id == Lot.id)
        .where(KitBatch.id.is_(None) | ~is_kit)
        .group_by(Lot.product_id, Lot.expiry)
    )
    rows = s.execute(union_all(in_kits, as_such)).all()
    by_expiry: dict[ItemKey, dict[date | None, int]] = defaultdict(lambda: defaultdict(int))
    for product_id, lot_expiry, quantity, in_kit in rows:
        for key, per_unit, expiry in _contents(catalog, product_id, bool(in_kit)):
            by_expiry[key][expiry or lot_expiry] += int(quantity) * per_unit
    return {
        key: [StockLot(expiry, qty) for expiry, qty in lots.items()]
        for key, lots in by_expiry.items()
    }


def par_totals(
    s: Session, catalog: ItemCatalog, tree: LocationTree, scope: set[int] | None
) -> dict[ItemKey, dict[int | None, int]]:
    """Per item and station, the par levels added up (kit pars in component units)."""
    out: dict[ItemKey, dict[int | None, int]] = defaultdict(lambda: defaultdict(int))
    for par in s.scalars(select(ParLevel)):
        if scope and par.location_id not in scope:
            continue
        station = tree.station_of(par.location_id)
        for key, per_unit, _e in catalog.contents_of_product(par.product_id):
            out[key][station] += par.quantity * per_unit
    return out


def received_by_line(s: Session, line_ids: list[int]) -> dict[int, int]:
    """Units booked against reorder lines, leaving out receipts that were later reversed."""
    if not line_ids:
        return {}
    reversal = aliased(Operation)
    rows = s.execute(
        select(ReorderReceipt.reorder_line_id, func.sum(ReorderReceipt.quantity))
        .outerjoin(reversal, reversal.reverses_id == ReorderReceipt.operation_id)
        .where(ReorderReceipt.reorder_line_id.in_(line_ids), reversal.id.is_(None))
        .group_by(ReorderReceipt.reorder_line_id)
    ).all()
    return {line_id: int(total or 0) for line_id, total in rows}


def on_order(
    s: Session, catalog: ItemCatalog, station_id: int | None, exclude: int | None = None
) -> dict[ItemKey, int]:
    """Outstanding units of sent, not fully received reorders; each line counted once."""
    open_states = [ReorderStatus.SENT.value, ReorderStatus.PARTLY_RECEIVED.value]
    stmt = (
        select(ReorderLine)
        .join(Reorder, Reorder.id == ReorderLine.reorder_id)
        .where(Reorder.status.in_(open_states))
    )
    if station_id is not None:
        stmt = stmt.where(Reorder.station_id == station_id)
    if exclude is not None:
        stmt = stmt.where(Reorder.id != exclude)
    lines = list(s.scalars(stmt))
    received = received_by_line(s, [line.id for line in lines])
    out: dict[ItemKey, int] = defaultdict(int)
    for line in lines:
        key = (
            catalog.key_of_product(line.product_id)
            if line.product_id is not None
            else catalog.key_of_group(line.interchange_group or "")
        )
        if key is not None:
            out[key] += max(0, line.quantity - received.get(line.id, 0))
    return out


def active_surges(s: Session, today: date) -> list[DemandSurge]:
    return list(
        s.scalars(
            select(DemandSurge)
            .where(DemandSurge.starts_on <= today, DemandSurge.ends_on >= today)
            .order_by(DemandSurge.id)
        )
    )


def surge_for(
    surges: list[DemandSurge],
    tree: LocationTree,
    station_id: int | None,
    weights: dict[int | None, int],
) -> tuple[float, str]:
    """The factor for one station, or for the agency weighted by each station's share."""
    agency = [x for x in surges if x.station_id is None]
    base = max((x.factor for x in agency), default=1.0)
    per_station: dict[int, float] = {}
    for x in surges:
        if x.station_id is not None:
            per_station[x.station_id] = max(per_station.get(x.station_id, 1.0), x.factor)
    notes = [f"agency-wide x{x.factor:g} until {x.ends_on:%Y-%m-%d}: {x.reason}" for x in agency]
    if station_id is not None:
        own = per_station.get(station_id, 1.0)
        if own > base:
            notes = [
                f"{tree.rows[x.station_id].name} x{x.factor:g} until {x.ends_on:%Y-%m-%d}: "
                f"{x.reason}"
                for x in surges
                if x.station_id == station_id and x.factor == own
            ]
        return max(base, own), "; ".join(notes)
    if not per_station:
        return base, "; ".join(notes)
    total = sum(weights.values())
    pairs = []
    for station, weight in weights.items():
        factor = max(base, per_station.get(station, 1.0) if station is not None else 1.0)
        pairs.append((float(weight), factor))
        if station in per_station and per_station[station] > base and total:
            notes.append(
                f"{tree.rows[station].name} x{per_station[station]:g} "
                f"({100 * weight / total:.0f}% of use)"
            )
    factor = blended_surge(pairs) if pairs else base
    return round(factor, 2), "; ".join(notes)


def scope_of(tree: LocationTree, station_id: int | None) -> set[int] | None:
    return None if station_id is None else tree.subtree(station_id)
