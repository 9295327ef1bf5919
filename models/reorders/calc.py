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
MIN_HISTORY_DAYS = 30  # below this an AMC is a rough estimate: shown, par levels decide
METHOD_NOTE = (
    "Consumption-based max-min (USAID | DELIVER PROJECT, The Logistics Handbook, 2011, ch. 5): "
    "AMC = (distributed + administered + lost) / days observed x 30.44, where the days observed "
    "run from the first stock movement (or the start of the window) to today; expired and "
    "donated units are shown but not counted as demand. Kit contents count: units inside ready "
    "kits are stock, and they are used when the kit is distributed, administered or lost. "
    f"Maximum = AMC x max months (never below the sum of par levels), minimum = AMC x min "
    f"months; with no consumption recorded, or under {MIN_HISTORY_DAYS} days of history (a rough "
    "estimate), both are the sum of par levels. "
    "Usable stock excludes quarantined and expired stock, stock expiring before delivery and "
    "stock that will expire before it can be used at the AMC (first-expiry-first-out). "
    "When usable stock plus what is on order is at or below the minimum (the reorder point): "
    "order = maximum - usable - on order, rounded up to whole packages; above it, no order."
)

KIT_CONTENTS_NOTE = (
    'Kit contents count: units inside ready kits are counted as stock (column "Inside ready '
    'kits", part of usable stock) and are counted as used when the kit is distributed, '
    "administered or lost, not when it is assembled."
)

USABLE_NOTE = (
    "Each row adds up: loose on hand + inside ready kits - expiring (excluded) = usable; when "
    "usable + on order is at or below Min, quantity = Max - usable - on order, rounded up to "
    "whole packages."
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
    in_kit: bool = False


@dataclass(frozen=True)
class ItemInputs:
    """Everything the calculation needs about one orderable item, already in item units."""

    label: str
    unit: str
    package_name: str
    units_per_package: int
    history_days: int  # days observed inside the window, from the first movement (0: none)
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

    basis: str  # "consumption", "par level" or "par level (rough)"
    amc: float
    max_units: int
    min_units: int
    on_hand: int  # not expired, not quarantined: loose + in_kits
    expiring: int  # excluded: expires before delivery or before it can be used
    usable: int
    on_order: int
    need_units: int  # before rounding to packages
    packages: int
    order_units: int  # packages x units per package
    months_of_stock: float | None
    due: bool  # usable stock at or below the minimum
    steps: tuple[str, ...] = field(default=())
    in_kits: int = 0  # of on_hand: inside ready kits
    history_days: int = 0

    @property
    def loose(self) -> int:
        return self.on_hand - self.in_kits


def calculate(item: ItemInputs, params: Parameters, today: date, lead_days: int) -> ItemResult:
    """Run the max-min steps for one item; see the module docstring for the method."""
    basis, amc, raw_max, raw_min, steps = _targets(item, params, today)
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
        in_kits=in_kit_units(item.lots, today),
        history_days=item.history_days,
    )


def _targets(
    item: ItemInputs, params: Parameters, today: date
) -> tuple[str, float, float, float, list[str]]:
    """(basis, AMC, maximum, minimum, steps): from consumption over the days observed, or
    from the par levels when there is no use on record or too little history to trust."""
    demand = item.distributed + item.administered + item.lost
    days, par = item.history_days, item.par_total
    if days < 1 or demand <= 0:
        why = "no history yet" if days < 1 else f"none in the {days} days observed"
        return (
            "par level",
            0.0,
            float(par),
            float(par),
            [f"No consumption to average ({why}): maximum and minimum = sum of par levels = {par}"],
        )
    unit, n = plural(item.unit), fmt_number
    window_days = (today - add_months(today, -params.window_months)).days
    if days >= window_days:  # the whole window observed: calendar months, as people count
        amc = demand / params.window_months
        over = f"{params.window_months} months"
    else:
        amc = demand / days * DAYS_PER_MONTH
        over = f"{days} days observed x {n(DAYS_PER_MONTH)}"
    a = n(amc)
    steps = [
        f"AMC = ({item.distributed} distributed + {item.administered} administered + "
        f"{item.lost} lost) / {over} = {a} {unit}/month"
        + not_demand_note(item.expired, item.donated)
    ]
    if days < MIN_HISTORY_DAYS and par > 0:
        steps.append(
            f"Rough estimate: only {days} days of history (under {MIN_HISTORY_DAYS}), so "
            f"maximum and minimum = sum of par levels = {par}; the AMC is shown, not used"
        )
        return "par level (rough)", amc, float(par), float(par), steps
    if days < MIN_HISTORY_DAYS:
        steps.append(
            f"Rough estimate: only {days} days of history (under {MIN_HISTORY_DAYS}) and no "
            "par level to fall back on, so the AMC is used as it is"
        )
    raw_max, raw_min = amc * params.max_months, amc * params.min_months
    steps.append(
        f"Maximum = {a} x {n(params.max_months)} months = {n(raw_max)}; "
        f"minimum = {a} x {n(params.min_months)} months = {n(raw_min)}"
    )
    if par > raw_max:
        steps.append(
            f"Par-level floor: the par levels add up to {par}, so the maximum is raised to {par}"
        )
        raw_max = float(par)
    basis = "consumption (rough)" if days < MIN_HISTORY_DAYS else "consumption"
    return basis, amc, raw_max, raw_min, steps


def in_kit_units(lots: Sequence[StockLot], today: date) -> int:
    """Units inside ready kits among the stock not yet expired."""
    return sum(
        lot.quantity for lot in lots if lot.in_kit and (lot.expiry is None or lot.expiry >= today)
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
    dated = [
        (lot.quantity, None if lot.expiry is None else (lot.expiry - today).days) for lot in ordered
    ]
    used = used_before_expiry(dated, monthly_use / DAYS_PER_MONTH) if monthly_use > 0 else None
    for index, lot in enumerate(ordered):
        kept = lot.quantity if used is None else used[index]
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


def used_before_expiry(lots: Sequence[tuple[int, int | None]], per_day: float) -> list[int]:
    """For (quantity, days left) in first-expiry-first-out order: how much of each will be used
    before it expires at `per_day`. Earlier lots are used first; what they leave unused is
    thrown away, not used later. A lot without expiry is used whole."""
    out: list[int] = []
    used_before = 0
    for quantity, days_left in lots:
        kept = quantity
        if days_left is not None:
            can_use = per_day * max(0, days_left) - used_before
            kept = max(0, min(quantity, math.floor(can_use + 1e-9)))
        used_before += kept
        out.append(kept)
    return out


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
