"""TrainingService: personnel, sessions, feedback (its issue fills this module)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from models.clock import Clock


@dataclass(frozen=True)
class TrainingSummary:
    active_personnel: int
    trained: int  # active personnel with current LBN training
    refreshers_due: int  # due within the warning window
    refreshers_overdue: int

    @property
    def percent_trained(self) -> float:
        return 0.0 if not self.active_personnel else 100.0 * self.trained / self.active_personnel


@dataclass(frozen=True)
class RefresherDue:
    person_id: int
    name: str
    due_on: date
    overdue: bool


class TrainingService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions, self._clock = sessions, clock

    def summary(self) -> TrainingSummary:
        """Figures for the dashboard, reports and partner workbook."""
        return TrainingSummary(0, 0, 0, 0)

    def list_refreshers_due(self, within_days: int = 30) -> list[RefresherDue]:
        """Active personnel whose refresher is due within `within_days` or overdue."""
        return []
