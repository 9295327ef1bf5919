"""Optimistic concurrency for a place's par levels: one guarded UPDATE bumps the version.

Knows the location row's version columns; not which par level changed.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from models.common.actor import Actor
from models.common.clock import Clock
from models.common.errors import StaleEdit
from models.stock.entities import Location


def claim_par_version(
    s: Session, location_id: int, expected: int | None, actor: Actor, clock: Clock
) -> int:
    """Bump the place's par version, refusing (naming who, where, when) if it moved since read.

    A single conditional UPDATE, so two stations saving at once cannot both pass the check.
    """
    stmt = (
        update(Location)
        .where(Location.id == location_id)
        .values(
            par_version=Location.par_version + 1,
            par_changed_at=clock.now(),
            par_changed_by=actor.name[:120] or None,
            par_changed_station=actor.station[:80] or None,
        )
        .returning(Location.par_version)
        .execution_options(synchronize_session=False)
    )
    if expected is not None:
        stmt = stmt.where(Location.par_version == expected)
    version = s.scalar(stmt)
    if version is None:
        raise StaleEdit(stale_message(s, location_id))
    return version


def stale_message(s: Session, location_id: int) -> str:
    place = s.get(Location, location_id, populate_existing=True)
    if place is None:
        return "That place no longer exists; reload and try again."
    where = f" at {place.par_changed_station}" if place.par_changed_station else ""
    when = f" at {place.par_changed_at:%H:%M}" if place.par_changed_at else ""
    who = f" by {place.par_changed_by}" if place.par_changed_by else ""
    return (
        f"Par levels for {place.name} were changed{where}{when}{who}; reload and try again. "
        "Nothing was saved."
    )
