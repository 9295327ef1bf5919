"""Which kit lots a leave-behind takes (first expiry first out), and from which place and kit.

The usual case (today, a place with enough usable kits) costs one query that checks the place
and the kit product as it reads the lots; anything else takes the long way through the checks
that say exactly what is wrong (no such place, not a kit, not enough kits, a past day).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, func, literal, select
from sqlalchemy.orm import Session

from models.common.errors import NotFound, ValidationError
from models.kits.entities import KitRecipe
from models.stock.entities import (
    VIRTUAL_KINDS,
    Balance,
    Location,
    LocationKind,
    Product,
    ProductKind,
)
from models.stock.fefo import ISSUE, HeldLot, cover, held_lot, held_lots_select, in_fefo_order
from models.stock.ledger import get_location
from models.stock.queries import fefo_pick
from models.stock.rows import PickLine

STANDARD_KIT = "Standard LBN kit"
NOT_ISSUE_POINTS = [k.value for k in (*VIRTUAL_KINDS, LocationKind.QUARANTINE)]


def pick_kits(
    s: Session, today: date, day: date, location_id: int, product_id: int | None, kits: int
) -> list[PickLine]:
    """The lots covering `kits` on `day`, or a refusal saying why they cannot be taken."""
    if day == today:
        lots = in_fefo_order(_held_at_issue_point(s, location_id, product_id), today, ISSUE)
        takes, missing = cover(lots, kits)
        if takes and not missing:
            return [PickLine(h.lot_id, h.lot_number, h.expiry, n, h.quantity) for h, n in takes]
    issue_point(s, location_id)
    return fefo_pick(s, today, kit_product(s, product_id), location_id, kits, on=day)


def _held_at_issue_point(s: Session, location_id: int, product_id: int | None) -> list[HeldLot]:
    """Lots of the kit held at the place, read only if the place hands kits out."""
    stmt = (
        held_lots_select(location_id)
        .join(Location, Location.id == Balance.location_id)
        .where(Product.kind == ProductKind.KIT, Product.id == _kit_product_expression(product_id))
        .where(Location.active.is_(True), Location.kind.not_in(NOT_ISSUE_POINTS))
    )
    return [held_lot(r) for r in s.execute(stmt)]


def _kit_product_expression(product_id: int | None) -> ColumnElement[int]:
    """The chosen kit, or the standard kit as `default_kit_product` finds it, inside a query."""
    if product_id is not None:
        return literal(product_id)
    recipe = select(KitRecipe.kit_product_id).where(KitRecipe.name == STANDARD_KIT).limit(1)
    first = select(func.min(Product.id)).where(Product.kind == ProductKind.KIT, Product.active)
    return func.coalesce(recipe.scalar_subquery(), first.scalar_subquery())


def issue_point(s: Session, location_id: int) -> Location:
    """A real, active place stock can be handed out from (not quarantine, not virtual)."""
    place = get_location(s, location_id)
    if place.is_virtual or place.kind == LocationKind.QUARANTINE:
        raise ValidationError(f"{place.name} is not a place kits are handed out from.")
    if not place.active:
        raise ValidationError(f"{place.name} is inactive.")
    return place


def default_kit_product(s: Session) -> int:
    """The standard kit: the product of the 'Standard LBN kit' recipe, else the first kit."""
    standard = s.scalar(select(KitRecipe.kit_product_id).where(KitRecipe.name == STANDARD_KIT))
    if standard is not None:
        return standard
    first = s.scalar(
        select(Product.id)
        .where(Product.kind == ProductKind.KIT, Product.active)
        .order_by(Product.id)
    )
    if first is None:
        raise NotFound("The catalog has no kit product; add one in Settings → Catalog.")
    return first


def kit_product(s: Session, product_id: int | None) -> int:
    if product_id is None:
        return default_kit_product(s)
    product = s.get(Product, product_id)
    if product is None or product.kind != ProductKind.KIT:
        raise ValidationError("Choose a kit product.")
    return product.id
