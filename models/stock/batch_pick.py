"""First expiry, first out for a batch of withdrawals (a tally sheet of leave-behinds).

Each product at each place is read once; every withdrawal is then covered in turn and sees
what the earlier ones took, so the lots and refusals are those `queries.fefo_pick` gives one
withdrawal after another, without a statement per withdrawal. Writes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from models.stock.as_of import held_on
from models.stock.fefo import (
    ISSUE,
    ExpiredLots,
    FefoPolicy,
    HeldLot,
    cover,
    held_lots,
    in_fefo_order,
)
from models.stock.queries import short_of
from models.stock.rows import PickLine

Key = tuple[int, int]  # (lot id, location id)
_EVERY_DATE = FefoPolicy(expired=ExpiredLots.IN_ORDER)  # expiry judged per withdrawal's day


class BatchPicker:
    """`pick` like `fefo_pick`, for withdrawals that are all written together afterwards."""

    def __init__(self, s: Session, today: date) -> None:
        self._s, self._today = s, today
        self._lots: dict[tuple[int, int], list[HeldLot]] = {}  # (product, place) -> lots
        self._taken: dict[Key, dict[date, int]] = defaultdict(dict)  # units taken, by day
        self._held_on: dict[tuple[int, int, date], int] = {}

    def pick(
        self, product_id: int, location_id: int, quantity: int, on: date | None = None
    ) -> list[PickLine]:
        """Usable lots covering `quantity`; with `on` (a past day), only what the place held
        that day. Raises the refusal `fefo_pick` would, and then takes nothing."""
        back_dated = on is not None and on < self._today
        day = on if on is not None and back_dated else self._today
        lots = self._left(product_id, location_id, day)
        if back_dated:
            lots = self._as_held_on(lots, location_id, day, quantity)
        takes, missing = cover(lots, quantity)
        if missing:
            usable = quantity - missing
            raise short_of(self._s, product_id, location_id, quantity, usable, day, back_dated)
        for lot, take in takes:
            days = self._taken[(lot.lot_id, location_id)]
            days[day] = days.get(day, 0) + take
        return [PickLine(h.lot_id, h.lot_number, h.expiry, take, h.quantity) for h, take in takes]

    def _left(self, product_id: int, location_id: int, day: date) -> list[HeldLot]:
        """The lots at the place with what the batch has not taken yet, usable on `day`."""
        if (product_id, location_id) not in self._lots:
            self._lots[(product_id, location_id)] = held_lots(
                self._s, self._today, location_id, _EVERY_DATE, product_ids=[product_id]
            )
        left = []
        for lot in self._lots[(product_id, location_id)]:
            units = lot.quantity - sum(self._taken[(lot.lot_id, location_id)].values())
            if units > 0:
                left.append(replace(lot, quantity=units))
        return in_fefo_order(left, day, ISSUE)

    def _as_held_on(
        self, lots: list[HeldLot], location_id: int, day: date, wanted: int
    ) -> list[HeldLot]:
        """Like `queries._as_held_on`, minus what the batch took there by that day."""
        out = []
        for lot in lots:
            if wanted <= 0:
                break
            taken = self._taken[(lot.lot_id, location_id)]
            by_then = sum(units for when, units in taken.items() if when <= day)
            held = min(lot.quantity, self._held_on_day(lot.lot_id, location_id, day) - by_then)
            if held > 0:
                out.append(replace(lot, quantity=held))
                wanted -= held
        return out

    def _held_on_day(self, lot_id: int, location_id: int, day: date) -> int:
        key = (lot_id, location_id, day)
        if key not in self._held_on:
            self._held_on[key] = held_on(self._s, lot_id, location_id, day)
        return self._held_on[key]
