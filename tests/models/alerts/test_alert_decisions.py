"""Acknowledge and snooze hide an alert until its condition changes; hooks and at-risk stock."""

from __future__ import annotations

from datetime import date

import pytest

from models.alerts.rows import ActionKind, AlertKind, AlertStatus, Severity
from models.common.errors import ValidationError
from models.partners.service import DeadlineDue
from models.reorders.service import ReorderDue
from models.training.service import RefresherDue
from tests.models.alert_fixtures import administer, days, receive
from tests.snapshot import snapshot


def only(services, kind=AlertKind.EXPIRING, decided=False):
    return [a for a in services.alerts.list_alerts(decided) if a.kind is kind]


def test_acknowledged_alert_comes_back_when_the_band_changes(services, agency, clock) -> None:
    receive(services, agency.room, agency.narcan, "NX1", days(80), 12)
    (alert,) = only(services)
    services.alerts.acknowledge(alert.key, alert.fingerprint, "using it first")
    assert only(services) == []
    (decided,) = only(services, decided=True)
    assert decided.status is AlertStatus.ACKNOWLEDGED
    assert decided.status_note == "using it first (tester, 2026-01-15)"
    clock.set(days(80 - 61))  # still in the 90-day band
    assert only(services) == []
    clock.set(days(80 - 60))  # the 60-day band: a new condition
    (back,) = only(services)
    assert back.key == alert.key and back.fingerprint == "band=60"
    assert back.status is AlertStatus.OPEN


def test_snooze_hides_until_the_day_it_ends(services, agency, clock) -> None:
    services.catalog.set_par_level(agency.room, agency.narcan, 10)
    (alert,) = only(services, AlertKind.BELOW_PAR)
    until = services.alerts.snooze(alert.key, alert.fingerprint, 7, "order placed")
    assert until == days(7)
    clock.set(days(6))
    (snoozed,) = only(services, AlertKind.BELOW_PAR, decided=True)
    assert snoozed.status is AlertStatus.SNOOZED and snoozed.until == days(7)
    assert only(services, AlertKind.BELOW_PAR) == []
    clock.set(days(7))
    assert [a.status for a in only(services, AlertKind.BELOW_PAR)] == [AlertStatus.OPEN]


def test_snoozed_alert_comes_back_early_when_the_condition_changes(services, agency) -> None:
    services.catalog.set_par_level(agency.room, agency.narcan, 10)
    receive(services, agency.room, agency.narcan, "NX1", days(400), 8)
    (alert,) = only(services, AlertKind.BELOW_PAR)
    services.alerts.snooze(alert.key, alert.fingerprint, 30, "order placed")
    assert only(services, AlertKind.BELOW_PAR) == []
    lot = services.stock.find_lot(agency.narcan, "NX1").id
    services.stock.dispose(lot, agency.room, 3, "damaged")
    (back,) = only(services, AlertKind.BELOW_PAR)
    assert back.quantity == 5


def test_reopen_shows_an_acknowledged_alert_again(services, agency) -> None:
    receive(services, agency.room, agency.narcan, "NX1", days(20), 2)
    (alert,) = only(services)
    services.alerts.acknowledge(alert.key, alert.fingerprint, "training stock")
    services.alerts.reopen(alert.key)
    assert [a.status for a in only(services)] == [AlertStatus.OPEN]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda a, k, f: a.acknowledge(k, f, "  "), "Say why"),
        (lambda a, k, f: a.snooze(k, f, 0, "later"), "1 to 365"),
        (lambda a, k, f: a.acknowledge("", f, "why"), "cannot be recorded"),
        (lambda a, k, f: a.acknowledge(k, f, "x" * 600), "under 500"),
    ],
)
def test_decisions_without_a_reason_are_refused_and_write_nothing(
    services, database, agency, call, message
) -> None:
    receive(services, agency.room, agency.narcan, "NX1", days(20), 2)
    (alert,) = only(services)
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match=message):
        call(services.alerts, alert.key, alert.fingerprint)
    assert snapshot(database.sessions) == before


