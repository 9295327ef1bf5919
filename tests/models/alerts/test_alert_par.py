"""Par levels: below-par alerts appear and clear; vehicle restock tasks and the readiness board."""

from __future__ import annotations

from dataclasses import replace

from models.alerts.rows import ActionKind, AlertKind, Readiness, Severity
from tests.models.alert_fixtures import assemble, days, distribute, kit_product, receive


def alerts_of(services, kind: AlertKind):
    return [a for a in services.alerts.list_alerts() if a.kind is kind]


def test_below_par_alert_appears_and_clears(services, agency) -> None:
    services.catalog.set_par_level(agency.room, agency.narcan, 10)
    (alert,) = alerts_of(services, AlertKind.BELOW_PAR)
    assert (alert.where, alert.quantity, alert.action) == (
        "Station 1 / Supply room",
        10,
        ActionKind.REORDER,
    )
    lot = receive(services, agency.cabinet, agency.narcan, "NX1", days(400), 4)  # inside the room
    (alert,) = alerts_of(services, AlertKind.BELOW_PAR)
    assert alert.quantity == 6 and "4 of 10" in alert.what
    receive(services, agency.room, agency.teva, "TV1", days(400), 6)  # same interchange group
    assert alerts_of(services, AlertKind.BELOW_PAR) == []
    services.stock.quarantine(lot, agency.cabinet, 1, "damaged")
    assert [a.quantity for a in alerts_of(services, AlertKind.BELOW_PAR)] == [1]


def test_expired_stock_does_not_count_toward_par(services, agency, clock) -> None:
    services.catalog.set_par_level(agency.room, agency.narcan, 4)
    receive(services, agency.room, agency.narcan, "NX1", days(3), 4)
    assert alerts_of(services, AlertKind.BELOW_PAR) == []
    clock.set(days(4))
    assert [a.quantity for a in alerts_of(services, AlertKind.BELOW_PAR)] == [4]


def _stock_vehicle(services, database, clock, agency):
    kit = kit_product(services)
    nx = receive(services, agency.room, agency.narcan, "NX1", days(300), 40)
    nx2 = receive(services, agency.room, agency.narcan, "NX2", days(200), 4)
    early = assemble(database, clock, agency.room, "K-EARLY", 2, [(nx2, 2)])
    late = assemble(database, clock, agency.room, "K-LATE", 10, [(nx, 2)])
    services.catalog.set_par_level(agency.vehicle, kit, 4)
    services.stock.transfer(late, agency.room, agency.vehicle, 4)
    return kit, early, late


def test_restock_task_appears_after_a_distribution_and_closes_after_the_transfer(
    services, database, agency, clock
) -> None:
    kit, early, late = _stock_vehicle(services, database, clock, agency)
    assert services.alerts.restock_tasks() == []
    distribute(database, clock, late, agency.vehicle, 3)
    (task,) = services.alerts.restock_tasks()
    assert (task.location_id, task.product_id, task.par, task.usable, task.short) == (
        agency.vehicle,
        kit,
        4,
        1,
        3,
    )
    # First expiry first out: the two early kits, then one of the later batch.
    assert [(p.lot_id, p.location_id, p.quantity) for p in task.picks] == [
        (early, agency.room, 2),
        (late, agency.room, 1),
    ]
    (alert,) = alerts_of(services, AlertKind.RESTOCK)
    assert alert.where == "Station 1 / Patrol 12" and alert.quantity == 3
    assert alert.action is ActionKind.TRANSFER
    assert (alert.lot_id, alert.location_id, alert.product_id) == (early, agency.room, kit)
    assert "take 2 × lot K-EARLY" in alert.detail
    for pick in task.picks:
        services.stock.transfer(pick.lot_id, pick.location_id, agency.vehicle, pick.quantity)
    assert services.alerts.restock_tasks() == []
    assert alerts_of(services, AlertKind.RESTOCK) == []


def test_restock_says_what_the_station_cannot_supply(services, database, agency, clock) -> None:
    kit, _early, _late = _stock_vehicle(services, database, clock, agency)
    services.catalog.set_par_level(agency.vehicle, kit, 20)
    (task,) = services.alerts.restock_tasks()
    assert task.short == 16 and task.uncovered == 8
    (alert,) = alerts_of(services, AlertKind.RESTOCK)
    assert "cannot supply 8: assemble kits" in alert.detail


def test_readiness_board_goes_green_amber_red(services, database, agency, clock) -> None:
    _kit, _early, late = _stock_vehicle(services, database, clock, agency)
    board = {r.location_id: r for r in services.alerts.readiness()}
    assert board[agency.vehicle].status is Readiness.GREEN
    assert (board[agency.vehicle].required, board[agency.vehicle].ready) == (4, 4)
    assert board[agency.vehicle2].status is Readiness.UNSET
    distribute(database, clock, late, agency.vehicle, 1)
    row = next(r for r in services.alerts.readiness() if r.location_id == agency.vehicle)
    assert row.status is Readiness.AMBER and row.ready == 3 and len(row.tasks) == 1
    distribute(database, clock, late, agency.vehicle, 2)
    row = next(r for r in services.alerts.readiness() if r.location_id == agency.vehicle)
    assert row.status is Readiness.RED
    (alert,) = alerts_of(services, AlertKind.RESTOCK)
    assert alert.severity is Severity.WARNING
    # Kits inside the narrowest band make a full vehicle amber.
    services.stock.transfer(late, agency.room, agency.vehicle, 3)
    assert (
        next(r for r in services.alerts.readiness() if r.location_id == agency.vehicle).status
        is Readiness.GREEN
    )
    clock.set(days(300 - 30))
    row = next(r for r in services.alerts.readiness() if r.location_id == agency.vehicle)
    assert row.status is Readiness.AMBER and row.expiring_soon == 4


def test_dwell_limit_shortens_vehicle_expiry_and_lists_rotation(
    services, database, agency, clock
) -> None:
    rules = services.alerts.get_rules()
    services.alerts.save_rules(replace(rules, dwell_days={"vehicle": 100}))
    _kit, _early, late = _stock_vehicle(services, database, clock, agency)
    (row,) = services.alerts.rotation_list()
    assert (row.lot_id, row.location_id, row.rotate_by, row.quantity) == (
        late,
        agency.vehicle,
        days(100),
        4,
    )
    clock.set(days(69))
    assert alerts_of(services, AlertKind.DWELL) == []
    clock.set(days(70))
    (alert,) = alerts_of(services, AlertKind.DWELL)
    assert alert.when == days(100) and alert.severity is Severity.WARNING
    assert alert.action is ActionKind.TRANSFER and alert.location_id == agency.vehicle
    clock.set(days(101))
    (alert,) = alerts_of(services, AlertKind.DWELL)
    assert alert.severity is Severity.CRITICAL
    vehicle = next(r for r in services.alerts.readiness() if r.location_id == agency.vehicle)
    assert vehicle.ready == 0 and vehicle.status is Readiness.RED
    # Kits in the supply room have no dwell limit.
    assert not any(a.location_id == agency.room for a in alerts_of(services, AlertKind.DWELL))
