"""At-risk stock: what will expire before it is used at the current consumption rate.

Consumption is what left through recorded distributions and administrations (voided ones
excluded) over a recent window, per station and product. Each station's usable stock is used
first-expiry-first-out at that rate; whatever would still be on the shelf at its expiry is at
risk, with a suggestion: a busier station that can use it in time, or a harm-reduction partner.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.alerts.positions import Position
from models.alerts.rows import ActionKind, AlertKind, AlertRow, AtRiskPlan, Severity
from models.alerts.rules import AlertRules
from models.distributions.entities import Administration, Distribution
from models.stock.entities import LocationKind, Lot, Source, StockMove
from models.stock.ledger import virtual_location_id
from models.stock.location_tree import LocationTree

Rates = dict[tuple[int, int], float]  # (station id, product id) -> units per day


def consumption_rates(s: Session, today: date, days: int, tree: LocationTree) -> Rates:
    """Units per day used by each station (its vehicles included), per product."""
    start = today - timedelta(days=days)
    used: dict[tuple[int, int], int] = defaultdict(int)
    for table, kind in (
        (Distribution, LocationKind.DISTRIBUTED),
        (Administration, LocationKind.ADMINISTERED),
    ):
        sink = virtual_location_id(s, kind)
        rows = s.execute(
            select(table.location_id, Lot.product_id, func.sum(StockMove.quantity))
            .join(StockMove, StockMove.operation_id == table.operation_id)
            .join(Lot, Lot.id == StockMove.lot_id)
            .where(
                table.occurred_on > start,
                table.occurred_on <= today,
                table.void_operation_id.is_(None),
                # "+ 0": lead the planner to the indexed date range, not every move to the sink
                StockMove.to_location_id + 0 == sink,
            )
            .group_by(table.location_id, Lot.product_id)
        ).all()
        for location_id, product_id, quantity in rows:
            station = tree.station_of(location_id) if location_id in tree.rows else None
            if station is not None:
                used[(station, product_id)] += int(quantity or 0)
    return {key: total / days for key, total in used.items()}


def donation_partner(s: Session) -> str:
    name = s.scalar(
        select(Source.name)
        .where(Source.program_type == "harm_reduction", Source.active)
        .order_by(Source.name)
    )
    return name or "a harm-reduction partner"


def at_risk_alerts(
    positions: list[Position],
    rates: Rates,
    tree: LocationTree,
    rules: AlertRules,
    today: date,
    partner: str,
) -> list[AlertRow]:
    """One alert per lot and station holding stock that its station will not use in time."""
    if not rates:
        return []  # no consumption recorded anywhere: no rate to judge by
    pools: dict[tuple[int, int], list[Position]] = defaultdict(list)
    for p in positions:
        if p.station_id is not None and p.usable_on(today) and p.effective_expiry is not None:
            pools[(p.station_id, p.product_id)].append(p)
    risky: dict[tuple[int, int], list[tuple[Position, int]]] = defaultdict(list)
    for (station, product), pool in pools.items():
        rate, before = rates.get((station, product), 0.0), 0
        for p in pool:  # positions come first-expiry-first-out
            days = p.days_left(today) or 0
            used_in_time = max(min(rate * (days + 1) - before, p.quantity), 0)
            before += p.quantity
            at_risk = p.quantity - int(used_in_time)
            if at_risk > 0 and days <= rules.at_risk_horizon_days:
                risky[(station, p.lot_id)].append((p, at_risk))
    queues = {key: _Queue.of(pool) for key, pool in pools.items()}
    alerts = []
    for (station, _lot), found in risky.items():
        quantity = sum(q for _p, q in found)
        holder = max(found, key=lambda pq: pq[1])[0]
        advice, plan = _suggestion(holder, quantity, station, queues, rates, tree, today, partner)
        alerts.append(_alert(holder, quantity, station, tree, rules, today, advice, plan))
    return alerts


@dataclass(frozen=True)
class _Queue:
    """A station's usable stock of a product by expiry, to ask 'how much comes due first'."""

    expiries: list[date]
    running: list[int]  # quantity expiring on or before expiries[i]

    @classmethod
    def of(cls, pool: list[Position]) -> _Queue:
        expiries = [p.effective_expiry or date.max for p in pool]  # pool is in expiry order
        return cls(expiries, list(accumulate(p.quantity for p in pool)))

    def before(self, day: date) -> int:
        index = bisect_right(self.expiries, day)
        return self.running[index - 1] if index else 0


def _suggestion(
    p: Position,
    quantity: int,
    station: int,
    queues: dict[tuple[int, int], _Queue],
    rates: Rates,
    tree: LocationTree,
    today: date,
    partner: str,
) -> tuple[str, AtRiskPlan]:
    """The advice text and the plan behind it: a busier station first, a partner for the rest.

    A donation leaves the agency's books (disposal "donated"), so it is its own action.
    """
    expiry = p.effective_expiry or today
    days = (expiry - today).days + 1
    best: tuple[float, int] | None = None
    for (other, product), rate in rates.items():
        if other == station or product != p.product_id or rate <= 0:
            continue
        queued = queues[(other, product)].before(expiry) if (other, product) in queues else 0
        spare = rate * days - queued
        if spare > 0 and (best is None or spare > best[0]):
            best = (spare, other)
    by = f"{expiry:%Y-%m-%d}"
    if best is not None and best[0] >= 1:
        movable = min(quantity, int(best[0]))
        monthly = rates[(best[1], p.product_id)] * 30
        text = (
            f"Move {movable} to {tree.rows[best[1]].path} (uses about {monthly:.0f} a month) "
            f"before {by}."
        )
        if movable < quantity:
            text += f" Donate the other {quantity - movable} to {partner}."
        return text, AtRiskPlan(best[1], movable, quantity - movable, partner)
    text = f"Donate {quantity} to {partner} before {by}, while it can still be used."
    return text, AtRiskPlan(None, 0, quantity, partner)


def _alert(
    p: Position,
    quantity: int,
    station: int,
    tree: LocationTree,
    rules: AlertRules,
    today: date,
    advice: str,
    plan: AtRiskPlan,
) -> AlertRow:
    days = p.days_left(today) or 0
    severity = Severity.WARNING if days <= rules.soon_days(p.product_kind) else Severity.NOTICE
    return AlertRow(
        key=f"at_risk:lot={p.lot_id}:station={station}",
        fingerprint=f"qty={quantity}",
        kind=AlertKind.AT_RISK,
        severity=severity,
        what=f"{p.product_name} lot {p.lot_number} will expire before it is used",
        where=tree.rows[station].path,
        quantity=quantity,
        unit=p.unit,
        when=p.effective_expiry,
        detail=f"At the current rate {tree.rows[station].name} will not use it in time. {advice}",
        action=ActionKind.TRANSFER if plan.move else ActionKind.DONATE,
        lot_id=p.lot_id,
        location_id=p.location_id,
        product_id=p.product_id,
        plan=plan,
    )
