"""RecallService: find a lot, trace where it went (loose, in kits, distributed), quarantine it.

Each public method is one transaction; the rules live in `trace`.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from models.common.actor import Actor, Permission, requires
from models.common.clock import Clock
from models.common.errors import ValidationError
from models.recall import trace
from models.recall.rows import LotSearchRow, RecallResult, RecallTrace
from models.stock.entities import Reason
from models.stock.ledger import get_lot, open_operation


class RecallService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, actor: Actor) -> None:
        self._sessions, self._clock, self._actor = sessions, clock, actor

    def search_lots(self, text: str) -> list[LotSearchRow]:
        with self._sessions() as s:
            return trace.search_lots(s, text)

    def trace_lot(self, lot_id: int) -> RecallTrace:
        with self._sessions() as s:
            return trace.trace_lot(s, lot_id)

    @requires(Permission.MANAGE, "quarantine recalled lots")
    def quarantine_recalled(self, lot_id: int, reason: str) -> RecallResult:
        """Quarantine every unit still on hand, loose or inside kits, in one operation."""
        if not (reason or "").strip():
            raise ValidationError("Give the recall reason or notice number.")
        with self._sessions.begin() as s:
            lot = get_lot(s, lot_id)
            op = open_operation(
                s,
                Reason.QUARANTINE,
                self._actor.name,
                self._clock.now(),
                f"Recall of lot {lot.lot_number}: {reason.strip()}",
            )
            return trace.quarantine_recalled(s, op, lot_id)
