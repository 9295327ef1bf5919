"""The one consumption model: what left the shelves, over how many observed days, at what pace.

Use is read from movements into (and reversals out of) the virtual places: Distributed,
Administered, Disposed (reason "expired", "donated" or other) and Count adjustments (net
losses), plus Assembly for kit components drawn into kits. A program younger than the window
is averaged over the days since its first stock movement, never over the whole window, so the
first weeks are not thrown away. Knows the ledger and the item catalog, not the screens.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, literal, select, union_all
from sqlalchemy.orm import Session, aliased

from models.distributions.entities import Administration, Distribution
from models.kits.entities import KitBatch, KitBatchComponent
from models.reorders.calc import DAYS_PER_MONTH, MIN_HISTORY_DAYS
from models.reorders.items import ItemCatalog, ItemKey
from models.reorders.ledger_memo import LedgerReads
from models.stock.entities import LocationKind, Lot, Operation, Product, ProductKind, StockMove
from models.stock.ledger import disposal_kind
from models.stock.location_tree import LocationTree

CATEGORY_OF_KIND = {
    LocationKind.DISTRIBUTED: "distributed",
    LocationKind.ADMINISTERED: "administered",
    LocationKind.DISPOSED: "disposed",
    LocationKind.ADJUSTMENT: "lost",
    LocationKind.ASSEMBLY: "assembled",
}
CATEGORIES = ("distributed", "administered", "expired", "donated", "lost", "assembled")
END_USE = ("distributed", "administered", "lost")  # demand of an item, kit contents included
NOT_DEMAND = ("expired", "donated")  # shown beside the AMC, never averaged into it


@dataclass
class Usage:
    """Units of one item (or product) used over the window, by category and by station."""

    totals: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    demand_by_station: dict[int | None, int] = field(default_factory=lambda: defaultdict(int))
    first_use: date | None = None  # earliest day of use seen in the window

    @property
    def demand(self) -> int:
        return sum(self.totals[c] for c in END_USE)


@dataclass(frozen=True)
class Pace:
    """`units` used over `days` observed days (at most the window): the consumption rate."""

    units: int
    days: int

    @property
    def per_day(self) -> float:
        return self.units / self.days if self.days > 0 else 0.0

    @property
    def per_month(self) -> float:
        return self.per_day * DAYS_PER_MONTH

    @property
    def rough(self) -> bool:
        """Too few days observed to trust the rate alone."""
        return self.days < MIN_HISTORY_DAYS

    def expected_use(self, days: int) -> float:
        return self.per_day * max(0, days)


def observed_days(first_move: date | None, today: date, window_start: date) -> int:
    """Days of history behind a rate: since the first movement, at most the whole window."""
    if first_move is None:
        return 0
    return max(1, (today - max(first_move, window_start)).days)


def item_usage(
    s: Session,
    catalog: ItemCatalog,
    tree: LocationTree,
    since: date,
    scope: set[int] | None,
    memo: LedgerReads | None = None,
) -> dict[ItemKey, Usage]:
    """Per orderable item, what left the shelves since `since`; kits count as what they hold,
    used when the kit leaves (so assembly is not demand of an item: the units stay in stock)."""
    out: dict[ItemKey, Usage] = defaultdict(Usage)
    for r in _classified(s, tree, since, scope, open_kits=True, memo=memo):
        if r.opened and catalog.products[r.product_id].kind == ProductKind.KIT:
            continue  # a kit inside a kit is not counted twice
        contents = (
            [(catalog.key_of_product(r.product_id), 1, None)]
            if r.opened
            else catalog.contents_of_product(r.product_id)
        )
        for key, per_unit, _expiry in contents:
            _add(out[key], r, r.quantity * per_unit)
    return _clamped(out)


def product_usage(
    s: Session, tree: LocationTree, since: date, scope: set[int] | None = None
) -> dict[int, Usage]:
    """Per product as it sits on the shelf (a kit as a kit): its end use, and for a kit
    component the units drawn into kits by assembly, which is how loose components are used."""
    out: dict[int, Usage] = defaultdict(Usage)
    for r in _classified(s, tree, since, scope, open_kits=False):
        _add(out[r.product_id], r, r.quantity)
    return _clamped(out)


@dataclass(frozen=True)
class _Row:
    product_id: int
    category: str
    station: int | None
    quantity: int  # signed: a reversal subtracts
    day: date
    opened: bool


def _add(use: Usage, r: _Row, units: int) -> None:
    use.totals[r.category] += units
    if r.category not in NOT_DEMAND:
        use.demand_by_station[r.station] += units
    use.first_use = r.day if use.first_use is None else min(use.first_use, r.day)


def _clamped(out: dict[Any, Usage]) -> dict[Any, Usage]:
    """Found stock or reversals never make use negative."""
    for use in out.values():
        for category, units in use.totals.items():
            use.totals[category] = max(0, units)
        for station, units in use.demand_by_station.items():
            use.demand_by_station[station] = max(0, units)
    return dict(out)


def _classified(
    s: Session,
    tree: LocationTree,
    since: date,
    scope: set[int] | None,
    *,
    open_kits: bool,
    memo: LedgerReads | None = None,
) -> list[_Row]:
    kinds = {r.id: LocationKind(r.kind) for r in tree.rows.values()}
    # Items count kit contents as stock, so units drawn into kits are not read for them.
    wanted = {k for k in CATEGORY_OF_KIND if not (open_kits and k == LocationKind.ASSEMBLY)}
    virtual = {i for i, k in kinds.items() if k in wanted}
    out: list[_Row] = []
    places = sorted(virtual)

    def read() -> Sequence[Any]:
        return s.execute(_by_product(since, places, open_kits)).all()

    rows = read() if memo is None else memo.get(("usage", since, tuple(places), open_kits), read)
    for r in rows:
        outgoing = r.to_location_id in virtual
        place, other = (
            (r.from_location_id, r.to_location_id)
            if outgoing
            else (r.to_location_id, r.from_location_id)
        )
        if place in virtual or kinds[place].is_virtual or (scope and place not in scope):
            continue  # virtual to virtual, or outside the station asked for
        category = CATEGORY_OF_KIND[kinds[other]]
        if category == "disposed":
            category = r.disposal if r.disposal in NOT_DEMAND else "lost"
        day = min(d for d in (r.first_day, _day(r.first_at)) if d is not None)
        sign = 1 if outgoing else -1
        out.append(
            _Row(
                r.product_id,
                category,
                tree.station_of(place),
                sign * int(r.quantity),
                day,
                bool(r.opened),
            )
        )
    return out


def _by_lot(since: date, virtual: list[int]) -> Any:
    """Movements into or out of the consumption places since `since`, added up in SQL.

    A leave-behind or administration counts on the day it happened, even if entered later
    (tally sheets); a reversal counts on the day of what it reverses.
    """
    original = aliased(Operation)
    first_op = func.coalesce(Operation.reverses_id, Operation.id)
    day = func.coalesce(Distribution.occurred_on, Administration.occurred_on)
    disposal = disposal_kind(func.coalesce(original.note, Operation.note))
    recent = select(Operation.id).where(Operation.at >= datetime.combine(since, time()))
    # "+ 0" keeps SQLite from walking ten years of moves by their place index: the window's
    # operations (by date) are the selective side.
    to_place, from_place = StockMove.to_location_id + 0, StockMove.from_location_id + 0
    return (
        select(
            StockMove.lot_id,
            StockMove.from_location_id,
            StockMove.to_location_id,
            disposal.label("disposal"),
            func.sum(StockMove.quantity).label("quantity"),
            func.min(day).label("first_day"),
            func.min(case((day.is_(None), Operation.at))).label("first_at"),
        )
        .join(Operation, Operation.id == StockMove.operation_id)
        .outerjoin(original, original.id == Operation.reverses_id)
        .outerjoin(Distribution, Distribution.operation_id == first_op)
        .outerjoin(Administration, Administration.operation_id == first_op)
        .where(StockMove.operation_id.in_(recent))
        .where(to_place.in_(virtual) | from_place.in_(virtual))
        .where(day.is_(None) | (day >= since))
        .group_by(StockMove.lot_id, StockMove.from_location_id, StockMove.to_location_id, disposal)
    )


def _by_product(since: date, virtual: list[int], open_kits: bool) -> Any:
    """The movements by lot, per product: every lot as itself and, when `open_kits`, kits of a
    known batch also opened into their components' products (units per component)."""
    by_lot = _by_lot(since, virtual).cte("by_lot")
    pair = (by_lot.c.from_location_id, by_lot.c.to_location_id, by_lot.c.disposal)
    firsts = (
        func.min(by_lot.c.first_day).label("first_day"),
        func.min(by_lot.c.first_at).label("first_at"),
    )
    as_such = (
        select(Lot.product_id, *pair)
        .add_columns(func.sum(by_lot.c.quantity).label("quantity"), *firsts)
        .add_columns(literal(False).label("opened"))
        .join(Lot, Lot.id == by_lot.c.lot_id)
        .group_by(Lot.product_id, *pair)
    )
    if not open_kits:
        return as_such
    # Kits of a known batch are counted through their component lots (below), not as kits.
    as_such = (
        as_such.join(Product, Product.id == Lot.product_id)
        .outerjoin(KitBatch, KitBatch.lot_id == Lot.id)
        .where(KitBatch.id.is_(None) | (Product.kind != ProductKind.KIT))
    )
    part = aliased(Lot)
    in_kits = (
        select(part.product_id, *pair)
        .add_columns(
            func.sum(by_lot.c.quantity * KitBatchComponent.quantity_per_kit).label("quantity"),
            *firsts,
        )
        .add_columns(literal(True).label("opened"))
        .join(Lot, Lot.id == by_lot.c.lot_id)
        .join(Product, Product.id == Lot.product_id)
        .join(KitBatch, KitBatch.lot_id == Lot.id)
        .join(KitBatchComponent, KitBatchComponent.batch_id == KitBatch.id)
        .join(part, part.id == KitBatchComponent.lot_id)
        .where(Product.kind == ProductKind.KIT)
        .group_by(part.product_id, *pair)
    )
    return union_all(in_kits, as_such)


