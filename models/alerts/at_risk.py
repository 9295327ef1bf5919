"""At-risk stock: what will expire before the agency uses it at its current pace.

The pace comes from the one consumption model (models.reorders.consumption), per product or
interchange group, over the days actually observed. Stock is used first-expiry-first-out across
every place of the agency; whatever would still be on a shelf at its expiry is at risk. Units
picked by an open restock task or held to keep a place at its par level are never offered for
donation. Knows positions, pars and tasks already loaded; reads nothing itself.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from models.alerts.positions import Position
from models.alerts.readiness import Par, counts_for
from models.alerts.rows import ActionKind, AlertKind, AlertRow, AtRiskPlan, RestockTask, Severity
from models.alerts.rules import AlertRules
from models.common.wording import counted, plural
from models.reorders.calc import MIN_HISTORY_DAYS, fmt_number, used_before_expiry
from models.reorders.consumption import Pace
from models.stock.location_tree import LocationTree

Spot = tuple[int, int]  # (lot id, location id)


def held_back(
    positions: list[Position],
    pars: list[Par],
    tasks: list[RestockTask],
    tree: LocationTree,
    today: date,
) -> dict[Spot, int]:
    """Units that stay where they are meant to be: picked for a restock, or keeping a place at
    its par level (earliest-expiring first, as the place would use them)."""
    held: dict[Spot, int] = defaultdict(int)
    for task in tasks:
        for pick in task.picks:
            held[(pick.lot_id, pick.location_id)] += pick.quantity
    by_place: dict[int, list[Position]] = defaultdict(list)
    for p in positions:
        if p.usable_on(today):
            by_place[p.location_id].append(p)
    for par in pars:
        wanted = par.quantity
        for place in sorted(tree.subtree(par.location_id)):
            for p in by_place.get(place, ()):
                if wanted <= 0 or not counts_for(par.product_id, par.group, p):
                    continue
                take = min(wanted, p.quantity - held[(p.lot_id, p.location_id)])
                if take > 0:
                    held[(p.lot_id, p.location_id)] += take
                    wanted -= take
    return held


@dataclass(frozen=True)
class _Risk:
    position: Position
    pace: Pace
    expected_use: int  # units the agency uses before this position expires
    expiring_by_then: int  # stock of the product expiring on or before it, all places
    at_risk: int  # of this position, at the pace
    held: int  # of at_risk: kept for par or picked for a restock, not offered


def at_risk_alerts(
    positions: list[Position],
    product_pace: dict[int, Pace],
    held: dict[Spot, int],
    tree: LocationTree,
    rules: AlertRules,
    today: date,
    partner: str,
) -> list[AlertRow]:
    """One alert per lot and place holding stock the agency will not use in time."""
    pools: dict[str | int, list[Position]] = defaultdict(list)
    for p in positions:  # positions come first-expiry-first-out
        if p.usable_on(today) and p.effective_expiry is not None:
            pools[p.group or p.product_id].append(p)
    alerts = []
    for pool in pools.values():
        for risk in _risks(pool, _pool_pace(pool, product_pace), held, today):
            if risk.at_risk > risk.held and (risk.position.days_left(today) or 0) <= (
                rules.at_risk_horizon_days
            ):
                alerts.append(_alert(risk, tree, rules, today, partner))
    return alerts


def _pool_pace(pool: list[Position], product_pace: dict[int, Pace]) -> Pace | None:
    """Products of one interchange group are used for one another: their paces add up."""
    found = [product_pace[i] for i in {p.product_id for p in pool} if i in product_pace]
    if not found:
        return None
    days = max(x.days for x in found)
    return Pace(round(sum(x.per_day for x in found) * days), days)


def _risks(
    pool: list[Position], pace: Pace | None, held: dict[Spot, int], today: date
) -> list[_Risk]:
    if pace is None or (pace.units == 0 and pace.days < MIN_HISTORY_DAYS):
        return []  # no use on record over too short a time: no rate to judge by
    dated = [(p.quantity, p.days_left(today)) for p in pool]
    used = used_before_expiry(dated, pace.per_day)
    out, running = [], 0
    for p, kept in zip(pool, used, strict=True):
        running += p.quantity
        at_risk = p.quantity - kept
        if at_risk > 0:
            days = p.days_left(today) or 0
            expected = int(pace.expected_use(days) + 1e-9)
            hold = min(at_risk, held.get((p.lot_id, p.location_id), 0))
            out.append(_Risk(p, pace, expected, running, at_risk, hold))
    return out


def explain(risk: _Risk, today: date) -> str:
    """The arithmetic behind an at-risk figure, in the words the dashboard shows."""
    p, pace = risk.position, risk.pace
    days = p.days_left(today) or 0
    rough = f", rough: under {MIN_HISTORY_DAYS} days" if pace.rough else ""
    text = (
        f"Pace {fmt_number(pace.per_month)} {plural(p.unit)} a month ({pace.units} used in "
        f"{pace.days} days{rough}); {counted(days, 'day')} left; expected use "
        f"{risk.expected_use} of the {risk.expiring_by_then} expiring by then across the "
        f"agency (earliest first); at risk here {risk.at_risk - risk.held}"
    )
    if risk.held:
        text += f" ({risk.held} more kept for par levels or restock picks, not offered)"
    return text + "."


def _alert(
    risk: _Risk, tree: LocationTree, rules: AlertRules, today: date, partner: str
) -> AlertRow:
    p = risk.position
    quantity = risk.at_risk - risk.held
    days = p.days_left(today) or 0
    severity = Severity.WARNING if days <= rules.soon_days(p.product_kind) else Severity.NOTICE
    advice = (
        f"Donate {quantity} to {partner} before {p.effective_expiry:%Y-%m-%d}, "
        "while it can still be used."
    )
    return AlertRow(
        key=f"at_risk:lot={p.lot_id}:location={p.location_id}",
        fingerprint=f"qty={quantity}",
        kind=AlertKind.AT_RISK,
        severity=severity,
        what=f"{p.product_name} lot {p.lot_number} will expire before it is used",
        where=tree.rows[p.location_id].path,
        quantity=quantity,
        unit=p.unit,
        when=p.effective_expiry,
        detail=f"{explain(risk, today)} {advice}",
        action=ActionKind.DONATE,
        lot_id=p.lot_id,
        location_id=p.location_id,
        product_id=p.product_id,
        plan=AtRiskPlan(None, 0, quantity, partner),
    )
