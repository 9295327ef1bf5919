"""Queries of the training area inside an open session: rows, figures, attendance updates."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.common.errors import NotFound, ValidationError
from models.common.pii_screen import screen_free_text
from models.common.settings import read_setting
from models.stock.entities import Location, LocationKind
from models.training.elements import (
    FEEDBACK_CATEGORIES,
    FEEDBACK_SOURCES,
    SessionKind,
    clean_elements,
    counts_for,
)
from models.training.entities import Feedback, Person, TrainingAttendance, TrainingSession
from models.training.rows import FeedbackRow, PeriodFigures, PersonRow, SessionRow
from models.training.rules import (
    REFRESHER_MONTHS_KEY,
    WARNING_DAYS_KEY,
    clean_text,
    refresher_due,
    status_of,
)

MAX_HEADCOUNT = 10_000


def policy(s: Session) -> tuple[int, int]:
    """(refresher interval in months, warning window in days) from the agency settings."""
    months = read_setting(s, REFRESHER_MONTHS_KEY)
    days = read_setting(s, WARNING_DAYS_KEY)
    return months, days


def person_rows(s: Session, today: date, persons: list[Person] | None = None) -> list[PersonRow]:
    """Rows of `persons`, or of everyone (by name) read in one statement with their station and
    the number of sessions attended."""
    months, warn = policy(s)
    if persons is None:
        return [
            _person_row(p, station, attended or 0, months, warn, today)
            for p, station, attended in s.execute(_everyone())
        ]
    stations = {row[0]: row[1] for row in s.execute(select(Location.id, Location.name))}
    attended = {row[0]: row[1] for row in s.execute(_attended())}
    return [
        _person_row(
            p,
            stations.get(p.station_id) if p.station_id else None,
            attended.get(p.id, 0),
            months,
            warn,
            today,
        )
        for p in persons
    ]


def _attended() -> Any:
    return select(TrainingAttendance.person_id, func.count().label("sessions")).group_by(
        TrainingAttendance.person_id
    )


def _everyone() -> Any:
    attended = _attended().subquery()
    return (
        select(Person, Location.name, attended.c.sessions)
        .outerjoin(Location, Location.id == Person.station_id)
        .outerjoin(attended, attended.c.person_id == Person.id)
        .order_by(Person.name, Person.id)
    )


def _person_row(
    p: Person, station: str | None, attended: int, months: int, warn: int, today: date
) -> PersonRow:
    due = refresher_due(p.lbn_trained_on, p.od_trained_on, months)
    return PersonRow(
        id=p.id,
        name=p.name,
        badge=p.badge,
        unit=p.unit,
        station_id=p.station_id,
        station_name=station,
        role=p.role,
        active=bool(p.active),
        lbn_trained_on=p.lbn_trained_on,
        od_trained_on=p.od_trained_on,
        due_on=due,
        status=status_of(bool(p.active), p.lbn_trained_on, due, today, warn),
        sessions_attended=attended,
    )


def session_row(s: Session, session: TrainingSession) -> SessionRow:
    people = s.execute(
        select(Person.id, Person.name, Person.badge)
        .join(TrainingAttendance, TrainingAttendance.person_id == Person.id)
        .where(TrainingAttendance.session_id == session.id)
        .order_by(Person.name)
    ).all()
    kind = SessionKind(session.kind)
    return SessionRow(
        id=session.id,
        held_on=session.held_on,
        kind=kind.value,
        kind_label=kind.label,
        elements=tuple(json.loads(session.elements or "[]")),
        trainer=session.trainer,
        outside_headcount=session.outside_headcount or 0,
        notes=session.notes,
        attendee_ids=tuple(p.id for p in people),
        attendee_labels=tuple(f"{p.name} ({p.badge})" if p.badge else p.name for p in people),
    )


def feedback_row(f: Feedback) -> FeedbackRow:
    return FeedbackRow(
        id=f.id,
        received_on=f.received_on,
        source=f.source,
        source_label=FEEDBACK_SOURCES.get(f.source, f.source),
        category=f.category,
        category_label=FEEDBACK_CATEGORIES.get(f.category, f.category),
        text=f.text,
    )


def get_person(s: Session, person_id: int) -> Person:
    person = s.get(Person, person_id)
    if person is None:
        raise NotFound(f"Person {person_id} is not on the roster.")
    return person


def get_session(s: Session, session_id: int) -> TrainingSession:
    session = s.get(TrainingSession, session_id)
    if session is None:
        raise NotFound(f"Training session {session_id} does not exist.")
    return session


def check_station(s: Session, station_id: int | None) -> None:
    if station_id is None:
        return
    place = s.get(Location, station_id)
    if place is None or place.kind != LocationKind.STATION:
        raise ValidationError("Choose a station for the person's unit (not a room or vehicle).")


def check_unique_badge(s: Session, badge: str | None, own_id: int | None) -> None:
    if badge is None:
        return
    other = s.scalars(select(Person).where(func.lower(Person.badge) == badge.lower())).first()
    if other is not None and other.id != own_id:
        raise ValidationError(f"ID/badge {badge} already belongs to {other.name}.")


def credit_attendees(s: Session, session: TrainingSession, person_ids: list[int]) -> None:
    """Move attendees' training dates forward to this session; never backwards."""
    elements = tuple(json.loads(session.elements or "[]"))
    lbn, od = counts_for(SessionKind(session.kind), elements)
    for person_id in person_ids:
        person = get_person(s, person_id)
        if lbn and (person.lbn_trained_on is None or person.lbn_trained_on < session.held_on):
            person.lbn_trained_on = session.held_on
        if od and (person.od_trained_on is None or person.od_trained_on < session.held_on):
            person.od_trained_on = session.held_on


