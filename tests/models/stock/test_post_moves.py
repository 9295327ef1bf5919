"""A batch of moves (`post_moves`) keeps every rule of a single move and is written all or none."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.common.errors import InactiveLocation, InsufficientStock, ValidationError
from models.stock.entities import LocationKind, Reason
from models.stock.ledger import open_operation, virtual_location_id
from models.stock.ledger_check import check_ledger
from models.stock.moves import Move, post_moves
from tests.conftest import Agency
from tests.models.alert_fixtures import receive
from tests.snapshot import snapshot

EXPIRY = date(2030, 1, 31)


def _post(database, clock, moves, effective_on: date | None = None) -> None:
    """Post (lot, from, to, quantity) lines as one operation in one transaction."""
    with database.sessions.begin() as s:
        op = open_operation(s, Reason.TRANSFER, "tester", clock.now(), effective_on=effective_on)
        post_moves(s, [Move(op, *line) for line in moves])


def test_a_batch_moving_more_than_is_there_is_refused_and_writes_nothing(
    services, database, clock, agency: Agency
) -> None:
    lot = receive(services, agency.room, agency.narcan, "A1", EXPIRY, 5)
    before = snapshot(database.sessions)
    with pytest.raises(InsufficientStock, match=r"^Supply room holds 5 of Narcan .* lot A1; 6 "):
        _post(database, clock, [(lot, agency.room, agency.vehicle, 6)])
    assert snapshot(database.sessions) == before


def test_one_overdrawing_line_refuses_the_whole_batch(
    services, database, clock, agency: Agency
) -> None:
    a1 = receive(services, agency.room, agency.narcan, "A1", EXPIRY, 10)
    s1 = receive(services, agency.room, agency.strips, "S1", EXPIRY, 3)
    before = snapshot(database.sessions)
    lines = [
        (a1, agency.room, agency.vehicle, 4),
        (a1, agency.room, agency.vehicle2, 4),
        (s1, agency.room, agency.vehicle, 2),
        (s1, agency.room, agency.vehicle2, 2),  # 4 strips of 3: refused, and so is the rest
    ]
    with pytest.raises(InsufficientStock, match="holds 3 of Fentanyl test strip lot S1; 4"):
        _post(database, clock, lines)
    assert snapshot(database.sessions) == before


def test_balances_equal_the_ledger_after_batches_both_ways(
    services, database, clock, agency: Agency
) -> None:
    a1 = receive(services, agency.room, agency.narcan, "A1", EXPIRY, 20)
    s1 = receive(services, agency.room, agency.strips, "S1", EXPIRY, 30)
    disposed = _virtual(database, LocationKind.DISPOSED)
    _post(
        database,
        clock,
        [
            (a1, agency.room, agency.vehicle, 8),
            (a1, agency.room, agency.vehicle, 2),  # the same balance twice: changed once by 10
            (s1, agency.room, agency.cabinet, 30),
            (s1, agency.cabinet, agency.vehicle2, 5),  # what the batch itself brought there
        ],
    )
    _post(database, clock, [(a1, agency.vehicle, agency.room, 3), (a1, agency.room, disposed, 1)])
    assert services.stock.on_hand(a1, agency.room) == 12
    assert services.stock.on_hand(a1, agency.vehicle) == 7
    assert services.stock.on_hand(s1, agency.cabinet) == 25
    assert services.stock.on_hand(s1, agency.vehicle2) == 5
    with database.sessions() as s:
        report = check_ledger(s)
    assert report.ok, report.problems
    assert report.moves == 2 + 4 + 2


def test_an_inactive_target_or_a_move_in_place_refuses_the_batch(
    services, database, clock, agency: Agency
) -> None:
    lot = receive(services, agency.room, agency.narcan, "A1", EXPIRY, 10)
    services.catalog.set_location_active(agency.vehicle2, False)
    before = snapshot(database.sessions)
    with pytest.raises(InactiveLocation, match="Patrol 14 is inactive"):
        _post(
            database,
            clock,
            [(lot, agency.room, agency.vehicle, 1), (lot, agency.room, agency.vehicle2, 1)],
        )
    with pytest.raises(ValidationError, match="same location"):
        _post(
            database,
            clock,
            [(lot, agency.room, agency.vehicle, 1), (lot, agency.room, agency.room, 1)],
        )
    with pytest.raises(ValidationError):
        _post(database, clock, [(lot, agency.room, agency.vehicle, 0)])
    assert snapshot(database.sessions) == before


def test_a_back_dated_batch_takes_only_what_was_there_that_day(
    services, database, clock, agency: Agency
) -> None:
    today = clock.today()
    clock.advance(days=-10)
    lot = receive(services, agency.room, agency.narcan, "A1", EXPIRY, 5)
    clock.advance(days=10)
    receive(services, agency.room, agency.narcan, "A1", EXPIRY, 5)  # arrived today
    before = snapshot(database.sessions)
    last_week = today - timedelta(days=7)
    lines = [(lot, agency.room, agency.vehicle, 3), (lot, agency.room, agency.vehicle2, 3)]
    with pytest.raises(InsufficientStock, match=r"held 5 of Narcan .* lot A1; 6 requested"):
        _post(database, clock, lines, effective_on=last_week)
    assert snapshot(database.sessions) == before
    _post(database, clock, [*lines[:1], (lot, agency.room, agency.vehicle2, 2)], last_week)
    assert services.stock.on_hand(lot, agency.room) == 5


def _virtual(database, kind: LocationKind) -> int:
    with database.sessions() as s:
        return virtual_location_id(s, kind)
