"""Ledger side of distributions and administrations: checks an entry and moves the stock.

Functions take an open session so that one service call (or a whole tally sheet) is one
transaction. A distribution moves kits FEFO to the virtual Distributed location; an
administration moves naloxone doses to Administered, opening kits first when asked to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.common.errors import InsufficientStock, ValidationError
from models.common.pii_screen import screen_free_text
from models.common.wording import noun
from models.distributions import categories as dc
from models.distributions.entities import Administration, Distribution
from models.distributions.kit_picks import issue_point, kit_product, pick_kits
from models.distributions.rows import AdministrationEntry, DistributionEntry
from models.kits.entities import KitBatch
from models.kits.ledger import break_kits
from models.stock.entities import (
    Location,
    LocationKind,
    Lot,
    Operation,
    ProductKind,
    Reason,
)
from models.stock.fefo import EVERYTHING, ON_SCENE, HeldLot, held_lots, in_fefo_order
from models.stock.ledger import (
    open_operation,
    post_move,
    require_positive,
    virtual_location_id,
)
from models.stock.moves_out import post_moves_out
from models.stock.rows import PickLine

EARLIEST = date(2000, 1, 1)
COMMENT_LIMIT = 500


@dataclass(frozen=True)
class Categories:
    """The agency's category lists, loaded once per transaction."""

    settings: list[dc.Category]
    relationships: list[dc.Category]
    time_bands: list[dc.Category]
    outcomes: list[dc.Category]

    @classmethod
    def load(cls, s: Session) -> Categories:
        return cls(
            dc.load_categories(s, dc.CategoryKind.SETTING),
            dc.load_categories(s, dc.CategoryKind.RELATIONSHIP),
            dc.load_categories(s, dc.CategoryKind.TIME_BAND),
            dc.load_categories(s, dc.CategoryKind.OUTCOME),
        )

    def check(self, entry: DistributionEntry) -> None:
        """Refuse an entry naming a category these lists do not offer."""
        band = (entry.time_band or "").strip()
        if band:
            dc.resolve(self.time_bands, band, dc.CategoryKind.TIME_BAND)
        dc.resolve(self.settings, entry.setting, dc.CategoryKind.SETTING)
        dc.resolve(self.relationships, entry.relationship, dc.CategoryKind.RELATIONSHIP)
        dc.resolve_outcomes(self.outcomes, entry.outcomes)


def check_date(day: date, today: date) -> date:
    if not isinstance(day, date):
        raise ValidationError("Enter the date of the encounter.")
    if day > today:
        raise ValidationError(f"{day:%Y-%m-%d} is in the future.")
    if day < EARLIEST:
        raise ValidationError(f"{day:%Y-%m-%d} is too long ago; check the year.")
    return day


def check_comment(text: str | None, personnel: Sequence[str] = ()) -> str | None:
    """A comment identifies no one (the agency's personnel may be named)."""
    cleaned = screen_free_text(text, "The comment", personnel)
    if cleaned is not None and len(cleaned) > COMMENT_LIMIT:
        raise ValidationError(f"Keep the comment under {COMMENT_LIMIT} characters.")
    return cleaned


def check_entry_key(key: str | None) -> str | None:
    """A station's key for an entry: up to 32 letters, digits, '-' or '_' (a UUID's hex)."""
    if key is None:
        return None
    if not re.fullmatch(r"[0-9A-Za-z_-]{1,32}", key):
        raise ValidationError("The entry's key is not one this app makes; nothing was saved.")
    return key


def distribution_fields(
    entry: DistributionEntry, today: date, cats: Categories, personnel: Sequence[str] = ()
) -> dict[str, Any]:
    """Every field of an entry checked, as a record's columns (no database read); the place is
    checked apart (`issue_point`), once per place for a batch."""
    require_positive(entry.kits, "Number of kits")
    band = (entry.time_band or "").strip()
    return {
        "occurred_on": check_date(entry.occurred_on, today),
        "time_band": dc.resolve(cats.time_bands, band, dc.CategoryKind.TIME_BAND) if band else None,
        "kits": entry.kits,
        "location_id": entry.location_id,
        "zip_code": dc.check_zip(entry.zip_code),
        "setting": dc.resolve(cats.settings, entry.setting, dc.CategoryKind.SETTING),
        "relationship": dc.resolve(
            cats.relationships, entry.relationship, dc.CategoryKind.RELATIONSHIP
        ),
        "naloxone_administered": bool(entry.naloxone_administered),
        "services_offered": bool(entry.services_offered),
        "comment": check_comment(entry.comment, personnel),
        "outcomes": dc.resolve_outcomes(cats.outcomes, entry.outcomes),
        "entry_key": check_entry_key(entry.entry_key),
    }


class Recorded(NamedTuple):
    record: Distribution
    picks: list[PickLine]  # the kit lots handed out, first expiry first


