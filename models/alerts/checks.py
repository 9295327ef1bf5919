"""The alert rules applied to positions and par gaps: one AlertRow per thing that needs action.

Keys name the thing (a lot at a place, a par line); fingerprints name the condition (the band
reached, the quantity short), so a decision about an alert lapses when the condition changes.
"""

from __future__ import annotations

from datetime import date

from models.alerts.positions import Position
from models.alerts.readiness import CARRIED_KINDS
from models.alerts.rows import ActionKind, AlertKind, AlertRow, ParGap, RestockTask, Severity
from models.alerts.rules import AlertRules


def stock_alerts(positions: list[Position], rules: AlertRules, today: date) -> list[AlertRow]:
    """Expired outside quarantine, rotation past the dwell limit, expiry bands (kits too)."""
    alerts: list[AlertRow] = []
    for p in positions:
        if p.quarantined or p.effective_expiry is None:
            continue
        if p.expiry is not None and p.expiry < today:
            if rules.expired_outside_quarantine:
                alerts.append(_expired(p, today))
            continue
        if p.dwell_expiry is not None:
            alert = _dwell(p, rules, today)
        elif p.is_kit and not rules.kit_expiry:
            continue
        else:
            alert = _expiring(p, rules, today)
        if alert is not None:
            alerts.append(alert)
    return alerts


def _what(p: Position) -> str:
    noun = "kit batch" if p.is_kit else "lot"
    return f"{p.product_name} {noun} {p.lot_number}"


def _expired(p: Position, today: date) -> AlertRow:
    assert p.expiry is not None
    ago = (today - p.expiry).days
    if p.is_kit:
        detail = (
            f"A component of these kits expired on {p.expiry:%Y-%m-%d} ({ago} days ago). "
            "Break the kits open: expired parts go to quarantine, the rest is re-kitted."
        )
    else:
        detail = (
            f"Expired on {p.expiry:%Y-%m-%d} ({ago} days ago) and still on a shelf. "
            "Quarantine it for training use or donation; never issue it."
        )
    return AlertRow(
        key=f"expired:lot={p.lot_id}:loc={p.location_id}",
        fingerprint=f"qty={p.quantity}",
        kind=AlertKind.EXPIRED,
        severity=Severity.CRITICAL,
        what=f"{_what(p)} expired",
        where=p.location_path,
        quantity=p.quantity,
        unit=p.unit,
        when=p.expiry,
        detail=detail,
        action=ActionKind.REKIT if p.is_kit else ActionKind.QUARANTINE,
        lot_id=p.lot_id,
        location_id=p.location_id,
        product_id=p.product_id,
    )


def _expiring(p: Position, rules: AlertRules, today: date) -> AlertRow | None:
    assert p.expiry is not None
    days = (p.expiry - today).days
    band = rules.band_of(p.product_kind, days)
    if band is None:
        return None
    severity = Severity.WARNING if band == rules.soon_days(p.product_kind) else Severity.NOTICE
    if p.is_kit:
        kind, action = AlertKind.KIT_EXPIRING, ActionKind.REKIT
        detail = (
            f"The earliest component of these kits expires on {p.expiry:%Y-%m-%d}. "
            "Issue them first, or re-kit them with fresher lots."
        )
    else:
        kind, action = AlertKind.EXPIRING, ActionKind.TRANSFER
        detail = (
            f"Expires on {p.expiry:%Y-%m-%d}. Issue it first, or move it where it will be used."
        )
    return AlertRow(
        key=f"{kind.value}:lot={p.lot_id}:loc={p.location_id}",
        fingerprint=f"band={band}",
        kind=kind,
        severity=severity,
        what=f"{_what(p)} expires in {days} days (≤ {band})",
        where=p.location_path,
        quantity=p.quantity,
        unit=p.unit,
        when=p.expiry,
        detail=detail,
        action=action,
        lot_id=p.lot_id,
        location_id=p.location_id,
        product_id=p.product_id,
    )