def test_stock_that_will_not_be_used_in_time_is_at_risk(services, database, agency, clock) -> None:
    station2 = services.catalog.add_location("Station 2", "station")
    medic = services.catalog.add_location("Medic 31", "vehicle", station2.id)
    lot = receive(services, agency.room, agency.narcan, "SLOW", days(59), 20)
    used = receive(services, agency.vehicle, agency.narcan, "USED", days(900), 100)
    busy = receive(services, medic.id, agency.narcan, "BUSY", days(900), 100)
    administer(database, clock, used, agency.vehicle, 9, days(-10))  # 0.1 a day at Station 1
    administer(database, clock, busy, medic.id, 90, days(-5))  # 1 a day at Station 2
    administer(database, clock, used, agency.vehicle, 50, days(-120))  # outside the window
    (alert,) = only(services, AlertKind.AT_RISK)
    # Station 1 uses 0.1 a day: 6 of the 20 in the 60 days left; 14 at risk.
    assert (alert.lot_id, alert.location_id, alert.quantity) == (lot, agency.room, 14)
    assert alert.where == "Station 1" and alert.action is ActionKind.TRANSFER
    assert alert.when == days(59) and alert.severity is Severity.NOTICE
    assert "Move 14 to Station 2 (uses about 30 a month)" in alert.detail


def test_at_risk_suggests_donation_when_nobody_can_use_it(
    services, database, agency, clock
) -> None:
    lot = receive(services, agency.room, agency.narcan, "SLOW", days(29), 20)
    used = receive(services, agency.vehicle, agency.narcan, "USED", days(900), 10)
    administer(database, clock, used, agency.vehicle, 9, days(-1))
    (alert,) = only(services, AlertKind.AT_RISK)
    assert alert.lot_id == lot and alert.quantity == 17 and alert.severity is Severity.WARNING
    assert "Donate 17 to Local harm-reduction partner before 2026-02-13" in alert.detail


def test_no_consumption_history_means_no_at_risk_guess(services, agency) -> None:
    receive(services, agency.room, agency.narcan, "SLOW", days(100), 20)
    assert only(services, AlertKind.AT_RISK) == []


def test_other_areas_hooks_become_alerts(services, monkeypatch) -> None:
    alerts = services.alerts
    monkeypatch.setattr(
        alerts._reorders,
        "list_due",
        lambda: [ReorderDue(1, "Narcan 4 mg nasal spray", 6, 24, "device")],
    )
    monkeypatch.setattr(
        alerts._training,
        "list_refreshers_due",
        lambda within_days: [
            RefresherDue(1, "A. Officer", date(2026, 1, 10), True),
            RefresherDue(2, "B. Officer", date(2026, 2, 1), False),
        ],
    )
    monkeypatch.setattr(
        alerts._partners,
        "list_deadlines_due",
        lambda within_days: [DeadlineDue(3, "County DOH", date(2026, 1, 20), 5)],
    )
    found = {a.kind: a for a in alerts.list_alerts()}
    assert found[AlertKind.REORDER].action is ActionKind.REORDER
    assert found[AlertKind.REORDER].quantity == 6
    assert found[AlertKind.REFRESHER].what == "Training refreshers due: 2 people (1 overdue)"
    assert found[AlertKind.REFRESHER].action is ActionKind.TRAINING
    assert found[AlertKind.DEADLINE].when == date(2026, 1, 20)
    assert found[AlertKind.DEADLINE].action is ActionKind.REPORTS
    refresher = found[AlertKind.REFRESHER]
    alerts.acknowledge(refresher.key, refresher.fingerprint, "session booked")
    assert AlertKind.REFRESHER not in {a.kind for a in alerts.list_alerts()}


def test_a_failing_hook_leaves_the_stock_alerts_alone(services, agency, monkeypatch) -> None:
    def broken():
        raise RuntimeError("not ready")

    monkeypatch.setattr(services.alerts._reorders, "list_due", broken)
    receive(services, agency.room, agency.narcan, "NX1", days(20), 2)
    assert [a.kind for a in services.alerts.list_alerts()] == [AlertKind.EXPIRING]
