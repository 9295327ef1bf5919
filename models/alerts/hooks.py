"""Alerts that other areas supply through hooks: reorders due, training refreshers, partner
report deadlines. Knows the hooks' row shapes, not how those areas compute them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from models.alerts.rows import ActionKind, AlertKind, AlertRow, Severity
from models.alerts.rules import AlertRules
from models.training.service import TrainingSummary

NO_TRAINING = TrainingSummary(0, 0, 0, 0)
Guard = Callable[[str, Callable[[Session], Any], Any], Any]


def fingerprint_of(*parts: object) -> str:
    """A short stable fingerprint for a condition made of many parts (e.g. a list of people)."""
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def hook_alerts(
    s: Session, rules: AlertRules, reorders: Any, training: Any, partners: Any, guard: Guard
) -> list[AlertRow]:
    """The other areas' alerts, each read through its service inside the session `s`."""
    alerts: list[AlertRow] = []
    if rules.reorder_due:
        alerts += [reorder_alert(r) for r in guard("reorders due", reorders.due_in, [])]
    if rules.refreshers:
        due = guard(
            "refreshers due", lambda s: training.refreshers_due_in(s, rules.refresher_days), []
        )
        if due:
            alerts.append(refresher_alert(due))
    if rules.deadlines:
        deadlines = guard(
            "partner deadlines", lambda s: partners.deadlines_due_in(s, rules.deadline_days), []
        )
        alerts += [deadline_alert(d) for d in deadlines]
    return alerts


def reorder_alert(r: Any) -> AlertRow:
    return AlertRow(
        key=f"reorder:product={r.product_id}",
        fingerprint=f"usable={r.usable_units}:min={r.minimum_units}",
        kind=AlertKind.REORDER,
        severity=Severity.CRITICAL if r.usable_units <= 0 else Severity.WARNING,
        what=f"Reorder {r.product_name}: {r.usable_units} usable, minimum {r.minimum_units}",
        where="Whole agency",
        quantity=r.usable_units,
        unit=r.unit_of_issue,
        when=None,
        detail="Usable stock has reached its reorder point. Prepare a reorder sheet for a source.",
        action=ActionKind.REORDER,
        product_id=r.product_id,
    )


def refresher_alert(due: list[Any]) -> AlertRow:
    overdue = [p for p in due if p.overdue]
    names = ", ".join(f"{p.name} ({p.due_on:%Y-%m-%d})" for p in due[:8])
    more = f" and {len(due) - 8} more" if len(due) > 8 else ""
    return AlertRow(
        key="refreshers",
        fingerprint=fingerprint_of(*sorted((p.person_id, p.overdue) for p in due)),
        kind=AlertKind.REFRESHER,
        severity=Severity.WARNING if overdue else Severity.NOTICE,
        what=f"Training refreshers due: {len(due)} people ({len(overdue)} overdue)",
        where="Personnel",
        quantity=len(due),
        unit="people",
        when=min(p.due_on for p in due),
        detail=f"Due: {names}{more}. Schedule a roll-call refresher.",
        action=ActionKind.TRAINING,
    )


def deadline_alert(d: Any) -> AlertRow:
    overdue = d.days_left < 0
    return AlertRow(
        key=f"deadline:partner={d.partner_id}:due={d.due_on:%Y-%m-%d}",
        fingerprint="overdue" if overdue else "due",
        kind=AlertKind.DEADLINE,
        severity=Severity.CRITICAL if overdue else Severity.WARNING,
        what=f"Report to {d.partner_name} "
        + ("overdue" if overdue else f"due in {d.days_left} days"),
        where=d.partner_name,
        quantity=0,
        unit="",
        when=d.due_on,
        detail="Prepare the partner workbook on the Reports screen and send it.",
        action=ActionKind.REPORTS,
    )
