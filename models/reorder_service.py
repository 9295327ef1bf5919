"""ReorderService: reorder sheets for free naloxone sources (its issue fills this module)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from models.clock import Clock


@dataclass(frozen=True)
class ReorderDue:
    """A product whose usable stock has fallen to its minimum (reorder point)."""

    product_id: int
    product_name: str
    usable_units: int
    minimum_units: int
    unit_of_issue: str


class ReorderService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions, self._clock = sessions, clock

    def list_due(self) -> list[ReorderDue]:
        """Products at or below their reorder point (dashboard alert hook)."""
        return []
