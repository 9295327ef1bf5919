"""First expiry, first out: the lots held at one place in the order they should be used.

The one place this rule lives. Kit assembly, distributions, administrations and the transfer
dialog's default lot all ask `held_lots` with an explicit policy for expired and quarantined
stock, then take what they need with `cover`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session

from models.stock.entities import Balance, Location, LocationKind, Lot, Product, ProductKind
from models.stock.ledger import is_expired


class ExpiredLots(Enum):
    SKIP = "skip"  # never offered (kits, transfers: expired stock is not issued)
    LAST = "last"  # offered after every usable lot (a dose given on scene happened anyway)
    IN_ORDER = "in order"  # offered where its date puts it (the caller decides per lot)


@dataclass(frozen=True)
class FefoPolicy:
    expired: ExpiredLots = ExpiredLots.SKIP
    quarantined: bool = False  # whether a quarantine place offers its stock at all


ISSUE = FefoPolicy()
KIT_LINE = FefoPolicy(expired=ExpiredLots.IN_ORDER)  # a kit line counts expired units it skips
MOVE = FefoPolicy(quarantined=True)  # a transfer's default lot: quarantined stock may move on
ON_SCENE = FefoPolicy(expired=ExpiredLots.LAST)
EVERYTHING = FefoPolicy(expired=ExpiredLots.IN_ORDER, quarantined=True)


@dataclass(frozen=True)
class HeldLot:
    lot_id: int
    lot_number: str
    expiry: date | None
    quantity: int
    product_id: int
    product_name: str
    product_expires: bool
    doses_per_unit: int


def held_lots(
    s: Session,
    today: date,
    location_id: int,
    policy: FefoPolicy = ISSUE,
    *,
    product_ids: Collection[int] | None = None,
    product_kind: ProductKind | None = None,
) -> list[HeldLot]:
    """Lots with stock at exactly this place, earliest expiry first (no expiry last)."""
    if not policy.quarantined:
        place = s.get(Location, location_id)
        if place is not None and place.kind == LocationKind.QUARANTINE:
            return []
    stmt = held_lots_select(location_id)
    if product_ids is not None:
        stmt = stmt.where(Product.id.in_(list(product_ids)))
    if product_kind is not None:
        stmt = stmt.where(Product.kind == product_kind)
    held = [held_lot(r) for r in s.execute(stmt)]
    return in_fefo_order(held, today, policy)


def held_lots_select(location_id: int) -> Select[*tuple[Any, ...]]:
    """Lots with stock at one place and their product's columns, earliest expiry first;
    callers narrow it (products, kind, the place's own checks)."""
    return (
        select(
            Lot.id,
            Lot.lot_number,
            Lot.expiry,
            Balance.quantity,
            Product.id.label("product_id"),
            Product.name,
            Product.expires,
            Product.doses_per_unit,
        )
        .join(Balance, Balance.lot_id == Lot.id)
        .join(Product, Product.id == Lot.product_id)
        .where(Balance.location_id == location_id, Balance.quantity > 0)
        .order_by(Lot.expiry.is_(None), Lot.expiry, Lot.id)
    )


def held_lot(row: Row[Any]) -> HeldLot:
    """One row of `held_lots_select`."""
    return HeldLot(
        row.id,
        row.lot_number,
        row.expiry,
        row.quantity,
        row.product_id,
        row.name,
        bool(row.expires),
        max(row.doses_per_unit or 1, 1),
    )


def in_fefo_order(lots: Sequence[HeldLot], today: date, policy: FefoPolicy) -> list[HeldLot]:
    """Earliest expiry first, no expiry last; expired lots as the policy says."""
    ordered = sorted(lots, key=lambda lot: (lot.expiry is None, lot.expiry or date.max))
    if policy.expired is ExpiredLots.SKIP:
        return [lot for lot in ordered if not is_expired(lot.expiry, today)]
    if policy.expired is ExpiredLots.LAST:
        return sorted(ordered, key=lambda lot: is_expired(lot.expiry, today))  # stable sort
    return ordered


def cover(lots: Sequence[HeldLot], quantity: int) -> tuple[list[tuple[HeldLot, int]], int]:
    """Take from the lots in order until `quantity` is covered; (takes, still missing)."""
    takes: list[tuple[HeldLot, int]] = []
    remaining = quantity
    for lot in lots:
        if remaining <= 0:
            break
        take = min(remaining, lot.quantity)
        takes.append((lot, take))
        remaining -= take
    return takes, max(remaining, 0)
