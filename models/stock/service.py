"""Stock use cases: receive, transfer, count, quarantine, dispose, reverse; and stock queries.

Each public method is one transaction: on any refusal nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from models.common.actor import Actor, Permission, requires
from models.common.clock import Clock
from models.common.errors import (
    DomainError,
    LotConflict,
    LotExpired,
    NotFound,
    ValidationError,
)
from models.common.limits import check_lot_number
from models.common.pii_screen import screen_free_text
from models.common.retry import retried_once_on_deadlock
from models.stock import queries as q
from models.stock.catalog_cache import CatalogCache
from models.stock.entities import Location, LocationKind, Lot, Operation, Product, Reason, StockMove
from models.stock.fefo import MOVE
from models.stock.inventory_read import read_inventory
from models.stock.ledger import (
    get_location,
    get_lot,
    is_expired,
    on_hand,
    open_operation,
    post_move,
    require_positive,
    reverse_operation,
    virtual_location_id,
)
from models.stock.location_tree import LocationTree
from models.stock.movement_rules import check_may_move
from models.stock.rows import (
    InventorySnapshot,
    LocationTotalRow,
    LotRow,
    MoveRow,
    OnHandRow,
    OperationRow,
    PickLine,
    ProductTotalRow,
    ReceiveLine,
)

NO_LOT = "NO LOT"  # the single lot of a product that is not lot-tracked


class DisposeReason(StrEnum):
    EXPIRED = "expired"
    DAMAGED = "damaged"
    RECALLED = "recalled"
    DONATED = "donated"  # given to a harm-reduction partner: off the books, not an expiry
    OTHER = "other"


class StockService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, actor: Actor) -> None:
        self._sessions, self._clock, self._actor = sessions, clock, actor
        self._catalog = CatalogCache()  # products, places, bands between inventory reads

    # --- writes -------------------------------------------------------------------------

    @requires(Permission.MANAGE, "receive stock")
    @retried_once_on_deadlock
    def receive(
        self,
        location_id: int,
        lines: Sequence[ReceiveLine],
        *,
        source_id: int | None = None,
        received_on: date | None = None,
        note: str | None = None,
        allow_expired: bool = False,
    ) -> OperationRow:
        """Book a delivery (one or several lines) into a location, from a source."""
        if not lines:
            raise ValidationError("Add at least one line to receive.")
        personnel = self._personnel()  # read before this transaction opens
        with self._sessions.begin() as s:
            target = _physical(s, location_id)
            today = self._clock.today()
            op = open_operation(
                s,
                Reason.RECEIVE,
                self._actor.name,
                self._clock.now(),
                note,
                None,
                personnel,
            )
            supplier = virtual_location_id(s, LocationKind.SUPPLIER)
            for number, line in enumerate(lines, start=1):
                try:
                    require_positive(line.quantity)
                    lot = find_or_create_lot(
                        s, line, today, source_id, received_on or today, allow_expired
                    )
                    post_move(s, op, lot.id, supplier, target.id, line.quantity)
                except DomainError as refusal:
                    if len(lines) == 1:
                        raise
                    raise type(refusal)(line_label(s, number, line) + str(refusal)) from None
            return _operation_row(s, op)

    @requires(Permission.MANAGE, "move stock between places")
    @retried_once_on_deadlock
    def transfer(
        self,
        lot_id: int,
        from_location_id: int,
        to_location_id: int,
        quantity: int,
        note: str | None = None,
    ) -> OperationRow:
        personnel = self._personnel()  # read before this transaction opens
        with self._sessions.begin() as s:
            source = _physical(s, from_location_id)
            target = _physical(s, to_location_id)
            check_may_move(s, get_lot(s, lot_id), source, target, self._clock.today())
            op = open_operation(
                s,
                Reason.TRANSFER,
                self._actor.name,
                self._clock.now(),
                note,
                None,
                personnel,
            )
            post_move(s, op, lot_id, from_location_id, to_location_id, quantity)
            return _operation_row(s, op)

    @requires(Permission.MANAGE, "record a stock count")
    @retried_once_on_deadlock
    def count(
        self, lot_id: int, location_id: int, counted: int, reason: str
    ) -> OperationRow | None:
        """Record a physical count; the ledger gets the difference. None when nothing differs."""
        if isinstance(counted, bool) or not isinstance(counted, int) or counted < 0:
            raise ValidationError("The counted quantity must be a whole number, 0 or more.")
        if not (reason or "").strip():
            raise ValidationError(
                "Give a reason for the count (e.g. monthly count, found damaged)."
            )
        personnel = self._personnel()  # read before this transaction opens
        with self._sessions.begin() as s:
            place = _physical(s, location_id)
            get_lot(s, lot_id)
            difference = counted - on_hand(s, lot_id, location_id)
            if difference == 0:
                return None
            op = open_operation(
                s,
                Reason.ADJUST,
                self._actor.name,
                self._clock.now(),
                reason,
                None,
                personnel,
            )
            adjustment = virtual_location_id(s, LocationKind.ADJUSTMENT)
            if difference > 0:
                post_move(s, op, lot_id, adjustment, place.id, difference)
            else:
                post_move(s, op, lot_id, place.id, adjustment, -difference)
            return _operation_row(s, op)

    @requires(Permission.MANAGE, "quarantine stock")
    @retried_once_on_deadlock
    def quarantine(self, lot_id: int, location_id: int, quantity: int, reason: str) -> OperationRow:
        """Set stock aside in its station's quarantine so it is never issued."""
        reason = _require_reason(reason)
        personnel = self._personnel()  # read before this transaction opens
        with self._sessions.begin() as s:
            place = _physical(s, location_id)
            if place.kind == LocationKind.QUARANTINE:
                raise ValidationError(f"{place.name} is already a quarantine location.")
            hold = quarantine_location(s, place.id)
            op = open_operation(
                s,
                Reason.QUARANTINE,
                self._actor.name,
                self._clock.now(),
                reason,
                None,
                personnel,
            )
            post_move(s, op, lot_id, place.id, hold.id, quantity)
            return _operation_row(s, op)

    @requires(Permission.MANAGE, "dispose of stock")
    @retried_once_on_deadlock
    def dispose(
        self, lot_id: int, location_id: int, quantity: int, reason: str, note: str | None = None
    ) -> OperationRow:
        try:
            kind = DisposeReason(reason)
        except ValueError:
            choices = ", ".join(r.value for r in DisposeReason)
            raise ValidationError(f"Choose a disposal reason: {choices}.") from None
        if kind is DisposeReason.OTHER and not (note or "").strip():
            raise ValidationError("Describe the reason when disposing for 'other'.")
        if kind is DisposeReason.DONATED and not (note or "").strip():
            raise ValidationError("Name who received the donation in the note.")
        personnel = self._personnel()  # read before this transaction opens
        note = screen_free_text(note, "The note", personnel)
        text = kind.value + (f": {note}" if note else "")
        with self._sessions.begin() as s:
            place = _physical(s, location_id)
            op = open_operation(
                s,
                Reason.DISPOSE,
                self._actor.name,
                self._clock.now(),
                text,
                None,
                personnel,
            )
            post_move(
                s, op, lot_id, place.id, virtual_location_id(s, LocationKind.DISPOSED), quantity
            )
            return _operation_row(s, op)

    def _personnel(self) -> list[str]:
        return list(self._actor.personnel())

    @requires(Permission.MANAGE, "reverse a recorded operation")
    @retried_once_on_deadlock
    def reverse(self, operation_id: int, reason: str) -> OperationRow:
        personnel = self._personnel()  # read before this transaction opens
        with self._sessions.begin() as s:
            op = reverse_operation(
                s, operation_id, self._actor.name, self._clock.now(), reason, personnel
            )
            return _operation_row(s, op)

    # --- reads --------------------------------------------------------------------------

    def inventory(self) -> InventorySnapshot:
        """Everything the Inventory screen shows, in one read transaction."""
        with self._sessions() as s:
            return read_inventory(s, self._clock.today(), self._catalog)

    def list_on_hand(self, **filters: object) -> list[OnHandRow]:
        with self._sessions() as s:
            return q.list_on_hand(s, self._clock.today(), **filters)  # type: ignore[arg-type]

    def product_totals(self, warning_days: int = q.DEFAULT_WARNING_DAYS) -> list[ProductTotalRow]:
        with self._sessions() as s:
            return q.product_totals(s, self._clock.today(), warning_days)

    def location_totals(self, product_id: int | None = None) -> list[LocationTotalRow]:
        with self._sessions() as s:
            return q.location_totals(s, self._clock.today(), product_id)

    def suggest_destination(
        self, product_id: int | None, source_id: int | None, within: int | None = None
    ) -> int | None:
        """The default "To" of a transfer: a vehicle below par first, never the source."""
        with self._sessions() as s:
            return q.suggest_destination(s, self._clock.today(), product_id, source_id, within)

    def fefo_pick(self, product_id: int, location_id: int, quantity: int) -> list[PickLine]:
        """The lots a transfer of `quantity` would take by default (first expiry first out)."""
        require_positive(quantity)
        with self._sessions() as s:
            return q.fefo_pick(s, self._clock.today(), product_id, location_id, quantity, MOVE)

    def list_expiring(self, within_days: int) -> list[OnHandRow]:
        with self._sessions() as s:
            return q.list_expiring(s, self._clock.today(), within_days)

    def list_moves(
        self, lot_id: int | None = None, location_id: int | None = None
    ) -> list[MoveRow]:
        with self._sessions() as s:
            return q.list_moves(s, lot_id=lot_id, location_id=location_id)

    def on_hand(self, lot_id: int, location_id: int) -> int:
        with self._sessions() as s:
            return on_hand(s, lot_id, location_id)

    def find_lot(self, product_id: int, lot_number: str) -> LotRow | None:
        with self._sessions() as s:
            lot = s.scalar(
                select(Lot).where(
                    Lot.product_id == product_id, Lot.lot_number == lot_number.strip()
                )
            )
            return None if lot is None else lot_row(s, lot)

    def list_lots(self, product_id: int) -> list[LotRow]:
        """Every lot ever recorded for a product, earliest expiry first (counts, history)."""
        with self._sessions() as s:
            lots = s.scalars(
                select(Lot)
                .where(Lot.product_id == product_id)
                .order_by(Lot.expiry.is_(None), Lot.expiry, Lot.lot_number)
            ).all()
            return [lot_row(s, lot) for lot in lots]

    def find_lots_by_number(self, lot_number: str, product_kind: str | None = None) -> list[LotRow]:
        """Lots with this number across products (a kit label carries only the kit lot)."""
        with self._sessions() as s:
            stmt = select(Lot).join(Product).where(Lot.lot_number == lot_number.strip())
            if product_kind is not None:
                stmt = stmt.where(Product.kind == product_kind)
            return [lot_row(s, lot) for lot in s.scalars(stmt.order_by(Lot.id))]

    def get_lot(self, lot_id: int) -> LotRow:
        with self._sessions() as s:
            return lot_row(s, get_lot(s, lot_id))

    def largest_receipts(self, product_ids: Sequence[int]) -> dict[int, int]:
        """The largest quantity ever received in one line, per product (for sanity checks)."""
        with self._sessions() as s:
            return q.largest_receipts(s, product_ids)

    def list_operations(self, limit: int = 200) -> list[OperationRow]:
        with self._sessions() as s:
            ops = s.scalars(select(Operation).order_by(Operation.id.desc()).limit(limit)).all()
            return [_operation_row(s, op) for op in ops]


