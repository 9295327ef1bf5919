"""ReorderService: what to ask which free source for, and the life of each request.

One public method = one transaction; refusals are DomainErrors and write nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.common.actor import Actor, Permission, requires
from models.common.clock import Clock
from models.common.errors import NotFound, ValidationError
from models.common.pii_screen import screen_free_text
from models.common.settings import AGENCY_ADDRESS, AGENCY_NAME, read_setting, write_setting
from models.common.wording import counted
from models.reorders import drafting as d
from models.reorders import records as rr
from models.reorders.calc import DEFAULT_LEAD_TIME_DAYS, METHOD_NOTE, Parameters
from models.reorders.entities import Reorder, ReorderStatus
from models.reorders.ledger_memo import LedgerMemo
from models.reorders.proposal import (
    KEY_CONTACT,
    KEY_MAX,
    KEY_MIN,
    KEY_WINDOW,
    build_proposal,
    load_parameters,
)
from models.reorders.rows import (
    DraftLine,
    Proposal,
    ReceiptResult,
    ReorderRow,
    ReorderSheet,
)
from models.reorders.surges import SurgeMixin
from models.stock.entities import Location, LocationKind
from models.training.service import TrainingService


@dataclass(frozen=True)
class ReorderDue:
    """A product whose usable stock has fallen to its minimum (reorder point)."""

    product_id: int
    product_name: str
    usable_units: int
    minimum_units: int
    unit_of_issue: str
    on_order_units: int = 0
    group: str | None = None  # set when the item is an interchange group ("any brand")


class ReorderService(SurgeMixin):
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, actor: Actor) -> None:
        self._sessions, self._clock, self._actor = sessions, clock, actor
        self._ledger = LedgerMemo()  # consumption read again only after a new operation

    # --- parameters and proposals --------------------------------------------------------

    def parameters(self) -> Parameters:
        with self._sessions() as s:
            return load_parameters(s)

    @requires(Permission.MANAGE, "change reorder settings")
    def save_parameters(self, params: Parameters) -> Parameters:
        if not 1 <= params.window_months <= 36:
            raise ValidationError("Average consumption over 1 to 36 months.")
        if not 0 < params.min_months < params.max_months <= 24:
            raise ValidationError(
                "The minimum months of stock must be above 0 and below the maximum (at most 24)."
            )
        with self._sessions.begin() as s:
            write_setting(s, KEY_WINDOW, int(params.window_months))
            write_setting(s, KEY_MAX, float(params.max_months))
            write_setting(s, KEY_MIN, float(params.min_months))
            return load_parameters(s)

    def asks_trained_count(self, source_id: int) -> bool:
        """Whether this source's request form asks for the number of trained personnel."""
        with self._sessions() as s:
            return bool(d.get_source(s, source_id).asks_trained_count)

    def default_contact(self) -> str:
        with self._sessions() as s:
            return read_setting(s, KEY_CONTACT)

    def propose(self, source_id: int | None = None, station_id: int | None = None) -> Proposal:
        """Today's max-min result for every orderable item (lead time from the source)."""
        with self._sessions() as s:
            source = None if source_id is None else d.get_source(s, source_id)
            if station_id is not None:
                d.get_station(s, station_id)
            return build_proposal(
                s,
                self._clock.today(),
                station_id=station_id,
                lead_days=source.lead_time_days if source else DEFAULT_LEAD_TIME_DAYS,
                source_name=source.name if source else "",
                memo=self._ledger,
            )

    def list_due(self) -> list[ReorderDue]:
        """Items at or below their reorder point, not already lifted above it by open orders."""
        with self._sessions() as s:
            return self.due_in(s)

    def due_in(self, s: Session) -> list[ReorderDue]:
        """`list_due` inside the caller's read session (the dashboard reads in one)."""
        proposal = build_proposal(
            s,
            self._clock.today(),
            station_id=None,
            lead_days=DEFAULT_LEAD_TIME_DAYS,
            memo=self._ledger,
        )
        out = []
        for line in proposal.lines:
            r = line.result
            if not r.due or r.usable + r.on_order > r.min_units:
                continue
            product_id = line.product_id or d.latest_of_group(s, line.group or "")
            out.append(
                ReorderDue(
                    product_id, line.label, r.usable, r.min_units, line.unit, r.on_order, line.group
                )
            )
        return out

    # --- drafts --------------------------------------------------------------------------

    @requires(Permission.MANAGE, "create reorders")
    def create_reorders(
        self,
        source_ids: Sequence[int],
        lines: Sequence[DraftLine],
        *,
        station_id: int | None = None,
        ship_to: str = "",
        contact: str = "",
        note: str = "",
        include_trained_count: bool | None = None,
    ) -> list[ReorderRow]:
        """Draft requests: the first source gets all it may send, the next ones the rest."""
        wanted = [line for line in lines if line.packages]
        if not source_ids:
            raise ValidationError("Choose the source to ask.")
        if not wanted:
            raise ValidationError("Nothing to order: every quantity is 0.")
        if any(line.packages < 0 for line in wanted):
            raise ValidationError("Quantities cannot be negative.")
        trained = TrainingService(self._sessions, self._clock, self._actor).summary().trained
        with self._sessions.begin() as s:
            sources = [d.get_source(s, i) for i in dict.fromkeys(source_ids)]
            if station_id is not None:
                d.get_station(s, station_id)
            proposal = build_proposal(
                s,
                self._clock.today(),
                station_id=station_id,
                lead_days=sources[0].lead_time_days,
                source_name=sources[0].name,
            )
            found = {line.key: line for line in proposal.lines}
            shares = d.split_by_caps(wanted, found, sources)
            params = load_parameters(s)
            out = []
            for source in sources:
                share = shares.get(source.id)
                if not share:
                    continue
                asks = source.asks_trained_count
                if include_trained_count is not None:
                    asks = include_trained_count
                reorder = Reorder(
                    source_id=source.id,
                    status=ReorderStatus.DRAFT.value,
                    station_id=station_id,
                    ship_to=ship_to.strip() or None,
                    contact=contact.strip() or read_setting(s, KEY_CONTACT) or None,
                    note=screen_free_text(note, "The note"),
                    include_trained_count=asks,
                    trained_count=trained if asks else None,
                    window_months=params.window_months,
                    max_months=params.max_months,
                    min_months=params.min_months,
                    lead_time_days=source.lead_time_days,
                    created_at=self._clock.now(),
                    created_by=self._actor.name,
                )
                for position, (proposal_line, packages, why) in enumerate(share):
                    reorder.lines.append(d.new_line(position, proposal_line, packages, why))
                s.add(reorder)
                s.flush()
                rr.change_status(
                    s, reorder, ReorderStatus.DRAFT, self._actor.name, self._clock.now()
                )
                out.append(rr.reorder_row(s, reorder))
            if contact.strip():
                write_setting(s, KEY_CONTACT, contact.strip())
            return out

    @requires(Permission.MANAGE, "change a reorder")
    def set_line_packages(self, reorder_id: int, line_id: int, packages: int) -> ReorderRow:
        """Change a draft line's number of packages (0 removes the line)."""
        if isinstance(packages, bool) or not isinstance(packages, int) or packages < 0:
            raise ValidationError("A number of packages is a whole number, 0 or more.")
        with self._sessions.begin() as s:
            reorder = d.get_draft(s, reorder_id)
            line = next((x for x in reorder.lines if x.id == line_id), None)
            if line is None:
                raise NotFound("That line is not on this reorder.")
            if packages == 0:
                if len(reorder.lines) == 1:
                    raise ValidationError("A reorder keeps at least one line; cancel it instead.")
                reorder.lines.remove(line)
            elif packages != line.packages:
                note = (
                    f"Changed by the quartermaster: {counted(packages, line.package_name)} "
                    f"instead of {line.packages} on the draft"
                )
                line.steps = f"{line.steps}\nQuantity requested: {note}"
                line.quantity_note = note
                line.packages = packages
                line.quantity = packages * line.units_per_package
            s.flush()
            return rr.reorder_row(s, reorder)

    # --- lifecycle -----------------------------------------------------------------------

    @requires(Permission.MANAGE, "mark a reorder sent")
    def mark_sent(self, reorder_id: int, note: str = "") -> ReorderRow:
        trained = TrainingService(self._sessions, self._clock, self._actor).summary().trained
        with self._sessions.begin() as s:
            reorder = d.get_draft(s, reorder_id)
            reorder.sent_on = self._clock.today()
            if reorder.include_trained_count:
                reorder.trained_count = trained
            rr.change_status(
                s, reorder, ReorderStatus.SENT, self._actor.name, self._clock.now(), note
            )
            return rr.reorder_row(s, reorder)

    @requires(Permission.MANAGE, "cancel a reorder")
    def cancel(self, reorder_id: int, reason: str) -> ReorderRow:
        if not (reason or "").strip():
            raise ValidationError("Say why the reorder is cancelled.")
        with self._sessions.begin() as s:
            reorder = rr.get_reorder(s, reorder_id)
            if reorder.status in (ReorderStatus.RECEIVED, ReorderStatus.CANCELLED):
                raise ValidationError(
                    f"{rr.number_of(reorder.id)} is already {reorder.status.replace('_', ' ')}."
                )
            rr.change_status(
                s, reorder, ReorderStatus.CANCELLED, self._actor.name, self._clock.now(), reason
            )
            return rr.reorder_row(s, reorder)

    @requires(Permission.MANAGE, "receive against a reorder")
    def record_receipt(self, reorder_id: int, operation_id: int) -> ReceiptResult:
        """Book what a receipt brought against an open reorder and move its status on."""
        with self._sessions.begin() as s:
            reorder = rr.get_reorder(s, reorder_id)
            if not ReorderStatus(reorder.status).is_open:
                raise ValidationError(
                    f"{rr.number_of(reorder.id)} is {ReorderStatus(reorder.status).label.lower()}"
                    "; only a sent reorder can be received against."
                )
            booked, unmatched = rr.book_receipt(
                s, reorder, operation_id, self._actor.name, self._clock.now()
            )
            if not booked:
                raise ValidationError(
                    f"Nothing received in movement {operation_id} is on {rr.number_of(reorder.id)}."
                )
            done = rr.fully_received(s, reorder)
            status = ReorderStatus.RECEIVED if done else ReorderStatus.PARTLY_RECEIVED
            note = f"{booked} units in movement {operation_id}"
            rr.change_status(s, reorder, status, self._actor.name, self._clock.now(), note)
            return ReceiptResult(rr.reorder_row(s, reorder), booked, tuple(unmatched))

    # --- queries -------------------------------------------------------------------------

    def list_reorders(
        self, source_id: int | None = None, status: str | None = None
    ) -> list[ReorderRow]:
        with self._sessions() as s:
            stmt = select(Reorder).order_by(Reorder.id.desc())
            if source_id is not None:
                stmt = stmt.where(Reorder.source_id == source_id)
            if status is not None:
                stmt = stmt.where(Reorder.status == status)
            return [rr.reorder_row(s, r) for r in s.scalars(stmt)]

    def sheet(self, reorder_id: int) -> ReorderSheet:
        """All a printed or exported reorder sheet shows."""
        with self._sessions() as s:
            reorder = rr.get_reorder(s, reorder_id)
            source = d.get_source(s, reorder.source_id)
            return ReorderSheet(
                reorder=rr.reorder_row(s, reorder),
                agency_name=read_setting(s, AGENCY_NAME),
                agency_address=read_setting(s, AGENCY_ADDRESS),
                source_name=source.name,
                program_type=source.program_type,
                source_contact=source.contact_name or "",
                source_phone=source.phone or "",
                source_email=source.email or "",
                source_address=source.address or "",
                ordering_method=source.ordering_method,
                registration_number=source.registration_number or "",
                lead_time_days=reorder.lead_time_days,
                ship_to=reorder.ship_to or "",
                contact=reorder.contact or "",
                note=reorder.note or "",
                trained_count=reorder.trained_count if reorder.include_trained_count else None,
                parameters_text=Parameters(
                    reorder.window_months, reorder.max_months, reorder.min_months
                ).describe(),
                method_note=METHOD_NOTE,
                lines=rr.line_rows(s, reorder),
                history=rr.history_rows(reorder),
                receipts=rr.receipt_rows(s, reorder),
                date=reorder.sent_on or reorder.created_at.date(),
            )

    def receive_prefill(self, reorder_id: int) -> list[tuple[int, int]]:
        """(product id, units) still outstanding; a group line names its latest-received brand."""
        with self._sessions() as s:
            reorder = rr.get_reorder(s, reorder_id)
            out = []
            for line in rr.line_rows(s, reorder):
                if line.outstanding <= 0:
                    continue
                product_id = line.product_id or d.latest_of_group(s, line.group or "")
                out.append((product_id, line.outstanding))
            return out

    def receive_location(self, reorder_id: int) -> int | None:
        """Where a delivery goes: the station's supply room (else the station); None: ask."""
        with self._sessions() as s:
            reorder = rr.get_reorder(s, reorder_id)
            if reorder.station_id is None:
                return None
            room = s.scalar(
                select(Location.id)
                .where(Location.parent_id == reorder.station_id)
                .where(Location.kind == LocationKind.ROOM, Location.active)
                .order_by(Location.name)
            )
            return room or reorder.station_id
