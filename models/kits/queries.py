"""Read side of kits inside an open session: batches, kit stock by location, readiness bands.

A kit needs re-kitting when it has expired or one of its components is out of date (an
expired part, or a resource card whose 'information valid until' date has passed).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.common.dates import days_left
from models.kits.entities import KitBatch, KitBatchComponent
from models.kits.rows import BatchComponentRow, KitBatchRow, KitReadyRow, KitStockRow
from models.stock.entities import Balance, LocationKind, Lot, ParLevel, Product, ProductKind
from models.stock.ledger import is_expired
from models.stock.location_tree import LocationTree


def batch_rows(s: Session, batches: Sequence[KitBatch], today: date) -> list[KitBatchRow]:
    """`batch_row` for several batches; their component lots are read in one statement."""
    parts = {c.lot_id for batch in batches for c in batch.components}
    s.scalars(select(Lot).where(Lot.id.in_(parts))).all()  # kept by the session for batch_row
    return [batch_row(s, batch, today) for batch in batches]


def batch_row(s: Session, batch: KitBatch, today: date) -> KitBatchRow:
    lot = s.get(Lot, batch.lot_id)
    assert lot is not None
    components = []
    for component in batch.components:
        part = s.get(Lot, component.lot_id)
        product = s.get(Product, part.product_id) if part else None
        components.append(
            BatchComponentRow(
                component.lot_id,
                product.name if product else "?",
                part.lot_number if part else "?",
                part.expiry if part else None,
                component.quantity_per_kit,
                part is not None and is_expired(part.expiry, today),
            )
        )
    return KitBatchRow(
        lot.id,
        lot.lot_number,
        batch.recipe_id,
        batch.recipe_name,
        lot.expiry,
        batch.quantity,
        batch.assembled_at.date(),
        batch.operation_id,
        tuple(components),
    )


def rekit_reasons(s: Session, today: date) -> dict[int, str]:
    """Kit lot id -> why its kits need re-kitting, for kits with an out-of-date component."""
    reasons: dict[int, list[str]] = defaultdict(list)
    stale = s.execute(
        select(KitBatch.lot_id, Product.name, Product.expires, Product.kind)
        .join(KitBatchComponent, KitBatchComponent.batch_id == KitBatch.id)
        .join(Lot, Lot.id == KitBatchComponent.lot_id)
        .join(Product, Product.id == Lot.product_id)
        .where(Lot.expiry < today)
    )
    for kit_lot_id, name, expires, kind in stale:
        if expires:
            reasons[kit_lot_id].append(f"{name} expired")
        elif kind == ProductKind.CARD:
            reasons[kit_lot_id].append(f"{name.lower()} out of date")
        else:
            reasons[kit_lot_id].append(f"{name} out of date")
    return {lot_id: "; ".join(dict.fromkeys(texts)) for lot_id, texts in reasons.items()}


def kit_stock(
    s: Session, today: date, location_id: int | None = None, tree: LocationTree | None = None
) -> list[KitStockRow]:
    """Kits by kit lot and physical location, earliest expiry first."""
    tree = tree or LocationTree.load(s)
    stmt = (
        select(Balance, Lot, Product.name, KitBatch.recipe_name)
        .join(Lot, Lot.id == Balance.lot_id)
        .join(Product, Product.id == Lot.product_id)
        .outerjoin(KitBatch, KitBatch.lot_id == Lot.id)
        .where(Product.kind == ProductKind.KIT, Balance.quantity > 0)
    )
    if location_id is not None:
        stmt = stmt.where(Balance.location_id.in_(tree.subtree(location_id)))
    reasons = rekit_reasons(s, today)
    rows: list[KitStockRow] = []
    for balance, lot, kit_name, recipe_name in s.execute(stmt):
        place = tree.rows[balance.location_id]
        if LocationKind(place.kind).is_virtual:
            continue
        reason = reasons.get(lot.id)
        if is_expired(lot.expiry, today):
            reason = "kit expired" + (f" ({reason})" if reason else "")
        rows.append(
            KitStockRow(
                lot.id,
                lot.lot_number,
                lot.product_id,
                kit_name,
                recipe_name or kit_name,
                lot.expiry,
                days_left(lot.expiry, today),
                place.id,
                place.path,
                place.kind,
                balance.quantity,
                place.kind == LocationKind.QUARANTINE,
                reason,
            )
        )
    rows.sort(key=lambda r: (r.expiry or date.max, r.location_path, r.lot_number))
    return rows


def kits_ready(s: Session, today: date, bands: tuple[int, int]) -> list[KitReadyRow]:
    """Per location and kit product: ready kits in expiry bands, against the par level."""
    tree = LocationTree.load(s)
    kit_ids = set(s.scalars(select(Product.id).where(Product.kind == ProductKind.KIT)))
    pars = {
        (p.location_id, p.product_id): p.quantity
        for p in s.scalars(select(ParLevel).where(ParLevel.product_id.in_(kit_ids)))
    }
    names = dict(s.execute(select(Product.id, Product.name).where(Product.id.in_(kit_ids))).all())
    tally: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0] * 6)
    earliest: dict[tuple[int, int], date] = {}
    for row in kit_stock(s, today, tree=tree):
        key = (row.location_id, row.kit_product_id)
        t = tally[key]
        if row.quarantined:
            t[5] += row.quantity
            continue
        if row.days_left is not None and row.days_left < 0:
            t[3] += row.quantity
        else:
            t[0] += row.quantity
            if row.days_left is not None and row.days_left <= bands[0]:
                t[1] += row.quantity
            elif row.days_left is not None and row.days_left <= bands[1]:
                t[2] += row.quantity
            if row.expiry and (key not in earliest or row.expiry < earliest[key]):
                earliest[key] = row.expiry
        if row.rekit_reason:
            t[4] += row.quantity
    out: list[KitReadyRow] = []
    for key in set(tally) | set(pars):
        location_id, product_id = key
        place = tree.rows[location_id]
        t = tally[key]
        out.append(
            KitReadyRow(
                location_id,
                place.path,
                place.kind,
                product_id,
                names.get(product_id, "?"),
                t[0],
                t[1],
                t[2],
                t[3],
                t[4],
                t[5],
                pars.get(key),
                earliest.get(key),
            )
        )
    order = {loc_id: i for i, loc_id in enumerate(tree.walk(None))}
    out.sort(key=lambda r: (order.get(r.location_id, 0), r.kit_name))
    return out
