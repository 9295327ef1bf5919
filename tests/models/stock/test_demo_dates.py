"""QA: the demo agency loads on any date (month ends, leap day, year end) and balances the books;
some on-scene doses come from kits opened on a vehicle, as in a real program."""

from __future__ import annotations

from datetime import date

import pytest

from models.services import build_demo
from models.stock.ledger_check import check_ledger
from models.stock.time_order import out_of_time_entries


@pytest.mark.parametrize("day", [date(2024, 2, 29), date(2026, 12, 31), date(2027, 3, 1)])
def test_demo_loads_and_balances_on_awkward_dates(services, database, clock, day) -> None:
    clock.set(day)
    build_demo(services)
    with database.sessions() as s:
        assert check_ledger(s).ok
        assert out_of_time_entries(s) == []
    start = date(day.year - 1, day.month, 1)
    summary = services.distributions.summary(start, day)
    assert summary.distributions > 100
    assert summary.administrations_from_kits > 0
    months = services.distributions.monthly_counts(start, day)
    assert all(m.distributions > 0 for m in months)
    assert services.alerts.dashboard().summary.kits_ready > 0


def test_demo_ends_with_most_vehicles_ready_and_one_per_station_waiting(services) -> None:
    build_demo(services)
    board = services.alerts.dashboard().readiness
    vehicles = [r for r in board if r.kind == "vehicle"]
    ready = [r for r in vehicles if r.ready >= r.required]
    assert len(vehicles) == 9 and 5 <= len(ready) < len(vehicles)
