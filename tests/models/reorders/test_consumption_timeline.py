"""A new program on a fixed clock: week 1, day 28, day 31, month 3, month 7, and a gap month.

The program: on day 0, 60 Narcan received and 20 kits of 2 assembled (20 loose, 40 in kits);
two patrol cars with a par of 2 kits each (8 devices); kits left behind on days 3, 10, 15, 20,
25, 26 and then once a month; 2 doses given on scene on day 20.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from lbn_desktop.database import Database
from models.common.clock import FixedClock
from models.services import Services
from tests.conftest import Agency
from tests.models.alert_fixtures import administer, assemble, distribute, receive
from tests.models.reorders.test_reorder_service import GROUP, line_of

START = date(2025, 6, 2)
MONTH = 365.25 / 12
KIT_DAYS = (3, 10, 15, 20, 25, 26, 40, 70, 100, 130, 160, 190)


def day(n: int) -> date:
    return START + timedelta(days=n)


def program(
    services: Services,
    database: Database,
    clock: FixedClock,
    agency: Agency,
    until: int,
    kit_days: tuple[int, ...] = KIT_DAYS,
) -> None:
    """Book the program's events up to day `until`, then stand on that day."""
    clock.set(day(0))
    services.catalog.set_par_level(agency.vehicle, kit_lot_product(services), 2)
    services.catalog.set_par_level(agency.vehicle2, kit_lot_product(services), 2)
    narcan = receive(services, agency.room, agency.narcan, "N1", date(2028, 12, 31), 60)
    kits = assemble(database, clock, agency.room, "K1", 20, [(narcan, 2)])
    events = [(n, "kit") for n in kit_days] + [(20, "dose")]
    for n, what in sorted(events):
        if n > until:
            continue
        clock.set(day(n))
        if what == "kit":
            distribute(database, clock, kits, agency.room, 1, day(n))
        else:
            administer(database, clock, narcan, agency.room, 2, day(n))
    clock.set(day(until))


def kit_lot_product(services: Services) -> int:
    return next(p.id for p in services.catalog.list_products() if p.kind == "kit")


def test_week_1_shows_the_observed_rate_and_falls_back_to_par_levels(
    services, database, clock, agency
) -> None:
    program(services, database, clock, agency, until=7)
    line = line_of(services, GROUP)
    r = line.result
    assert (line.distributed, line.history_days) == (2, 7)  # 1 kit of 2 devices in 7 days
    assert r.amc == pytest.approx(2 / 7 * MONTH)  # 8.7 a month: never 0 while use is on record
    assert r.basis == "par level (rough)"
    assert (r.max_units, r.min_units) == (8, 8)  # two cars x 2 kits x 2 devices
    assert any(step.startswith("Rough estimate: only 7 days of history") for step in r.steps)


def test_day_28_is_still_rough_but_prints_the_real_amc(services, database, clock, agency) -> None:
    program(services, database, clock, agency, until=28)
    line = line_of(services, GROUP)
    r = line.result
    # 6 kits (12 devices) and 2 doses in 28 days.
    assert (line.distributed, line.administered, line.history_days) == (12, 2, 28)
    assert r.amc == pytest.approx(14 / 28 * MONTH)  # 15.2 a month, not 0
    assert r.basis == "par level (rough)"
    # 18 loose + 14 ready kits x 2 inside: the sheet shows both, and they add up.
    assert (r.loose, r.in_kits, r.on_hand) == (18, 28, 46)
    assert not any("No consumption to average" in step for step in r.steps)


def test_day_31_averages_the_31_days_observed(services, database, clock, agency) -> None:
    program(services, database, clock, agency, until=31)
    r = line_of(services, GROUP).result
    assert r.history_days == 31
    assert r.basis == "consumption"
    assert r.amc == pytest.approx(14 / 31 * MONTH)  # 13.75
    assert r.max_units == 83  # 13.75 x 6 months = 82.5, rounded up
    assert any("/ 31 days observed x 30.44" in step for step in r.steps)


def test_month_3_averages_the_91_days_since_the_first_movement(
    services, database, clock, agency
) -> None:
    program(services, database, clock, agency, until=91)
    line = line_of(services, GROUP)
    assert (line.distributed, line.administered, line.history_days) == (16, 2, 91)
    assert line.result.amc == pytest.approx(18 / 91 * MONTH)  # 6.02


def test_month_7_uses_the_whole_six_month_window(services, database, clock, agency) -> None:
    program(services, database, clock, agency, until=213)
    line = line_of(services, GROUP)
    # Window 2025-07-01 .. 2026-01-01: the kits of days 40 .. 190 (6 kits, 12 devices).
    assert line.distributed == 12 and line.administered == 0
    assert line.history_days == (day(213) - date(2025, 7, 1)).days
    assert line.result.amc == 2.0  # 12 devices / 6 months
    assert line.result.basis == "consumption"


def test_a_gap_month_counts_as_days_of_no_use_not_as_missing_history(
    services, database, clock, agency
) -> None:
    program(services, database, clock, agency, until=60, kit_days=(5, 6, 65))
    line = line_of(services, GROUP)
    # 2 kits and 2 doses by day 20, then nothing for 40 days: the AMC falls but stays above 0.
    assert (line.distributed, line.administered, line.history_days) == (4, 2, 60)
    assert line.result.amc == pytest.approx(6 / 60 * MONTH)  # 3.04
    assert line.result.basis == "consumption"
    program_day_91 = line_of_after(services, database, clock, agency, 65, 91)
    assert program_day_91.result.amc == pytest.approx(8 / 91 * MONTH)  # use resumed on day 65


def line_of_after(services, database, clock, agency, kit_day: int, today: int):  # type: ignore[no-untyped-def]
    kits = services.stock.find_lot(kit_lot_product(services), "K1")
    clock.set(day(kit_day))
    distribute(database, clock, kits.id, agency.room, 1, day(kit_day))
    clock.set(day(today))
    return line_of(services, GROUP)