def period_figures(s: Session, start: date, end: date) -> PeriodFigures:
    sessions = list(
        s.scalars(
            select(TrainingSession).where(
                TrainingSession.held_on >= start, TrainingSession.held_on <= end
            )
        )
    )
    ids = [x.id for x in sessions]
    pairs = select(TrainingAttendance.session_id, TrainingAttendance.person_id).where(
        TrainingAttendance.session_id.in_(ids)
    )
    attendance = [(row[0], row[1]) for row in s.execute(pairs)] if ids else []
    counting = {
        x.id
        for x in sessions
        if any(counts_for(SessionKind(x.kind), tuple(json.loads(x.elements or "[]"))))
    }
    per_category = (
        select(Feedback.category, func.count())
        .where(Feedback.received_on >= start, Feedback.received_on <= end)
        .group_by(Feedback.category)
    )
    feedback = {row[0]: row[1] for row in s.execute(per_category)}
    return PeriodFigures(
        start=start,
        end=end,
        sessions=len(sessions),
        sessions_by_kind=dict(Counter(x.kind for x in sessions)),
        personnel_trained=len({p for sid, p in attendance if sid in counting}),
        personnel_attendances=len(attendance),
        outside_attendees=sum(x.outside_headcount or 0 for x in sessions),
        feedback_by_category=feedback,
    )


def fill_session(
    s: Session,
    session: TrainingSession,
    elements: list[str] | tuple[str, ...],
    trainer: str | None,
    attendee_ids: list[int] | tuple[int, ...],
    outside_headcount: int,
    notes: str | None,
) -> None:
    """Validate and write a session's content and attendance, then credit the attendees."""
    kind = SessionKind(session.kind)
    covered = clean_elements(elements)
    if kind is not SessionKind.OTHER and not covered:
        raise ValidationError("Tick the elements the session covered.")
    if not 0 <= outside_headcount <= MAX_HEADCOUNT:
        raise ValidationError(f"Outside attendees must be between 0 and {MAX_HEADCOUNT}.")
    people = list(dict.fromkeys(attendee_ids))
    if not people and not outside_headcount:
        raise ValidationError("Tick the attendees from the roster or count outside attendees.")
    session.elements = json.dumps(list(covered))
    session.trainer = clean_text(trainer, "The trainer", 120)
    session.outside_headcount = outside_headcount
    roster = s.scalars(select(Person.name))
    session.notes = screen_free_text(notes, "The session notes", list(roster))
    s.flush()
    for person_id in people:
        get_person(s, person_id)
        s.add(TrainingAttendance(session_id=session.id, person_id=person_id))
    s.flush()
    credit_attendees(s, session, people)
