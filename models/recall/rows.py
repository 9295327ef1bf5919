"""Rows a recall trace hands to screens and reports: holdings, uses and the quarantine result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class TraceHolding:
    """Where a recalled lot sits: loose, or inside kits of a kit lot."""

    location_id: int
    location_path: str
    units: int  # units of the recalled lot
    kit_lot_number: str | None  # None: loose
    kits: int
    quarantined: bool


@dataclass(frozen=True)
class TraceUse:
    """A distribution or administration that used the lot: dates and ZIPs only."""

    kind: str  # "distribution" or "administration"
    occurred_on: date
    zip_code: str | None
    units: int
    kit_lot_number: str | None


@dataclass(frozen=True)
class RecallTrace:
    lot_id: int
    product_name: str
    lot_number: str
    expiry: date | None
    holdings: tuple[TraceHolding, ...]
    uses: tuple[TraceUse, ...]
    kit_lot_numbers: tuple[str, ...]

    @property
    def units_on_hand(self) -> int:
        return sum(h.units for h in self.holdings)

    @property
    def units_outside_quarantine(self) -> int:
        return sum(h.units for h in self.holdings if not h.quarantined)


@dataclass(frozen=True)
class RecallResult:
    operation_id: int
    loose_units: int
    kits: int
    locations: int


@dataclass(frozen=True)
class LotSearchRow:
    lot_id: int
    product_name: str
    lot_number: str
    expiry: date | None
    is_kit: bool


@dataclass(frozen=True)
class QuarantineAction:
    """What one operation moved to quarantine from one place (loose or in kits): who, when, why."""

    operation_id: int
    at: datetime
    user: str
    note: str
    place: str  # where it was found
    loose_units: int
    kits: int


@dataclass(frozen=True)
class UseByDateAndZip:
    """Uses of the lot summed by day, kind and ZIP: nothing about any person."""

    occurred_on: date
    kind: str
    zip_code: str | None
    units: int


@dataclass(frozen=True)
class RecallRecord:
    """Everything a recall record states, read from the ledger; `as_of` is its last entry."""

    agency: str
    trace: RecallTrace
    quarantines: tuple[QuarantineAction, ...]
    uses: tuple[UseByDateAndZip, ...]
    as_of: datetime
