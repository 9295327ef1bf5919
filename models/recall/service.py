"""RecallService: find a lot, trace where it went (loose, in kits, distributed), quarantine it.

Each public method is one transaction; the rules live in `trace`.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from models.common.actor import Actor, Permission, requires
from models.common.clock import Clock
from models.common.errors import ValidationError
from models.recall import trace
from models.recall.record import read_record
from models.recall.rows import LotSearchRow, RecallRecord, RecallResult, RecallTrace
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

    def recall_record(self, lot_id: int) -> RecallRecord:
        with self._sessions() as s:
            return read_record(s, lot_id)

    def write_record(self, lot_id: int, pdf_path: Path | str) -> tuple[Path, Path]:
        """The recall record as a PDF and, beside it, the same tables as an .xlsx workbook.

        Read from the ledger only: the same lot gives the same record until a new entry
        touches it.
        """
        # reportlab and openpyxl are imported only when a record is asked for (start-up time).
        from models.recall.record_pdf import write_record_pdf
        from models.recall.record_xlsx import write_record_xlsx

        record = self.recall_record(lot_id)
        pdf = write_record_pdf(Path(pdf_path), record)
        return pdf, write_record_xlsx(pdf.with_suffix(".xlsx"), record)

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
