"""VehicleCheckService: the shift-start check of the kits on board a vehicle, its history and
its paper sheet. Knows kits, the ledger and place counts; not alert rules or screens.

Recording a check is one transaction: the check, its lines and the stock movements it implies
(missing kits written off as a loss, expired kits to quarantine, opened kits broken into their
parts in quarantine) are all written, or, on any refusal, nothing is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.common.actor import Actor, Permission, requires
from models.common.clock import Clock
from models.common.errors import InactiveLocation, ValidationError
from models.common.pii_screen import screen_free_text
from models.common.settings import AGENCY_NAME, read_setting
from models.kits import queries
from models.kits.entities import KitBatch, VehicleCheck, VehicleCheckLine
from models.kits.ledger import break_kits
from models.kits.rows import KitStockRow
from models.kits.vehicle_check_rows import VehicleCheckEntry, VehicleCheckRow, VehicleCheckSheet
from models.stock.count_service import CountService
from models.stock.entities import Location, LocationKind, Operation, Reason
from models.stock.ledger import get_location, open_operation, post_move, virtual_location_id
from models.stock.location_tree import LocationTree
from models.stock.service import quarantine_location

CHECKED_KINDS = frozenset({LocationKind.VEHICLE.value, LocationKind.BAG.value})
HISTORY = 20
MAX_NOTE = 500


class VehicleCheckService:
    def __init__(
        self, sessions: sessionmaker[Session], clock: Clock, actor: Actor, counts: CountService
    ) -> None:
        self._sessions, self._clock, self._actor = sessions, clock, actor
        self._counts = counts

    # --- reads --------------------------------------------------------------------------

    def sheet(self, vehicle_id: int) -> VehicleCheckSheet:
        """The kits on board by the books (first expiry first) and the recent checks."""
        with self._sessions() as s:
            place = _vehicle(s, vehicle_id)
            tree = LocationTree.load(s)
            return VehicleCheckSheet(
                place.id,
                place.name,
                tree.rows[place.id].path,
                tuple(_kits_on_board(s, self._clock, place.id, tree)),
                tuple(_history(s, place.id, HISTORY)),
            )

    def list_checks(self, vehicle_id: int, limit: int = HISTORY) -> list[VehicleCheckRow]:
        with self._sessions() as s:
            return _history(s, vehicle_id, limit)

    def last_checks(self) -> dict[int, datetime]:
        """When each place was last checked (places never checked are absent)."""
        with self._sessions() as s:
            return last_checks(s)

    def write_check_sheet(self, path: Path | str, vehicle_id: int) -> Path:
        """A one-page sheet to check the vehicle on paper (written, not booked)."""
        from models.common.pdf import PageFrame
        from models.kits.vehicle_check_pdf import write_vehicle_check_pdf

        sheet = self.sheet(vehicle_id)
        with self._sessions() as s:
            agency = read_setting(s, AGENCY_NAME)
        frame = PageFrame(f"Vehicle check — {sheet.name}", agency, "", self._clock.now())
        return write_vehicle_check_pdf(path, frame, sheet, self._clock.today())

    # --- the check ----------------------------------------------------------------------

    @requires(Permission.RECORD, "record a vehicle check")
    def record_check(
        self, vehicle_id: int, entries: Sequence[VehicleCheckEntry], note: str | None = None
    ) -> VehicleCheckRow:
        """Record what the crew found; every kit on board must be accounted for."""
        personnel = list(self._actor.personnel())  # may be named in the note
        note = screen_free_text(note, "The note", personnel)
        if note is not None and len(note) > MAX_NOTE:
            raise ValidationError(f"Keep the note under {MAX_NOTE} characters.")
        counting = self._counts.open_count_covering(vehicle_id)
        with self._sessions.begin() as s:
            place = _vehicle(s, vehicle_id)
            if not place.active:
                raise InactiveLocation(f"{place.name} is inactive; it cannot be checked.")
            if counting is not None:
                raise ValidationError(
                    f"{place.name} is being counted (count no. {counting.id} of "
                    f"{counting.place}, started {counting.started_at:%Y-%m-%d} by "
                    f"{counting.started_by}). Post or abandon that count, then check the vehicle."
                )
            kits = _kits_on_board(s, self._clock, place.id, LocationTree.load(s))
            found = _match(kits, entries)
            if note is None and any(e.missing for e in found.values()):
                raise ValidationError(
                    "Say what is known about the missing kits (e.g. 'not on board at shift "
                    "start, reported to the supervisor')."
                )
            check = VehicleCheck(location_id=place.id, checked_at=self._clock.now(),
                                 checked_by=self._actor.name or "unknown", note=note)  # fmt: skip
            s.add(check)
            s.flush()
            for kit in kits:
                entry = found[(kit.lot_id, kit.location_id)]
                s.add(VehicleCheckLine(check_id=check.id, lot_id=kit.lot_id,
                                       location_id=kit.location_id, expected=kit.quantity,
                                       on_board=entry.on_board, missing=entry.missing,
                                       expired=entry.expired, opened=entry.opened))  # fmt: skip
            _Movements(s, check, place, note, self._actor, personnel).post(found.values())
            s.flush()
            return _history(s, place.id, 1)[0]


def _vehicle(s: Session, vehicle_id: int) -> Location:
    place = get_location(s, vehicle_id)
    if place.kind not in CHECKED_KINDS:
        raise ValidationError(f"{place.name} is not a vehicle or a bag; only those are checked.")
    return place


def _kits_on_board(
    s: Session, clock: Clock, vehicle_id: int, tree: LocationTree
) -> list[KitStockRow]:
    rows = queries.kit_stock(s, clock.today(), vehicle_id, tree)
    return [r for r in rows if not r.quarantined]


def _match(
    kits: list[KitStockRow], entries: Sequence[VehicleCheckEntry]
) -> dict[tuple[int, int], VehicleCheckEntry]:
    """Each kit lot on board with what was found of it; refuses gaps and wrong numbers."""
    on_books = {(k.lot_id, k.location_id): k for k in kits}
    found: dict[tuple[int, int], VehicleCheckEntry] = {}
    for entry in entries:
        key = (entry.lot_id, entry.location_id)
        kit = on_books.get(key)
        if kit is None:
            raise ValidationError(
                "A kit lot in the check is not on board by the books; reopen the check."
            )
        for number in (entry.on_board, entry.missing, entry.expired, entry.opened):
            if isinstance(number, bool) or not isinstance(number, int) or number < 0:
                raise ValidationError("Kits found are whole numbers, 0 or more.")
        if entry.total != kit.quantity:
            raise ValidationError(
                f"Kit lot {kit.lot_number}: {kit.quantity} on board by the books, "
                f"{entry.total} accounted for. Tick, scan or mark every kit."
            )
        found[key] = entry
    unchecked = [k for key, k in on_books.items() if key not in found]
    if unchecked:
        lots = ", ".join(k.lot_number for k in unchecked[:5])
        raise ValidationError(f"Kit lot {lots} not checked yet: tick, scan or mark every kit.")
    return found


class _Movements:
    """The stock movements a check implies, one operation per kind of finding."""

    def __init__(
        self,
        s: Session,
        check: VehicleCheck,
        place: Location,
        note: str | None,
        actor: Actor,
        personnel: list[str],
    ) -> None:
        self._s, self._check, self._place, self._note = s, check, place, note
        self._actor, self._personnel = actor, personnel
        self._ops: dict[Reason, Operation] = {}

    def post(self, entries: Iterable[VehicleCheckEntry]) -> None:
        s = self._s
        hold = 0  # the station's quarantine shelf, looked up (or made) when first needed
        for entry in entries:
            if entry.missing:
                loss = virtual_location_id(s, LocationKind.ADJUSTMENT)
                post_move(s, self._op(Reason.ADJUST, "kits missing"), entry.lot_id,
                          entry.location_id, loss, entry.missing)  # fmt: skip
            if entry.expired or entry.opened:
                hold = hold or quarantine_location(s, self._place.id).id
            if entry.expired:
                post_move(s, self._op(Reason.QUARANTINE, "expired kits taken off"),
                          entry.lot_id, entry.location_id, hold, entry.expired)  # fmt: skip
            if entry.opened:
                self._opened(entry, hold)

    def _opened(self, entry: VehicleCheckEntry, hold: int) -> None:
        """Kits made here are broken into their parts in quarantine (to inspect and re-kit);
        kits received ready-made cannot be broken down and are disposed of as damaged."""
        s = self._s
        assembled = s.scalar(select(KitBatch.id).where(KitBatch.lot_id == entry.lot_id))
        if assembled is not None:
            op = self._op(Reason.DISASSEMBLE, "opened kits broken into parts in quarantine")
            break_kits(s, op, entry.lot_id, entry.location_id, entry.opened, release_to=hold)
            return
        gone = virtual_location_id(s, LocationKind.DISPOSED)
        op = self._op(Reason.DISPOSE, "opened kits", prefix="damaged: ")
        post_move(s, op, entry.lot_id, entry.location_id, gone, entry.opened)

    def _op(self, reason: Reason, what: str, prefix: str = "") -> Operation:
        if reason not in self._ops:
            text = f"{prefix}Vehicle check no. {self._check.id} of {self._place.name}: {what}"
            if self._note:
                text += f" — {self._note}"
            self._ops[reason] = open_operation(self._s, reason, self._actor.name,
                                               self._check.checked_at, text, None,
                                               self._personnel)  # fmt: skip
        return self._ops[reason]


def last_checks(s: Session) -> dict[int, datetime]:
    """Place id -> its newest check (for readiness and the overdue alert)."""
    rows = s.execute(
        select(VehicleCheck.location_id, func.max(VehicleCheck.checked_at)).group_by(
            VehicleCheck.location_id
        )
    ).all()
    return {place: when for place, when in rows}


def _history(s: Session, vehicle_id: int, limit: int) -> list[VehicleCheckRow]:
    line = VehicleCheckLine
    totals = (
        select(line.check_id, func.sum(line.expected), func.sum(line.on_board),
               func.sum(line.missing), func.sum(line.expired), func.sum(line.opened))
        .group_by(line.check_id)
        .subquery()
    )  # fmt: skip
    rows = s.execute(
        select(VehicleCheck, totals)
        .outerjoin(totals, totals.c.check_id == VehicleCheck.id)
        .where(VehicleCheck.location_id == vehicle_id)
        .order_by(VehicleCheck.checked_at.desc(), VehicleCheck.id.desc())
        .limit(limit)
    ).all()
    out = []
    for check, _, expected, on_board, missing, expired, opened in rows:
        out.append(VehicleCheckRow(check.id, check.location_id, check.checked_at,
                                   check.checked_by, int(expected or 0), int(on_board or 0),
                                   int(missing or 0), int(expired or 0), int(opened or 0),
                                   check.note))  # fmt: skip
    return out
