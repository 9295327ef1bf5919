"""Reads stock on the shelves, par levels, open reorders and surges into the calculation's inputs.

Consumption itself comes from `models.reorders.consumption`. Kit units are converted into the
component units inside them, and kept apart as "inside ready kits".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Integer, cast, func, literal, null, select, union_all
from sqlalchemy.orm import Session, aliased

from models.kits.entities import KitBatch, KitBatchComponent
from models.reorders.calc import StockLot, blended_surge
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
)
from models.stock.location_tree import LocationTree


def stock_and_pars(
    s: Session, catalog: ItemCatalog, tree: LocationTree, scope: set[int] | None
) -> tuple[dict[ItemKey, list[StockLot]], dict[ItemKey, dict[int | None, int]]]:
    """Stock on the shelves (`stock_lots`) and the par levels (`par_totals`), in one statement:
    lines of (what, product, expiry, quantity, inside a kit, place)."""
    in_kits, as_such = _stock_selects(tree, scope)
    pars = select(
        literal("par"), ParLevel.product_id, null(), ParLevel.quantity, literal(False)
    ).add_columns(ParLevel.location_id)
    rows = s.execute(union_all(in_kits, as_such, pars)).all()
    stock = [r[1:5] for r in rows if r[0] == "stock"]
    levels = [(r[5], r[1], r[3]) for r in rows if r[0] == "par"]
    return stock_lots(stock, catalog), par_totals(levels, catalog, tree, scope)


def _stock_selects(tree: LocationTree, scope: set[int] | None) -> tuple[Any, Any]:
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
    is_kit, no_place = Product.kind == ProductKind.KIT, cast(null(), Integer)
    part = aliased(Lot)
    part_expiry = func.coalesce(part.expiry, Lot.expiry)
    in_kits = (
        select(
            literal("stock"),
            part.product_id,
            part_expiry,
            func.sum(held.c.quantity * KitBatchComponent.quantity_per_kit),
        )
        .add_columns(literal(True), no_place)
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
        select(literal("stock"), Lot.product_id, Lot.expiry, func.sum(held.c.quantity))
        .add_columns(literal(False), no_place)
        .select_from(held)
        .join(Lot, Lot.id == held.c.lot_id)
        .join(Product, Product.id == Lot.product_id)
        .outerjoin(KitBatch, KitBatch.lot_id == Lot.id)
        .where(KitBatch.id.is_(None) | ~is_kit)
        .group_by(Lot.product_id, Lot.expiry)
    )
    return in_kits, as_such


def stock_lots(rows: Sequence[Any], catalog: ItemCatalog) -> dict[ItemKey, list[StockLot]]:
    """(product, expiry, quantity, inside a kit) rows per item, kit units as their contents."""
    by_expiry: dict[ItemKey, dict[tuple[date | None, bool], int]] = defaultdict(
        lambda: defaultdict(int)
    )
    for product_id, lot_expiry, quantity, in_kit in rows:
        kit = bool(in_kit) or catalog.products[product_id].kind == ProductKind.KIT
        for key, per_unit, expiry in _contents(catalog, product_id, bool(in_kit)):
            by_expiry[key][(expiry or lot_expiry, kit)] += int(quantity) * per_unit
    return {
        key: [StockLot(expiry, qty, kit) for (expiry, kit), qty in lots.items()]
        for key, lots in by_expiry.items()
    }


def par_totals(
    levels: Sequence[tuple[int, int, int]],
    catalog: ItemCatalog,
    tree: LocationTree,
    scope: set[int] | None,
) -> dict[ItemKey, dict[int | None, int]]:
    """Per item and station, the par levels (place, product, quantity) added up (kit pars in
    component units)."""
    out: dict[ItemKey, dict[int | None, int]] = defaultdict(lambda: defaultdict(int))
    for location_id, product_id, quantity in levels:
        if scope and location_id not in scope:
            continue
        station = tree.station_of(location_id)
        for key, per_unit, _e in catalog.contents_of_product(product_id):
            out[key][station] += quantity * per_unit
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


def _contents(catalog: ItemCatalog, product_id: int, in_kit: bool) -> list[Content]:
    """Items a product's units stand for; a component already counted per unit inside a kit."""
    if in_kit and catalog.products[product_id].kind == ProductKind.KIT:
        return []  # a kit inside a kit is not counted twice
    return catalog.contents_of_product(product_id)