def _dwell(p: Position, rules: AlertRules, today: date) -> AlertRow | None:
    assert p.dwell_expiry is not None and p.since is not None
    days = (p.dwell_expiry - today).days
    soon = rules.soon_days(p.product_kind)
    if days > soon:
        return None
    limit = rules.dwell_for(p.location_kind) or 0
    state = "passed" if days < 0 else f"reached in {days} days"
    printed = f" (printed expiry {p.expiry:%Y-%m-%d})" if p.expiry else ""
    return AlertRow(
        key=f"dwell:lot={p.lot_id}:loc={p.location_id}",
        fingerprint="passed" if days < 0 else f"band={soon}",
        kind=AlertKind.DWELL,
        severity=Severity.CRITICAL if days < 0 else Severity.WARNING,
        what=f"{_what(p)}: {limit}-day {p.location_kind} limit {state}",
        where=p.location_path,
        quantity=p.quantity,
        unit=p.unit,
        when=p.dwell_expiry,
        detail=(
            f"Placed here on {p.since:%Y-%m-%d}; heat and cold shorten its life, so rotate it "
            f"out by {p.dwell_expiry:%Y-%m-%d}{printed}. Use it first at the station."
        ),
        action=ActionKind.TRANSFER,
        lot_id=p.lot_id,
        location_id=p.location_id,
        product_id=p.product_id,
    )


def par_alerts(gaps: list[ParGap], tasks: list[RestockTask]) -> list[AlertRow]:
    """Vehicles and bags get a restock task with its pick; other places a below-par alert."""
    by_place = {(t.location_id, t.product_id): t for t in tasks}
    alerts: list[AlertRow] = []
    for gap in gaps:
        task = by_place.get((gap.location_id, gap.product_id))
        if gap.location_kind in CARRIED_KINDS and task is not None:
            alerts.append(_restock(gap, task))
            continue
        alerts.append(
            AlertRow(
                key=f"below_par:loc={gap.location_id}:product={gap.product_id}",
                fingerprint=f"usable={gap.usable}:par={gap.par}",
                kind=AlertKind.BELOW_PAR,
                severity=Severity.WARNING,
                what=f"{gap.product_name} below par ({gap.usable} of {gap.par})",
                where=gap.location_path,
                quantity=gap.short,
                unit=gap.unit,
                when=None,
                detail=(
                    f"{gap.short} short of the par level of {gap.par}. "
                    + (
                        "Assemble kits on the Kits screen."
                        if gap.product_kind == "kit"
                        else "Transfer from another station or reorder."
                    )
                ),
                action=ActionKind.REKIT if gap.product_kind == "kit" else ActionKind.REORDER,
                location_id=gap.location_id,
                product_id=gap.product_id,
            )
        )
    return alerts


def _restock(gap: ParGap, task: RestockTask) -> AlertRow:
    lines = [
        f"take {p.quantity} × lot {p.lot_number}"
        + (f" (exp {p.expiry:%Y-%m-%d})" if p.expiry else "")
        + f" from {p.location_path}"
        for p in task.picks
    ]
    detail = "Pick first-expiry-first-out: " + "; ".join(lines) + "." if lines else ""
    if task.uncovered:
        fix = "assemble kits" if gap.product_kind == "kit" else "reorder"
        detail += f" The station cannot supply {task.uncovered}: {fix}."
    first = task.picks[0] if task.picks else None
    if first is not None:
        action = ActionKind.TRANSFER
    else:
        action = ActionKind.REKIT if gap.product_kind == "kit" else ActionKind.REORDER
    return AlertRow(
        key=f"restock:loc={gap.location_id}:product={gap.product_id}",
        fingerprint=f"usable={gap.usable}:par={gap.par}",
        kind=AlertKind.RESTOCK,
        severity=Severity.CRITICAL if gap.usable == 0 else Severity.WARNING,
        what=f"Restock {gap.product_name}: {gap.usable} of {gap.par} on board",
        where=gap.location_path,
        quantity=gap.short,
        unit=gap.unit,
        when=None,
        detail=detail.strip(),
        action=action,
        lot_id=first.lot_id if first else None,
        location_id=first.location_id if first else gap.location_id,
        product_id=gap.product_id,
    )
