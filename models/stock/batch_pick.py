"""First expiry, first out for a batch of withdrawals (a tally sheet of leave-behinds).

Each product at each place is read once; every withdrawal is then covered in turn and sees
what the earlier ones took, so the lots and refusals are those `queries.fefo_pick` gives one
withdrawal after another, without a statement per withdrawal. Writes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy.orm import Session

from models.stock.as_of import held_on
from models.stock.fefo import (
    ExpiredLots,
    FefoPolicy,
    HeldLot,
    held_lots,
)
from models.stock.ledger import is_expired
from models.stock.queries import short_of
from models.stock.rows import PickLine

Key = tuple[int, int]  # (lot id, location id)
_EVERY_DATE = FefoPolicy(expired=ExpiredLots.IN_ORDER)  # expiry judged per withdrawal's day


class BatchPicker:
    """`pick` like `fefo_pick`, for withdrawals that are all written together afterwards."""

    def __init__(self, s: Session, today: date) -> None:
        self._s, self._today = s, today
        self._lots: dict[tuple[int, int], list[HeldLot]] = {}  # (product, place) -> lots
        self._total: dict[Key, int] = {}  # units the batch took of a lot at a place
        self._taken: dict[Key, dict[date, int]] = defaultdict(dict)  # the same, by day
        self._held_on: dict[tuple[int, int, date], int] = {}

    def pick(
        self, product_id: int, location_id: int, quantity: int, on: date | None = None
    ) -> list[PickLine]:
        """Usable lots covering `quantity`; with `on` (a past day), only what the place held
        that day. Raises the refusal `fefo_pick` would, and then takes nothing."""
        back_dated = on is not None and on < self._today
        day = on if on is not None and back_dated else self._today
        takes: list[tuple[HeldLot, int, int]] = []  # (lot, take, units it offered)
        wanted = quantity
        for lot in self._lots_of(product_id, location_id):
            if wanted <= 0:
                break
            if is_expired(lot.expiry, day):
                continue
            offered = self._left(lot, location_id, day if back_dated else None)
            if offered > 0:
                takes.append((lot, min(offered, wanted), offered))
                wanted -= min(offered, wanted)
        if wanted > 0:
            usable = quantity - wanted
            raise short_of(self._s, product_id, location_id, quantity, usable, day, back_dated)
        for lot, take, _offered in takes:
            key = (lot.lot_id, location_id)
            self._total[key] = self._total.get(key, 0) + take
            self._taken[key][day] = self._taken[key].get(day, 0) + take
        return [PickLine(h.lot_id, h.lot_number, h.expiry, take, n) for h, take, n in takes]

    def _lots_of(self, product_id: int, location_id: int) -> list[HeldLot]:
        """The product's lots at the place, first expiry first, as read once."""
        if (product_id, location_id) not in self._lots:
            self._lots[(product_id, location_id)] = held_lots(
                self._s, self._today, location_id, _EVERY_DATE, product_ids=[product_id]
            )
        return self._lots[(product_id, location_id)]

    def _left(self, lot: HeldLot, location_id: int, day: date | None) -> int:
        """Units of the lot the batch has not taken yet; with `day`, no more than the place
        held that day, minus what the batch took there by then."""
        key = (lot.lot_id, location_id)
        left = lot.quantity - self._total.get(key, 0)
        if day is None or left <= 0:
            return left
        by_then = sum(units for when, units in self._taken[key].items() if when <= day)
        return min(left, self._held_on_day(lot.lot_id, location_id, day) - by_then)

    def _held_on_day(self, lot_id: int, location_id: int, day: date) -> int:
        key = (lot_id, location_id, day)
        if key not in self._held_on:
            self._held_on[key] = held_on(self._s, lot_id, location_id, day)
        return self._held_on[key]
