"""Consumption-based max-min reorder quantities with a par-level floor; pure, no database.

The method is the forced-ordering max-min system of public-health logistics (USAID | DELIVER
PROJECT, *The Logistics Handbook: A Practical Guide for the Supply Chain Management of Health
Commodities*, 2nd ed., 2011, ch. 5): average monthly consumption (AMC) over recent months,
maximum stock = AMC x maximum months, minimum stock (reorder point) = AMC x minimum months, and
order quantity = maximum - usable stock on hand - quantity already on order. Every step is
written out in `ItemResult.steps` so that the screen and the sheet can show why.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from models.common.wording import counted, plural

# Defaults from the Logistics Handbook's worked max-min examples: review stock every quarter,
# keep at least 3 months (covers a typical lead time plus safety stock), at most 6 months.
DEFAULT_WINDOW_MONTHS = 6
DEFAULT_MAX_MONTHS = 6.0
DEFAULT_MIN_MONTHS = 3.0
DEFAULT_LEAD_TIME_DAYS = 14
DAYS_PER_MONTH = 365.25 / 12  # 30.4375: the average month, used to turn days into months
METHOD_NOTE = (
    "Consumption-based max-min (USAID | DELIVER PROJECT, The Logistics Handbook, 2011, ch. 5): "
    "AMC = (distributed + administered + lost) / months of history; expired and donated units "
    "are shown but not counted as demand. Maximum = AMC x max months (never below the sum of "
    "par levels), minimum = AMC x min months; with no consumption recorded both are the sum "
    "of par levels. "
    "Usable stock excludes quarantined and expired stock, stock expiring before delivery and "
    "stock that will expire before it can be used at the AMC (first-expiry-first-out). "
    "When usable stock plus what is on order is at or below the minimum (the reorder point): "
    "order = maximum - usable - on order, rounded up to whole packages; above it, no order."
)


@dataclass(frozen=True)
class Parameters:
    """The agency's reorder settings (Reorders → Parameters)."""

    window_months: int = DEFAULT_WINDOW_MONTHS
    max_months: float = DEFAULT_MAX_MONTHS
    min_months: float = DEFAULT_MIN_MONTHS

    def describe(self) -> str:
        return (
            f"AMC over the last {self.window_months} months; maximum {fmt_number(self.max_months)} "
            f"and minimum {fmt_number(self.min_months)} months of stock"
        )


@dataclass(frozen=True)
class StockLot:
    """Usable-looking stock of the item in one lot (loose, or inside assembled kits)."""

    expiry: date | None
    quantity: int


@dataclass(frozen=True)
class ItemInputs:
    """Everything the calculation needs about one orderable item, already in item units."""

    label: str
    unit: str
    package_name: str
    units_per_package: int
    history_months: int  # whole months of ledger history inside the window (0: none)
    distributed: int
    administered: int
    expired: int
    lost: int
    par_total: int
    lots: tuple[StockLot, ...]
    on_order: int
    surge: float = 1.0
    surge_note: str = ""
    donated: int = 0  # given to a partner before expiry: not demand either


@dataclass(frozen=True)
class ItemResult:
    """The outcome for one item, with the numbers the sheet prints and the steps behind them."""

    basis: str  # "consumption" or "par level"
    amc: float
    max_units: int
    min_units: int
    on_hand: int  # not expired, not quarantined
    expiring: int  # excluded: expires before delivery or before it can be used
    usable: int
    on_order: int
    need_units: int  # before rounding to packages
    packages: int
    order_units: int  # packages x units per package
    months_of_stock: float | None
    due: bool  # usable stock at or below the minimum
    steps: tuple[str, ...] = field(default=())


def calculate(item: ItemInputs, params: Parameters, today: date, lead_days: int) -> ItemResult:
    """Run the max-min steps for one item; see the module docstring for the method."""
    steps: list[str] = []
    unit = plural(item.unit)
    demand = item.distributed + item.administered + item.lost
    if item.history_months >= 1 and demand > 0:
        basis = "consumption"
        amc = demand / item.history_months
        steps.append(
            f"AMC = ({item.distributed} distributed + {item.administered} administered + "
            f"{item.lost} lost) / {item.history_months} months = {fmt_number(amc)} {unit}/month"
            + not_demand_note(item.expired, item.donated)
        )
        raw_max = amc * params.max_months
        raw_min = amc * params.min_months
        a, n = fmt_number(amc), fmt_number
        steps.append(
            f"Maximum = {a} x {n(params.max_months)} months = {n(raw_max)}; "
            f"minimum = {a} x {n(params.min_months)} months = {n(raw_min)}"
        )
        if item.par_total > raw_max:
            steps.append(
                f"Par-level floor: the par levels add up to {item.par_total}, so the "
                f"maximum is raised to {item.par_total}"
            )
            raw_max = float(item.par_total)
    else:
        basis = "par level"
        amc = 0.0
        raw_max = raw_min = float(item.par_total)
        why = "no history yet" if item.history_months < 1 else "no consumption in the window"
        steps.append(
            f"No consumption to average ({why}): maximum and minimum = sum of par levels "
            f"= {item.par_total}"
        )
    if item.surge != 1.0:
        raw_max *= item.surge
        raw_min *= item.surge
        why = f" ({item.surge_note})" if item.surge_note else ""
        steps.append(
            f"Demand surge x{fmt_number(item.surge)}{why}: "
            f"maximum {fmt_number(raw_max)}, minimum {fmt_number(raw_min)}"
        )
    max_units = math.ceil(raw_max - 1e-9)
    min_units = min(math.ceil(raw_min - 1e-9), max_units)
    on_hand, expiring, usable, lot_steps = usable_stock(
        item.lots, today, lead_days, amc * item.surge
    )
    steps.extend(lot_steps)
    due = min_units > 0 and usable <= min_units
    need, order_step = order_need(max_units, min_units, usable, item.on_order, item.unit)
    steps.append(order_step)
    packages = math.ceil(need / item.units_per_package) if need else 0
    order_units = packages * item.units_per_package
    if packages:
        steps.append(
            f"Rounded up to whole packages ({item.units_per_package} per {item.package_name}): "
            f"{counted(packages, item.package_name)} = {counted(order_units, item.unit)}"
        )
    months = usable / amc if amc > 0 else None
    if months is not None:
        steps.append(f"Months of stock = {usable} usable / {fmt_number(amc)} AMC = {months:.1f}")
    return ItemResult(
        basis=basis,
        amc=amc,
        max_units=max_units,
        min_units=min_units,
        on_hand=on_hand,
        expiring=expiring,
        usable=usable,
        on_order=item.on_order,
        need_units=need,
        packages=packages,
        order_units=order_units,
        months_of_stock=months,
        due=due,
        steps=tuple(steps),
    )