def first_moves(s: Session, start: date) -> dict[int, date]:
    """Per product that ever moved: its first movement (`start` if on or before it).

    Only whether a product is older than the window matters, so a product with one early move
    stops there instead of reading all its history.
    """
    at_start = datetime.combine(start, time())

    def moves_of_product(*where: ColumnElement[bool]) -> Select[Any]:
        return (
            select(Operation.at)
            .join(StockMove, StockMove.operation_id == Operation.id)
            .join(Lot, Lot.id == StockMove.lot_id)
            .where(Lot.product_id == Product.id, *where)
        )

    moved_early = moves_of_product(Operation.at <= at_start).exists()
    first = moves_of_product().with_only_columns(func.min(Operation.at)).scalar_subquery()
    # "Ever moved" is told apart here, not as a WHERE EXISTS: PostgreSQL turns that into a join
    # over the whole ledger (1.8 s on the large agency) instead of stopping at the first move.
    rows = s.execute(select(Product.id, moved_early, case((moved_early, None), else_=first)))
    return {
        product_id: start if early else _day(at) or start
        for product_id, early, at in rows
        if early or at is not None
    }


def item_first_moves(
    s: Session,
    catalog: ItemCatalog,
    start: date,
    used: dict[ItemKey, Usage],
    memo: LedgerReads | None = None,
) -> dict[ItemKey, date]:
    """Per item: the first movement of any product it stands for (kits count for contents)."""
    earliest: dict[ItemKey, date] = {}

    def read() -> dict[int, date]:
        return first_moves(s, start)

    firsts = read() if memo is None else memo.get(("first_moves", start), read)
    for product_id, day in firsts.items():
        for key, _n, _e in catalog.contents_of_product(product_id):
            earliest[key] = min(earliest.get(key, day), day)
    for key, use in used.items():
        if use.first_use is not None:
            earliest[key] = min(earliest.get(key, use.first_use), use.first_use)
    return earliest


