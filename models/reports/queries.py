"""Stock figures for reports: lots and kit batches by expiry band, on hand, flows in a period.

Set-based reads over the ledger entities; functions take an open session so one report reads
one consistent snapshot.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from models.distributions.entities import Administration, Distribution
from models.kits.entities import KitBatch
from models.reports.rows import ExpirationRow, FlowRow, Period, StockRow
from models.stock.entities import (
    Location,
    LocationKind,
    Lot,
    Operation,
    Product,
    Reason,
    Source,
    StockMove,
)
from models.stock.ledger import disposal_kind
from models.stock.location_tree import LocationTree
from models.stock.queries import DEFAULT_WARNING_DAYS, list_on_hand

DOSE_KINDS = ("naloxone", "kit")


def scope_ids(tree: LocationTree, location_ids: Sequence[int] | None) -> set[int] | None:
    """Every place inside the chosen locations, or None for the whole agency."""
    if not location_ids:
        return None
    out: set[int] = set()
    for location_id in location_ids:
        out |= tree.subtree(location_id)
    return out


def band_of(days_left: int | None, bands: Sequence[int]) -> str:
    near, far = [*bands, 30, 90][:2]
    if days_left is None:
        return "No expiry"
    if days_left < 0:
        return "Expired"
    if days_left <= near:
        return f"Within {near} days"
    if days_left <= far:
        return f"Within {far} days"
    return "Later"


def expiration_rows(
    s: Session, today: date, location_ids: Sequence[int] | None, bands: Sequence[int]
) -> list[ExpirationRow]:
    """Every lot and kit batch on hand, grouped by place (tree order), earliest expiry first."""
    tree = LocationTree.load(s)
    scope = scope_ids(tree, location_ids)
    recipes = dict(s.execute(select(KitBatch.lot_id, KitBatch.recipe_name)).all())
    order = {row.id: k for k, row in enumerate(tree.physical())}
    held = [r for r in list_on_hand(s, today, tree=tree) if scope is None or r.location_id in scope]
    held.sort(key=lambda r: (order.get(r.location_id, 0), r.expiry or date.max, r.product_name))
    units = dict(s.execute(select(Product.id, Product.unit_of_issue)).all())
    return [
        ExpirationRow(
            r.location_path,
            r.product_name,
            r.product_kind == "kit",
            recipes.get(r.lot_id),
            r.lot_number,
            r.expiry,
            r.days_left,
            band_of(r.days_left, bands),
            r.quantity,
            r.quarantined,
            "kit" if r.product_kind == "kit" else units.get(r.product_id) or "unit",
        )
        for r in held
    ]


def stock_rows(
    s: Session,
    today: date,
    location_ids: Sequence[int] | None,
    *,
    by_location: bool,
    warning_days: int = DEFAULT_WARNING_DAYS,
) -> list[StockRow]:
    """On hand per (place, product) or per product, usable versus expired and quarantined."""
    tree = LocationTree.load(s)
    scope = scope_ids(tree, location_ids)
    products = {p.id: p for p in s.scalars(select(Product))}
    order = {row.id: k for k, row in enumerate(tree.physical())}
    sums: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for r in list_on_hand(s, today, tree=tree):
        if scope is not None and r.location_id not in scope:
            continue
        key = (r.location_id if by_location else 0, r.product_id)
        bucket = sums[key]
        if r.quarantined:
            bucket[3] += r.quantity
        elif r.expired:
            bucket[2] += r.quantity
        else:
            bucket[0] += r.quantity
            if r.days_left is not None and r.days_left <= warning_days:
                bucket[1] += r.quantity
    ordered = sorted(
        sums.items(), key=lambda kv: (order.get(kv[0][0], -1), products[kv[0][1]].name)
    )
    out = []
    for (place, product_id), (usable, expiring, expired, held) in ordered:
        p = products[product_id]
        out.append(
            StockRow(
                tree.rows[place].path if place else "",
                p.name,
                p.kind,
                p.unit_of_issue,
                usable,
                expiring,
                expired,
                held,
                p.doses_per_unit if p.kind in DOSE_KINDS else 0,
            )
        )
    if not by_location:
        out.sort(key=lambda x: x.product_name)
    return out


def day_range(period: Period) -> tuple[datetime, datetime]:
    return datetime.combine(period.start, time.min), datetime.combine(
        period.end_exclusive, time.min
    )


def effective_operations() -> ColumnElement[bool]:
    """Operations that still count: not reversals, not reversed, not voided records."""
    undo = aliased(Operation)
    voided = or_(
        Operation.id.in_(
            select(Distribution.operation_id).where(Distribution.void_operation_id.is_not(None))
        ),
        Operation.id.in_(
            select(Distribution.void_operation_id).where(
                Distribution.void_operation_id.is_not(None)
            )
        ),
        Operation.id.in_(
            select(Administration.operation_id).where(Administration.void_operation_id.is_not(None))
        ),
        Operation.id.in_(
            select(Administration.void_operation_id).where(
                Administration.void_operation_id.is_not(None)
            )
        ),
    )
    return and_(
        # "+ 0": SQLite takes the unique index on reverses_id as selective and would walk every
        # operation through it, even for a one-month period (planned by date range instead).
        (Operation.reverses_id + 0).is_(None),
        ~exists().where(undo.reverses_id == Operation.id),
        ~voided,
    )


FLOW_SINKS = (LocationKind.DISTRIBUTED, LocationKind.ADMINISTERED, LocationKind.DISPOSED)
DISPOSAL_BUCKET = {"expired": 3, "donated": 5}  # FlowRow fields after the three names; else other


def flow_rows(s: Session, period: Period) -> list[FlowRow]:
    """Per product: received, distributed, administered, disposed (expired / other), donated.

    Distributions and on-scene administrations count on the day they happened (as every other
    kits figure does), even when recorded later; everything else on the day it was recorded.
    """
    start, end = day_range(period)
    encounters = (Distribution.operation_id, Administration.operation_id)
    sums: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    recorded = _flow_select().where(
        Operation.at >= start,
        Operation.at < end,
        *(Operation.id.not_in(select(op)) for op in encounters),
    )
    selects = [recorded]
    for record in (Distribution, Administration):
        selects.append(
            _flow_select()
            .join(record, record.operation_id == Operation.id)
            .where(record.occurred_on >= period.start, record.occurred_on <= period.end)
        )
    for stmt in selects:
        for r in s.execute(stmt):
            _add_flow(sums[(r.name, r.kind, r.unit_of_issue)], r)
    return [
        FlowRow(name, kind, unit, *values)
        for (name, kind, unit), values in sorted(sums.items())
        if any(values)
    ]


_SRC, _DST = aliased(Location), aliased(Location)


def _flow_select() -> Select[*tuple[Any, ...]]:
    disposal = disposal_kind(Operation.note.expression)
    return (
        select(
            Product.name,
            Product.kind,
            Product.unit_of_issue,
            _SRC.kind.label("src_kind"),
            _DST.kind.label("dst_kind"),
            Operation.reason,
            disposal.label("disposal"),
            func.sum(StockMove.quantity).label("qty"),
        )
        .join(Operation, Operation.id == StockMove.operation_id)
        .join(Lot, Lot.id == StockMove.lot_id)
        .join(Product, Product.id == Lot.product_id)
        .join(_SRC, _SRC.id == StockMove.from_location_id)
        .join(_DST, _DST.id == StockMove.to_location_id)
        .where(effective_operations())
        .where(  # only the flows counted below, not every transfer and kit assembly
            and_(_SRC.kind == LocationKind.SUPPLIER, Operation.reason == Reason.RECEIVE)
            | _DST.kind.in_(FLOW_SINKS)
        )
        .group_by(  # the very same disposal expression: PostgreSQL compares them as written
            Product.name,
            Product.kind,
            Product.unit_of_issue,
            _SRC.kind,
            _DST.kind,
            Operation.reason,
            disposal,
        )
    )


def _add_flow(bucket: list[int], r: Row[*tuple[Any, ...]]) -> None:
    qty = int(r.qty or 0)
    if r.src_kind == LocationKind.SUPPLIER and r.reason == Reason.RECEIVE:
        bucket[0] += qty
    elif r.dst_kind == LocationKind.DISTRIBUTED:
        bucket[1] += qty
    elif r.dst_kind == LocationKind.ADMINISTERED:
        bucket[2] += qty
    elif r.dst_kind == LocationKind.DISPOSED:
        bucket[DISPOSAL_BUCKET.get(r.disposal, 4)] += qty


def naloxone_doses(s: Session, today: date) -> tuple[int, int, int]:
    """(usable doses incl. those in kits, expired doses still held, usable kits), agency-wide."""
    dpu = dict(
        s.execute(
            select(Product.id, Product.doses_per_unit).where(Product.kind.in_(DOSE_KINDS))
        ).all()
    )
    usable = expired = kits = 0
    for r in list_on_hand(s, today):
        doses = r.quantity * dpu.get(r.product_id, 0)
        if r.expired:
            expired += doses
        elif not r.quarantined:
            usable += doses
            kits += r.quantity if r.product_kind == "kit" else 0
    return usable, expired, kits


def received_by_source(s: Session, period: Period) -> dict[str, int]:
    """Units received in the period, by the source recorded on each lot."""
    start, end = day_range(period)
    supplier = aliased(Location)
    stmt = (
        select(Source.name, func.sum(StockMove.quantity))
        .join(Operation, Operation.id == StockMove.operation_id)
        .join(Lot, Lot.id == StockMove.lot_id)
        .outerjoin(Source, Source.id == Lot.source_id)
        .join(supplier, supplier.id == StockMove.from_location_id)
        .where(
            supplier.kind == LocationKind.SUPPLIER,
            Operation.reason == Reason.RECEIVE,
            Operation.at >= start,
            Operation.at < end,
            effective_operations(),
        )
        .group_by(Source.name)
    )
    return {name or "(no source recorded)": int(q or 0) for name, q in s.execute(stmt)}
