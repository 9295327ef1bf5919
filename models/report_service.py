"""ReportService: PDF reports and partner workbooks (its issue fills this module)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from models.clock import Clock


@dataclass(frozen=True)
class DeadlineDue:
    """A partner's reporting deadline coming up (dashboard reminder hook)."""

    partner_id: int
    partner_name: str
    due_on: date
    days_left: int


class ReportService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions, self._clock = sessions, clock

    def list_deadlines_due(self, within_days: int = 14) -> list[DeadlineDue]:
        """Partner reporting deadlines within `within_days` (or past)."""
        return []