def _day(value: datetime | date | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def product_paces(s: Session, tree: LocationTree, today: date, window_days: int) -> dict[int, Pace]:
    """Per product, the agency's pace over the window (or the days observed, when fewer):
    end use, plus units drawn into kits when the product is a kit component."""
    since = today - timedelta(days=window_days)
    usage = product_usage(s, tree, since)
    first = first_moves(s, since)
    kits = set(s.scalars(select(Product.id).where(Product.kind == ProductKind.KIT)))
    out: dict[int, Pace] = {}
    for product_id in first.keys() | usage.keys():
        use = usage.get(product_id) or Usage()
        start = min(d for d in (first.get(product_id), use.first_use) if d is not None)
        units = use.demand + (0 if product_id in kits else use.totals["assembled"])
        out[product_id] = Pace(units, observed_days(start, today, since))
    return out


class PaceMemo:
    """Product paces kept until the ledger or the day changes: the dashboard refreshes often
    and nothing but a new operation (or a new day) can change a pace. Belongs to one service."""

    def __init__(self) -> None:
        self._key: tuple[date, int, int | None] | None = None
        self._paces: dict[int, Pace] = {}

    def paces(
        self, s: Session, tree: LocationTree, today: date, window_days: int, mark: int | None
    ) -> dict[int, Pace]:
        """`mark` is the ledger's newest operation, read by the caller with other figures."""
        key = (today, window_days, mark)
        if key != self._key:
            self._paces = product_paces(s, tree, today, window_days)
            self._key = key
        return self._paces
