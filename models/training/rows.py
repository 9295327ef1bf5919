"""Frozen rows of the training area handed to screens, reports and the sign-in sheet."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


class Status:
    """Training status of a roster line, in the order a trainer acts on them."""

    OVERDUE = "Overdue"
    DUE = "Due soon"
    UNTRAINED = "Not trained"
    CURRENT = "Current"
    INACTIVE = "Inactive"


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    badge: str | None
    unit: str | None
    station_id: int | None
    station_name: str | None
    role: str | None
    active: bool
    lbn_trained_on: date | None
    od_trained_on: date | None
    due_on: date | None  # earliest refresher due of the trainings the person holds
    status: str
    sessions_attended: int = 0

    @property
    def label(self) -> str:
        return f"{self.name} ({self.badge})" if self.badge else self.name


@dataclass(frozen=True)
class SessionRow:
    id: int
    held_on: date
    kind: str
    kind_label: str
    elements: tuple[str, ...]
    trainer: str | None
    outside_headcount: int
    notes: str | None
    attendee_ids: tuple[int, ...]
    attendee_labels: tuple[str, ...]

    @property
    def total_attendees(self) -> int:
        return len(self.attendee_ids) + self.outside_headcount


@dataclass(frozen=True)
class FeedbackRow:
    id: int
    received_on: date
    source: str
    source_label: str
    category: str
    category_label: str
    text: str


@dataclass(frozen=True)
class PeriodFigures:
    """Training figures for a period (partner workbook, program summary, quarter table)."""

    start: date
    end: date
    sessions: int
    sessions_by_kind: dict[str, int] = field(default_factory=dict)
    personnel_trained: int = 0  # distinct roster personnel at a counting session
    personnel_attendances: int = 0  # roster person × session, any session type
    outside_attendees: int = 0
    feedback_by_category: dict[str, int] = field(default_factory=dict)

    @property
    def total_attendees(self) -> int:
        return self.personnel_attendances + self.outside_attendees


@dataclass(frozen=True)
class QuarterFigures:
    label: str  # "2025 Q3"
    figures: PeriodFigures
