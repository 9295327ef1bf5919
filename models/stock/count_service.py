"""Counting a whole place (a stocktake): open a count listing the expected lots, save it as a
draft, resume it, post the variances as ONE operation. Knows the ledger, not screens.

A posted count is an ordinary adjustment operation, so it is reversed like every other one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from models.common.actor import Actor
from models.common.clock import Clock
from models.common.errors import InactiveLocation, NotFound, ValidationError
from models.common.pii_screen import screen_free_text
from models.stock.count_rows import CountEntry, CountLineRow, CountSheet
from models.stock.entities import (
    Balance,
    Location,
    LocationKind,
    Lot,
    Operation,
    Product,
    Reason,
    StockCount,
    StockCountLine,
)
from models.stock.ledger import (
    get_location,
    on_hand,
    open_operation,
    post_move,
    virtual_location_id,
)
from models.stock.location_tree import LocationTree
from models.stock.rows import OperationRow
from models.stock.service import operation_row

OPEN, POSTED, ABANDONED = "open", "posted", "abandoned"
MAX_COUNTED = 1_000_000_000  # fits every database's integer column


class CountService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, actor: Actor) -> None:
        self._sessions, self._clock, self._actor = sessions, clock, actor

    def open_count(self, location_id: int, blind: bool = False) -> CountSheet:
        """Start counting a place (and everything inside it); resumes its open count if any."""
        with self._sessions.begin() as s:
            place = _countable(s, location_id)
            if (existing := _open_count_at(s, location_id)) is not None:
                return _sheet(s, existing)
            count = StockCount(
                location_id=place.id,
                status=OPEN,
                blind=blind,
                started_at=self._clock.now(),
                started_by=self._actor.name,
            )
            s.add(count)
            s.flush()
            inside = LocationTree.load(s).subtree(place.id)
            held = s.execute(
                select(Balance.lot_id, Balance.location_id, Balance.quantity).where(
                    Balance.location_id.in_(inside), Balance.quantity > 0
                )
            ).all()
            if held:
                s.execute(insert(StockCountLine), [
                    {"count_id": count.id, "lot_id": lot, "location_id": where, "expected": qty}
                    for lot, where, qty in held
                ])  # fmt: skip
            return _sheet(s, count)

    def get_count(self, count_id: int) -> CountSheet:
        with self._sessions() as s:
            return _sheet(s, _count(s, count_id))

    def list_open_counts(self) -> list[CountSheet]:
        """Paused counts, to resume."""
        with self._sessions() as s:
            counts = s.scalars(select(StockCount).where(StockCount.status == OPEN)).all()
            return [_sheet(s, c, with_lines=False) for c in counts]

    def open_count_covering(self, location_id: int) -> CountSheet | None:
        """The open count of this place or of a place around it (stock there is being counted)."""
        with self._sessions() as s:
            tree = LocationTree.load(s)
            for count in s.scalars(select(StockCount).where(StockCount.status == OPEN)):
                if location_id in tree.subtree(count.location_id):
                    return _sheet(s, count, with_lines=False)
            return None

    def save_draft(self, count_id: int, entries: Sequence[CountEntry]) -> CountSheet:
        """Keep what was counted so far (pause); lots found that were not expected are added."""
        with self._sessions.begin() as s:
            count = _open(s, count_id)
            _apply_entries(s, count, entries)
            return _sheet(s, count)

    def post_count(self, count_id: int, entries: Sequence[CountEntry]) -> OperationRow | None:
        """Book every variance (counted minus the books now) as one operation; each needs a
        reason. Lines not counted are left as they are. None when nothing differs."""
        with self._sessions.begin() as s:
            count = _open(s, count_id)
            lines = _apply_entries(s, count, entries)
            books = _books(s, count.location_id)
            variances = []
            for line in lines:
                if line.counted is None:
                    continue
                line.expected = books.get((line.lot_id, line.location_id), 0)
                if line.counted != line.expected and not line.reason:
                    raise ValidationError(_unexplained(s, line))
                if line.counted != line.expected:
                    variances.append(line)
            _save(s, lines)
            op = self._book(s, count, variances) if variances else None
            count.status = POSTED
            count.operation_id = op.id if op is not None else None
            return None if op is None else operation_row(s, op)

    def _book(self, s: Session, count: StockCount, variances: list[_Line]) -> Operation:
        place = get_location(s, count.location_id)
        note = f"Count of {place.name}"
        op = open_operation(s, Reason.ADJUST, self._actor.name, self._clock.now(), note)
        adjustment = virtual_location_id(s, LocationKind.ADJUSTMENT)
        for line in variances:
            assert line.counted is not None
            difference = line.counted - line.expected
            source, target = (adjustment, line.location_id)
            if difference < 0:
                source, target = target, source
            post_move(s, op, line.lot_id, source, target, abs(difference))
        return op

    def abandon(self, count_id: int) -> None:
        """Drop an open count without booking anything."""
        with self._sessions.begin() as s:
            _open(s, count_id).status = ABANDONED


def _countable(s: Session, location_id: int) -> Location:
    place = get_location(s, location_id)
    if place.is_virtual:
        raise ValidationError(f"{place.name} is not a place that holds stock.")
    if not place.active:
        raise InactiveLocation(f"{place.name} is inactive; it cannot be counted.")
    return place


def _count(s: Session, count_id: int) -> StockCount:
    count = s.get(StockCount, count_id)
    if count is None:
        raise NotFound(f"No count with number {count_id}.")
    return count


def _open(s: Session, count_id: int) -> StockCount:
    count = _count(s, count_id)
    if count.status != OPEN:
        raise ValidationError(f"Count {count_id} is already {count.status}.")
    return count


def _open_count_at(s: Session, location_id: int) -> StockCount | None:
    return s.scalar(
        select(StockCount).where(StockCount.location_id == location_id, StockCount.status == OPEN)
    )


@dataclass
class _Line:
    """A count line as plain values while a draft or a posting is written."""

    id: int
    lot_id: int
    location_id: int
    expected: int
    counted: int | None
    reason: str | None


def _apply_entries(s: Session, count: StockCount, entries: Sequence[CountEntry]) -> list[_Line]:
    """Write the entries onto the count's lines (adding lines for lots found unexpectedly)."""
    columns = (StockCountLine.id, StockCountLine.lot_id, StockCountLine.location_id,
               StockCountLine.expected, StockCountLine.counted, StockCountLine.reason)  # fmt: skip
    found = s.execute(select(*columns).where(StockCountLine.count_id == count.id)).all()
    lines = {(r[1], r[2]): _Line(*r) for r in found}
    inside: set[int] | None = None
    screened: dict[str, str | None] = {}
    for entry in entries:
        _check_counted(entry.counted)
        text = (entry.reason or "").strip()
        if text not in screened:  # hundreds of lines often share one reason
            screened[text] = screen_free_text(text, "The reason")
        line = lines.get((entry.lot_id, entry.location_id))
        if line is None:
            if inside is None:
                inside = LocationTree.load(s).subtree(count.location_id)
            added = _new_line(s, count, entry, inside)
            line = _Line(added.id, added.lot_id, added.location_id, added.expected, None, None)
            lines[(entry.lot_id, entry.location_id)] = line
        line.counted, line.reason = entry.counted, screened[text]
    _save(s, list(lines.values()))
    return sorted(lines.values(), key=lambda x: x.id)


