"""Stock positions for the alert rules: every positive balance in a real place, with the
expiry that governs it (kits inherit their earliest component's; dwell limits may cut it short).

One set-based select, whatever the size of the ledger: balances with their products, each kit
lot with its earliest component expiry (read together with the par levels, see `books`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ScalarSelect, case, func, literal, select
from sqlalchemy.orm import aliased

from models.alerts.rules import AlertRules
from models.kits.entities import KitBatch, KitBatchComponent
from models.stock.entities import (
    VIRTUAL_KINDS,
    Balance,
    Location,
    LocationKind,
    Lot,
    Product,
    ProductKind,
)
from models.stock.location_tree import LocationTree

PRODUCT_COLUMNS = (
    Product.name,
    Product.kind,
    Product.interchange_group,
    Product.doses_per_unit,
    Product.unit_of_issue,
)


@dataclass(frozen=True, slots=True)
class Position:
    lot_id: int
    location_id: int
    quantity: int
    product_id: int
    product_name: str
    product_kind: str
    group: str | None  # interchange group: products that stand in for one another
    doses_per_unit: int
    unit: str
    lot_number: str
    expiry: date | None  # printed, or a kit's earliest component: the date that governs
    since: datetime | None
    location_kind: str
    location_path: str
    station_id: int | None
    dwell_expiry: date | None  # placed here + the dwell limit, when earlier than `expiry`
    effective_expiry: date | None  # the earlier of the two: the last day it counts as usable
    quarantined: bool  # kept, not asked each time: every rule asks it of every position
    is_kit: bool

    def usable_on(self, today: date) -> bool:
        effective = self.effective_expiry
        return not self.quarantined and (effective is None or effective >= today)

    def days_left(self, today: date) -> int | None:
        effective = self.effective_expiry
        return None if effective is None else (effective - today).days


def stock_lines() -> Any:
    """Positive balances in physical places, as lines of the books: ("stock", lot, place,
    quantity, since, product, lot number, printed expiry, kit expiry, place kind, then the
    product's name, kind, group, doses per unit and unit). `readiness.par_lines` matches it."""
    virtual = [k.value for k in VIRTUAL_KINDS]
    kit_expiry = case((Product.kind == ProductKind.KIT, _earliest_component()), else_=None)
    return (
        select(
            literal("stock").label("line"),
            Balance.lot_id,
            Balance.location_id,
            Balance.quantity,
            Balance.since,
            Lot.product_id,
            Lot.lot_number,
            Lot.expiry,
            kit_expiry.label("kit_expiry"),
            Location.kind,
            *PRODUCT_COLUMNS,
        )
        .join(Lot, Lot.id == Balance.lot_id)
        .join(Product, Product.id == Lot.product_id)
        .join(Location, Location.id == Balance.location_id)
        .where(Balance.quantity > 0, Location.kind.not_in(virtual))
    )


def positions_of(records: Sequence[Any], rules: AlertRules, tree: LocationTree) -> list[Position]:
    """Positions from `stock_lines` records, earliest governing expiry first."""
    places = {i: (row.path, tree.station_of(i)) for i, row in tree.rows.items()}
    dwell_days = {kind: rules.dwell_for(kind) for kind in {r[9] for r in records}}
    positions = [_position(r, places, dwell_days) for r in records]
    positions.sort(key=lambda p: (p.effective_expiry or date.max, p.lot_id, p.location_path))
    return positions


def _position(
    record: Any,
    places: dict[int, tuple[str, int | None]],
    dwell_days: dict[str, int | None],
) -> Position:
    lot_id, location_id, quantity, since, product_id, number, printed, inherited, kind = record[
        1:10
    ]
    name, product_kind, group, doses, unit = record[10:]
    path, station = places[location_id]
    expiry = _earliest(printed, inherited)
    limit = dwell_days[kind]
    dwell = since.date() + timedelta(days=limit) if limit and since else None
    if dwell is not None and expiry is not None and dwell >= expiry:
        dwell = None
    return Position(
        lot_id,
        location_id,
        quantity,
        product_id,
        name,
        product_kind,
        group,
        doses or 0,
        unit,
        number,
        expiry,
        since,
        kind,
        path,
        station,
        dwell,
        dwell or expiry,
        kind == LocationKind.QUARANTINE,
        product_kind == ProductKind.KIT,
    )


def _earliest_component() -> ScalarSelect[date | None]:
    """Earliest expiry among the component lots of the balance's kit lot (kits inherit it).

    Looked up per kit balance by index: faster than grouping every kit batch ever assembled."""
    part = aliased(Lot)
    return (
        select(func.min(part.expiry))
        .select_from(KitBatch)
        .join(KitBatchComponent, KitBatchComponent.batch_id == KitBatch.id)
        .join(part, part.id == KitBatchComponent.lot_id)
        .where(KitBatch.lot_id == Balance.lot_id)
        .scalar_subquery()
    )


def _earliest(a: date | None, b: date | None) -> date | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)
