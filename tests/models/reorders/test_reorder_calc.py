"""Worked examples of the max-min calculation, numbers computed by hand in the comments."""

from __future__ import annotations

from datetime import date

import pytest

from models.reorders.calc import (
    ItemInputs,
    Parameters,
    StockLot,
    add_months,
    blended_surge,
    calculate,
    split_packages,
    usable_stock,
)

TODAY = date(2026, 1, 15)
DEFAULTS = Parameters()  # 6-month window, max 6 months, min 3 months


def item(**changes: object) -> ItemInputs:
    values: dict[str, object] = dict(
        label="Naloxone 4mg nasal (any brand)",
        unit="device",
        package_name="carton",
        units_per_package=2,
        history_days=400,
        distributed=0,
        administered=0,
        expired=0,
        lost=0,
        par_total=0,
        lots=(),
        on_order=0,
    )
    values.update(changes)
    return ItemInputs(**values)  # type: ignore[arg-type]


def test_defaults_are_six_and_three_months_over_six_months() -> None:
    assert (DEFAULTS.window_months, DEFAULTS.max_months, DEFAULTS.min_months) == (6, 6.0, 3.0)


def test_stock_expiring_before_delivery_is_not_usable_and_order_rounds_up_to_cartons() -> None:
    # AMC = (30 distributed + 6 administered + 0 lost) / 6 = 6 devices a month; the 4 expired
    # are shown but are not demand. Maximum 6 x 6 = 36, minimum 6 x 3 = 18.
    # Lead time 21 days: delivery 2026-02-05. The 5 devices expiring 2026-01-31 are excluded;
    # the 15 expiring mid-2027 can all be used (6/month). Usable 15 + 2 on order <= 18: due.
    # Order 36 - 15 - 2 on order = 19 devices -> 10 cartons of 2 = 20 devices.
    result = calculate(
        item(
            distributed=30,
            administered=6,
            expired=4,
            lots=(StockLot(date(2026, 1, 31), 5), StockLot(date(2027, 6, 30), 15)),
            on_order=2,
        ),
        DEFAULTS,
        TODAY,
        lead_days=21,
    )
    assert result.basis == "consumption"
    assert result.amc == 6
    assert (result.max_units, result.min_units) == (36, 18)
    assert (result.on_hand, result.expiring, result.usable) == (20, 5, 15)
    assert (result.need_units, result.packages, result.order_units) == (19, 10, 20)
    assert result.due
    assert result.months_of_stock == 2.5
    assert any("expiring before delivery" in step for step in result.steps)
    assert any("10 cartons = 20 devices" in step for step in result.steps)
    assert any("(4 expired: not counted as demand)" in step for step in result.steps)


def test_stock_that_would_expire_before_it_is_used_is_excluded_and_par_is_a_floor() -> None:
    # AMC = 12 / 6 = 2 a month. Lot of 30 expires in 90 days: 2 x 90 / 30.4375 = 5.9 -> 5 can
    # be used, 25 would expire on the shelf. Lot of 10 expiring 2028: all usable. Usable 15.
    # Consumption maximum 12 is below the par levels (24): maximum 24; minimum 6.
    # Usable 15 is above the minimum 6: max-min orders nothing until it falls to 6.
    result = calculate(
        item(
            distributed=12,
            par_total=24,
            lots=(StockLot(date(2026, 4, 15), 30), StockLot(date(2028, 1, 15), 10)),
        ),
        DEFAULTS,
        TODAY,
        lead_days=14,
    )
    assert (result.on_hand, result.expiring, result.usable) == (40, 25, 15)
    assert (result.max_units, result.min_units) == (24, 6)
    assert (result.need_units, result.packages, result.order_units) == (0, 0, 0)
    assert not result.due
    assert any("Par-level floor" in step for step in result.steps)
    assert any(s.startswith("No order: 15 usable is above the minimum of 6") for s in result.steps)


def test_new_program_without_history_orders_up_to_the_par_levels() -> None:
    # No history: maximum = minimum = par levels added up (12 + 8 = 20). Nothing on hand.
    result = calculate(item(history_days=0, par_total=20), DEFAULTS, TODAY, lead_days=14)
    assert result.basis == "par level"
    assert (result.max_units, result.min_units, result.usable) == (20, 20, 0)
    assert (result.packages, result.order_units) == (10, 20)
    assert result.due
    assert result.months_of_stock is None


def test_surge_factor_raises_both_targets_and_is_explained() -> None:
    # AMC 24 / 6 = 4; maximum 24 x 1.5 = 36, minimum 12 x 1.5 = 18. Usable 10 (no expiry).
    # Order 36 - 10 = 26 test strips -> boxes of 100: 1 box.
    result = calculate(
        item(
            unit="strip",
            package_name="box",
            units_per_package=100,
            distributed=24,
            lots=(StockLot(None, 10),),
            surge=1.5,
            surge_note="Station 1 x1.5 until 2026-02-15: overdose spike",
        ),
        DEFAULTS,
        TODAY,
        lead_days=14,
    )
    assert (result.max_units, result.min_units) == (36, 18)
    assert (result.need_units, result.packages, result.order_units) == (26, 1, 100)
    assert any("surge x1.5" in step and "overdose spike" in step for step in result.steps)


def test_open_orders_lower_the_order_and_an_item_covered_needs_nothing() -> None:
    result = calculate(
        item(distributed=36, lots=(StockLot(None, 20),), on_order=16), DEFAULTS, TODAY, 14
    )
    # Maximum 36; 36 - 20 usable - 16 on order = 0.
    assert (result.need_units, result.packages) == (0, 0)


def test_expired_stock_is_not_on_hand() -> None:
    on_hand, expiring, usable, _steps = usable_stock(
        [StockLot(date(2026, 1, 1), 7), StockLot(None, 3)], TODAY, 14, 0.0
    )
    assert (on_hand, expiring, usable) == (3, 0, 3)


def test_allocation_cap_splits_packages_in_source_order() -> None:
    assert split_packages(25, [("State", 12), ("County", None)]) == (
        [("State", 12), ("County", 13)],
        0,
    )
    assert split_packages(25, [("State", 12), ("County", 10)]) == (
        [("State", 12), ("County", 10)],
        3,
    )
    assert split_packages(5, [("State", 12), ("County", None)]) == ([("State", 5)], 0)


def test_blended_surge_weights_each_station_by_its_use() -> None:
    # 40% of use at a station with x1.5, 60% elsewhere at x1: 0.4 x 1.5 + 0.6 = 1.2.
    assert blended_surge([(40, 1.5), (60, 1.0)]) == pytest.approx(1.2)


def test_add_months_clamps_to_the_end_of_the_month() -> None:
    assert add_months(date(2026, 8, 31), -6) == date(2026, 2, 28)
    assert add_months(TODAY, -6) == date(2025, 7, 15)


@pytest.mark.parametrize(
    ("usable", "on_order", "packages"),
    [(19, 0, 0), (18, 0, 9), (10, 9, 0), (10, 8, 9)],
)
def test_orders_only_at_or_below_the_minimum_counting_what_is_on_order(
    usable: int, on_order: int, packages: int
) -> None:
    # AMC 6: maximum 36, minimum 18. Stock position = usable + on order; order when <= 18,
    # up to 36: (36 - 18) / 2 = 9 cartons either way.
    result = calculate(
        item(distributed=36, lots=(StockLot(None, usable),), on_order=on_order),
        DEFAULTS,
        TODAY,
        lead_days=14,
    )
    assert result.packages == packages