def _save(s: Session, lines: list[_Line]) -> None:
    """One executemany for the lines (thousands in a station count)."""
    if lines:
        s.execute(update(StockCountLine), [
            {"id": x.id, "expected": x.expected, "counted": x.counted, "reason": x.reason}
            for x in lines
        ])  # fmt: skip


def _books(s: Session, location_id: int) -> dict[tuple[int, int], int]:
    """What the ledger holds now of every lot at the place and everything inside it."""
    inside = LocationTree.load(s).subtree(location_id)
    held = s.execute(
        select(Balance.lot_id, Balance.location_id, Balance.quantity).where(
            Balance.location_id.in_(inside)
        )
    )
    return {(lot, place): quantity for lot, place, quantity in held}


def _check_counted(counted: int | None) -> None:
    if counted is None:
        return
    if isinstance(counted, bool) or not isinstance(counted, int) or counted < 0:
        raise ValidationError("A counted quantity is a whole number, 0 or more.")
    if counted > MAX_COUNTED:
        raise ValidationError(f"{counted:,} is more than any place holds; check the count.")


def _new_line(s: Session, count: StockCount, entry: CountEntry, inside: set[int]) -> StockCountLine:
    place = _countable(s, entry.location_id)
    if entry.location_id not in inside:
        raise ValidationError(f"{place.name} is not part of the place being counted.")
    if s.get(Lot, entry.lot_id) is None:
        raise NotFound(f"No lot with id {entry.lot_id}.")
    expected = on_hand(s, entry.lot_id, entry.location_id)
    line = StockCountLine(count_id=count.id, lot_id=entry.lot_id, location_id=entry.location_id,
                          expected=expected)  # fmt: skip
    s.add(line)
    s.flush()
    return line


def _unexplained(s: Session, line: _Line) -> str:
    lot = s.get(Lot, line.lot_id)
    place = get_location(s, line.location_id)
    number = lot.lot_number if lot else "?"
    return (
        f"Lot {number} at {place.name}: counted {line.counted}, the books say {line.expected}. "
        "Give a reason for this difference."
    )


def _sheet(s: Session, count: StockCount, *, with_lines: bool = True) -> CountSheet:
    tree = LocationTree.load(s)
    rows: tuple[CountLineRow, ...] = ()
    if with_lines:
        line, lot, product = StockCountLine, Lot, Product
        found = s.execute(  # plain columns: thousands of ORM objects would take a second
            select(line.lot_id, line.location_id, product.id, product.name, lot.lot_number,
                   lot.expiry, line.location_id, line.expected, line.counted, line.reason,
                   product.units_per_package, product.unit_of_issue)
            .join(lot, lot.id == line.lot_id)
            .join(product, product.id == lot.product_id)
            .where(line.count_id == count.id)
        ).all()  # fmt: skip
        paths = {place: tree.rows[place].path for place in {r[1] for r in found}}
        rows = tuple(
            sorted(
                (_line_row(r, paths[r[6]]) for r in found),
                key=lambda r: (r.place, r.product_name, r.expiry or date.max, r.lot_number),
            )
        )
    return CountSheet(count.id, count.location_id, tree.rows[count.location_id].path,
                      count.status, count.blind, count.started_at, count.started_by, rows,
                      count.operation_id)  # fmt: skip


def _line_row(r: Any, place: str) -> CountLineRow:
    return CountLineRow(r[0], r[1], r[2], r[3], r[4], r[5], place, r[7], r[8], r[9], r[10], r[11])