def order_need(
    max_units: int, min_units: int, usable: int, on_order: int, unit: str
) -> tuple[int, str]:
    """Units to order and the step saying why. Max-min orders only when usable stock plus what
    is already on order is at or below the minimum (the reorder point), and then up to the
    maximum; above it nothing is suggested, so suggestions and "reorder due" always agree."""
    if min_units <= 0:
        return 0, "No order: no minimum (no consumption recorded and no par level)"
    if usable + on_order > min_units:
        ordered = f" + {on_order} on order" if on_order else ""
        return 0, (
            f"No order: {usable} usable{ordered} is above the minimum of {min_units} "
            f"(order when at or below it, up to the maximum of {max_units})"
        )
    need = max(0, max_units - usable - on_order)
    return need, (
        f"Order = {max_units} maximum - {usable} usable - {on_order} on order = "
        f"{counted(need, unit)}"
    )


def not_demand_note(expired: int, donated: int) -> str:
    """' (3 expired, 2 donated: not counted as demand)', or nothing when both are 0."""
    parts = [f"{n} {what}" for n, what in ((expired, "expired"), (donated, "donated")) if n]
    return f" ({', '.join(parts)}: not counted as demand)" if parts else ""


def usable_stock(
    lots: Sequence[StockLot], today: date, lead_days: int, monthly_use: float
) -> tuple[int, int, int, list[str]]:
    """(on hand, excluded as expiring, usable, steps) for stock in first-expiry-first-out order.

    A lot that expires before the delivery date is excluded whole. Of the others, only what can
    be consumed at `monthly_use` before each lot's expiry counts (earlier lots are used first);
    with no consumption rate that second test cannot be made and is skipped.
    """
    delivery = today + timedelta(days=lead_days)
    current = [lot for lot in lots if lot.expiry is None or lot.expiry >= today]
    ordered = sorted(current, key=lambda lot: (lot.expiry is None, lot.expiry or date.max))
    on_hand = sum(lot.quantity for lot in ordered)
    before_delivery = 0
    unusable = 0
    used_before = 0.0  # units that will have been used from earlier-expiring lots
    for lot in ordered:
        kept = lot.quantity
        if lot.expiry is not None and monthly_use > 0:
            can_use = monthly_use * (lot.expiry - today).days / DAYS_PER_MONTH - used_before
            kept = max(0, min(lot.quantity, math.floor(can_use + 1e-9)))
        used_before += kept
        if lot.expiry is not None and lot.expiry < delivery:
            before_delivery += lot.quantity
        else:
            unusable += lot.quantity - kept
    excluded = before_delivery + unusable
    usable = on_hand - excluded
    steps = [
        f"Usable = {on_hand} on hand - {before_delivery} expiring before delivery "
        f"({delivery:%Y-%m-%d}, lead time {lead_days} days) - {unusable} that would expire "
        f"before use = {usable}"
    ]
    return on_hand, excluded, usable, steps


def split_packages(
    packages: int, caps: Sequence[tuple[str, int | None]]
) -> tuple[list[tuple[str, int]], int]:
    """Share `packages` over sources in order, each taking at most its allocation cap.

    Returns ([(source, packages), ...], packages no source could take).
    """
    shares: list[tuple[str, int]] = []
    remaining = packages
    for name, cap in caps:
        if remaining <= 0:
            break
        take = remaining if cap is None else min(cap, remaining)
        if take > 0:
            shares.append((name, take))
            remaining -= take
    return shares, remaining


def blended_surge(weighted: Sequence[tuple[float, float]]) -> float:
    """One factor from (weight, factor) pairs: each station's surge weighted by its share of use."""
    total = sum(w for w, _f in weighted)
    if total <= 0:
        return max((f for _w, f in weighted), default=1.0)
    return sum(w * f for w, f in weighted) / total


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - some day 28..31 always exists


def fmt_number(value: float) -> str:
    """Numbers as people write them: 6, 2.5, 3.33."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
