"""Par levels against usable stock: gaps, restock picks for vehicles, the readiness board.

Everything is derived from balances and par levels, so a restock task appears the moment a
vehicle falls below par (after a distribution or administration) and closes when the transfer
that refills it is booked. Works on positions already loaded; runs no query per lot.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import literal, null, select

from models.alerts.positions import PRODUCT_COLUMNS, Position
from models.alerts.rows import ParGap, PickFrom, Readiness, ReadinessRow, RestockTask, RotationRow
from models.alerts.rules import AlertRules
from models.alerts.vehicle_check_alerts import is_overdue
from models.stock.entities import LocationKind, ParLevel, Product
from models.stock.location_tree import LocationTree

CARRIED_KINDS = frozenset({LocationKind.VEHICLE.value, LocationKind.BAG.value})


@dataclass(frozen=True)
class Par:
    location_id: int
    product_id: int
    product_name: str
    product_kind: str
    group: str | None
    unit: str
    quantity: int


def par_lines() -> Any:
    """Par levels in the shape of `positions.stock_lines` ("par", no lot, the place, the par
    quantity, ..., the product's columns), so both are read in one statement."""
    return select(
        literal("par"),
        null(),
        ParLevel.location_id,
        ParLevel.quantity,
        null(),
        ParLevel.product_id,
        null(),
        null(),
        null(),
        null(),
        *PRODUCT_COLUMNS,
    ).join(Product, Product.id == ParLevel.product_id)


def pars_of(records: Sequence[Any]) -> list[Par]:
    """Pars from `par_lines` records (a par of zero asks for nothing)."""
    pars = []
    for r in records:
        location_id, quantity, product_id = r[2], r[3], r[5]
        name, kind, group, _doses, unit = r[10:]
        if quantity > 0:
            pars.append(Par(location_id, product_id, name, kind, group, unit, quantity))
    return pars


def counts_for(par_product: int, group: str | None, position: Position) -> bool:
    """Products of the same interchange group stand in for one another against a par."""
    return position.product_id == par_product or (group is not None and position.group == group)


def par_gaps(
    pars: list[Par], positions: list[Position], tree: LocationTree, today: date
) -> list[ParGap]:
    """Par lines whose place (sub-locations included) holds less usable stock than its par."""
    usable_at: dict[int, list[Position]] = defaultdict(list)
    for p in positions:
        if p.usable_on(today):
            usable_at[p.location_id].append(p)
    gaps: list[ParGap] = []
    for par in pars:
        place = tree.rows.get(par.location_id)
        if place is None or not place.active:
            continue
        usable = sum(
            p.quantity
            for loc in tree.subtree(par.location_id)
            for p in usable_at.get(loc, ())
            if counts_for(par.product_id, par.group, p)
        )
        if usable < par.quantity:
            gaps.append(
                ParGap(
                    par.location_id,
                    place.path,
                    place.kind,
                    par.product_id,
                    par.product_name,
                    par.product_kind,
                    par.unit,
                    par.quantity,
                    usable,
                )
            )
    gaps.sort(key=lambda g: (g.location_path, g.product_name))
    return gaps


def restock_tasks(
    gaps: list[ParGap], pars: list[Par], positions: list[Position], tree: LocationTree, today: date
) -> list[RestockTask]:
    """For each vehicle or bag below par: a first-expiry-first-out pick from its station."""
    groups = {(p.location_id, p.product_id): p.group for p in pars}
    left = {(p.lot_id, p.location_id): p.quantity for p in positions}
    tasks: list[RestockTask] = []
    for gap in gaps:
        if gap.location_kind not in CARRIED_KINDS:
            continue
        group = groups.get((gap.location_id, gap.product_id))
        station = tree.station_of(gap.location_id)
        shelves = _station_shelves(tree, station)
        picks: list[PickFrom] = []
        wanted = gap.short
        for p in positions:  # already in first-expiry-first-out order
            if wanted <= 0:
                break
            if p.location_id not in shelves or not p.usable_on(today):
                continue
            if not counts_for(gap.product_id, group, p):
                continue
            take = min(wanted, left[(p.lot_id, p.location_id)])
            if take <= 0:
                continue
            left[(p.lot_id, p.location_id)] -= take
            wanted -= take
            picks.append(
                PickFrom(p.lot_id, p.lot_number, p.expiry, p.location_id, p.location_path, take)
            )
        tasks.append(
            RestockTask(
                gap.location_id,
                gap.location_path,
                gap.product_id,
                gap.product_name,
                gap.unit,
                gap.par,
                gap.usable,
                tuple(picks),
            )
        )
    return tasks


def _station_shelves(tree: LocationTree, station: int | None) -> set[int]:
    """The station's storage (station, rooms, cabinets): not its vehicles, bags or quarantine."""
    if station is None:
        return set()
    shelves: set[int] = set()
    for loc in [station, *tree.walk(station)]:
        row = tree.rows[loc]
        if row.kind in CARRIED_KINDS or row.kind == LocationKind.QUARANTINE:
            continue
        if not _inside_carried(tree, loc):
            shelves.add(loc)
    return shelves


def _inside_carried(tree: LocationTree, location_id: int) -> bool:
    current = tree.rows[location_id].parent_id
    while current is not None:
        if tree.rows[current].kind in CARRIED_KINDS:
            return True
        current = tree.rows[current].parent_id
    return False


def readiness_board(
    pars: list[Par],
    positions: list[Position],
    tasks: list[RestockTask],
    tree: LocationTree,
    rules: AlertRules,
    today: date,
    last_checks: dict[int, datetime] | None = None,
) -> list[ReadinessRow]:
    """Every active vehicle and bag: required kits (kit par levels), ready kits, a colour,
    and when its crew last checked it."""
    last_checks = last_checks or {}
    required: dict[int, int] = defaultdict(int)
    for par in pars:
        if par.product_kind == "kit":
            required[par.location_id] += par.quantity
    kits_at: dict[int, list[Position]] = defaultdict(list)
    for p in positions:
        if p.is_kit and p.usable_on(today):
            kits_at[p.location_id].append(p)
    soon_days = rules.soon_days("kit")
    rows: list[ReadinessRow] = []
    for place in tree.physical():
        if place.kind not in CARRIED_KINDS or not place.active:
            continue
        kits = [p for loc in tree.subtree(place.id) for p in kits_at.get(loc, ())]
        ready = sum(p.quantity for p in kits)
        soon = sum(p.quantity for p in kits if (p.days_left(today) or 0) <= soon_days)
        expiries = [e for p in kits if (e := p.effective_expiry) is not None]
        need = required.get(place.id, 0)
        rows.append(
            ReadinessRow(
                place.id,
                place.name,
                place.path,
                place.kind,
                need,
                ready,
                soon,
                min(expiries) if expiries else None,
                _status(need, ready, soon, rules.readiness_red_percent),
                tuple(t for t in tasks if t.location_id == place.id),
                last_checks.get(place.id),
                place.kind == LocationKind.VEHICLE
                and is_overdue(last_checks.get(place.id), rules.vehicle_check_days, today),
            )
        )
    return rows


def _status(required: int, ready: int, soon: int, red_percent: int) -> Readiness:
    if required <= 0:
        return Readiness.UNSET
    if ready == 0 or ready * 100 < required * red_percent:
        return Readiness.RED
    if ready < required or ready - soon < required:
        return Readiness.AMBER
    return Readiness.GREEN


def rotation_list(positions: list[Position], today: date) -> list[RotationRow]:
    """Stock whose dwell limit comes before its printed expiry, soonest rotation first."""
    rows = [
        RotationRow(
            p.lot_id,
            p.location_id,
            p.location_path,
            p.product_name,
            p.lot_number,
            p.quantity,
            p.since.date(),
            p.dwell_expiry,
            p.expiry,
            (p.dwell_expiry - today).days,
        )
        for p in positions
        if p.dwell_expiry is not None and p.since is not None and not p.quarantined
    ]
    rows.sort(key=lambda r: (r.rotate_by, r.location_path))
    return rows