def record_distribution(
    s: Session,
    entry: DistributionEntry,
    user: str,
    now: datetime,
    cats: Categories,
    personnel: Sequence[str] = (),
    distributed_id: int | None = None,
) -> Recorded:
    """Check the entry, move its kits (FEFO) to Distributed and add the record, in few statements:
    the lots (checking place and kit), the operation, the balances, the moves with the record."""
    record = Distribution(**distribution_fields(entry, now.date(), cats, personnel))
    day = record.occurred_on
    picks = pick_kits(s, now.date(), day, entry.location_id, entry.kit_product_id, entry.kits)
    op = open_operation(
        s, Reason.DISTRIBUTE, user, now, "Leave-behind distribution", effective_on=day
    )
    distributed = distributed_id or virtual_location_id(s, LocationKind.DISTRIBUTED)
    lots = {pick.lot_id: pick.quantity for pick in picks}
    post_moves_out(s, op, entry.location_id, distributed, lots)
    record.operation_id = op.id
    record.recorded_at, record.recorded_by = now, user or "unknown"
    s.add(record)
    s.flush()
    return Recorded(record, picks)


def record_administration(
    s: Session,
    entry: AdministrationEntry,
    user: str,
    now: datetime,
    personnel: Sequence[str] = (),
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
        zip_code=_zip_or_none(entry.zip_code),
        comment=check_comment(entry.comment, personnel),
        entry_key=check_entry_key(entry.entry_key),
    )
    op = open_operation(
        s, Reason.ADMINISTER, user, now, "Administered on scene", effective_on=record.occurred_on
    )
    today = now.date()
    if entry.from_kit:
        released = _open_kits_for(s, op, place, kit_product(s, entry.product_id), entry.doses)
        candidates = in_fefo_order(released, today, ON_SCENE)
    else:
        product_ids = None if entry.product_id is None else [entry.product_id]
        candidates = held_lots(
            s, today, place.id, ON_SCENE, product_ids=product_ids, product_kind=ProductKind.NALOXONE
        )
    administered = virtual_location_id(s, LocationKind.ADMINISTERED)
    for lot_id, units in _naloxone_pick(place, candidates, entry.doses):
        post_move(s, op, lot_id, place.id, administered, units)
    record.operation_id = op.id
    record.recorded_at, record.recorded_by = now, user or "unknown"
    s.add(record)
    s.flush()
    return record


def _naloxone_pick(place: Location, lots: list[HeldLot], doses: int) -> list[tuple[int, int]]:
    """(lot, units) covering the doses in the order given (FEFO, expired stock last rather than
    refused, because a dose used on scene happened and the books must show it)."""
    picks: list[tuple[int, int]] = []
    remaining = doses
    for r in lots:
        if remaining <= 0:
            break
        units = min(r.quantity, -(-remaining // r.doses_per_unit))
        picks.append((r.lot_id, units))
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
) -> list[HeldLot]:
    """Open kits at the place (earliest expiry first) until their naloxone covers the doses.

    The opened kits stop being kits: their other components stay at the place as loose stock.
    Returns the naloxone released, which the doses are then taken from.
    """
    assembled = set(s.scalars(select(KitBatch.lot_id)))
    held = held_lots(
        s,
        op.at.date(),
        place.id,
        EVERYTHING,
        product_ids=[kit_product_id],
        product_kind=ProductKind.KIT,
    )
    kits = [r for r in held if r.lot_id in assembled]
    if held and not kits:
        raise InsufficientStock(
            f"The kits on {place.name} were received ready-made, so the books do not know what "
            "is inside them; record the doses as loose doses instead."
        )
    released: list[HeldLot] = []
    covered = 0
    for kit in kits:
        for _ in range(kit.quantity):
            if covered >= doses:
                return released
            for lot_id, quantity in break_kits(s, op, kit.lot_id, place.id, 1):
                lot = s.get(Lot, lot_id)
                if lot is not None and lot.product.kind == ProductKind.NALOXONE:
                    per_unit = max(lot.product.doses_per_unit or 1, 1)
                    released.append(
                        HeldLot(
                            lot_id,
                            lot.lot_number,
                            lot.expiry,
                            quantity,
                            lot.product_id,
                            lot.product.name,
                            lot.product.expires,
                            per_unit,
                        )
                    )
                    covered += quantity * per_unit
    if covered < doses:
        raise InsufficientStock(
            f"{place.name} holds no assembled kit to open"
            + (f" beyond the naloxone for {covered} {noun(covered, 'dose')}" if covered else "")
            + "; record the doses as loose doses instead."
        )
    return released


def _zip_or_none(raw: str | None) -> str | None:
    """An administration's ZIP is optional; a given one must be a valid ZIP."""
    return dc.check_zip(raw) if raw and raw.strip() else None
