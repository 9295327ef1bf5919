"""Filters and totals over plain on-hand rows; knows rows, not the database.

The inventory screen loads on-hand rows once and re-filters them here on every keystroke, so
filtering stays a list comprehension even at tens of thousands of rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from models.common.settings import DEFAULT_BANDS
from models.stock.rows import LocationRow, LocationTotalRow, OnHandRow, ProductRow, ProductTotalRow


class ExpiryWindow(StrEnum):
    """Which stock to show by expiry; the band limits come from the `expiry_bands` setting."""

    ANY = "any"
    EXPIRED = "expired"
    WITHIN_FIRST_BAND = "within_first_band"  # not yet expired, days left <= first band
    WITHIN_SECOND_BAND = "within_second_band"
    USABLE = "usable"  # not expired and not in quarantine
    QUARANTINED = "quarantined"


@dataclass(frozen=True)
class OnHandFilter:
    """What the quartermaster asked to see. `location_ids` is a location and all inside it."""

    product_id: int | None = None
    location_ids: frozenset[int] | None = None
    expiry: ExpiryWindow = ExpiryWindow.ANY
    text: str = ""
    bands: tuple[int, int] = DEFAULT_BANDS

    def apply(self, rows: Iterable[OnHandRow]) -> list[OnHandRow]:
        """The rows that pass every criterion, in their original order."""
        selected = list(rows)
        if self.product_id is not None:
            selected = [r for r in selected if r.product_id == self.product_id]
        if self.location_ids is not None:
            places = self.location_ids
            selected = [r for r in selected if r.location_id in places]
        if self.expiry is not ExpiryWindow.ANY:
            keep = _expiry_test(self.expiry, self.bands)
            selected = [r for r in selected if keep(r)]
        needle = self.text.strip().lower()
        if needle:
            words = needle.split()
            selected = [r for r in selected if all(w in haystack(r) for w in words)]
        return selected


def haystack(row: OnHandRow) -> str:
    """The text a filter word is looked for in: product, lot and location path."""
    return f"{row.product_name} {row.lot_number} {row.location_path}".lower()


def _expiry_test(window: ExpiryWindow, bands: tuple[int, int]) -> Callable[[OnHandRow], bool]:
    if window is ExpiryWindow.EXPIRED:
        return lambda r: r.expired
    if window is ExpiryWindow.QUARANTINED:
        return lambda r: r.quarantined
    if window is ExpiryWindow.USABLE:
        return lambda r: not r.expired and not r.quarantined
    limit = bands[0] if window is ExpiryWindow.WITHIN_FIRST_BAND else bands[1]
    return lambda r: r.days_left is not None and 0 <= r.days_left <= limit


def totals_by_product(
    rows: Iterable[OnHandRow], products: Sequence[ProductRow], warning_days: int
) -> list[ProductTotalRow]:
    """Usable / expiring / expired / quarantined per product; products without stock too."""
    sums: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for row in rows:
        bucket = sums[row.product_id]
        if row.quarantined:
            bucket[3] += row.quantity
        elif row.expired:
            bucket[2] += row.quantity
        else:
            bucket[0] += row.quantity
            if row.days_left is not None and row.days_left <= warning_days:
                bucket[1] += row.quantity
    return [
        ProductTotalRow(p.id, p.name, p.kind, *sums[p.id])
        for p in sorted(products, key=lambda p: p.name.lower())
        if p.id in sums or (p.active and p.kind != "kit")
    ]


def totals_by_location(
    rows: Iterable[OnHandRow], places: Sequence[LocationRow]
) -> list[LocationTotalRow]:
    """Per location, what it and everything inside it hold; `places` in tree order."""
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    parent = {p.id: p.parent_id for p in places}
    for row in rows:
        slot = 2 if row.quarantined else 1 if row.expired else 0
        current: int | None = row.location_id
        seen: set[int] = set()
        # Add the row to its location and every location above it (stations include vehicles).
        while current is not None and current not in seen:
            seen.add(current)
            totals[current][slot] += row.quantity
            current = parent.get(current)
    return [
        LocationTotalRow(p.id, p.name, p.kind, p.parent_id, p.path, p.active, *totals[p.id])
        for p in places
    ]
