"""The 'every vehicle checked every N days' policy: which vehicles are overdue, and their alerts.

A vehicle checked on day D is due again on D + N and overdue from D + N + 1; a vehicle never
checked is overdue as soon as the policy is set. Knows places and check dates, not kits.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from models.alerts.rows import ActionKind, AlertKind, AlertRow, Severity
from models.stock.entities import LocationKind
from models.stock.location_tree import LocationTree


def check_due(last: datetime | None, every_days: int) -> date | None:
    """The last day the next check is on time (None: never checked, or no policy)."""
    if not every_days or last is None:
        return None
    return last.date() + timedelta(days=every_days)


def is_overdue(last: datetime | None, every_days: int, today: date) -> bool:
    if not every_days:
        return False
    due = check_due(last, every_days)
    return due is None or today > due


def vehicle_check_alerts(
    tree: LocationTree, last: dict[int, datetime], every_days: int, today: date
) -> list[AlertRow]:
    """One alert per active vehicle whose check is overdue."""
    alerts: list[AlertRow] = []
    for place in tree.physical():
        if place.kind != LocationKind.VEHICLE or not place.active:
            continue
        checked = last.get(place.id)
        if not is_overdue(checked, every_days, today):
            continue
        due = check_due(checked, every_days)
        if checked is None:
            what, detail = f"{place.name} never checked", "No vehicle check is on record."
        else:
            late = (today - due).days if due else 0
            what = f"{place.name} check overdue by {late} days"
            detail = f"Last checked {checked:%Y-%m-%d %H:%M}."
        alerts.append(
            AlertRow(
                key=f"vehicle_check:loc={place.id}",
                fingerprint=f"last={checked:%Y-%m-%dT%H:%M}" if checked else "never",
                kind=AlertKind.VEHICLE_CHECK,
                severity=Severity.WARNING,
                what=what,
                where=place.path,
                quantity=0,
                unit="",
                when=due,
                detail=f"{detail} The agency checks every vehicle every {every_days} days: "
                "do the vehicle check at the next shift start.",
                action=ActionKind.VEHICLE_CHECK,
                location_id=place.id,
            )
        )
    return alerts
