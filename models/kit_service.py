"""KitService: not built yet (its issue fills this module)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from models.clock import Clock


class KitService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions, self._clock = sessions, clock
