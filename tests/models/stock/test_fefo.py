"""One FEFO: lots at a place in the order they are used, under an explicit policy."""

from __future__ import annotations

from datetime import timedelta

from models.stock.fefo import EVERYTHING, ISSUE, MOVE, ON_SCENE, cover, held_lots
from models.stock.rows import ReceiveLine
from models.stock.service import quarantine_location
from tests.conftest import TODAY
from tests.models.alert_fixtures import receive


def _numbers(lots):
    return [lot.lot_number for lot in lots]


def test_issue_skips_expired_lots_and_keeps_no_expiry_last(database, services, agency) -> None:
    receive(services, agency.room, agency.narcan, "LATE", TODAY + timedelta(days=300), 4)
    receive(services, agency.room, agency.narcan, "OLD", TODAY - timedelta(days=1), 4)
    receive(services, agency.room, agency.narcan, "SOON", TODAY + timedelta(days=20), 4)
    services.stock.receive(agency.room, [ReceiveLine(agency.shield, "", None, 4)])
    with database.sessions() as s:
        shield = held_lots(s, TODAY, agency.room, product_ids=[agency.shield])[0].lot_number
        assert _numbers(held_lots(s, TODAY, agency.room, ISSUE)) == ["SOON", "LATE", shield]
        assert _numbers(held_lots(s, TODAY, agency.room, ON_SCENE))[-2:] == [shield, "OLD"]
        assert _numbers(held_lots(s, TODAY, agency.room, EVERYTHING))[0] == "OLD"
        narcan = held_lots(s, TODAY, agency.room, product_ids=[agency.narcan])
    takes, missing = cover(narcan, 6)
    assert [(lot.lot_number, take) for lot, take in takes] == [("SOON", 4), ("LATE", 2)]
    assert missing == 0
    assert cover(narcan, 9)[1] == 1


def test_a_quarantine_place_offers_nothing_unless_the_policy_says_so(
    database, services, agency
) -> None:
    lot = receive(services, agency.room, agency.narcan, "Q1", TODAY + timedelta(days=90), 3)
    services.stock.quarantine(lot, agency.room, 3, "damaged box")
    with database.sessions() as s:
        place = quarantine_location(s, agency.room)
        assert held_lots(s, TODAY, place.id, ISSUE) == []
        assert _numbers(held_lots(s, TODAY, place.id, MOVE)) == ["Q1"]
