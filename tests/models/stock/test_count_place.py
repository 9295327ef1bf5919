"""Counting a whole place: expected lots, drafts, one operation for the variances, refusals."""

from __future__ import annotations

from datetime import date

import pytest

from models.common.errors import DomainError
from models.stock.count_rows import CountEntry
from models.stock.rows import ReceiveLine
from tests.snapshot import snapshot


def _stock(services, agency):
    lots = []
    for number, (where, qty) in enumerate(
        [(agency.room, 10), (agency.cabinet, 4), (agency.vehicle, 2)]
    ):
        services.stock.receive(
            where, [ReceiveLine(agency.narcan, f"L{number}", date(2027, 6, 30), qty)]
        )
        lots.append(services.stock.find_lot(agency.narcan, f"L{number}").id)
    return lots


def test_a_room_count_lists_its_lots_and_those_of_its_cabinets(services, agency):
    _stock(services, agency)
    sheet = services.counts.open_count(agency.room)
    assert sorted((r.lot_number, r.expected) for r in sheet.lines) == [("L0", 10), ("L1", 4)]
    assert services.counts.open_count(agency.room).id == sheet.id  # resumed, not a second one
    station = services.counts.open_count(agency.station)
    assert len(station.lines) == 3


def test_posting_makes_one_operation_with_the_variances_and_reverses(services, agency):
    l0, l1, _l2 = _stock(services, agency)
    sheet = services.counts.open_count(agency.room)
    entries = [CountEntry(l0, agency.room, 8, "Found damaged"), CountEntry(l1, agency.cabinet, 4)]
    services.counts.save_draft(sheet.id, entries[:1])
    resumed = services.counts.get_count(sheet.id)
    assert {r.lot_id: r.counted for r in resumed.lines} == {l0: 8, l1: None}
    op = services.counts.post_count(sheet.id, entries)
    assert op is not None and op.move_count == 1 and op.quantity == 2
    assert services.stock.on_hand(l0, agency.room) == 8
    assert services.counts.get_count(sheet.id).status == "posted"
    services.stock.reverse(op.id, "Counted the wrong shelf")
    assert services.stock.on_hand(l0, agency.room) == 10


def test_an_unexpected_lot_is_added_and_counted_in(services, agency):
    _l0, _l1, l2 = _stock(services, agency)  # L2 is in the vehicle, not in the room
    sheet = services.counts.open_count(agency.room)
    services.counts.post_count(sheet.id, [CountEntry(l2, agency.room, 2, "Found stock")])
    assert services.stock.on_hand(l2, agency.room) == 2


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (lambda a, lots: CountEntry(lots[0], a.room, 7), "Give a reason"),
        (lambda a, lots: CountEntry(lots[0], a.room, -1, "x"), "0 or more"),
        (lambda a, lots: CountEntry(lots[2], a.vehicle, 1, "x"), "not part of the place"),
        (lambda a, lots: CountEntry(lots[0], a.room, 7, "Call 518-555-0134"), "phone"),
    ],
)
def test_refusals_write_nothing_and_say_why(services, agency, entry, message):
    lots = _stock(services, agency)
    sheet = services.counts.open_count(agency.room)
    before = snapshot(services.stock._sessions)
    with pytest.raises(DomainError, match=message):
        services.counts.post_count(sheet.id, [entry(agency, lots)])
    assert snapshot(services.stock._sessions) == before


def test_counting_into_an_inactive_place_is_refused(services, agency):
    lots = _stock(services, agency)
    sheet = services.counts.open_count(agency.station)
    services.catalog.set_location_active(agency.vehicle2, False)
    before = snapshot(services.stock._sessions)
    with pytest.raises(DomainError, match="inactive"):
        services.counts.post_count(sheet.id, [CountEntry(lots[0], agency.vehicle2, 1, "found")])
    with pytest.raises(DomainError, match="inactive"):
        services.counts.open_count(agency.vehicle2)
    assert snapshot(services.stock._sessions) == before