def find_or_create_lot(
    s: Session,
    line: ReceiveLine,
    today: date,
    source_id: int | None,
    received_on: date,
    allow_expired: bool = False,
) -> Lot:
    """The lot a receipt line refers to; the same number must carry the same expiry."""
    product = s.get(Product, line.product_id)
    if product is None:
        raise NotFound("Choose a product from the catalog.")
    if not product.active:
        raise ValidationError(f"{product.name} is no longer active in the catalog.")
    number = (line.lot_number or "").strip()
    if product.lot_tracked and not number:
        raise ValidationError(f"Enter the lot number printed on the {product.name} package.")
    number = number or NO_LOT
    expiry = line.expiry
    if product.expires and product.lot_tracked and expiry is None:
        raise ValidationError(f"Enter the expiry date printed on the {product.name} package.")
    if is_expired(expiry, today) and not allow_expired:
        raise LotExpired(
            f"{product.name} lot {number} expired on {expiry:%Y-%m-%d}. "
            "Tick 'receive expired stock' to book it anyway (e.g. for training use)."
        )
    check_lot_number(number)
    lot = s.scalar(select(Lot).where(Lot.product_id == product.id, Lot.lot_number == number))
    if lot is None:
        lot = _insert_or_get_lot(s, product.id, number, expiry, source_id, received_on)
    if lot.expiry != expiry:
        known = lot.expiry.isoformat() if lot.expiry else "no expiry"
        raise LotConflict(
            f"{product.name} lot {number} is already recorded with expiry {known}; "
            "check the package and correct the expiry or the lot number."
        )
    return lot


