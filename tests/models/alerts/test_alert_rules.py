"""Each alert rule fires on its boundary day and not the day before (FixedClock)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from models.alerts.rows import ActionKind, AlertKind, Severity
from models.alerts.rules import AlertRules, parse_bands
from models.common.errors import ValidationError
from tests.conftest import TODAY
from tests.models.alert_fixtures import assemble, days, receive
from tests.snapshot import snapshot


def alerts_of(services, kind: AlertKind):
    return [a for a in services.alerts.list_alerts() if a.kind is kind]


@pytest.mark.parametrize("band", [90, 60, 30])
def test_expiry_band_fires_on_its_boundary_day_and_not_the_day_before(
    services, agency, clock, band
) -> None:
    expiry = days(200)
    receive(services, agency.cabinet, agency.narcan, "NX1", expiry, 12)
    clock.set(expiry - timedelta(days=band + 1))
    before = alerts_of(services, AlertKind.EXPIRING)
    clock.set(expiry - timedelta(days=band))
    (alert,) = alerts_of(services, AlertKind.EXPIRING)
    assert alert.fingerprint == f"band={band}"
    assert [a.fingerprint for a in before] == ([] if band == 90 else [f"band={band + 30}"])
    assert (alert.where, alert.quantity, alert.when) == (
        "Station 1 / Supply room / Cabinet A",
        12,
        expiry,
    )
    assert (
        alert.action is ActionKind.TRANSFER and alert.lot_id and alert.location_id == agency.cabinet
    )
    assert alert.severity is (Severity.WARNING if band == 30 else Severity.NOTICE)


def test_expired_stock_fires_the_day_after_expiry_and_clears_in_quarantine(
    services, agency, clock
) -> None:
    lot = receive(services, agency.room, agency.narcan, "OLD", days(10), 6)
    clock.set(days(10))
    assert alerts_of(services, AlertKind.EXPIRED) == []
    clock.set(days(11))
    (alert,) = alerts_of(services, AlertKind.EXPIRED)
    assert alert.severity is Severity.CRITICAL and alert.action is ActionKind.QUARANTINE
    assert (alert.lot_id, alert.location_id, alert.quantity) == (lot, agency.room, 6)
    services.stock.quarantine(lot, agency.room, 6, "expired")
    assert alerts_of(services, AlertKind.EXPIRED) == []


def test_bands_are_set_per_product_kind(services, agency, clock) -> None:
    rules = services.alerts.get_rules()
    bands = dict(rules.expiry_bands, test_strip=(30,))
    services.alerts.save_rules(replace(rules, expiry_bands=bands))
    receive(services, agency.room, agency.strips, "FT1", days(60), 100)
    receive(services, agency.room, agency.narcan, "NX1", days(60), 10)
    assert [a.product_id for a in alerts_of(services, AlertKind.EXPIRING)] == [agency.narcan]
    clock.set(days(30))
    assert {a.product_id for a in alerts_of(services, AlertKind.EXPIRING)} == {
        agency.narcan,
        agency.strips,
    }


def test_kits_inherit_the_earliest_component_expiry(services, database, agency, clock) -> None:
    nx = receive(services, agency.room, agency.narcan, "NX1", days(100), 20)
    strips = receive(services, agency.room, agency.strips, "FT1", days(700), 100)
    # The kit lot itself claims a later date; its naloxone governs.
    kit = assemble(database, clock, agency.room, "K1", 5, [(nx, 2), (strips, 2)], days(700))
    clock.set(days(9))  # 91 days left
    assert alerts_of(services, AlertKind.KIT_EXPIRING) == []
    clock.set(days(10))
    (alert,) = alerts_of(services, AlertKind.KIT_EXPIRING)
    assert (alert.lot_id, alert.when, alert.quantity) == (kit, days(100), 5)
    assert alert.action is ActionKind.REKIT and alert.fingerprint == "band=90"
    clock.set(days(101))
    expired = {a.lot_id: a for a in alerts_of(services, AlertKind.EXPIRED)}
    assert expired[kit].action is ActionKind.REKIT and expired[kit].quantity == 5
    assert expired[nx].action is ActionKind.QUARANTINE and expired[nx].quantity == 10


def test_disabled_rules_stay_silent(services, agency, clock) -> None:
    receive(services, agency.room, agency.narcan, "OLD", days(1), 4)
    clock.set(days(5))
    rules = services.alerts.get_rules()
    services.alerts.save_rules(replace(rules, expired_outside_quarantine=False))
    assert alerts_of(services, AlertKind.EXPIRED) == []


def test_invalid_rules_are_refused_and_nothing_is_written(services, database) -> None:
    rules = services.alerts.get_rules()
    before = snapshot(database.sessions)
    for bad in (
        replace(rules, expiry_bands={"naloxone": (0,)}),
        replace(rules, dwell_days={"quarantine": 30}),
        replace(rules, consumption_days=1),
    ):
        with pytest.raises(ValidationError):
            services.alerts.save_rules(bad)
    assert snapshot(database.sessions) == before
    assert services.alerts.get_rules() == AlertRules()


def test_parse_bands_reads_what_people_type() -> None:
    assert parse_bands("30, 90 60") == (90, 60, 30)
    assert parse_bands("") == ()
    with pytest.raises(ValidationError, match="not a list of days"):
        parse_bands("ninety")


def test_rules_round_trip_through_the_setting(services) -> None:
    rules = replace(
        AlertRules(),
        refresher_days=45,
        dwell_days={"vehicle": 365},
        expiry_bands=dict(AlertRules().expiry_bands, kit=(120, 30)),
    )
    assert services.alerts.save_rules(rules) == rules
    assert services.alerts.get_rules().bands_for("kit") == (120, 30)
    assert AlertRules.from_json({"refresher_days": "x", "expiry_bands": 3}) == AlertRules()


def test_today_is_the_clock_not_the_wall(services, agency, clock) -> None:
    receive(services, agency.room, agency.narcan, "NX1", TODAY + timedelta(days=400), 3)
    assert alerts_of(services, AlertKind.EXPIRING) == []
    clock.advance(days=340)
    assert len(alerts_of(services, AlertKind.EXPIRING)) == 1
