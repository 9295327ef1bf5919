"""Read side of the ledger: on-hand by lot and location, totals, FEFO picks, history.

Functions take an open session so services and reports can compose them in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session, aliased

from models.common.dates import days_left
from models.common.errors import InsufficientStock, ValidationError
from models.stock.as_of import describe_holdings, held_on, lots_held_on
from models.stock.catalog_service import product_rows
from models.stock.entities import (
    VIRTUAL_KINDS,
    Balance,
    Location,
    LocationKind,
    Lot,
    Operation,
    ParLevel,
    Product,
    Reason,
    StockMove,
)
from models.stock.fefo import ISSUE, FefoPolicy, HeldLot, cover, held_lots
from models.stock.location_tree import LocationTree
from models.stock.rows import (
    LocationTotalRow,
    MoveRow,
    OnHandRow,
    PickLine,
    ProductTotalRow,
)
from models.stock.summary import totals_by_location, totals_by_product

DEFAULT_WARNING_DAYS = 90


def list_on_hand(
    s: Session,
    today: date,
    *,
    location_id: int | None = None,
    product_id: int | None = None,
    expiring_within: int | None = None,
    text: str | None = None,
    tree: LocationTree | None = None,
) -> list[OnHandRow]:
    """Stock in physical locations (sub-locations included), earliest expiry first."""
    tree = tree or LocationTree.load(s)
    stmt = on_hand_select()
    if location_id is not None:
        stmt = stmt.where(Balance.location_id.in_(tree.subtree(location_id)))
    if product_id is not None:
        stmt = stmt.where(Lot.product_id == product_id)
    if expiring_within is not None:
        stmt = stmt.where(Lot.expiry <= today + timedelta(days=expiring_within))
    rows = on_hand_rows(s.execute(stmt).all(), tree, today)
    needle = (text or "").strip().lower()
    return [r for r in rows if needle in _haystack(r)] if needle else rows


OnHandRecord = Row[int, int, int, int, str, date | None, str, str]


def on_hand_select() -> Select[int, int, int, int, str, date | None, str, str]:
    """Every positive balance in a physical place, with its lot and product (one statement)."""
    return (
        select(
            Balance.lot_id,
            Balance.location_id,
            Balance.quantity,
            Lot.product_id,
            Lot.lot_number,
            Lot.expiry,
            Product.name,
            Product.kind,
        )
        .join(Lot, Lot.id == Balance.lot_id)
        .join(Product, Product.id == Lot.product_id)
        .join(Location, Location.id == Balance.location_id)
        .where(Balance.quantity > 0, Location.kind.not_in([k.value for k in VIRTUAL_KINDS]))
    )


def on_hand_rows(
    records: Sequence[OnHandRecord], tree: LocationTree, today: date
) -> list[OnHandRow]:
    """Records of `on_hand_select` as rows, earliest expiry first (then product, place)."""
    rows: list[OnHandRow] = []
    for r in records:
        place = tree.rows[r.location_id]
        rows.append(
            OnHandRow(
                lot_id=r.lot_id,
                product_id=r.product_id,
                product_name=r.name,
                product_kind=r.kind,
                lot_number=r.lot_number,
                expiry=r.expiry,
                location_id=r.location_id,
                location_name=place.name,
                location_path=place.path,
                quantity=r.quantity,
                days_left=days_left(r.expiry, today),
                quarantined=place.kind == LocationKind.QUARANTINE,
            )
        )
    rows.sort(key=lambda x: (x.expiry or date.max, x.product_name, x.location_path))
    return rows


def _haystack(row: OnHandRow) -> str:
    return f"{row.product_name} {row.lot_number} {row.location_path}".lower()


def product_totals(
    s: Session, today: date, warning_days: int = DEFAULT_WARNING_DAYS
) -> list[ProductTotalRow]:
    """Per product: usable, expiring within `warning_days`, expired, quarantined."""
    products = product_rows(s)
    return totals_by_product(list_on_hand(s, today), products, warning_days)


def location_totals(
    s: Session, today: date, product_id: int | None = None
) -> list[LocationTotalRow]:
    """Per physical location, what it and its sub-locations hold; rows in tree order."""
    tree = LocationTree.load(s)
    rows = list_on_hand(s, today, product_id=product_id, tree=tree)
    return totals_by_location(rows, tree.physical())


def suggest_destination(
    s: Session, today: date, product_id: int | None, source_id: int | None, within: int | None
) -> int | None:
    """Where a transfer of this product most likely goes, never the source itself.

    The first vehicle below par for the product (then any other place below par), else the
    first place that holds stock (a room, cabinet, vehicle or bag, not a station or quarantine)
    other than the source. `within` keeps the choice inside one station (e.g. a busier one).
    """
    tree = LocationTree.load(s)
    places = [
        p
        for p in totals_by_location(
            list_on_hand(s, today, product_id=product_id, tree=tree), tree.physical()
        )
        if p.active
        and p.location_id != source_id
        and (within is None or p.location_id in tree.subtree(within))
    ]
    pars: dict[int, int] = {}
    if product_id is not None:
        rows = s.execute(
            select(ParLevel.location_id, ParLevel.quantity).where(ParLevel.product_id == product_id)
        )
        pars = {location_id: quantity for location_id, quantity in rows}
    short = [p for p in places if p.usable < pars.get(p.location_id, 0)]
    short.sort(key=lambda p: p.kind != LocationKind.VEHICLE)  # stable: tree order within kinds
    if short:
        return short[0].location_id
    holders = [p for p in places if p.kind not in (LocationKind.STATION, LocationKind.QUARANTINE)]
    choices = holders or places
    return choices[0].location_id if choices else None


def fefo_pick(
    s: Session,
    today: date,
    product_id: int,
    location_id: int,
    quantity: int,
    policy: FefoPolicy = ISSUE,
    on: date | None = None,
) -> list[PickLine]:
    """Usable lots at exactly this location, first expiry first out, covering `quantity`.

    With `on` (a past day), only what the place held on that day counts.
    """
    back_dated = on is not None and on < today
    day = on if on is not None and back_dated else today
    lots = held_lots(s, day, location_id, policy, product_ids=[product_id])
    if back_dated:
        lots = _as_held_on(s, lots, location_id, day, quantity)
    takes, missing = cover(lots, quantity)
    if missing:
        product = s.get(Product, product_id)
        place = s.get(Location, location_id)
        if back_dated:
            there = describe_holdings(lots_held_on(s, product_id, location_id, day))
            raise InsufficientStock(
                f"On {day:%Y-%m-%d} {place.name if place else 'that place'} held "
                f"{quantity - missing} usable {product.name if product else 'units'}; "
                f"{quantity} needed. What was there that day: {there}. Stock received, "
                "assembled or moved there later cannot be used on an earlier date."
            )
        raise InsufficientStock(
            f"{place.name if place else 'That location'} has {quantity - missing} usable "
            f"{product.name if product else 'units'}; {quantity} needed."
        )
    return [
        PickLine(lot.lot_id, lot.lot_number, lot.expiry, take, lot.quantity) for lot, take in takes
    ]


def _as_held_on(
    s: Session, lots: list[HeldLot], location_id: int, day: date, wanted: int
) -> list[HeldLot]:
    """The lots, in order, with only what the place held at the end of `day`; read one lot at
    a time (an indexed lookup each) until `wanted` is covered."""
    out = []
    for lot in lots:
        if wanted <= 0:
            break
        held = min(lot.quantity, held_on(s, lot.lot_id, location_id, day))
        if held > 0:
            out.append(replace(lot, quantity=held))
            wanted -= held
    return out


def list_expiring(s: Session, today: date, within_days: int) -> list[OnHandRow]:
    if within_days < 0:
        raise ValidationError("The number of days must not be negative.")
    return [r for r in list_on_hand(s, today, expiring_within=within_days) if not r.quarantined]


def list_moves(
    s: Session,
    *,
    lot_id: int | None = None,
    location_id: int | None = None,
    limit: int = 5000,
) -> list[MoveRow]:
    """Movement history, newest first, for a lot and/or a location (who, when, what, why)."""
    src = aliased(Location)
    dst = aliased(Location)
    reversal = aliased(Operation)
    stmt = (
        select(
            StockMove.id,
            StockMove.quantity,
            Operation.id.label("op_id"),
            Operation.at,
            Operation.user,
            Operation.reason,
            Operation.note,
            Operation.reverses_id,
            reversal.id.label("reversed_by"),
            Lot.id.label("lot_id"),
            Lot.lot_number,
            Product.name.label("product_name"),
            src.name.label("from_name"),
            dst.name.label("to_name"),
        )
        .join(Operation, Operation.id == StockMove.operation_id)
        .join(Lot, Lot.id == StockMove.lot_id)
        .join(Product, Product.id == Lot.product_id)
        .join(src, src.id == StockMove.from_location_id)
        .join(dst, dst.id == StockMove.to_location_id)
        .outerjoin(reversal, reversal.reverses_id == Operation.id)
        .order_by(Operation.at.desc(), StockMove.id.desc())
        .limit(limit)
    )
    if lot_id is not None:
        stmt = stmt.where(StockMove.lot_id == lot_id)
    if location_id is not None:
        stmt = stmt.where(
            (StockMove.from_location_id == location_id) | (StockMove.to_location_id == location_id)
        )
    return [
        MoveRow(
            r.op_id,
            r.id,
            r.at,
            r.user,
            r.reason,
            r.note,
            r.lot_id,
            r.lot_number,
            r.product_name,
            r.from_name,
            r.to_name,
            r.quantity,
            r.reverses_id,
            r.reversed_by,
        )
        for r in s.execute(stmt)
    ]


def largest_receipts(s: Session, product_ids: Sequence[int]) -> dict[int, int]:
    """Largest received quantity of one lot line, per product that was ever received."""
    if not product_ids:
        return {}
    largest = (
        select(Lot.product_id, func.max(StockMove.quantity))
        .join(StockMove, StockMove.lot_id == Lot.id)
        .join(Operation, Operation.id == StockMove.operation_id)
        .where(Operation.reason == Reason.RECEIVE, Lot.product_id.in_(list(product_ids)))
        .group_by(Lot.product_id)
    )
    return {product_id: int(quantity) for product_id, quantity in s.execute(largest)}
