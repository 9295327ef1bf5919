"""Writing a tally sheet: every row checked and its lots picked first, outside the write lock,
then all rows written in a few statements in one short transaction, all or none.

Each row stays its own distribution with its own operation (so it can be voided alone); the
picks are made in memory (`BatchPicker`) and the ledger is written by `post_moves`, which
refuses the whole sheet if the stock changed in between. Knows the ledger and the distribution
table; not files (`tally_import`) or the screens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from models.common.errors import DomainError
from models.distributions.entities import Distribution
from models.distributions.kit_picks import issue_point, kit_product
from models.distributions.recording import Categories, distribution_fields
from models.distributions.rows import DistributionEntry
from models.stock.batch_pick import BatchPicker
from models.stock.entities import LocationKind, Reason
from models.stock.ledger import virtual_location_id
from models.stock.moves import Move, open_operations, post_moves
from models.stock.rows import PickLine

NOTE = "Leave-behind distribution"


@dataclass(frozen=True)
class PlannedRow:
    """A checked row: the distribution's columns and the lots its kits come from."""

    fields: dict[str, Any]
    picks: list[PickLine]


class TallyPlanner:
    """Checks rows one after another; each row's picks see what the rows above it took."""

    def __init__(self, s: Session, today: date, cats: Categories) -> None:
        self._s, self._today, self._cats = s, today, cats
        self._picker = BatchPicker(s, today)
        self._places: dict[int, str | None] = {}  # place -> its refusal, if any
        self._kits: dict[int | None, int] = {}

    def plan(self, entry: DistributionEntry) -> PlannedRow:
        """The row checked and picked, or the refusal `record_distribution` would give."""
        fields = distribution_fields(entry, self._today, self._cats)
        if (why := self._place_refusal(entry.location_id)) is not None:
            raise DomainError(why)
        if entry.kit_product_id not in self._kits:
            self._kits[entry.kit_product_id] = kit_product(self._s, entry.kit_product_id)
        product = self._kits[entry.kit_product_id]
        day = fields["occurred_on"]
        return PlannedRow(fields, self._picker.pick(product, entry.location_id, entry.kits, day))

    def _place_refusal(self, location_id: int) -> str | None:
        if location_id not in self._places:
            try:
                issue_point(self._s, location_id)
                self._places[location_id] = None
            except DomainError as refusal:
                self._places[location_id] = str(refusal)
        return self._places[location_id]


def write_distributions(
    s: Session, rows: Sequence[PlannedRow], who: tuple[str, str | None], now: datetime
) -> list[dict[str, Any]]:
    """Write planned rows in a few statements; `who` is (user, station). Places are checked
    again and every move is guarded, so stock that changed since the check refuses them all."""
    for location_id in sorted({row.fields["location_id"] for row in rows}):
        issue_point(s, location_id)
    user, station = who
    days = [row.fields["occurred_on"] for row in rows]
    operations = open_operations(s, Reason.DISTRIBUTE, user, now, NOTE, days, station)
    distributed = virtual_location_id(s, LocationKind.DISTRIBUTED)
    post_moves(
        s,
        [
            Move(op, pick.lot_id, row.fields["location_id"], distributed, pick.quantity)
            for op, row in zip(operations, rows, strict=True)
            for pick in row.picks
        ],
    )
    records = [
        {**row.fields, "operation_id": op.id, "recorded_at": now, "recorded_by": user or "unknown"}
        for op, row in zip(operations, rows, strict=True)
    ]
    s.execute(insert(cast(Table, Distribution.__table__)), records)  # Core: no per-row ORM work
    return records
