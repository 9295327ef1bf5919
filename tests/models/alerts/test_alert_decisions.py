"""Acknowledge and snooze hide an alert until its condition changes; hooks and at-risk stock."""

from __future__ import annotations

from datetime import date

import pytest

from models.alerts.rows import ActionKind, AlertKind, AlertStatus, Severity
from models.common.errors import ValidationError
from models.partners.service import DeadlineDue
from models.reorders.service import ReorderDue
from models.training.service import RefresherDue
from tests.models.alert_fixtures import administer, days, receive, slow_use
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


def test_at_risk_is_what_the_agency_will_not_use_before_expiry_with_its_arithmetic(
    services, database, agency, clock
) -> None:
    lot = slow_use(services, database, clock, agency)
    (alert,) = only(services, AlertKind.AT_RISK)
    # 9 used in 60 days = 0.15 a day; 29 days left: 4.35 -> 4 of SLOW used, 16 at risk.
    assert (alert.lot_id, alert.location_id, alert.quantity) == (lot, agency.room, 16)
    assert alert.action is ActionKind.DONATE and alert.severity is Severity.WARNING
    assert alert.when == days(29)
    assert alert.detail.startswith(
        "Pace 4.57 devices a month (9 used in 60 days); 29 days left; expected use 4 of the "
        "20 expiring by then across the agency (earliest first); at risk here 16."
    )
    assert "Donate 16 to Local harm-reduction partner before 2026-02-13" in alert.detail


def test_a_busier_station_elsewhere_in_the_agency_uses_the_stock_so_it_is_not_at_risk(
    services, database, agency, clock
) -> None:
    station2 = services.catalog.add_location("Station 2", "station")
    medic = services.catalog.add_location("Medic 31", "vehicle", station2.id)
    slow_use(services, database, clock, agency)
    clock.set(days(-60))
    busy = receive(services, medic.id, agency.narcan, "BUSY", days(900), 100)
    clock.set(days(-5))
    administer(database, clock, busy, medic.id, 90, days(-5))
    clock.set(days(0))
    # 99 used in 60 days = 1.65 a day: the 20 of SLOW go in the 29 days left (FEFO, all places).
    assert only(services, AlertKind.AT_RISK) == []


def test_no_consumption_history_means_no_at_risk_guess(services, agency) -> None:
    receive(services, agency.room, agency.narcan, "SLOW", days(100), 20)
    assert only(services, AlertKind.AT_RISK) == []


def test_other_areas_hooks_become_alerts(services, monkeypatch) -> None:
    alerts = services.alerts
    monkeypatch.setattr(
        alerts._reorders,
        "due_in",
        lambda _s: [ReorderDue(1, "Narcan 4 mg nasal spray", 6, 24, "device")],
    )
    monkeypatch.setattr(
        alerts._training,
        "refreshers_due_in",
        lambda _s, within_days: [
            RefresherDue(1, "A. Officer", date(2026, 1, 10), True),
            RefresherDue(2, "B. Officer", date(2026, 2, 1), False),
        ],
    )
    monkeypatch.setattr(
        alerts._partners,
        "deadlines_due_in",
        lambda _s, within_days: [DeadlineDue(3, "County DOH", date(2026, 1, 20), 5)],
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
    def broken(_s):
        raise RuntimeError("not ready")

    monkeypatch.setattr(services.alerts._reorders, "due_in", broken)
    receive(services, agency.room, agency.narcan, "NX1", days(20), 2)
    assert [a.kind for a in services.alerts.list_alerts()] == [AlertKind.EXPIRING]