def _insert_or_get_lot(
    s: Session,
    product_id: int,
    number: str,
    expiry: date | None,
    source_id: int | None,
    received_on: date,
) -> Lot:
    """A new lot, or the one another station inserted a moment ago (no unique-key traceback)."""
    values = {
        "product_id": product_id,
        "lot_number": number,
        "expiry": expiry,
        "source_id": source_id,
        "received_on": received_on,
        "created_at": datetime.combine(received_on, time()),
    }
    insert = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
    key = ["product_id", "lot_number"]
    s.execute(insert(Lot).values(**values).on_conflict_do_nothing(index_elements=key))
    lot = s.scalar(select(Lot).where(Lot.product_id == product_id, Lot.lot_number == number))
    if lot is None:  # cannot happen: the row was inserted or a committed one blocked the insert
        raise NotFound(f"Lot {number} could not be recorded; please try again.")
    return lot


def quarantine_location(s: Session, location_id: int) -> Location:
    """The quarantine shelf of the station holding `location_id` (created on first use)."""
    tree = LocationTree.load(s)
    station_id = tree.station_of(location_id) or location_id
    found = s.scalar(
        select(Location).where(
            Location.parent_id == station_id, Location.kind == LocationKind.QUARANTINE
        )
    )
    if found is None:
        found = Location(name="Quarantine", kind=LocationKind.QUARANTINE, parent_id=station_id)
        s.add(found)
        s.flush()
    return found


