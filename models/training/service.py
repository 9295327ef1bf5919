"""TrainingService: personnel roster, training sessions, feedback log and training figures.

Personnel are staff and are named; feedback is about the program and is screened for personal
data like any other free text. One public method is one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session, sessionmaker

from models.common.actor import Actor, Permission, requires
from models.common.clock import Clock
from models.common.errors import NotFound, ValidationError
from models.common.pii_screen import screen_free_text
from models.common.settings import write_setting
from models.training import queries as q
from models.training.elements import (
    FEEDBACK_CATEGORIES,
    FEEDBACK_SOURCES,
    parse_kind,
)
from models.training.entities import Feedback, Person, TrainingAttendance, TrainingSession
from models.training.rows import FeedbackRow, PeriodFigures, PersonRow, QuarterFigures, Status
from models.training.rows import SessionRow as SessionRow
from models.training.rules import (
    REFRESHER_MONTHS_KEY,
    WARNING_DAYS_KEY,
    check_past,
    check_policy,
    clean_text,
    quarter_of,
)


@dataclass(frozen=True)
class TrainingSummary:
    active_personnel: int
    trained: int  # active personnel with current LBN training (trained and not overdue)
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
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, actor: Actor) -> None:
        self._sessions, self._clock, self._actor = sessions, clock, actor

    # --- policy ---------------------------------------------------------------------------

    def refresher_policy(self) -> tuple[int, int]:
        """(refresher interval in months, warning window in days)."""
        with self._sessions() as s:
            return q.policy(s)

    @requires(Permission.MANAGE, "change the refresher policy")
    def set_refresher_policy(self, months: int, warning_days: int) -> None:
        check_policy(months, warning_days)
        with self._sessions.begin() as s:
            write_setting(s, REFRESHER_MONTHS_KEY, months)
            write_setting(s, WARNING_DAYS_KEY, warning_days)

    # --- roster ---------------------------------------------------------------------------

    def list_personnel(self, include_inactive: bool = True, text: str = "") -> list[PersonRow]:
        with self._sessions() as s:
            stmt = select(Person).order_by(Person.name, Person.id)
            if not include_inactive:
                stmt = stmt.where(Person.active)
            if text.strip():
                like = f"%{text.strip()}%"
                stmt = stmt.where(
                    or_(Person.name.ilike(like), Person.badge.ilike(like), Person.unit.ilike(like))
                )
            return q.person_rows(s, self._clock.today(), list(s.scalars(stmt)))

    def personnel_names(self) -> list[str]:
        """Names on the roster: the people notes may name (the personal-data screen allows them)."""
        with self._sessions.begin() as s:
            return list(s.scalars(select(Person.name)))

    def get_person(self, person_id: int) -> PersonRow:
        with self._sessions() as s:
            return q.person_rows(s, self._clock.today(), [q.get_person(s, person_id)])[0]

    @requires(Permission.MANAGE, "change the personnel roster")
    def save_person(
        self,
        person_id: int | None,
        name: str,
        badge: str | None = None,
        station_id: int | None = None,
        unit: str | None = None,
        role: str | None = None,
        active: bool = True,
        lbn_trained_on: date | None = None,
        od_trained_on: date | None = None,
    ) -> PersonRow:
        """Add (person_id None) or correct a roster line; training dates typed here are kept."""
        today = self._clock.today()
        clean_name = clean_text(name, "The name", 120, required=True)
        clean_badge = clean_text(badge, "The ID/badge", 40)
        check_past(lbn_trained_on, "The LBN training date", today)
        check_past(od_trained_on, "The overdose/naloxone training date", today)
        with self._sessions.begin() as s:
            person = Person() if person_id is None else q.get_person(s, person_id)
            q.check_unique_badge(s, clean_badge, person_id)
            q.check_station(s, station_id)
            person.name = clean_name or ""
            person.badge = clean_badge
            person.station_id = station_id
            person.unit = clean_text(unit, "The unit", 80)
            person.role = clean_text(role, "The role", 60)
            person.active = active
            person.lbn_trained_on = lbn_trained_on
            person.od_trained_on = od_trained_on
            s.add(person)
            s.flush()
            return q.person_rows(s, today, [person])[0]

    # --- sessions -------------------------------------------------------------------------

    def list_sessions(self, start: date | None = None, end: date | None = None) -> list[SessionRow]:
        with self._sessions() as s:
            stmt = select(TrainingSession).order_by(
                TrainingSession.held_on.desc(), TrainingSession.id.desc()
            )
            if start is not None:
                stmt = stmt.where(TrainingSession.held_on >= start)
            if end is not None:
                stmt = stmt.where(TrainingSession.held_on <= end)
            return [q.session_row(s, x) for x in s.scalars(stmt)]

    def get_session(self, session_id: int) -> SessionRow:
        with self._sessions() as s:
            return q.session_row(s, q.get_session(s, session_id))

    @requires(Permission.MANAGE, "record a training session")
    def record_session(
        self,
        held_on: date,
        kind: str,
        elements: list[str] | tuple[str, ...],
        trainer: str | None,
        attendee_ids: list[int] | tuple[int, ...],
        outside_headcount: int = 0,
        notes: str | None = None,
    ) -> SessionRow:
        """Record a session held; attendees' training dates move forward, never backwards."""
        session_kind = parse_kind(kind)
        check_past(held_on, "The session date", self._clock.today())
        with self._sessions.begin() as s:
            session = TrainingSession(held_on=held_on, kind=session_kind.value)
            s.add(session)
            q.fill_session(s, session, elements, trainer, attendee_ids, outside_headcount, notes)
            return q.session_row(s, session)

    @requires(Permission.MANAGE, "change a training session")
    def update_session(
        self,
        session_id: int,
        elements: list[str] | tuple[str, ...],
        trainer: str | None,
        attendee_ids: list[int] | tuple[int, ...],
        outside_headcount: int = 0,
        notes: str | None = None,
    ) -> SessionRow:
        """Correct a recorded session (a forgotten attendee, a missed element).

        Date and type stay: they decide training dates. Taking someone off the list does not move
        their dates back; the roster is where a wrong date is corrected by hand.
        """
        with self._sessions.begin() as s:
            session = q.get_session(s, session_id)
            s.execute(delete(TrainingAttendance).where(TrainingAttendance.session_id == session_id))
            q.fill_session(s, session, elements, trainer, attendee_ids, outside_headcount, notes)
            return q.session_row(s, session)

    # --- feedback -------------------------------------------------------------------------

    def list_feedback(self, category: str | None = None, text: str = "") -> list[FeedbackRow]:
        with self._sessions() as s:
            stmt = select(Feedback).order_by(Feedback.received_on.desc(), Feedback.id.desc())
            if category:
                stmt = stmt.where(Feedback.category == category)
            if text.strip():
                stmt = stmt.where(Feedback.text.ilike(f"%{text.strip()}%"))
            return [q.feedback_row(f) for f in s.scalars(stmt)]

    @requires(Permission.MANAGE, "record feedback")
    def add_feedback(self, received_on: date, source: str, category: str, text: str) -> FeedbackRow:
        """Log program feedback; text that looks like personal data is refused, nothing kept."""
        if source not in FEEDBACK_SOURCES:
            raise ValidationError(f"Unknown feedback source: {source!r}.")
        if category not in FEEDBACK_CATEGORIES:
            raise ValidationError(f"Unknown feedback category: {category!r}.")
        check_past(received_on, "The feedback date", self._clock.today())
        cleaned = screen_free_text(text, "The feedback", self.personnel_names())
        if cleaned is None:
            raise ValidationError("Write what was said: the feedback is empty.")
        if len(cleaned) > 4000:
            raise ValidationError("The feedback is longer than 4000 characters.")
        with self._sessions.begin() as s:
            entry = Feedback(received_on=received_on, source=source, category=category)
            entry.text = cleaned
            s.add(entry)
            s.flush()
            return q.feedback_row(entry)

    @requires(Permission.MANAGE, "delete feedback")
    def delete_feedback(self, feedback_id: int) -> None:
        with self._sessions.begin() as s:
            entry = s.get(Feedback, feedback_id)
            if entry is None:
                raise NotFound(f"Feedback {feedback_id} does not exist.")
            s.delete(entry)

    # --- figures --------------------------------------------------------------------------

    def summary(self) -> TrainingSummary:
        """Figures for the dashboard, reports and partner workbook."""
        with self._sessions() as s:
            return self.summary_in(s)

    def summary_in(self, s: Session) -> TrainingSummary:
        """`summary` inside the caller's read session (the dashboard reads in one)."""
        active = [r for r in q.person_rows(s, self._clock.today()) if r.active]
        return TrainingSummary(
            active_personnel=len(active),
            trained=sum(r.status in (Status.CURRENT, Status.DUE) for r in active),
            refreshers_due=sum(r.status == Status.DUE for r in active),
            refreshers_overdue=sum(r.status == Status.OVERDUE for r in active),
        )

    def list_refreshers_due(self, within_days: int | None = 30) -> list[RefresherDue]:
        """Active personnel whose refresher is due within `within_days` or overdue.

        None uses the agency's warning window. Due on the exact day is due; the day after, overdue.
        """
        with self._sessions() as s:
            return self.refreshers_due_in(s, within_days)

    def refreshers_due_in(self, s: Session, within_days: int | None) -> list[RefresherDue]:
        """`list_refreshers_due` inside the caller's read session."""
        today = self._clock.today()
        window = q.policy(s)[1] if within_days is None else within_days
        limit = today + timedelta(days=window)
        due = [
            RefresherDue(r.id, r.name, r.due_on, r.due_on < today)
            for r in q.person_rows(s, today)
            if r.active and r.due_on is not None and r.due_on <= limit
        ]
        return sorted(due, key=lambda d: (d.due_on, d.name))

    def period_figures(self, start: date, end: date) -> PeriodFigures:
        """Sessions held, personnel trained and attendees between start and end (inclusive)."""
        if end < start:
            raise ValidationError("The period ends before it starts.")
        with self._sessions() as s:
            return q.period_figures(s, start, end)

    def sessions_per_quarter(self, quarters: int = 4) -> list[QuarterFigures]:
        """The last `quarters` calendar quarters up to the current one, oldest first."""
        today = self._clock.today()
        result = []
        with self._sessions() as s:
            start, _end, _label = quarter_of(today)
            for _ in range(max(quarters, 1)):
                q_start, q_end, label = quarter_of(start)
                result.append(QuarterFigures(label, q.period_figures(s, q_start, q_end)))
                start = q_start - timedelta(days=1)
        return result[::-1]
