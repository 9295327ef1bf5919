"""Stock positions for the alert rules: every positive balance in a real place, with the
expiry that governs it (kits inherit their earliest component's; dwell limits may cut it short).

Two set-based queries, whatever the size of the ledger: balances, then kit components.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.alert_rules import AlertRules
from models.entities import VIRTUAL_KINDS, Balance, Location, LocationKind, Lot, Product
from models.kit_entities import KitBatch, KitBatchComponent
from models.location_tree import LocationTree


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

    @property
    def quarantined(self) -> bool:
        return self.location_kind == LocationKind.QUARANTINE

    @property
    def is_kit(self) -> bool:
        return self.product_kind == "kit"

    def usable_on(self, today: date) -> bool:
        effective = self.effective_expiry
        return not self.quarantined and (effective is None or effective >= today)

    def days_left(self, today: date) -> int | None:
        effective = self.effective_expiry
        return None if effective is None else (effective - today).days


def load_positions(s: Session, rules: AlertRules, tree: LocationTree) -> list[Position]:
    """Positive balances in physical places, earliest governing expiry first."""
    virtual = [k.value for k in VIRTUAL_KINDS]
    records = s.execute(
        select(
            Balance.lot_id,
            Balance.location_id,
            Balance.quantity,
            Balance.since,
            Lot.product_id,
            Lot.lot_number,
            Lot.expiry,
            Product.name,
            Product.kind,
            Product.interchange_group,
            Product.doses_per_unit,
            Product.unit_of_issue,
            Location.kind.label("location_kind"),
        )
        .join(Lot, Lot.id == Balance.lot_id)
        .join(Product, Product.id == Lot.product_id)
        .join(Location, Location.id == Balance.location_id)
        .where(Balance.quantity > 0, Location.kind.not_in(virtual))
    ).all()
    kit_lots = [r.lot_id for r in records if r.kind == "kit"]
    inherited = component_expiries(s, kit_lots)
    places = {i: (row.path, tree.station_of(i)) for i, row in tree.rows.items()}
    positions: list[Position] = []
    for r in records:
        path, station = places[r.location_id]
        expiry = _earliest(r.expiry, inherited.get(r.lot_id))
        limit = rules.dwell_for(r.location_kind)
        dwell = r.since.date() + timedelta(days=limit) if limit and r.since else None
        if dwell is not None and expiry is not None and dwell >= expiry:
            dwell = None
        positions.append(
            Position(
                r.lot_id,
                r.location_id,
                r.quantity,
                r.product_id,
                r.name,
                r.kind,
                r.interchange_group,
                r.doses_per_unit or 0,
                r.unit_of_issue,
                r.lot_number,
                expiry,
                r.since,
                r.location_kind,
                path,
                station,
                dwell,
                dwell or expiry,
            )
        )
    positions.sort(key=lambda p: (p.effective_expiry or date.max, p.lot_id, p.location_path))
    return positions


def component_expiries(s: Session, kit_lot_ids: list[int]) -> dict[int, date]:
    """Earliest expiry among the component lots of each kit lot (kits inherit it)."""
    found: dict[int, date] = {}
    unique = sorted(set(kit_lot_ids))
    for start in range(0, len(unique), 500):  # stay under every database's parameter limit
        chunk = unique[start : start + 500]
        rows = s.execute(
            select(KitBatch.lot_id, func.min(Lot.expiry))
            .join(KitBatchComponent, KitBatchComponent.batch_id == KitBatch.id)
            .join(Lot, Lot.id == KitBatchComponent.lot_id)
            .where(KitBatch.lot_id.in_(chunk), Lot.expiry.is_not(None))
            .group_by(KitBatch.lot_id)
        ).all()
        found.update({lot_id: expiry for lot_id, expiry in rows if expiry is not None})
    return found


def _earliest(a: date | None, b: date | None) -> date | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)
