"""Frozen rows of a place count (stocktake) handed to screens, reports and the count sheet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class CountLineRow:
    """One lot at one place: what the books say, what was counted, why they differ."""

    lot_id: int
    location_id: int
    product_id: int
    product_name: str
    lot_number: str
    expiry: date | None
    place: str  # path of the place inside the counted one
    expected: int
    counted: int | None
    reason: str | None
    units_per_package: int
    unit: str

    @property
    def variance(self) -> int | None:
        return None if self.counted is None else self.counted - self.expected


@dataclass(frozen=True)
class CountEntry:
    """What the counter typed or scanned for one lot at one place (None: not counted yet)."""

    lot_id: int
    location_id: int
    counted: int | None
    reason: str | None = None


@dataclass(frozen=True)
class CountSheet:
    """A count of a whole place with its lines, open (a draft) or posted."""

    id: int
    location_id: int
    place: str
    status: str
    blind: bool
    started_at: datetime
    started_by: str
    lines: tuple[CountLineRow, ...]
    operation_id: int | None = None
