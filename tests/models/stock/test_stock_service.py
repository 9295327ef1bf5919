"""Stock service on a real SQLite file: every use case and every refusal."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.common.errors import (
    AlreadyReversed,
    DomainError,
    InactiveLocation,
    InsufficientStock,
    LotConflict,
    LotExpired,
    NotFound,
    ValidationError,
)
from models.stock.rows import ReceiveLine
from tests.conftest import TODAY, Agency
from tests.snapshot import snapshot

EXP = date(2027, 6, 30)


def receive(services, agency: Agency, qty=10, lot="A1", expiry=EXP, product=None, where=None):
    return services.stock.receive(
        where or agency.room, [ReceiveLine(product or agency.narcan, lot, expiry, qty)]
    )


def held(services, location_id, lot_number="A1"):
    return sum(
        r.quantity
        for r in services.stock.list_on_hand(location_id=location_id)
        if r.lot_number == lot_number and r.location_id == location_id
    )


def test_receive_books_stock_into_the_location(services, agency):
    op = receive(services, agency, qty=24)
    rows = services.stock.list_on_hand()
    assert [(r.lot_number, r.quantity, r.location_name) for r in rows] == [
        ("A1", 24, "Supply room")
    ]
    assert rows[0].expiry == EXP and rows[0].days_left == (EXP - TODAY).days
    assert op.reason == "receive" and op.quantity == 24 and op.user == "tester"


def test_receive_several_lines_is_one_operation(services, agency):
    op = services.stock.receive(
        agency.room,
        [
            ReceiveLine(agency.narcan, "A1", EXP, 12),
            ReceiveLine(agency.strips, "FT9", date(2027, 1, 31), 100),
            ReceiveLine(agency.shield, "", None, 50),
        ],
    )
    assert op.move_count == 3 and op.quantity == 162
    shields = [r for r in services.stock.list_on_hand() if r.product_id == agency.shield]
    assert shields[0].lot_number == "NO LOT" and shields[0].expiry is None


def test_same_lot_again_adds_to_the_same_lot(services, agency):
    receive(services, agency, qty=5)
    receive(services, agency, qty=7)
    assert held(services, agency.room) == 12


def test_receive_records_source_and_received_date(services, agency):
    source = services.catalog.list_sources()[0]
    services.stock.receive(
        agency.room,
        [ReceiveLine(agency.narcan, "S1", EXP, 2)],
        source_id=source.id,
        received_on=date(2026, 1, 10),
    )
    lot = services.stock.find_lot(agency.narcan, "S1")
    assert lot.source_name == source.name and lot.received_on == date(2026, 1, 10)


@pytest.mark.parametrize(
    ("line", "error"),
    [
        (dict(qty=0), ValidationError),
        (dict(qty=-3), ValidationError),
        (dict(qty=2.5), ValidationError),
        (dict(lot=""), ValidationError),
        (dict(expiry=None), ValidationError),
        (dict(expiry=TODAY - timedelta(days=1)), LotExpired),
        (dict(product=999_999), NotFound),
    ],
)
def test_receive_refusals_write_nothing(services, agency, database, line, error):
    receive(services, agency, qty=3, lot="KEEP")
    before = snapshot(database.sessions)
    with pytest.raises(error) as refusal:
        receive(services, agency, **line)
    assert str(refusal.value)
    assert snapshot(database.sessions) == before


def test_one_bad_line_refuses_the_whole_delivery(services, agency, database):
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match="Line 2"):
        services.stock.receive(
            agency.room,
            [ReceiveLine(agency.narcan, "A1", EXP, 5), ReceiveLine(agency.teva, "", EXP, 5)],
        )
    assert snapshot(database.sessions) == before


def test_expired_receipt_needs_explicit_override(services, agency):
    old = TODAY - timedelta(days=30)
    services.stock.receive(
        agency.room, [ReceiveLine(agency.narcan, "OLD", old, 4)], allow_expired=True
    )
    assert services.stock.list_on_hand()[0].expired


def test_expiry_that_is_today_is_still_usable(services, agency):
    receive(services, agency, expiry=TODAY)
    assert not services.stock.list_on_hand()[0].expired


def test_same_lot_with_other_expiry_is_refused(services, agency, database):
    receive(services, agency)
    before = snapshot(database.sessions)
    with pytest.raises(LotConflict, match="already recorded with expiry 2027-06-30"):
        receive(services, agency, expiry=date(2027, 7, 31))
    assert snapshot(database.sessions) == before


def test_inactive_location_accepts_nothing(services, agency, database):
    services.catalog.set_location_active(agency.vehicle2, False)
    before = snapshot(database.sessions)
    with pytest.raises(InactiveLocation):
        receive(services, agency, where=agency.vehicle2)
    receive(services, agency)
    lot = services.stock.find_lot(agency.narcan, "A1")
    before = snapshot(database.sessions)
    with pytest.raises(InactiveLocation):
        services.stock.transfer(lot.id, agency.room, agency.vehicle2, 1)
    assert snapshot(database.sessions) == before


def test_transfer_moves_stock_and_refuses_overdraft(services, agency, database):
    receive(services, agency, qty=10)
    lot = services.stock.find_lot(agency.narcan, "A1")
    services.stock.transfer(lot.id, agency.room, agency.vehicle, 4, "restock")
    assert held(services, agency.room) == 6 and held(services, agency.vehicle) == 4
    before = snapshot(database.sessions)
    with pytest.raises(InsufficientStock, match=r"Supply room holds 6 .* lot A1; 7 requested"):
        services.stock.transfer(lot.id, agency.room, agency.vehicle, 7)
    with pytest.raises(ValidationError):
        services.stock.transfer(lot.id, agency.room, agency.room, 1)
    with pytest.raises(ValidationError):
        services.stock.transfer(lot.id, agency.room, agency.vehicle, 0)
    assert snapshot(database.sessions) == before


def test_count_records_the_difference(services, agency, database):
    receive(services, agency, qty=10)
    lot = services.stock.find_lot(agency.narcan, "A1")
    op = services.stock.count(lot.id, agency.room, 8, "monthly count")
    assert op.reason == "adjust" and op.quantity == 2
    assert held(services, agency.room) == 8
    services.stock.count(lot.id, agency.room, 11, "found a carton")
    assert held(services, agency.room) == 11
    assert services.stock.count(lot.id, agency.room, 11, "same") is None
    before = snapshot(database.sessions)
    for bad in (-1, 2.0, True):
        with pytest.raises(ValidationError):
            services.stock.count(lot.id, agency.room, bad, "x")
    with pytest.raises(ValidationError):
        services.stock.count(lot.id, agency.room, 3, "  ")
    assert snapshot(database.sessions) == before


def test_quarantine_moves_to_station_quarantine_and_is_not_usable(services, agency):
    receive(services, agency, qty=10)
    lot = services.stock.find_lot(agency.narcan, "A1")
    services.stock.quarantine(lot.id, agency.room, 3, "damaged box")
    rows = {r.location_path: r for r in services.stock.list_on_hand()}
    assert rows["Station 1 / Quarantine"].quantity == 3
    assert rows["Station 1 / Quarantine"].quarantined
    totals = {t.product_id: t for t in services.stock.product_totals()}
    assert totals[agency.narcan].usable == 7 and totals[agency.narcan].quarantined == 3
    with pytest.raises(InsufficientStock):
        services.stock.fefo_pick(agency.narcan, agency.room, 8)


def test_dispose_needs_a_known_reason(services, agency, database):
    receive(services, agency, qty=10)
    lot = services.stock.find_lot(agency.narcan, "A1")
    op = services.stock.dispose(lot.id, agency.room, 2, "damaged", "crushed")
    assert op.note == "damaged: crushed"
    assert held(services, agency.room) == 8
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match="disposal reason"):
        services.stock.dispose(lot.id, agency.room, 1, "lost in fire")
    with pytest.raises(ValidationError, match="Describe"):
        services.stock.dispose(lot.id, agency.room, 1, "other")
    with pytest.raises(InsufficientStock):
        services.stock.dispose(lot.id, agency.room, 9, "expired")
    assert snapshot(database.sessions) == before


def test_reverse_restores_balances_once(services, agency, database):
    receive(services, agency, qty=10)
    lot = services.stock.find_lot(agency.narcan, "A1")
    move = services.stock.transfer(lot.id, agency.room, agency.vehicle, 4)
    reversal = services.stock.reverse(move.id, "wrong vehicle")
    assert held(services, agency.room) == 10 and held(services, agency.vehicle) == 0
    history = services.stock.list_moves(lot_id=lot.id)
    assert {move.id, reversal.id} <= {m.operation_id for m in history}
    assert any(m.reversed_by_id == reversal.id for m in history)
    before = snapshot(database.sessions)
    with pytest.raises(AlreadyReversed):
        services.stock.reverse(move.id, "again")
    with pytest.raises(ValidationError):
        services.stock.reverse(reversal.id, "undo the undo")
    with pytest.raises(ValidationError):
        services.stock.reverse(move.id, "")
    with pytest.raises(NotFound):
        services.stock.reverse(424242, "nope")
    assert snapshot(database.sessions) == before


def test_reversal_that_would_go_negative_is_refused(services, agency, database):
    op = receive(services, agency, qty=10)
    lot = services.stock.find_lot(agency.narcan, "A1")
    services.stock.transfer(lot.id, agency.room, agency.vehicle, 8)
    before = snapshot(database.sessions)
    with pytest.raises(InsufficientStock):
        services.stock.reverse(op.id, "typo")
    assert snapshot(database.sessions) == before


def test_fefo_pick_takes_earliest_usable_lots_first(services, agency):
    receive(services, agency, qty=4, lot="LATE", expiry=date(2028, 1, 31))
    receive(services, agency, qty=3, lot="SOON", expiry=date(2026, 3, 31))
    services.stock.receive(
        agency.room,
        [ReceiveLine(agency.narcan, "GONE", date(2025, 12, 31), 9)],
        allow_expired=True,
    )
    picks = services.stock.fefo_pick(agency.narcan, agency.room, 5)
    assert [(p.lot_number, p.quantity) for p in picks] == [("SOON", 3), ("LATE", 2)]
    with pytest.raises(InsufficientStock, match="has 7 usable"):
        services.stock.fefo_pick(agency.narcan, agency.room, 8)


def test_on_hand_includes_sub_locations_and_filters(services, agency):
    receive(services, agency, qty=5, where=agency.cabinet)
    receive(services, agency, qty=2, lot="B2", expiry=date(2026, 2, 10))
    assert {r.lot_number for r in services.stock.list_on_hand(location_id=agency.room)} == {
        "A1",
        "B2",
    }
    assert [r.lot_number for r in services.stock.list_on_hand(location_id=agency.cabinet)] == ["A1"]
    assert [r.lot_number for r in services.stock.list_on_hand(expiring_within=30)] == ["B2"]
    assert [r.lot_number for r in services.stock.list_on_hand(text="cabinet")] == ["A1"]
    assert [r.lot_number for r in services.stock.list_expiring(60)] == ["B2"]
    assert services.stock.list_on_hand(product_id=agency.teva) == []
    station = next(t for t in services.stock.location_totals() if t.location_id == agency.station)
    assert station.usable == 7


def test_history_says_who_when_what_why(services, agency, clock):
    receive(services, agency, qty=6)
    lot = services.stock.find_lot(agency.narcan, "A1")
    clock.advance(days=1)
    services.actor.name = "sgt.smith"  # another person at the keyboard
    services.stock.transfer(lot.id, agency.room, agency.vehicle, 2, "restock")
    latest = services.stock.list_moves(location_id=agency.vehicle)[0]
    assert (latest.user, latest.reason, latest.note, latest.quantity) == (
        "sgt.smith",
        "transfer",
        "restock",
        2,
    )
    assert latest.from_name == "Supply room" and latest.to_name == "Patrol 12"
    assert latest.at.date() == TODAY + timedelta(days=1)


def test_every_refusal_is_a_domain_error_with_a_message(services, agency):
    with pytest.raises(DomainError) as refusal:
        services.stock.receive(agency.room, [])
    assert "at least one line" in str(refusal.value)