def lot_row(s: Session, lot: Lot) -> LotRow:
    product = s.get(Product, lot.product_id)
    return LotRow(
        lot.id,
        lot.product_id,
        product.name if product else "?",
        lot.lot_number,
        lot.expiry,
        lot.source.name if lot.source else None,
        lot.received_on,
    )


def line_label(s: Session, number: int, line: ReceiveLine) -> str:
    """'Line 3 (Narcan 4 mg nasal spray, lot A1): ', so a refusal names the line it is about."""
    product = s.get(Product, line.product_id)
    name = product.name if product else "unknown product"
    lot = f", lot {line.lot_number.strip()}" if (line.lot_number or "").strip() else ""
    return f"Line {number} ({name}{lot}): "


def _physical(s: Session, location_id: int) -> Location:
    place = get_location(s, location_id)
    if place.is_virtual:
        raise ValidationError(f"{place.name} is not a storage location.")
    return place


def _require_reason(reason: str) -> str:
    if not (reason or "").strip():
        raise ValidationError("Give a reason.")
    return reason.strip()


def operation_row(s: Session, op: Operation) -> OperationRow:
    """The operation as a row, for other stock use cases that post one (place counts)."""
    return _operation_row(s, op)


def _operation_row(s: Session, op: Operation) -> OperationRow:
    s.flush()
    count, total = s.execute(
        select(func.count(StockMove.id), func.coalesce(func.sum(StockMove.quantity), 0)).where(
            StockMove.operation_id == op.id
        )
    ).one()
    return OperationRow(op.id, op.at, op.reason, op.user, op.note, count, total)
