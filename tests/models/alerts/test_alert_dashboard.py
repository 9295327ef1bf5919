"""Dashboard figures on a known dataset, shared with the dashboard's pytest-qt test."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.alerts.rows import AlertKind
from tests.models.alert_fixtures import (
    administer,
    assemble,
    days,
    distribute,
    kit_product,
    receive,
    void_distribution,
)


@dataclass
class Known:
    kit: int
    kit_lot: int


def build_known_dataset(services, database, clock, agency) -> Known:
    """Doses: 10 usable, 5 expiring, 4 expired, 1 quarantined; kits: 1 room, 2 vehicle (par 4);
    distributions: 1 kit this month (one voided), 1 last month; 3 doses administered."""
    nx1 = receive(services, agency.room, agency.narcan, "NX1", days(200), 16)
    nx2 = receive(services, agency.room, agency.narcan, "NX2", days(45), 6)
    nx3 = receive(services, agency.room, agency.narcan, "NX3", days(-5), 4)
    receive(services, agency.room, agency.strips, "FT1", days(100), 100)  # no doses
    services.stock.quarantine(nx2, agency.room, 1, "damaged box")
    kit_lot = assemble(database, clock, agency.room, "K1", 6, [(nx1, 2)])
    kit = kit_product(services)
    services.catalog.set_par_level(agency.vehicle, kit, 4)
    services.stock.transfer(kit_lot, agency.room, agency.vehicle, 4)
    distribute(database, clock, kit_lot, agency.vehicle, 1, date(2026, 1, 10))
    distribute(database, clock, kit_lot, agency.vehicle, 1, date(2025, 12, 20))
    twice = distribute(database, clock, kit_lot, agency.vehicle, 1, date(2026, 1, 12))
    void_distribution(database, clock, twice)
    distribute(database, clock, kit_lot, agency.vehicle, 1, date(2025, 3, 3))
    services.stock.transfer(kit_lot, agency.room, agency.vehicle, 1)
    administer(database, clock, nx3, agency.room, 3, date(2026, 1, 2))
    receive(services, agency.room, agency.narcan, "NX3", days(-5), 3)  # back to 4 expired
    return Known(kit, kit_lot)


def test_dashboard_figures_for_a_known_dataset(services, database, clock, agency) -> None:
    known = build_known_dataset(services, database, clock, agency)
    data = services.alerts.dashboard()
    s = data.summary
    assert (s.doses_usable, s.doses_expiring, s.doses_expired, s.doses_quarantined) == (
        10,
        5,
        4,
        1,
    )
    assert s.expiring_window_days == 90
    assert {(k.location_path, k.ready, k.required) for k in s.kits} == {
        ("Station 1 / Supply room", 1, 0),
        ("Station 1 / Patrol 12", 2, 4),
    }
    assert s.kits_ready == 3
    assert [(g.location_path, g.short) for g in s.below_par] == [("Station 1 / Patrol 12", 2)]
    assert (s.distributions_this_month, s.distributions_last_month) == (1, 1)
    assert s.encounters_this_month == 1
    assert (s.administered_this_month, s.administered_last_month) == (3, 0)
    expiring = {f.month: f.value for f in s.expiring_by_month}
    assert len(s.expiring_by_month) == 18
    assert s.expiring_by_month[0].month == date(2026, 1, 1)
    assert expiring[date(2026, 3, 1)] == 5 and expiring[date(2026, 8, 1)] == 10
    assert sum(expiring.values()) == 15
    distributed = {f.month: f.value for f in s.distributed_by_month}
    assert len(distributed) == 12 and s.distributed_by_month[0].month == date(2025, 2, 1)
    assert distributed[date(2026, 1, 1)] == 1 and distributed[date(2025, 12, 1)] == 1
    assert distributed[date(2025, 3, 1)] == 1 and sum(distributed.values()) == 3
    kinds = {a.kind for a in data.alerts}
    assert {AlertKind.EXPIRED, AlertKind.EXPIRING, AlertKind.RESTOCK} <= kinds
    vehicle = next(r for r in data.readiness if r.location_id == agency.vehicle)
    assert (vehicle.required, vehicle.ready) == (4, 2) and known.kit_lot


def test_dashboard_on_an_empty_agency(services) -> None:
    data = services.alerts.dashboard()
    assert data.summary.doses_usable == 0 and data.alerts == () and data.readiness == ()
    assert all(f.value == 0 for f in data.summary.expiring_by_month)
