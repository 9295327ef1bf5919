"""Ledger side of distributions and administrations: checks an entry and moves the stock.

Functions take an open session so that one service call (or a whole tally sheet) is one
transaction. A distribution moves kits FEFO to the virtual Distributed location; an
administration moves naloxone doses to Administered, opening kits first when asked to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.common.errors import InsufficientStock, NotFound, ValidationError
from models.common.pii_screen import screen_free_text
from models.common.wording import noun
from models.distributions import categories as dc
from models.distributions.entities import Administration, Distribution
from models.distributions.rows import AdministrationEntry, DistributionEntry
from models.kits.entities import KitBatch, KitRecipe
from models.kits.ledger import break_kits
from models.stock.entities import (
    Balance,
    Location,
    LocationKind,
    Lot,
    Operation,
    Product,
    ProductKind,
    Reason,
)
from models.stock.ledger import (
    get_location,
    is_expired,
    open_operation,
    post_move,
    require_positive,
    virtual_location_id,
)
from models.stock.queries import fefo_pick

EARLIEST = date(2000, 1, 1)
COMMENT_LIMIT = 500


@dataclass(frozen=True)
class Categories:
    """The agency's category lists, loaded once per transaction."""

    settings: list[dc.Category]
    relationships: list[dc.Category]
    time_bands: list[dc.Category]

    @classmethod
    def load(cls, s: Session) -> Categories:
        return cls(
            dc.load_categories(s, dc.CategoryKind.SETTING),
            dc.load_categories(s, dc.CategoryKind.RELATIONSHIP),
            dc.load_categories(s, dc.CategoryKind.TIME_BAND),
        )


def check_date(day: date, today: date) -> date:
    if not isinstance(day, date):
        raise ValidationError("Enter the date of the encounter.")
    if day > today:
        raise ValidationError(f"{day:%Y-%m-%d} is in the future.")
    if day < EARLIEST:
        raise ValidationError(f"{day:%Y-%m-%d} is too long ago; check the year.")
    return day


def check_comment(text: str | None) -> str | None:
    cleaned = screen_free_text(text, "The comment")
    if cleaned is not None and len(cleaned) > COMMENT_LIMIT:
        raise ValidationError(f"Keep the comment under {COMMENT_LIMIT} characters.")
    return cleaned


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
    standard = s.scalar(
        select(KitRecipe.kit_product_id).where(KitRecipe.name == "Standard LBN kit")
    )
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


def build_distribution(
    s: Session, entry: DistributionEntry, today: date, cats: Categories
) -> Distribution:
    """Check every field of an entry and return an unsaved record (no stock moved yet)."""
    require_positive(entry.kits, "Number of kits")
    issue_point(s, entry.location_id)
    band = (entry.time_band or "").strip()
    return Distribution(
        occurred_on=check_date(entry.occurred_on, today),
        time_band=dc.resolve(cats.time_bands, band, dc.CategoryKind.TIME_BAND) if band else None,
        kits=entry.kits,
        location_id=entry.location_id,
        zip_code=dc.check_zip(entry.zip_code),
        setting=dc.resolve(cats.settings, entry.setting, dc.CategoryKind.SETTING),
        relationship=dc.resolve(
            cats.relationships, entry.relationship, dc.CategoryKind.RELATIONSHIP
        ),
        naloxone_administered=bool(entry.naloxone_administered),
        services_offered=bool(entry.services_offered),
        comment=check_comment(entry.comment),
    )


def record_distribution(
    s: Session, entry: DistributionEntry, user: str, now: datetime, cats: Categories
) -> Distribution:
    record = build_distribution(s, entry, now.date(), cats)
    product_id = kit_product(s, entry.kit_product_id)
    day = record.occurred_on
    picks = fefo_pick(s, now.date(), product_id, entry.location_id, entry.kits, on=day)
    op = open_operation(
        s, Reason.DISTRIBUTE, user, now, "Leave-behind distribution", effective_on=day
    )
    distributed = virtual_location_id(s, LocationKind.DISTRIBUTED)
    for pick in picks:
        post_move(s, op, pick.lot_id, entry.location_id, distributed, pick.quantity)
    record.operation_id = op.id
    record.recorded_at, record.recorded_by = now, user or "unknown"
    s.add(record)
    s.flush()
    return record


