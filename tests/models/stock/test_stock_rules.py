"""Expired or quarantined stock goes only to quarantine; a multi-line refusal names its line."""

from __future__ import annotations

from datetime import date

import pytest

from models.common.errors import LotConflict, LotExpired, ValidationError
from models.stock.rows import ReceiveLine
from tests.conftest import Agency
from tests.models.alert_fixtures import assemble, receive
from tests.snapshot import snapshot


def test_an_expired_kit_cannot_go_onto_a_vehicle_but_may_go_to_quarantine(
    services, database, agency: Agency, clock
) -> None:
    today = clock.today()
    clock.set(date(2025, 10, 1))
    narcan = receive(services, agency.room, agency.narcan, "N1", date(2025, 12, 31), 4)
    kits = assemble(database, clock, agency.room, "K1", 2, [(narcan, 2)])
    clock.set(today)  # the kits' naloxone expired on 2025-12-31
    before = snapshot(database.sessions)
    with pytest.raises(LotExpired, match="expired on 2025-12-31: it may only go to a quarantine"):
        services.stock.transfer(kits, agency.room, agency.vehicle, 1)
    assert snapshot(database.sessions) == before
    services.catalog.add_location("Quarantine", "quarantine", agency.station)
    quarantine = next(x.id for x in services.catalog.list_locations() if x.kind == "quarantine")
    services.stock.transfer(kits, agency.room, quarantine, 2)
    assert services.stock.on_hand(kits, quarantine) == 2


def test_quarantined_stock_does_not_go_back_onto_a_vehicle(
    services, database, agency: Agency
) -> None:
    lot = receive(services, agency.room, agency.narcan, "R1", date(2028, 1, 31), 5)
    services.stock.quarantine(lot, agency.room, 5, "recall notice")
    quarantine = next(x.id for x in services.catalog.list_locations() if x.kind == "quarantine")
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match="is in quarantine"):
        services.stock.transfer(lot, quarantine, agency.vehicle, 1)
    assert snapshot(database.sessions) == before


def test_a_refused_receipt_line_is_named_by_number_product_and_lot(
    services, database, agency: Agency
) -> None:
    receive(services, agency.room, agency.narcan, "A1", date(2028, 1, 31), 5)
    before = snapshot(database.sessions)
    lines = [
        ReceiveLine(agency.teva, "T1", date(2028, 1, 31), 2),
        ReceiveLine(agency.strips, "S1", date(2028, 1, 31), 100),
        ReceiveLine(agency.narcan, "A1", date(2029, 6, 30), 2),  # A1 is known with 2028-01-31
    ]
    with pytest.raises(LotConflict, match=r"^Line 3 \(Narcan 4 mg nasal spray, lot A1\): "):
        services.stock.receive(agency.room, lines)
    lines[2] = ReceiveLine(agency.narcan, "OLD", date(2025, 1, 31), 2)
    with pytest.raises(LotExpired, match=r"^Line 3 \(Narcan 4 mg nasal spray, lot OLD\): "):
        services.stock.receive(agency.room, lines)
    lines[2] = ReceiveLine(agency.narcan, "Z9", date(2029, 1, 31), 0)
    with pytest.raises(ValidationError, match=r"^Line 3 \(Narcan 4 mg nasal spray, lot Z9\): "):
        services.stock.receive(agency.room, lines)
    assert snapshot(database.sessions) == before
