"""At-risk agrees with the rest of the app: the restock pick and the par stock are never offered.

The issue's program: 18 kits expiring in 71 days assembled on day 0, 6 left behind in 26 days
(a pace of 6.9 kits a month); on day 26 the 12 left expire in 45 days. At that pace about 10 are
used in time, so 2 are at risk, not 11.
"""

from __future__ import annotations

from datetime import date, timedelta

from models.alerts.rows import AlertKind
from models.services import Services
from tests.conftest import Agency
from tests.models.alert_fixtures import assemble, distribute, kit_product, receive

START = date(2025, 11, 20)


def day(n: int) -> date:
    return START + timedelta(days=n)


def issue_program(services: Services, database, clock, agency: Agency, car_par: int) -> int:  # type: ignore[no-untyped-def]
    clock.set(day(0))
    narcan = receive(services, agency.room, agency.narcan, "SHORT", day(71), 36)
    kits = assemble(database, clock, agency.room, "K-SHORT", 18, [(narcan, 2)])
    for n in (3, 8, 13, 18, 22, 26):
        clock.set(day(n))
        distribute(database, clock, kits, agency.room, 1, day(n))
    services.catalog.set_par_level(agency.vehicle, kit_product(services), car_par)
    return kits


def at_risk(services: Services) -> list:  # type: ignore[type-arg]
    return [a for a in services.alerts.list_alerts() if a.kind is AlertKind.AT_RISK]


def test_the_kits_a_restock_picks_are_never_offered_for_donation(
    services, database, clock, agency
) -> None:
    kits = issue_program(services, database, clock, agency, car_par=3)
    (task,) = services.alerts.restock_tasks()
    (pick,) = task.picks
    assert (pick.lot_id, pick.location_id, pick.quantity) == (kits, agency.room, 3)
    # 2 kits are at risk at the pace, but the car's restock takes 3 of them: nothing to donate.
    assert at_risk(services) == []


def test_only_what_is_neither_picked_nor_used_in_time_is_offered_with_its_arithmetic(
    services, database, clock, agency
) -> None:
    kits = issue_program(services, database, clock, agency, car_par=1)
    (task,) = services.alerts.restock_tasks()
    picked = sum(p.quantity for p in task.picks if p.lot_id == kits)
    (alert,) = at_risk(services)
    assert (alert.lot_id, alert.location_id, alert.quantity) == (kits, agency.room, 1)
    assert alert.quantity + picked <= services.stock.on_hand(kits, agency.room)
    assert alert.detail.startswith(
        "Pace 7.02 kits a month (6 used in 26 days, rough: under 30 days); 45 days left; "
        "expected use 10 of the 12 expiring by then across the agency (earliest first); "
        "at risk here 1 (1 more kept for par levels or restock picks, not offered)."
    )


def test_kit_components_are_used_by_kit_assembly(services, database, clock, agency) -> None:
    clock.set(day(0))
    strips = receive(services, agency.room, agency.strips, "FTS", day(50), 60)
    narcan = receive(services, agency.room, agency.narcan, "N", day(400), 60)
    for n in (0, 10, 20, 30):  # 5 kits every 10 days, each with 2 strips: 1 strip a day
        clock.set(day(n))
        assemble(database, clock, agency.room, f"K{n}", 5, [(narcan, 2), (strips, 2)])
    clock.set(day(40))
    # 40 strips drawn into kits in 40 days: 1 a day. Of the 20 loose strips left, expiring in
    # 10 days, 10 will go into kits in time: 10 at risk, not all 20 (no strip left loose).
    (alert,) = [a for a in at_risk(services) if a.lot_id == strips]
    assert alert.quantity == 10
    assert "strips a month (40 used in 40 days)" in alert.detail