def record_administration(
    s: Session, entry: AdministrationEntry, user: str, now: datetime
) -> Administration:
    require_positive(entry.doses, "Number of doses")
    if entry.doses > 20:
        raise ValidationError("More than 20 doses at one encounter? Check the number.")
    place = issue_point(s, entry.location_id)
    record = Administration(
        occurred_on=check_date(entry.occurred_on, now.date()),
        doses=entry.doses,
        location_id=place.id,
        from_kit=bool(entry.from_kit),
        zip_code=dc.check_zip(entry.zip_code) if (entry.zip_code or "").strip() else None,
        comment=check_comment(entry.comment),
    )
    op = open_operation(
        s, Reason.ADMINISTER, user, now, "Administered on scene", effective_on=record.occurred_on
    )
    today = now.date()
    if entry.from_kit:
        candidates = _open_kits_for(s, op, place, kit_product(s, entry.product_id), entry.doses)
    else:
        candidates = _held(s, place.id, ProductKind.NALOXONE, entry.product_id)
    administered = virtual_location_id(s, LocationKind.ADMINISTERED)
    for lot_id, units in _naloxone_pick(place, candidates, entry.doses, today):
        post_move(s, op, lot_id, place.id, administered, units)
    record.operation_id = op.id
    record.recorded_at, record.recorded_by = now, user or "unknown"
    s.add(record)
    s.flush()
    return record


@dataclass(frozen=True)
class _Held:
    id: int
    expiry: date | None
    quantity: int
    doses_per_unit: int


def _held(s: Session, location_id: int, kind: ProductKind, product_id: int | None) -> list[_Held]:
    """Lots of a kind held at exactly one place, by expiry."""
    stmt = (
        select(Lot.id, Lot.expiry, Balance.quantity, Product.doses_per_unit)
        .join(Balance, Balance.lot_id == Lot.id)
        .join(Product, Product.id == Lot.product_id)
        .where(Balance.location_id == location_id, Balance.quantity > 0, Product.kind == kind)
        .order_by(Lot.expiry.is_(None), Lot.expiry, Lot.id)
    )
    if product_id is not None:
        stmt = stmt.where(Product.id == product_id)
    return [
        _Held(r.id, r.expiry, r.quantity, max(r.doses_per_unit or 1, 1)) for r in s.execute(stmt)
    ]


def _naloxone_pick(
    place: Location, lots: list[_Held], doses: int, today: date
) -> list[tuple[int, int]]:
    """(lot, units) covering the doses; FEFO, and expired stock last rather than refused,
    because a dose used on scene happened and the books must show it."""
    ordered = sorted(lots, key=lambda r: (is_expired(r.expiry, today), r.expiry or date.max))
    picks: list[tuple[int, int]] = []
    remaining = doses
    for r in ordered:
        if remaining <= 0:
            break
        units = min(r.quantity, -(-remaining // r.doses_per_unit))
        picks.append((r.id, units))
        remaining -= units * r.doses_per_unit
    if remaining > 0:
        raise InsufficientStock(
            f"{place.name} holds naloxone for {doses - remaining} "
            f"{noun(doses - remaining, 'dose')}; {doses} recorded. "
            "Record the doses against the place they were taken from."
        )
    return picks


def _open_kits_for(
    s: Session, op: Operation, place: Location, kit_product_id: int, doses: int
) -> list[_Held]:
    """Open kits at the place (earliest expiry first) until their naloxone covers the doses.

    The opened kits stop being kits: their other components stay at the place as loose stock.
    Returns the naloxone released, which the doses are then taken from.
    """
    assembled = set(s.scalars(select(KitBatch.lot_id)))
    held = _held(s, place.id, ProductKind.KIT, kit_product_id)
    kits = [r for r in held if r.id in assembled]
    if held and not kits:
        raise InsufficientStock(
            f"The kits on {place.name} were received ready-made, so the books do not know what "
            "is inside them; record the doses as loose doses instead."
        )
    released: list[_Held] = []
    covered = 0
    for kit in kits:
        for _ in range(kit.quantity):
            if covered >= doses:
                return released
            for lot_id, quantity in break_kits(s, op, kit.id, place.id, 1):
                lot = s.get(Lot, lot_id)
                if lot is not None and lot.product.kind == ProductKind.NALOXONE:
                    per_unit = max(lot.product.doses_per_unit or 1, 1)
                    released.append(_Held(lot_id, lot.expiry, quantity, per_unit))
                    covered += quantity * per_unit
    if covered < doses:
        raise InsufficientStock(
            f"{place.name} holds no assembled kit to open"
            + (f" beyond the naloxone for {covered} {noun(covered, 'dose')}" if covered else "")
            + "; record the doses as loose doses instead."
        )
    return released
