"""Demand-surge factors: a station (or the agency) expects more use for a while.

A part of ReorderService (kept apart to keep modules small); the calculation applies the
factors through `reorder_inputs.surge_for`.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.common.actor import Actor, Permission, requires
from models.common.clock import Clock
from models.common.errors import NotFound, ValidationError
from models.common.pii_screen import screen_free_text
from models.reorders.entities import DemandSurge
from models.reorders.rows import SurgeRow
from models.stock.entities import Location, LocationKind

MAX_FACTOR = 5.0


class SurgeMixin:
    _sessions: sessionmaker[Session]
    _actor: Actor
    _clock: Clock

    @requires(Permission.MANAGE, "add a surge")
    def add_surge(
        self,
        factor: float,
        starts_on: date,
        ends_on: date,
        reason: str,
        station_id: int | None = None,
    ) -> SurgeRow:
        """Raise the reorder targets by `factor` from `starts_on` to `ends_on` (inclusive)."""
        if not isinstance(factor, int | float) or not 1.0 < factor <= MAX_FACTOR:
            raise ValidationError(f"A surge factor is above 1 and at most {MAX_FACTOR:g}.")
        if ends_on < starts_on:
            raise ValidationError("The surge ends before it starts.")
        if ends_on < self._clock.today():
            raise ValidationError("That period is over already.")
        text = screen_free_text(reason, "The reason")
        if not text:
            raise ValidationError("Say why more stock is needed (e.g. overdose spike).")
        with self._sessions.begin() as s:
            if station_id is not None:
                place = s.get(Location, station_id)
                if place is None or place.kind != LocationKind.STATION:
                    raise NotFound("Choose a station, or the whole agency.")
            surge = DemandSurge(
                station_id=station_id,
                factor=float(factor),
                starts_on=starts_on,
                ends_on=ends_on,
                reason=text,
                created_at=self._clock.now(),
                created_by=self._actor.name,
            )
            s.add(surge)
            s.flush()
            return _row(s, surge, self._clock.today())

    @requires(Permission.MANAGE, "end a surge")
    def end_surge(self, surge_id: int) -> SurgeRow:
        """Stop a surge early: it ends yesterday (or is removed if it had not started)."""
        with self._sessions.begin() as s:
            surge = s.get(DemandSurge, surge_id)
            if surge is None:
                raise NotFound("That surge no longer exists.")
            today = self._clock.today()
            row = _row(s, surge, today)
            if surge.starts_on >= today:
                s.delete(surge)
                return row
            surge.ends_on = min(surge.ends_on, today - timedelta(days=1))
            s.flush()
            return _row(s, surge, today)

    def list_surges(self, include_past: bool = False) -> list[SurgeRow]:
        today = self._clock.today()
        with self._sessions() as s:
            stmt = select(DemandSurge).order_by(DemandSurge.starts_on.desc(), DemandSurge.id)
            if not include_past:
                stmt = stmt.where(DemandSurge.ends_on >= today)
            return [_row(s, x, today) for x in s.scalars(stmt)]


def _row(s: Session, surge: DemandSurge, today: date) -> SurgeRow:
    place = s.get(Location, surge.station_id) if surge.station_id else None
    return SurgeRow(
        surge.id,
        surge.station_id,
        place.name if place else "Whole agency",
        surge.factor,
        surge.starts_on,
        surge.ends_on,
        surge.reason,
        surge.starts_on <= today <= surge.ends_on,
    )
