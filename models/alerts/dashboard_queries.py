"""Dashboard figures: doses by state, kits by place, distributions by month.

Stock figures come from positions already loaded; distribution figures from one grouped, indexed
query on the distribution and administration dates (voided records excluded).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import func, literal, select, union_all
from sqlalchemy.orm import Session

from models.alerts.positions import Position
from models.alerts.readiness import Par
from models.alerts.rows import DashboardSummary, KitsAtPlace, MonthFigure, ParGap
from models.alerts.rules import AlertRules
from models.distributions.entities import Administration, Distribution
from models.stock.location_tree import LocationTree
from models.training.service import TrainingSummary

EXPIRY_MONTHS = 18
HISTORY_MONTHS = 12
DistributionFigures = tuple[tuple[MonthFigure, ...], int, int, int]


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def dose_figures(
    positions: list[Position], window_days: int, today: date
) -> tuple[int, int, int, int]:
    """Doses (loose and inside kits): usable, expiring within the window, expired, quarantined."""
    usable = expiring = expired = quarantined = 0
    for p in positions:
        doses = p.quantity * p.doses_per_unit
        if not doses:
            continue
        days = p.days_left(today)
        if p.quarantined:
            quarantined += doses
        elif days is not None and days < 0:
            expired += doses
        elif days is not None and days <= window_days:
            expiring += doses
        else:
            usable += doses
    return usable, expiring, expired, quarantined


def expiring_by_month(positions: list[Position], today: date) -> tuple[MonthFigure, ...]:
    """Doses outside quarantine reaching their governing expiry in each of the next 18 months."""
    first = month_start(today)
    months = [add_months(first, i) for i in range(EXPIRY_MONTHS)]
    end = add_months(first, EXPIRY_MONTHS)
    doses: dict[date, int] = defaultdict(int)
    for p in positions:
        expiry = p.effective_expiry
        if p.quarantined or expiry is None or not p.doses_per_unit:
            continue
        if today <= expiry < end:
            doses[month_start(expiry)] += p.quantity * p.doses_per_unit
    return tuple(MonthFigure(m, doses[m]) for m in months)


def kits_by_place(
    positions: list[Position], pars: list[Par], tree: LocationTree, rules: AlertRules, today: date
) -> tuple[KitsAtPlace, ...]:
    """Per place holding kits or owed kits: ready, expiring soon, expired, required."""
    soon = rules.soon_days("kit")
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for p in positions:
        if not p.is_kit or p.quarantined:
            continue
        days = p.days_left(today)
        if days is not None and days < 0:
            counts[p.location_id][2] += p.quantity
        else:
            counts[p.location_id][0] += p.quantity
            if days is not None and days <= soon:
                counts[p.location_id][1] += p.quantity
    required: dict[int, int] = defaultdict(int)
    for par in pars:
        if par.product_kind == "kit":
            required[par.location_id] += par.quantity
    rows = []
    for place in tree.physical():
        if place.id not in counts and place.id not in required:
            continue
        ready, expiring, expired = counts.get(place.id, (0, 0, 0))
        rows.append(
            KitsAtPlace(
                place.id, place.path, place.kind, ready, expiring, expired, required[place.id]
            )
        )
    return tuple(rows)


def _by_day(s: Session, today: date, start: date) -> list[tuple[str, date, int, int]]:
    """Kits and encounters per day since `start`, doses administered per day since last month:
    one statement (voided records left out)."""
    last_month = add_months(month_start(today), -1)
    given = select(
        literal("administered"),
        Administration.occurred_on,
        func.sum(Administration.doses),
        literal(0),
    ).where(
        Administration.occurred_on >= last_month,
        Administration.occurred_on <= today,
        Administration.void_operation_id.is_(None),
    )
    left = select(
        literal("distributed"),
        Distribution.occurred_on,
        func.sum(Distribution.kits),
        func.count(Distribution.id),
    ).where(
        Distribution.occurred_on >= start,
        Distribution.occurred_on <= today,
        Distribution.void_operation_id.is_(None),
    )
    both = union_all(
        left.group_by(Distribution.occurred_on), given.group_by(Administration.occurred_on)
    )
    return [(what, day, int(n or 0), int(c or 0)) for what, day, n, c in s.execute(both)]


def _monthly(by_day: dict[date, int], months: list[date]) -> dict[date, int]:
    totals = {m: 0 for m in months}
    for day, value in by_day.items():
        first = month_start(day)
        if first in totals:
            totals[first] += value
    return totals


def distribution_figures(s: Session, today: date) -> tuple[DistributionFigures, tuple[int, int]]:
    """Kits per month for the last 12 months (this one included), this month's encounters;
    doses administered on scene this month and last month."""
    this_month = month_start(today)
    months = [add_months(this_month, i - HISTORY_MONTHS + 1) for i in range(HISTORY_MONTHS)]
    rows = _by_day(s, today, months[0])
    kits = {day: n for what, day, n, _c in rows if what == "distributed"}
    totals = _monthly(kits, months)
    encounters = sum(c for what, day, _n, c in rows if what == "distributed" and day >= this_month)
    given = [(day, n) for what, day, n, _c in rows if what == "administered"]
    series = tuple(MonthFigure(m, totals[m]) for m in months)
    last = totals[add_months(this_month, -1)]
    given_now = sum(n for day, n in given if day >= this_month)
    given_before = sum(n for day, n in given if day < this_month)
    return (series, totals[this_month], last, encounters), (given_now, given_before)


def build_summary(
    positions: list[Position],
    pars: list[Par],
    gaps: list[ParGap],
    tree: LocationTree,
    rules: AlertRules,
    figures: tuple[DistributionFigures, tuple[int, int]],
    training: TrainingSummary,
    today: date,
) -> DashboardSummary:
    window = max(rules.bands_for("naloxone") or (0,))
    usable, expiring, expired, quarantined = dose_figures(positions, window, today)
    distributed, (given_now, given_before) = figures
    series, this_month, last_month, encounters = distributed
    return DashboardSummary(
        today=today,
        doses_usable=usable,
        doses_expiring=expiring,
        doses_expired=expired,
        doses_quarantined=quarantined,
        expiring_window_days=window,
        kits=kits_by_place(positions, pars, tree, rules, today),
        below_par=tuple(gaps),
        distributions_this_month=this_month,
        distributions_last_month=last_month,
        encounters_this_month=encounters,
        administered_this_month=given_now,
        administered_last_month=given_before,
        training=training,
        expiring_by_month=expiring_by_month(positions, today),
        distributed_by_month=series,
    )
